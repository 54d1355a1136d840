import { describe, expect, it } from "vitest";
import { SERVICE_STATUS } from "../../src/engine/fromFixture.js";
import { type DirectoryState, type FileServiceState, nameKey } from "../../src/engine/state.js";
import type { DirectoryStore } from "../../src/engine/store.js";
import { openFile } from "../../src/engine/transitions/files.js";
import { controlService, setServicePassword } from "../../src/engine/transitions/serviceControl.js";
import { openSession } from "../../src/engine/transitions/sessions.js";
import { AdsError } from "../../src/errors/AdsError.js";
import type { FixtureServiceStatus } from "../../src/fixture/types.js";
import { windowsProfile } from "../../src/profile/windows.js";
import { FS01, LANMAN, lanmanServer, serverStore } from "../support/serverStore.js";

const STATUSES = Object.keys(SERVICE_STATUS) as FixtureServiceStatus[];

function makeStore() {
  return serverStore([
    ...STATUSES.map((status) => ({
      name: `Svc-${status}`,
      status,
      acceptedControls: ["stop", "pauseContinue"],
    })),
    { name: "NoPause", status: "running" },
    { name: "NoStop", status: "running", acceptedControls: [] },
    { name: "Off", status: "stopped", startType: "disabled" },
    lanmanServer({
      shares: [
        { name: "Public", path: "C:Public" },
        { name: "Team", path: "C:Team" },
      ],
      sessions: [
        {
          user: "alice",
          computer: "10.0.0.5",
          connectedAt: "2026-01-05T08:57:55Z",
          shares: ["Public", "Team"],
          openFiles: [{ id: 42, path: "C:Publica.txt" }],
        },
        { user: "bob", computer: "WS02", connectedAt: "2026-01-05T08:58:00Z", shares: ["Team"] },
      ],
    }),
  ]);
}

const serviceOf = (state: DirectoryState, name: string) =>
  state.computers.get(FS01)?.services.get(nameKey(name));
const fs = (store: DirectoryStore): FileServiceState => {
  const found = serviceOf(store.state, "LanmanServer")?.fileService;
  if (!found) throw new Error("no file service");
  return found;
};

type Control = "start" | "stop" | "pause" | "continue";
type Outcome = FixtureServiceStatus | "alreadyRunning" | "notActive" | "cannotAcceptControl";

/** Expected result of each control from each status (spec §8.1, §14 item 28). */
const TABLE: Record<FixtureServiceStatus, Record<Control, Outcome>> = {
  stopped: { start: "running", stop: "notActive", pause: "notActive", continue: "notActive" },
  startPending: {
    start: "alreadyRunning",
    stop: "stopped",
    pause: "cannotAcceptControl",
    continue: "cannotAcceptControl",
  },
  stopPending: {
    start: "alreadyRunning",
    stop: "stopped",
    pause: "cannotAcceptControl",
    continue: "cannotAcceptControl",
  },
  running: { start: "alreadyRunning", stop: "stopped", pause: "paused", continue: "running" },
  continuePending: {
    start: "alreadyRunning",
    stop: "stopped",
    pause: "cannotAcceptControl",
    continue: "cannotAcceptControl",
  },
  pausePending: {
    start: "alreadyRunning",
    stop: "stopped",
    pause: "cannotAcceptControl",
    continue: "cannotAcceptControl",
  },
  paused: { start: "alreadyRunning", stop: "stopped", pause: "paused", continue: "running" },
  error: {
    start: "alreadyRunning",
    stop: "stopped",
    pause: "cannotAcceptControl",
    continue: "cannotAcceptControl",
  },
};

describe("controlService (service.control)", () => {
  const cases = STATUSES.flatMap((status) =>
    (["start", "stop", "pause", "continue"] as const).map(
      (control) => [status, control, TABLE[status][control]] as const,
    ),
  );
  it.each(cases)("from %s, %s → %s", (status, control, outcome) => {
    const store = makeStore();
    const before = store.state;
    const service = nameKey(`Svc-${status}`);
    const apply = () => store.apply(controlService, { computer: FS01, service, control });
    if (outcome in SERVICE_STATUS) {
      const expected = SERVICE_STATUS[outcome as FixtureServiceStatus];
      expect(apply()).toBe(expected);
      expect(serviceOf(store.state, `Svc-${status}`)?.status).toBe(expected);
      if (expected === SERVICE_STATUS[status]) expect(store.state).toBe(before);
    } else {
      const code =
        windowsProfile.serviceControlErrors[outcome as keyof typeof windowsProfile.serviceControlErrors];
      expect(apply).toThrow(expect.objectContaining({ code }));
      expect(apply).toThrow(AdsError);
      expect(store.state).toBe(before);
    }
  });
  it("refuses to start a disabled service with ERROR_SERVICE_DISABLED", () => {
    const store = makeStore();
    const before = store.state;
    expect(() =>
      store.apply(controlService, { computer: FS01, service: nameKey("off"), control: "start" }),
    ).toThrow(expect.objectContaining({ code: "ERROR_SERVICE_DISABLED" }));
    expect(store.state).toBe(before);
  });
  it("stopping a file service ends every session and open file and zeroes share uses", () => {
    const store = makeStore();
    const nextSessionId = fs(store).nextSessionId;
    expect(store.apply(controlService, { computer: FS01, service: LANMAN, control: "stop" })).toBe(1);
    expect(fs(store).sessions.size).toBe(0);
    expect([...fs(store).sessions]).toEqual([]);
    expect(fs(store).files.size).toBe(0);
    expect([...fs(store).files]).toEqual([]);
    expect(fs(store).sessionsByPair.size).toBe(0);
    expect(fs(store).idleQueue.size).toBe(0);
    expect([...fs(store).shares.values()].map((share) => share.currentUses)).toEqual([0, 0]);
    expect(fs(store).nextSessionId).toBe(nextSessionId);
    const args = { computer: FS01, service: LANMAN, user: "carol", client: "WS09" };
    expect(() => store.apply(openSession, args)).toThrow(
      expect.objectContaining({ code: "RPC_S_SERVER_UNAVAILABLE" }),
    );
    expect(store.apply(controlService, { computer: FS01, service: LANMAN, control: "start" })).toBe(4);
    expect(store.apply(openSession, { ...args, shares: ["Team"] })).toBe(nextSessionId);
    expect(fs(store).shares.get(nameKey("Team"))?.currentUses).toBe(1);
  });
  it("pausing a file service keeps its sessions and refuses new ones until continued", () => {
    const store = makeStore();
    const sessions = fs(store).sessions;
    expect(store.apply(controlService, { computer: FS01, service: LANMAN, control: "pause" })).toBe(7);
    expect(fs(store).sessions).toBe(sessions);
    const args = { computer: FS01, service: LANMAN, user: "carol", client: "WS09" };
    expect(() => store.apply(openSession, args)).toThrow(
      expect.objectContaining({ code: "ERROR_SHARING_PAUSED" }),
    );
    expect(store.apply(openFile, { computer: FS01, service: LANMAN, sessionId: 1, path: "C:\\b" })).toBe(43);
    expect(store.apply(controlService, { computer: FS01, service: LANMAN, control: "continue" })).toBe(4);
    expect(store.apply(openSession, args)).toBe(3);
  });
});

describe("setServicePassword (service.setPassword)", () => {
  it("stores the account password, in any status", () => {
    const store = makeStore();
    expect(serviceOf(store.state, "Svc-stopped")?.accountPassword).toBeUndefined();
    store.apply(setServicePassword, { computer: FS01, service: nameKey("svc-stopped"), password: "s3cret" });
    expect(serviceOf(store.state, "Svc-stopped")?.accountPassword).toBe("s3cret");
    store.apply(setServicePassword, { computer: FS01, service: LANMAN, password: "" });
    expect(serviceOf(store.state, "LanmanServer")?.accountPassword).toBe("");
  });
  it("refuses a non-string password and leaves the state alone", () => {
    const store = makeStore();
    const before = store.state;
    expect(() =>
      store.apply(setServicePassword, { computer: FS01, service: LANMAN, password: 5 as unknown as string }),
    ).toThrow(expect.objectContaining({ code: "E_INVALIDARG" }));
    expect(store.state).toBe(before);
  });
});

describe("accepted controls (issue 7 item 14)", () => {
  it("a service that does not accept pause/continue or stop refuses them with cannotAcceptControl, unchanged", () => {
    const store = makeStore();
    const at = (name: string) => ({ computer: FS01, service: nameKey(name) });
    const before = store.state;
    for (const [name, control] of [
      ["NoPause", "pause"],
      ["NoPause", "continue"],
      ["NoStop", "stop"],
      ["NoStop", "pause"],
    ] as const) {
      expect(() => store.apply(controlService, { ...at(name), control })).toThrow(
        expect.objectContaining({ code: "ERROR_SERVICE_CANNOT_ACCEPT_CTRL" }),
      );
    }
    expect(store.state).toBe(before);
    expect(store.apply(controlService, { ...at("NoPause"), control: "stop" })).toBe(1);
  });
});
