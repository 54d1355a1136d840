import { describe, expect, it } from "vitest";
import { createEmulator, validateFixture } from "../../src/index.js";
import { expectAdsError } from "../adsi/helpers.js";
import { ADMIN, connectAlice, fs01, MINUTE, office, sessionNames, T0_MS } from "./helpers.js";

describe("snapshots, reset and toFixture", () => {
  it("restore brings back the directory, clock, random state, schedule, fault rules and labels", () => {
    const emu = office();
    emu.play([{ at: "+0s", action: "openSession", server: "FS01", user: "bob", client: "b", as: "bob" }]);
    emu.clock.tick(0);
    const alice = connectAlice(emu);
    emu.faults.add({ operation: "Resources", first: 1, error: "E_FAIL" });
    emu.play([{ at: "+10m", action: "closeSession", session: "bob" }]);
    const snapshot = emu.snapshot();
    const state = emu.state;
    const fixture = emu.toFixture();
    const draws = [emu.env.random.nextUint32(), emu.env.random.nextUint32()];
    emu.inject.closeSession(alice);
    emu.clock.tick("1h");
    emu.faults.clear();
    emu.play([{ at: "+1m", action: "clearFaults" }]);
    emu.restore(snapshot);
    expect([...emu.events].at(-1)?.type).toBe("emulator.restored");
    expect(emu.state).toBe(state);
    expect(emu.toFixture()).toEqual(fixture);
    expect([emu.env.random.nextUint32(), emu.env.random.nextUint32()]).toEqual(draws);
    expect(emu.clock.now()).toBe(T0_MS);
    expect(sessionNames(emu)).toEqual(["bob\\b", alice.name]);
    expectAdsError(() => fs01(emu).Resources(), "E_FAIL");
  });

  it("a snapshot is O(1): taking a thousand keeps the state shared", () => {
    const emu = office();
    for (let i = 0; i < 200; i++) connectAlice(emu, `10.0.${i >> 8}.${i & 255}`);
    const snapshots = Array.from({ length: 1000 }, () => emu.snapshot());
    expect(new Set(snapshots).size).toBe(1000);
    emu.clock.tick("1m");
    emu.restore(snapshots[500] as (typeof snapshots)[number]);
    expect(emu.clock.now()).toBe(T0_MS);
  });

  it("refuses a snapshot of another emulator, and anything that is not a snapshot", () => {
    const a = office();
    const b = office();
    expectAdsError(() => a.restore(b.snapshot()), "E_INVALIDARG");
    expectAdsError(() => a.restore({ at: 0, time: "x" }), "E_INVALIDARG");
  });

  it("reset() goes back to the state at creation, sequence numbers included", () => {
    const emu = office();
    const before = emu.toFixture();
    connectAlice(emu);
    emu.clock.tick("1h");
    emu.faults.add({ operation: "bind", error: "E_FAIL" });
    emu.reset();
    expect(emu.toFixture()).toEqual(before);
    expect([...emu.events]).toEqual([]);
    expect(connectAlice(emu).id).toBe(1);
    expect([...emu.events][0]?.seq).toBe(1);
  });

  it("toFixture is a valid fixture that rebuilds the same emulator, and loading it again changes nothing", () => {
    const emu = createEmulator({ seed: 9 });
    const alice = emu.inject.openSession({
      server: "FS01",
      user: "alice",
      client: "10.0.0.9",
      shares: ["Public"],
    });
    emu.inject.openFile(alice, "Public\\x.txt", { locks: 2 });
    emu.clock.tick("2m");
    emu.faults.add({ operation: "Sessions", every: 3, error: "E_FAIL", label: "flaky" });
    emu.play([{ at: "+5m", action: "activity", session: "a", every: "1m", times: 2 }]);
    const fixture = emu.toFixture();
    expect(validateFixture(fixture)).toEqual(fixture);
    const copy = createEmulator({ fixture });
    expect(copy.toFixture()).toEqual(fixture);
    expect(copy.state).toEqual(emu.state);
    expect(fixture.faults).toEqual([expect.objectContaining({ label: "flaky", every: 3, matched: 0 })]);
    expect(fixture.randomState).toEqual([...emu.env.random.getState()]);
  });

  it("an exported emulator continues exactly: same next ids, same future events, same draws", () => {
    const emu = office();
    emu.play([
      { at: "+0s", action: "openSession", server: "FS01", user: "bob", client: "b", as: "bob" },
      { at: "+3m", action: "openFile", session: "bob", path: "Public\\f", as: "f" },
      { at: "+4m", action: "activity", session: "bob", every: "4m", until: "+30m" },
    ]);
    emu.clock.tick("5m");
    const copy = createEmulator({ fixture: emu.toFixture(), caller: ADMIN });
    const continueWith = (e: typeof emu) => {
      const first = e.events.lastSeq;
      const carol = e.inject.openSession({ server: "FS01", user: "carol", client: "c" });
      e.inject.closeFile(e.inject.files("FS01")[0] as never);
      e.clock.tick(40 * MINUTE);
      return {
        carol: carol.id,
        id: e.env.newId(),
        events: [...e.events].filter((x) => x.seq > first).map(({ seq: _seq, ...rest }) => rest),
      };
    };
    expect(continueWith(copy)).toEqual(continueWith(emu));
  });
});
