import { describe, expect, it } from "vitest";
import { type EmulatorEvent, EVENT_TYPES, type IADsFileShare } from "../../src/index.js";
import { expectAdsError } from "../adsi/helpers.js";
import { at, connectAlice, fs01, MINUTE, office, T0_MS } from "./helpers.js";

const types = (events: Iterable<EmulatorEvent>) => [...events].map((e) => e.type);

describe("the event log (emu.events)", () => {
  it("records every kind of change as a typed record with its virtual time", () => {
    const emu = office();
    const alice = connectAlice(emu);
    emu.clock.tick("1m");
    const file = emu.inject.openFile(alice, "Users\\a.txt");
    emu.inject.lock(file);
    emu.inject.activity(alice);
    emu.inject.closeFile(file);
    const fso = fs01(emu);
    const share = fso.Create("FileShare", "Temp") as IADsFileShare;
    share.Path = "C:\\Temp";
    share.SetInfo();
    share.Description = "scratch";
    share.SetInfo();
    fso.Delete("FileShare", "Temp");
    fs01(emu).Sessions().Remove(alice.name);
    (fso as unknown as { Pause(): void }).Pause();
    expect(types(emu.events)).toEqual([
      "session.opened",
      "session.shareConnected",
      "file.opened",
      "file.locks",
      "session.activity",
      "file.closed",
      "share.created",
      "share.changed",
      "share.deleted",
      "session.closed",
      "service.status",
    ]);
    const [opened, connected, fileOpened] = [...emu.events];
    expect(opened).toEqual({
      seq: 1,
      at: T0_MS,
      time: "2026-01-05T09:00:00Z",
      type: "session.opened",
      server: "FS01",
      service: "LanmanServer",
      sessionId: 1,
      session: "alice\\10.0.0.5",
      user: "alice",
      client: "10.0.0.5",
      shares: ["Public"],
    });
    expect(connected).toMatchObject({ type: "session.shareConnected", share: "Users", at: at(MINUTE) });
    expect(fileOpened).toMatchObject({
      fileId: 1,
      resource: "1",
      path: "D:\\Users\\a.txt",
      permissions: 1,
      locks: 0,
    });
    expect(Object.isFrozen(opened)).toBe(true);
  });

  it("answers queries by type pattern, subject and time", () => {
    const emu = office();
    const alice = connectAlice(emu);
    emu.clock.tick("1m");
    const bob = emu.inject.openSession({ server: "FS01", user: "bob", client: "10.0.0.7" });
    emu.inject.openFile(bob, "Public\\b.txt");
    emu.clock.tick("20m");
    expect(types(emu.events.query({ type: "session.*" }))).toEqual([
      "session.opened",
      "session.opened",
      "session.shareConnected",
      "session.closed",
    ]);
    expect(emu.events.query({ user: "BOB" }).map((e) => e.type)).toEqual([
      "session.opened",
      "session.shareConnected",
      "file.opened",
    ]);
    expect(emu.events.query({ session: alice.name }).map((e) => e.type)).toEqual([
      "session.opened",
      "session.closed",
    ]);
    expect(emu.events.query({ session: bob.id, type: ["file.*", "session.opened"] })).toHaveLength(2);
    expect(emu.events.query({ file: 1 })).toHaveLength(1);
    expect(emu.events.query({ share: "public" })).toHaveLength(1);
    expect(emu.events.query({ from: at(MINUTE), to: at(2 * MINUTE) })).toHaveLength(3);
    expect(emu.events.query({ client: "10.0.0.7", type: "session.closed" })).toEqual([]);
    for (const bad of [
      { type: "nope" },
      { type: "zzz.*" },
      { user: 1 },
      { from: "yesterday" },
      { session: {} },
    ]) {
      expectAdsError(() => emu.events.query(bad as never), "E_INVALIDARG");
    }
  });

  it("is bounded: a ring keeps the latest events; capacity 0 keeps none", () => {
    const emu = office({ eventLog: { capacity: 3 } });
    const alice = connectAlice(emu);
    for (let i = 0; i < 10; i++) emu.inject.activity(alice);
    expect(emu.events.size).toBe(3);
    expect(emu.events.dropped).toBe(8);
    expect([...emu.events].map((e) => e.seq)).toEqual([9, 10, 11]);
    const none = office({ eventLog: { capacity: 0 } });
    const seen: string[] = [];
    none.on("*", (e) => seen.push(e.type));
    connectAlice(none);
    expect([...none.events]).toEqual([]);
    expect(seen).toEqual(["session.opened"]);
    expectAdsError(() => office({ eventLog: { capacity: -1 } }), "E_INVALIDARG");
  });

  it("many events do not grow the log past its capacity", () => {
    const emu = office({ eventLog: { capacity: 100 } });
    const alice = connectAlice(emu);
    for (let i = 0; i < 5_000; i++) emu.inject.activity(alice);
    expect(emu.events.size).toBe(100);
    expect(emu.events.lastSeq).toBe(5_001);
    expect([...emu.events][0]?.seq).toBe(4_902);
  });

  it("emu.on subscribes by type, prefix or *, and returns the unsubscribe function", () => {
    const emu = office();
    const closed: string[] = [];
    const sessionEvents: string[] = [];
    const all: number[] = [];
    const stop = emu.on("session.closed", (e) => closed.push(`${e.session} ${e.reason}`));
    emu.on("session.*", (e) => sessionEvents.push(e.type));
    emu.on("*", (e) => all.push(e.seq));
    const alice = connectAlice(emu);
    emu.clock.tick("15m");
    stop();
    connectAlice(emu, "10.0.0.6");
    emu.inject.closeSession(emu.inject.session("FS01", 2));
    expect(closed).toEqual([`${alice.name} autoDisconnect`]);
    expect(sessionEvents).toEqual(["session.opened", "session.closed", "session.opened", "session.closed"]);
    expect(all).toEqual([1, 2, 3, 4]);
    expectAdsError(() => emu.on("nope" as never, () => {}), "E_INVALIDARG");
    expectAdsError(() => emu.on("*", 1 as never), "E_INVALIDARG");
  });

  it("a listener that throws: every listener still runs, the change stays, the caller gets the error", () => {
    const emu = office();
    const later: string[] = [];
    emu.on("session.opened", () => {
      throw new Error("listener bug");
    });
    emu.on("session.opened", (e) => later.push(e.session));
    expect(() => connectAlice(emu)).toThrow("listener bug");
    expect(later).toEqual(["alice\\10.0.0.5"]);
    expect(emu.inject.sessions("FS01")).toHaveLength(1);
  });

  it("lists every event type it can emit", () => {
    expect(EVENT_TYPES).toContain("session.closed");
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
  });
});
