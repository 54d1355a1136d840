import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ADMIN, connectAlice, office } from "./helpers.js";

/** The members a script can see on an object: own properties and those of its class's prototypes. */
function members(object: object): string[] {
  const names = new Set<string>(Object.getOwnPropertyNames(object));
  for (let p = Object.getPrototypeOf(object); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const name of Object.getOwnPropertyNames(p)) if (name !== "constructor") names.add(name);
  }
  return [...names].sort();
}

describe("the time-and-events objects show their documented members only", () => {
  const emu = office();
  connectAlice(emu);

  it("emu.clock: the fake-timers surface, no way to attach a schedule or set time backwards", () => {
    expect(members(emu.clock)).toEqual(
      ["date", "next", "now", "pending", "runAll", "setSystemTime", "tick", "tickTo", "toISOString"].sort(),
    );
  });

  it("emu.events: reading, querying, subscribing; no way to append or rewrite history", () => {
    expect(members(emu.events)).toEqual(
      ["capacity", "clear", "dropped", "lastSeq", "on", "query", "size", "toJSON"].sort(),
    );
  });

  it("emu.faults: add, list, remove, clear", () => {
    expect(members(emu.faults)).toEqual(["add", "clear", "list", "remove"]);
  });

  it("emu.inject: the injector calls", () => {
    expect(members(emu.inject)).toEqual(
      [
        "activity",
        "closeFile",
        "closeSession",
        "continueService",
        "crashService",
        "files",
        "lock",
        "openFile",
        "openSession",
        "pauseService",
        "session",
        "sessions",
        "setAutoDisconnect",
        "startService",
        "stopService",
        "unlock",
      ].sort(),
    );
  });

  it("nothing of them serializes or inspects to a credential or the store", () => {
    for (const part of [emu.clock, emu.events, emu.faults, emu.inject]) {
      const shown = `${JSON.stringify(part) ?? ""} ${inspect(part, { depth: 5, showHidden: true })}`;
      expect(shown).not.toContain(ADMIN.password);
      expect(shown).not.toContain("alice-pw");
      expect(shown).not.toMatch(/store|DirectoryState|sessionsByPair/);
    }
  });
});
