import { describe, expect, it, vi } from "vitest";
import { expectAdsError } from "../adsi/helpers.js";
import { at, connectAlice, fs01, MINUTE, office, sessionRows, T0, T0_MS } from "./helpers.js";

describe("the virtual clock (emu.clock)", () => {
  it("starts at the fixture's now, or at the start option", () => {
    expect(office().clock.now()).toBe(T0_MS);
    expect(office({ start: "2026-01-05T10:00:00Z" }).clock.toISOString()).toBe("2026-01-05T10:00:00Z");
    expect(office({ start: at(5000) }).clock.now()).toBe(at(5000));
    expect(office({ start: new Date(at(7000)) }).clock.date()).toEqual(new Date(at(7000)));
  });

  it("refuses a start before the fixture's now", () => {
    expectAdsError(() => office({ start: "2026-01-05T08:59:59Z" }), "E_INVALIDARG");
  });

  it("tick takes milliseconds or duration text and returns the new time", () => {
    const emu = office();
    expect(emu.clock.tick(1500)).toBe(at(1500));
    expect(emu.clock.tick("90s")).toBe(at(91_500));
    expect(emu.clock.tick("1h30m")).toBe(at(91_500 + 90 * MINUTE));
    expectAdsError(() => emu.clock.tick(-1), "E_INVALIDARG");
    expectAdsError(() => emu.clock.tick("soon"), "E_INVALIDARG");
    expect(emu.clock.now()).toBe(at(91_500 + 90 * MINUTE));
  });

  it("tickTo moves to an instant, never backwards", () => {
    const emu = office();
    expect(emu.clock.tickTo("2026-01-05T09:30:00Z")).toBe(at(30 * MINUTE));
    expectAdsError(() => emu.clock.tickTo(T0), "E_INVALIDARG");
    expect(emu.clock.tickTo(at(30 * MINUTE))).toBe(at(30 * MINUTE));
  });

  it("ConnectTime and IdleTime follow the clock, in seconds", () => {
    const emu = office();
    const alice = connectAlice(emu);
    emu.clock.tick("2m5s");
    expect(sessionRows(emu)).toEqual([[alice.name, 125, 125]]);
    emu.inject.activity(alice);
    emu.clock.tick("20s");
    expect(sessionRows(emu)).toEqual([[alice.name, 145, 20]]);
  });

  it("a session object keeps its cached values until GetInfo, as the property cache does (spec §3.2)", () => {
    const emu = office();
    connectAlice(emu);
    emu.clock.tick("10s");
    const [session] = [...fs01(emu).Sessions()];
    expect(session?.ConnectTime).toBe(10);
    emu.clock.tick("10s");
    expect(session?.ConnectTime).toBe(10);
    session?.GetInfo();
    expect(session?.ConnectTime).toBe(20);
  });

  it("next() runs the next happening at its instant; pending() lists what is scheduled", () => {
    const emu = office();
    const alice = connectAlice(emu);
    emu.clock.tick("1m");
    const bob = emu.inject.openSession({ server: "FS01", user: "bob", client: "10.0.0.7" });
    expect(emu.clock.pending()).toEqual([
      {
        at: at(15 * MINUTE),
        time: "2026-01-05T09:15:00Z",
        kind: "autoDisconnect",
        description: `FS01 ${alice.name}`,
      },
      {
        at: at(16 * MINUTE),
        time: "2026-01-05T09:16:00Z",
        kind: "autoDisconnect",
        description: `FS01 ${bob.name}`,
      },
    ]);
    expect(emu.clock.pending(1)).toHaveLength(1);
    expect(emu.clock.next()).toBe(at(15 * MINUTE));
    expect(emu.inject.sessions("FS01").map((s) => s.name)).toEqual([bob.name]);
    expect(emu.clock.next()).toBe(at(16 * MINUTE));
    expect(emu.clock.pending()).toEqual([]);
    expect(emu.clock.next()).toBe(at(16 * MINUTE));
  });

  it("runAll() runs everything scheduled and stops at the last happening", () => {
    const emu = office();
    connectAlice(emu);
    emu.clock.tick("3m");
    connectAlice(emu, "10.0.0.6");
    expect(emu.clock.runAll()).toBe(at(18 * MINUTE));
    expect(emu.inject.sessions("FS01")).toEqual([]);
  });

  it("setSystemTime moves now without running what falls due; the next tick runs it, late", () => {
    const emu = office();
    connectAlice(emu);
    emu.clock.setSystemTime("2026-01-05T10:00:00Z");
    expect(emu.inject.sessions("FS01")).toHaveLength(1);
    expect(sessionRows(emu)[0]?.[2]).toBe(3600);
    expect([...emu.events].at(-1)).toMatchObject({ type: "clock.jumped", from: T0_MS, at: at(60 * MINUTE) });
    emu.clock.tick(0);
    expect(emu.inject.sessions("FS01")).toEqual([]);
    expect(emu.events.query({ type: "session.closed" })[0]).toMatchObject({
      at: at(60 * MINUTE),
      idleSeconds: 3600,
    });
    expectAdsError(() => emu.clock.setSystemTime(T0), "E_INVALIDARG");
  });

  it("never touches the host's timers: it works unchanged under vitest's fake timers", () => {
    vi.useFakeTimers({ now: new Date("2030-01-01T00:00:00Z") });
    try {
      const emu = office();
      connectAlice(emu);
      emu.clock.tick("15m");
      expect(emu.clock.toISOString()).toBe("2026-01-05T09:15:00Z");
      expect(emu.inject.sessions("FS01")).toEqual([]);
      expect(vi.getTimerCount()).toBe(0);
      expect(Date.now()).toBe(Date.parse("2030-01-01T00:00:00Z"));
    } finally {
      vi.useRealTimers();
    }
  });
});
