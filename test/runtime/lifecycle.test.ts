import { describe, expect, it } from "vitest";
import { createEmulator, sambaProfile } from "../../src/index.js";
import { ADMIN, at, connectAlice, fs01, MINUTE, office, officeFixture, sessionNames } from "./helpers.js";

/** The reasons sessions ended with, in order. */
function closes(emu: ReturnType<typeof office>) {
  return emu.events.query({ type: "session.closed" }).map((e) => [e.session, e.reason, e.at]);
}

describe("session lifecycle: active, idle, ended (spec §12.7)", () => {
  it("an idle session is auto-disconnected at exactly 15 minutes, present one second before", () => {
    const emu = office();
    const alice = connectAlice(emu);
    emu.clock.tick(15 * MINUTE - 1000);
    expect(sessionNames(emu)).toEqual([alice.name]);
    emu.clock.tick(1000);
    expect(sessionNames(emu)).toEqual([]);
    expect(closes(emu)).toEqual([[alice.name, "autoDisconnect", at(15 * MINUTE)]]);
    expect(emu.events.query({ type: "session.closed" })[0]).toMatchObject({
      idleSeconds: 900,
      connectSeconds: 900,
    });
  });

  it("fires at the exact instant in the middle of one long tick, in time order", () => {
    const emu = office();
    const alice = connectAlice(emu);
    emu.clock.tick("4m");
    const bob = emu.inject.openSession({ server: "FS01", user: "bob", client: "10.0.0.7" });
    emu.clock.tick("3h");
    expect(closes(emu)).toEqual([
      [alice.name, "autoDisconnect", at(15 * MINUTE)],
      [bob.name, "autoDisconnect", at(19 * MINUTE)],
    ]);
    expect(emu.clock.now()).toBe(at(184 * MINUTE));
  });

  it("activity resets the idle time and moves the disconnect", () => {
    const emu = office();
    const alice = connectAlice(emu);
    emu.clock.tick("10m");
    emu.inject.activity(alice);
    emu.clock.tick("14m");
    expect(sessionNames(emu)).toEqual([alice.name]);
    emu.clock.tick("1m");
    expect(closes(emu)).toEqual([[alice.name, "autoDisconnect", at(25 * MINUTE)]]);
  });

  it("opening, closing and locking files are client activity too", () => {
    const emu = office();
    const alice = connectAlice(emu);
    emu.clock.tick("5m");
    const file = emu.inject.openFile(alice, "Public\\a.txt");
    emu.clock.tick("5m");
    emu.inject.lock(file);
    emu.clock.tick("5m");
    emu.inject.closeFile(file);
    emu.clock.tick("14m59s");
    expect(sessionNames(emu)).toEqual([alice.name]);
    emu.clock.tick("1s");
    expect(closes(emu)).toEqual([[alice.name, "autoDisconnect", at(30 * MINUTE)]]);
  });

  it("a session holding open files is kept past the threshold (profile: exempt), and dropped once they close", () => {
    const emu = office();
    const alice = connectAlice(emu);
    const file = emu.inject.openFile(alice, "Public\\a.txt");
    emu.clock.tick("1h");
    expect(sessionNames(emu)).toEqual([alice.name]);
    fs01(emu).Resources().Remove(file.name);
    expect(sessionNames(emu)).toEqual([alice.name]);
    emu.clock.tick(0);
    expect(closes(emu)).toEqual([[alice.name, "autoDisconnect", at(60 * MINUTE)]]);
  });

  it("without the exemption, open files do not keep a session", () => {
    const emu = office({ fileService: { autoDisconnect: { exemptOpenFiles: false } } });
    const alice = connectAlice(emu);
    emu.inject.openFile(alice, "Public\\a.txt");
    emu.clock.tick("15m");
    expect(closes(emu)).toEqual([[alice.name, "autoDisconnect", at(15 * MINUTE)]]);
    expect(emu.events.query({ type: "file.closed" })[0]).toMatchObject({
      reason: "sessionEnded",
      path: "C:\\Shares\\Public\\a.txt",
    });
  });

  it("per-server minutes from the fixture; -1 turns auto-disconnect off", () => {
    const five = office({ fileService: { autoDisconnect: { minutes: 5 } } });
    connectAlice(five);
    five.clock.tick("5m");
    expect(sessionNames(five)).toEqual([]);
    const off = office({ fileService: { autoDisconnect: { minutes: -1 } } });
    connectAlice(off);
    off.clock.tick("30d");
    expect(sessionNames(off)).toHaveLength(1);
    expect(off.clock.pending()).toEqual([]);
  });

  it("the injector changes the setting at run time; turning the exemption off requeues sessions with files", () => {
    const emu = office();
    const alice = connectAlice(emu);
    emu.inject.openFile(alice, "Public\\a.txt");
    emu.clock.tick("20m");
    emu.inject.setAutoDisconnect("FS01", { minutes: 30 });
    expect(sessionNames(emu)).toHaveLength(1);
    emu.inject.setAutoDisconnect("FS01", { exemptOpenFiles: false });
    emu.clock.tick("9m59s");
    expect(sessionNames(emu)).toHaveLength(1);
    emu.clock.tick("1s");
    expect(closes(emu)).toEqual([[alice.name, "autoDisconnect", at(30 * MINUTE)]]);
    expect(() => emu.inject.setAutoDisconnect("FS01", { minutes: -2 })).toThrow(
      expect.objectContaining({ code: "E_INVALIDARG" }),
    );
  });

  it("the samba profile follows deadtime (10080 minutes) and reports IdleTime 0", () => {
    const emu = createEmulator({ fixture: officeFixture(), profile: sambaProfile, caller: ADMIN });
    const alice = connectAlice(emu);
    emu.clock.tick("10079m");
    expect([...fs01(emu).Sessions()].map((s) => [s.Name, s.IdleTime])).toEqual([[alice.name, 0]]);
    emu.clock.tick("1m");
    expect(closes(emu)).toEqual([[alice.name, "autoDisconnect", at(10_080 * MINUTE)]]);
  });

  it("ends by the client, by Sessions.Remove, by a stopped or crashed service, each with its reason", () => {
    const emu = office();
    const a = connectAlice(emu);
    emu.inject.closeSession(a);
    const b = connectAlice(emu, "10.0.0.6");
    fs01(emu).Sessions().Remove(b.name);
    connectAlice(emu, "10.0.0.7");
    fs01(emu).Stop();
    fs01(emu).Start();
    const d = connectAlice(emu, "10.0.0.8");
    emu.inject.crashService("FS01");
    expect(closes(emu).map(([, reason]) => reason)).toEqual([
      "client",
      "removed",
      "serviceStopped",
      "serviceCrashed",
    ]);
    expect(emu.events.query({ type: "service.status" }).map((e) => [e.from, e.to, e.reason])).toEqual([
      [4, 1, "control"],
      [1, 4, "control"],
      [4, 1, "crash"],
    ]);
    expect(d.name).toBe("alice\\10.0.0.8");
  });

  it("a stopped service schedules nothing; a session of a removed pair is not disconnected twice", () => {
    const emu = office();
    connectAlice(emu);
    emu.inject.stopService("FS01");
    expect(emu.clock.pending()).toEqual([]);
    emu.clock.tick("1h");
    expect(closes(emu).map(([, reason]) => reason)).toEqual(["serviceStopped"]);
  });
});
