import { describe, expect, it } from "vitest";
import { pairSessionIds } from "../../src/engine/sessionPairs.js";
import { type FileServiceState, nameKey } from "../../src/engine/state.js";
import type { DirectoryStore } from "../../src/engine/store.js";
import {
  closeSession,
  connectShare,
  deleteSessions,
  disconnectShare,
  openSession,
  touchSession,
} from "../../src/engine/transitions/sessions.js";
import type { FixtureServiceStatus } from "../../src/fixture/types.js";
import type { FidelityProfile } from "../../src/profile/FidelityProfile.js";
import { sambaProfile } from "../../src/profile/samba.js";
import { windowsProfile } from "../../src/profile/windows.js";
import { expectFails } from "../support/expectFails.js";
import { AT, FS01, LANMAN, lanmanServer, NOW, serverStore } from "../support/serverStore.js";

/** FS01's LanmanServer, as transitions address it. */
const at = AT;
function makeStore(
  options: { status?: FixtureServiceStatus; maxUserCount?: number; profile?: FidelityProfile } = {},
) {
  const lanman = lanmanServer({
    status: options.status ?? "running",
    maxUserCount: options.maxUserCount ?? -1,
    shares: [
      { name: "Public", path: "C:Public" },
      { name: "Limited", path: "C:Limited", maxUserCount: 1 },
      { name: "Team", path: "C:Team" },
    ],
    sessions: [
      {
        user: "alice",
        computer: "10.0.0.5",
        connectedAt: "2026-01-05T08:57:55Z",
        lastActivityAt: "2026-01-05T08:59:40Z",
        shares: ["Public"],
        openFiles: [{ id: 42, path: "C:Publica.txt", locks: 1 }],
      },
      { user: "ALICE", computer: "10.0.0.5", connectedAt: "2026-01-05T08:58:00Z" },
      { user: "bob", computer: "WS02", connectedAt: "2026-01-05T08:58:00Z", shares: ["Limited"] },
      { user: "alice", computer: "WS03", connectedAt: "2026-01-05T08:58:00Z" },
    ],
  });
  return serverStore([lanman], { profile: options.profile ?? windowsProfile });
}

function fs(store: DirectoryStore): FileServiceState {
  const found = store.state.computers.get(FS01)?.services.get(LANMAN)?.fileService;
  if (!found) throw new Error("no file service");
  return found;
}
const uses = (store: DirectoryStore, share: string) => fs(store).shares.get(nameKey(share))?.currentUses;
const session = (store: DirectoryStore, id: number) => fs(store).sessions.get(id);
const pairIds = (store: DirectoryStore, user: string, client: string) =>
  pairSessionIds(fs(store).sessionsByPair, fs(store).sessions, user, client);

const alice = { ...at, user: "carol", client: "10.0.0.9" };

describe("openSession (session.open)", () => {
  it("assigns the next id, records the session, indexes it and counts its shares", () => {
    const store = makeStore();
    const before = store.state;
    const id = store.apply(openSession, { ...alice, shares: ["public", "PUBLIC", "team"] });
    expect(id).toBe(5);
    expect(fs(store).nextSessionId).toBe(6);
    expect(session(store, 5)).toEqual({
      id: 5,
      user: "carol",
      computer: "10.0.0.9",
      connectedAt: NOW,
      lastActivityAt: NOW,
      shares: [nameKey("Public"), nameKey("Team")],
      guest: false,
      clientType: undefined,
      transport: undefined,
      fileIds: [],
    });
    expect(fs(store).sessions.size).toBe(5);
    expect(pairIds(store, "CAROL", "10.0.0.9")).toEqual([5]);
    expect([uses(store, "Public"), uses(store, "Team"), uses(store, "Limited")]).toEqual([2, 1, 1]);
    expect(before.computers.get(FS01)?.services.get(LANMAN)?.fileService?.sessions.size).toBe(4);
  });
  it("keeps the given time, guest flag, client type and transport", () => {
    const store = makeStore();
    const id = store.apply(openSession, {
      ...alice,
      at: NOW - 5000,
      guest: true,
      clientType: "OS/2 LM 2.0",
      transport: "\\Device\\NetbiosSmb",
    });
    expect(session(store, id)).toMatchObject({
      connectedAt: NOW - 5000,
      lastActivityAt: NOW - 5000,
      guest: true,
      clientType: "OS/2 LM 2.0",
      transport: "\\Device\\NetbiosSmb",
    });
  });
  it("refuses a time in the future and a malformed user or client", () => {
    const store = makeStore();
    expectFails(store, () => store.apply(openSession, { ...alice, at: NOW + 1 }), "E_INVALIDARG");
    expectFails(store, () => store.apply(openSession, { ...alice, client: "\\\\x" }), "E_INVALIDARG");
    expectFails(store, () => store.apply(openSession, { ...alice, client: "" }), "E_INVALIDARG");
    expectFails(store, () => store.apply(openSession, { ...alice, user: "a\\b" }), "E_INVALIDARG");
  });
  it.each([
    ["paused", "ERROR_SHARING_PAUSED"],
    ["stopped", "RPC_S_SERVER_UNAVAILABLE"],
    ["startPending", "RPC_S_SERVER_UNAVAILABLE"],
    ["error", "RPC_S_SERVER_UNAVAILABLE"],
  ] as const)("fails while the service is %s with %s", (status, code) => {
    const store = makeStore({ status });
    expectFails(store, () => store.apply(openSession, alice), code);
  });
  it("fails at the server's MaxUserCount with the profile's too-many-users code", () => {
    const store = makeStore({ maxUserCount: 5 });
    store.apply(openSession, alice);
    expectFails(store, () => store.apply(openSession, alice), "ERROR_REQ_NOT_ACCEP");
  });
  it("fails for an unknown share and for a share at its MaxUserCount", () => {
    const store = makeStore();
    expectFails(
      store,
      () => store.apply(openSession, { ...alice, shares: ["Nope"] }),
      "NERR_NetNameNotFound",
    );
    expectFails(
      store,
      () => store.apply(openSession, { ...alice, shares: ["Public", "Limited"] }),
      "ERROR_REQ_NOT_ACCEP",
    );
  });
});

describe("connectShare / disconnectShare", () => {
  it("connects once, counting the share, and is idempotent", () => {
    const store = makeStore();
    store.apply(connectShare, { ...at, sessionId: 2, share: "public" });
    expect(session(store, 2)?.shares).toEqual([nameKey("Public")]);
    expect(uses(store, "Public")).toBe(2);
    const before = store.state;
    store.apply(connectShare, { ...at, sessionId: 2, share: "PUBLIC" });
    expect(store.state).toBe(before);
  });
  it("fails for an unknown session, an unknown share, a full share, a paused server", () => {
    const store = makeStore();
    expectFails(
      store,
      () => store.apply(connectShare, { ...at, sessionId: 99, share: "Public" }),
      "NERR_ClientNameNotFound",
    );
    expectFails(
      store,
      () => store.apply(connectShare, { ...at, sessionId: 2, share: "Nope" }),
      "NERR_NetNameNotFound",
    );
    expectFails(
      store,
      () => store.apply(connectShare, { ...at, sessionId: 2, share: "Limited" }),
      "ERROR_REQ_NOT_ACCEP",
    );
    const paused = makeStore({ status: "paused" });
    expectFails(
      paused,
      () => paused.apply(connectShare, { ...at, sessionId: 2, share: "Public" }),
      "ERROR_SHARING_PAUSED",
    );
  });
  it("disconnects, releasing the share but keeping the session and its files", () => {
    const store = makeStore();
    store.apply(disconnectShare, { ...at, sessionId: 1, share: "public" });
    expect(session(store, 1)).toMatchObject({ shares: [], fileIds: [42] });
    expect(uses(store, "Public")).toBe(0);
    const before = store.state;
    store.apply(disconnectShare, { ...at, sessionId: 1, share: "Public" });
    expect(store.state).toBe(before);
    expectFails(
      store,
      () => store.apply(disconnectShare, { ...at, sessionId: 1, share: "Nope" }),
      "NERR_NetNameNotFound",
    );
    expectFails(
      store,
      () => store.apply(disconnectShare, { ...at, sessionId: 99, share: "Public" }),
      "NERR_ClientNameNotFound",
    );
  });
});

describe("touchSession (session.touch)", () => {
  it("sets lastActivityAt to now by default or to the given time", () => {
    const store = makeStore();
    store.apply(touchSession, { ...at, sessionId: 1 });
    expect(session(store, 1)?.lastActivityAt).toBe(NOW);
    store.apply(touchSession, { ...at, sessionId: 1, at: NOW - 125_000 });
    expect(session(store, 1)?.lastActivityAt).toBe(NOW - 125_000);
  });
  it("refuses a time before the connection or after now, and an unknown session", () => {
    const store = makeStore();
    const connected = session(store, 1)?.connectedAt ?? 0;
    expectFails(
      store,
      () => store.apply(touchSession, { ...at, sessionId: 1, at: connected - 1 }),
      "E_INVALIDARG",
    );
    expectFails(store, () => store.apply(touchSession, { ...at, sessionId: 1, at: NOW + 1 }), "E_INVALIDARG");
    expectFails(
      store,
      () => store.apply(touchSession, { ...at, sessionId: 1, at: Number.NaN }),
      "E_INVALIDARG",
    );
    expectFails(store, () => store.apply(touchSession, { ...at, sessionId: 7 }), "NERR_ClientNameNotFound");
  });
});

describe("closeSession (session.close)", () => {
  it("removes the session, its files, its index entry and its share uses", () => {
    const store = makeStore();
    expect(store.apply(closeSession, { ...at, sessionId: 1 })).toEqual([42]);
    expect(session(store, 1)).toBeUndefined();
    expect(fs(store).files.get(42)).toBeUndefined();
    expect(fs(store).files.size).toBe(0);
    expect(pairIds(store, "alice", "10.0.0.5")).toEqual([2]);
    expect(uses(store, "Public")).toBe(0);
    expect(fs(store).sessions.size).toBe(3);
  });
  it("fails for an unknown session", () => {
    const store = makeStore();
    expectFails(store, () => store.apply(closeSession, { ...at, sessionId: 0 }), "NERR_ClientNameNotFound");
  });
});

describe("deleteSessions (session.delete, NetSessionDel)", () => {
  const ids = (store: DirectoryStore) => [...Array(6).keys()].filter((id) => session(store, id));
  it("ends every session of a (user, client) pair, case-insensitively, with their files", () => {
    const store = makeStore();
    expect(store.apply(deleteSessions, { ...at, user: "Alice", client: "10.0.0.5" })).toBe(2);
    expect(ids(store)).toEqual([3, 4]);
    expect(fs(store).files.size).toBe(0);
    expect(pairIds(store, "alice", "10.0.0.5")).toEqual([]);
    expect(uses(store, "Public")).toBe(0);
  });
  it("accepts the API form of the client name with a leading \\\\", () => {
    const store = makeStore();
    expect(store.apply(deleteSessions, { ...at, user: "bob", client: "\\\\ws02" })).toBe(1);
    expect(uses(store, "Limited")).toBe(0);
  });
  it("with only a user ends that user's sessions from every client", () => {
    const store = makeStore();
    expect(store.apply(deleteSessions, { ...at, user: "ALICE" })).toBe(3);
    expect(ids(store)).toEqual([3]);
    expect(pairIds(store, "alice", "WS03")).toEqual([]);
  });
  it("with only a client ends every user's sessions from it", () => {
    const store = makeStore();
    expect(store.apply(deleteSessions, { ...at, client: "10.0.0.5" })).toBe(2);
    expect(ids(store)).toEqual([3, 4]);
  });
  it("needs a user or a client", () => {
    const store = makeStore();
    expectFails(store, () => store.apply(deleteSessions, at), "E_INVALIDARG");
  });
  it("fails with the profile's unknown-session code when nothing matches", () => {
    const store = makeStore();
    expectFails(
      store,
      () => store.apply(deleteSessions, { ...at, user: "nobody", client: "x" }),
      "NERR_ClientNameNotFound",
    );
    expectFails(
      store,
      () => store.apply(deleteSessions, { ...at, user: "bob", client: "10.0.0.5" }),
      "NERR_ClientNameNotFound",
    );
    expectFails(
      store,
      () => store.apply(deleteSessions, { ...at, client: "nowhere" }),
      "NERR_ClientNameNotFound",
    );
    const samba = makeStore({ profile: sambaProfile });
    expectFails(samba, () => samba.apply(deleteSessions, { ...at, user: "nobody" }), "E_ACCESSDENIED");
  });
  it("ends sessions whatever the service status (they exist until a stop ends them)", () => {
    const store = makeStore({ status: "paused" });
    expect(store.apply(deleteSessions, { ...at, user: "bob", client: "WS02" })).toBe(1);
  });
});
