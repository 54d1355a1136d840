import { execFileSync } from "node:child_process";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { createEmulator, type Emulator, type IADsSession } from "../../src/index.js";
import { commandsArbitrary, runCommands } from "./commands.js";
import { ADMIN, fs01, MINUTE, office, officeFixture } from "./helpers.js";

/** CI budget; FC_RUNS=1000 (or more) for a long run. */
const RUNS = Number(process.env.FC_RUNS ?? 40);

/** Events after sequence number `after`, without their sequence numbers (another emulator numbers from 1). */
function eventsAfter(emu: Emulator, after: number) {
  return [...emu.events].filter((e) => e.seq > after).map(({ seq: _seq, ...rest }) => rest);
}

function readableSessions(emu: Emulator): IADsSession[] {
  try {
    return [...fs01(emu).Sessions()];
  } catch {
    return [];
  }
}

describe("time and events, properties", () => {
  test.prop([commandsArbitrary(30)], { numRuns: RUNS })(
    "IdleTime ≤ ConnectTime always, both never negative",
    (commands) => {
      const emu = office();
      for (const command of commands) {
        runCommands(emu, [command]);
        emu.faults.clear();
        for (const session of readableSessions(emu)) {
          expect(session.IdleTime).toBeGreaterThanOrEqual(0);
          expect(session.IdleTime).toBeLessThanOrEqual(session.ConnectTime);
        }
      }
    },
  );

  test.prop([fc.integer({ min: 0, max: 10 * 60 * 60_000 }), fc.integer({ min: 0, max: 5 * 60 * 60_000 })], {
    numRuns: RUNS,
  })("IdleTime resets to 0 on activity and then grows with the clock, in whole seconds", (before, after) => {
    const emu = office({ fileService: { autoDisconnect: { minutes: -1 } } });
    const alice = emu.inject.openSession({ server: "FS01", user: "alice", client: "a" });
    emu.clock.tick(before);
    emu.inject.activity(alice);
    const [fresh] = readableSessions(emu);
    expect(fresh?.IdleTime).toBe(0);
    expect(fresh?.ConnectTime).toBe(Math.floor(before / 1000));
    emu.clock.tick(after);
    const [later] = readableSessions(emu);
    expect(later?.IdleTime).toBe(Math.floor(after / 1000));
  });

  test.prop(
    [fc.integer({ min: 1, max: 180 }), fc.array(fc.integer({ min: 0, max: 10 * 60_000 }), { maxLength: 5 })],
    { numRuns: RUNS },
  )(
    "with auto-disconnect at T minutes a session is gone at exactly T after its last activity, present 1 s before",
    (minutes, gaps) => {
      const emu = office({ fileService: { autoDisconnect: { minutes } } });
      const alice = emu.inject.openSession({ server: "FS01", user: "alice", client: "a" });
      let last = emu.clock.now();
      for (const gap of gaps) {
        if (gap >= minutes * MINUTE) break;
        emu.clock.tick(gap);
        emu.inject.activity(alice);
        last = emu.clock.now();
      }
      emu.clock.tickTo(last + minutes * MINUTE - 1000);
      expect(emu.inject.sessions("FS01")).toHaveLength(1);
      emu.clock.tick(1000);
      expect(emu.inject.sessions("FS01")).toHaveLength(0);
      expect(emu.events.query({ type: "session.closed" })).toEqual([
        expect.objectContaining({
          reason: "autoDisconnect",
          at: last + minutes * MINUTE,
          idleSeconds: minutes * 60,
        }),
      ]);
    },
  );

  test.prop([commandsArbitrary(25), commandsArbitrary(25)], { numRuns: RUNS })(
    "restore(snapshot()) after any command sequence gives back the same emulator",
    (prefix, continuation) => {
      const emu = office({ seed: 5 });
      runCommands(emu, prefix);
      const snapshot = emu.snapshot();
      const state = emu.state;
      const fixture = emu.toFixture();
      const seq = emu.events.lastSeq;
      const first = runCommands(emu, continuation);
      const firstEvents = eventsAfter(emu, seq);
      emu.restore(snapshot);
      expect(emu.state).toBe(state);
      expect(emu.toFixture()).toEqual(fixture);
      const again = emu.events.lastSeq;
      expect(runCommands(emu, continuation)).toEqual(first);
      expect(eventsAfter(emu, again)).toEqual(firstEvents);
    },
  );

  test.prop([commandsArbitrary(25), commandsArbitrary(25), fc.constantFrom("windows", "samba")], {
    numRuns: RUNS,
  })(
    "toFixture then createEmulator continues identically for any continuation",
    (prefix, continuation, profile) => {
      const emu = office({ seed: 11, profile });
      runCommands(emu, prefix);
      const fixture = emu.toFixture();
      const copy = createEmulator({ fixture, profile, caller: ADMIN });
      expect(copy.toFixture()).toEqual(fixture);
      expect(copy.state).toEqual(emu.state);
      const seq = emu.events.lastSeq;
      expect(runCommands(copy, continuation)).toEqual(runCommands(emu, continuation));
      expect(eventsAfter(copy, 0)).toEqual(eventsAfter(emu, seq));
      expect(copy.toFixture()).toEqual(emu.toFixture());
    },
  );

  test.prop([commandsArbitrary(30)], { numRuns: RUNS })("a failed command changes nothing", (commands) => {
    const emu = office();
    for (const command of commands) {
      const before = emu.toFixture();
      const [line] = runCommands(emu, [command]);
      const after = emu.toFixture();
      // An injected latency moves the clock and runs what falls due; only fault counters may change otherwise.
      if (line?.startsWith("err") && after.now === before.now) {
        expect({ ...after, faults: undefined }).toEqual({ ...before, faults: undefined });
      }
    }
  });
});

describe("determinism across processes", () => {
  test("the same seed and scenario give the same event-log hash in two separate processes", () => {
    const script = new URL("./eventLogHash.script.ts", import.meta.url).pathname;
    const tsx = new URL("../../node_modules/.bin/tsx", import.meta.url).pathname;
    const run = (seed: number) => execFileSync(tsx, [script, String(seed)], { encoding: "utf8" }).trim();
    const [first, second, other] = [run(3), run(3), run(4)];
    expect(first).toMatch(/^[0-9a-f]{64} \d+$/);
    expect(second).toBe(first);
    expect(other).not.toBe(first);
    void officeFixture;
  });
});
