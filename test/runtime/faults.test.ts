import { describe, expect, it } from "vitest";
import { FAULT_OPERATIONS, type IADsContainer, type IADsFileShare } from "../../src/index.js";
import { catchAdsError, expectAdsError } from "../adsi/helpers.js";
import { ADMIN, at, connectAlice, fs01, MINUTE, office, sessionNames } from "./helpers.js";

describe("fault rules (emu.faults)", () => {
  it("fail an operation with a real HRESULT and leave the state untouched", () => {
    const emu = office();
    connectAlice(emu);
    const fso = fs01(emu);
    const rule = emu.faults.add({ operation: "Sessions", error: "RPC_S_SERVER_UNAVAILABLE" });
    expect(rule).toMatchObject({
      id: 1,
      operation: "Sessions",
      error: "RPC_S_SERVER_UNAVAILABLE",
      matched: 0,
      fired: 0,
    });
    const before = emu.state;
    const error = expectAdsError(() => fso.Sessions(), "RPC_S_SERVER_UNAVAILABLE");
    expect(error.message).toContain("fault rule #1");
    expect(emu.state).toBe(before);
    expect(emu.faults.list()).toEqual([{ ...rule, matched: 1, fired: 1 }]);
    expect(emu.events.query({ type: "fault.fired" })).toEqual([
      expect.objectContaining({
        ruleId: 1,
        operation: "Sessions",
        path: "WinNT://CORP/FS01/LanmanServer",
        error: "RPC_S_SERVER_UNAVAILABLE",
      }),
    ]);
    emu.faults.clear();
    expect(sessionNames(emu)).toHaveLength(1);
  });

  it("the issue's story: alice connects at 09:00, goes quiet, is dropped at 09:15, then Sessions() fails", () => {
    const emu = office();
    const alice = connectAlice(emu);
    emu.faults.add({ operation: "Sessions", from: "09:16", error: "RPC_S_SERVER_UNAVAILABLE" });
    emu.clock.tickTo("2026-01-05T09:15:59Z");
    expect(sessionNames(emu)).toEqual([]);
    expect(emu.events.query({ type: "session.closed", session: alice.name })[0]?.time).toBe(
      "2026-01-05T09:15:00Z",
    );
    emu.clock.tick("1s");
    expectAdsError(() => fs01(emu).Sessions(), "RPC_S_SERVER_UNAVAILABLE");
  });

  it.each([
    ["bind", (emu: ReturnType<typeof office>) => emu.GetObject("WinNT://FS01")],
    ["GetInfo", (emu: ReturnType<typeof office>) => fs01(emu).GetInfo()],
    ["SetInfo", (emu: ReturnType<typeof office>) => (fs01(emu) as unknown as { SetInfo(): void }).SetInfo()],
    ["GetObject", (emu: ReturnType<typeof office>) => fs01(emu).GetObject("FileShare", "Public")],
    ["Delete", (emu: ReturnType<typeof office>) => fs01(emu).Delete("FileShare", "Public")],
    ["enumerate.container", (emu: ReturnType<typeof office>) => [...fs01(emu)]],
    ["Resources", (emu: ReturnType<typeof office>) => fs01(emu).Resources()],
    ["enumerate.Sessions", (emu: ReturnType<typeof office>) => [...fs01(emu).Sessions()]],
    ["enumerate.Resources", (emu: ReturnType<typeof office>) => [...fs01(emu).Resources()]],
    [
      "Sessions.GetObject",
      (emu: ReturnType<typeof office>) => fs01(emu).Sessions().GetObject("alice\\10.0.0.5"),
    ],
    ["Sessions.Remove", (emu: ReturnType<typeof office>) => fs01(emu).Sessions().Remove("alice\\10.0.0.5")],
    ["Resources.GetObject", (emu: ReturnType<typeof office>) => fs01(emu).Resources().GetObject("1")],
    ["Resources.Remove", (emu: ReturnType<typeof office>) => fs01(emu).Resources().Remove("1")],
    ["Stop", (emu: ReturnType<typeof office>) => (fs01(emu) as unknown as { Stop(): void }).Stop()],
    ["Pause", (emu: ReturnType<typeof office>) => (fs01(emu) as unknown as { Pause(): void }).Pause()],
    [
      "SetPassword",
      (emu: ReturnType<typeof office>) =>
        (fs01(emu) as unknown as { SetPassword(p: string): void }).SetPassword("x"),
    ],
    ["inject.openSession", (emu: ReturnType<typeof office>) => connectAlice(emu, "10.9.9.9")],
    [
      "inject.activity",
      (emu: ReturnType<typeof office>) => emu.inject.activity(emu.inject.session("FS01", 1)),
    ],
    [
      "inject.closeSession",
      (emu: ReturnType<typeof office>) => emu.inject.closeSession(emu.inject.session("FS01", 1)),
    ],
    [
      "inject.openFile",
      (emu: ReturnType<typeof office>) => emu.inject.openFile(emu.inject.session("FS01", 1), "Public\\b"),
    ],
    [
      "inject.closeFile",
      (emu: ReturnType<typeof office>) => emu.inject.closeFile(emu.inject.files("FS01")[0] as never),
    ],
    [
      "inject.lock",
      (emu: ReturnType<typeof office>) => emu.inject.lock(emu.inject.files("FS01")[0] as never),
    ],
    ["inject.crashService", (emu: ReturnType<typeof office>) => emu.inject.crashService("FS01")],
    [
      "inject.setAutoDisconnect",
      (emu: ReturnType<typeof office>) => emu.inject.setAutoDisconnect("FS01", { minutes: 1 }),
    ],
  ] as const)("can fail %s without changing anything", (operation, call) => {
    const emu = office();
    const alice = connectAlice(emu);
    emu.inject.openFile(alice, "Public\\a.txt");
    emu.faults.add({ operation, error: "E_FAIL" });
    const before = emu.state;
    expectAdsError(() => call(emu), "E_FAIL");
    expect(emu.state).toBe(before);
    expect(emu.faults.list()[0]?.fired).toBe(1);
  });

  it("matches an ADsPath pattern, case-insensitively, with * and |", () => {
    const emu = office();
    emu.faults.add({
      operation: "bind",
      path: "winnt://lab01*|WinNT://FS01/Spooler",
      error: "ERROR_BAD_NETPATH",
    });
    expectAdsError(() => emu.GetObject("WinNT://LAB01/LanmanServer"), "ERROR_BAD_NETPATH");
    expectAdsError(() => emu.GetObject("WinNT://FS01/Spooler"), "ERROR_BAD_NETPATH");
    expect(emu.GetObject("WinNT://FS01/LanmanServer").Name).toBe("LanmanServer");
    expect(emu.faults.list()[0]).toMatchObject({ matched: 2, fired: 2 });
  });

  it("selects by count: the first n, every nth, after n", () => {
    const outcomes = (rule: { first?: number; every?: number; after?: number }) => {
      const emu = office();
      emu.faults.add({ operation: "bind", error: "E_FAIL", ...rule });
      return Array.from({ length: 6 }, () => (catchOrNot(() => emu.GetObject("WinNT://FS01")) ? "x" : "."));
    };
    expect(outcomes({ first: 2 }).join("")).toBe("xx....");
    expect(outcomes({ every: 3 }).join("")).toBe("..x..x");
    expect(outcomes({ after: 4 }).join("")).toBe("....xx");
  });

  it("applies within a virtual time window and expires after `times` firings or at `until`", () => {
    const emu = office();
    emu.faults.add({ operation: "bind", from: "+1m", to: "+2m", error: "E_FAIL", label: "window" });
    emu.faults.add({ operation: "GetInfo", times: 2, error: "E_FAIL" });
    emu.faults.add({ operation: "Sessions", until: "09:05", error: "E_FAIL" });
    expect(catchOrNot(() => emu.GetObject("WinNT://FS01"))).toBe(false);
    emu.clock.tick("1m");
    expectAdsError(() => emu.GetObject("WinNT://FS01"), "E_FAIL");
    emu.clock.tick("1m");
    expect(catchOrNot(() => emu.GetObject("WinNT://FS01"))).toBe(false);
    const fso = fs01(emu);
    expectAdsError(() => fso.GetInfo(), "E_FAIL");
    expectAdsError(() => fso.GetInfo(), "E_FAIL");
    fso.GetInfo();
    expect(emu.faults.list().map((r) => r.label ?? r.operation)).toEqual(["window", "Sessions"]);
    emu.clock.tickTo("2026-01-05T09:05:00Z");
    expect(emu.faults.list().map((r) => r.label ?? r.operation)).toEqual(["window"]);
    expect(fso.Sessions()).toBeDefined();
    expect(emu.faults.remove("window")).toBe(true);
    expect(emu.faults.remove(99)).toBe(false);
    expect(emu.faults.list()).toEqual([]);
  });

  it("fires with a seeded probability: the same seed gives the same pattern", () => {
    const pattern = (seed: number) => {
      const emu = office({ seed });
      emu.faults.add({ operation: "bind", probability: 0.5, error: "E_FAIL" });
      return Array.from({ length: 40 }, () =>
        catchOrNot(() => emu.GetObject("WinNT://FS01")) ? "x" : ".",
      ).join("");
    };
    expect(pattern(3)).toBe(pattern(3));
    expect(pattern(3)).not.toBe(pattern(4));
    expect(pattern(3)).toMatch(/x/);
    expect(pattern(3)).toMatch(/\./);
  });

  it("fails part-way through an enumeration: k items, then the error", () => {
    const emu = office();
    for (const client of ["a", "b", "c", "d"]) connectAlice(emu, client);
    emu.faults.add({
      operation: "enumerate.Sessions",
      afterItems: 2,
      first: 1,
      error: "RPC_S_SERVER_UNAVAILABLE",
    });
    const seen: string[] = [];
    const error = catchAdsError(() => {
      for (const session of fs01(emu).Sessions()) seen.push(session.Name);
    });
    expect(error.code).toBe("RPC_S_SERVER_UNAVAILABLE");
    expect(seen).toEqual(["alice\\a", "alice\\b"]);
    const enumerator = fs01(emu).Sessions()._NewEnum;
    expect(enumerator.Next(10)).toHaveLength(4);
  });

  it("adds virtual latency: the clock moves, and what falls due meanwhile happens first", () => {
    const emu = office();
    connectAlice(emu);
    emu.faults.add({ operation: "Sessions", latency: "16m" });
    const sessions = fs01(emu).Sessions();
    expect(emu.clock.now()).toBe(at(16 * MINUTE));
    expect([...sessions]).toEqual([]);
    expect(emu.events.query({ type: "fault.fired" })[0]).toMatchObject({
      latency: 16 * MINUTE,
      error: undefined,
    });
  });

  it("rejects invalid rules with E_INVALIDARG naming the field, and adds nothing", () => {
    const emu = office();
    const bad: unknown[] = [
      null,
      { operation: "Sessions" },
      { operation: "Sesions", error: "E_FAIL" },
      { operation: "Sessions", error: "E_NOPE" },
      { operation: "Sessions", error: "E_FAIL", first: 1, every: 2 },
      { operation: "Sessions", error: "E_FAIL", afterItems: 1 },
      { operation: "enumerate.*", afterItems: 1, latency: "1s" },
      { operation: "Sessions", error: "E_FAIL", probability: 2 },
      { operation: "Sessions", error: "E_FAIL", from: "+2m", to: "+1m" },
      { operation: "Sessions", error: "E_FAIL", latency: "soon" },
      { operation: "Sessions", error: "E_FAIL", extra: 1 },
      { operation: "Sessions", error: "E_FAIL", ["__proto__"]: 1 },
    ];
    for (const rule of bad) expectAdsError(() => emu.faults.add(rule as never), "E_INVALIDARG");
    expect(emu.faults.list()).toEqual([]);
    expect(FAULT_OPERATIONS).toContain("enumerate.Sessions");
  });

  it("never corrupts state: a failed Delete or SetInfo leaves the share as it was", () => {
    const emu = createAdmin();
    const fso = fs01(emu) as IADsContainer;
    const share = fso.GetObject("FileShare", "Public") as IADsFileShare;
    share.Description = "changed";
    emu.faults.add({ operation: "SetInfo|Delete", error: "ERROR_NETNAME_DELETED" });
    expectAdsError(() => share.SetInfo(), "ERROR_NETNAME_DELETED");
    expectAdsError(() => fso.Delete("FileShare", "Public"), "ERROR_NETNAME_DELETED");
    emu.faults.clear();
    const fresh = fso.GetObject("FileShare", "Public") as IADsFileShare;
    expect(() => fresh.Description).toThrow();
    share.SetInfo();
    expect((fso.GetObject("FileShare", "Public") as IADsFileShare).Description).toBe("changed");
  });
});

function createAdmin() {
  return office({ caller: ADMIN });
}

/** Whether `fn` threw. */
function catchOrNot(fn: () => unknown): boolean {
  try {
    fn();
    return false;
  } catch {
    return true;
  }
}
