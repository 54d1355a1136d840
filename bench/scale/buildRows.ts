/**
 * Time figures of the scale benchmark besides per-event costs: building a population of sessions (bulk
 * load, fixture, transitions; baseline: the naive server built from the same specs), creating the
 * default emulator, enumerating sessions against reading a plain array, and the share of an event's
 * cost spent freezing new state.
 */

import { readFileSync } from "node:fs";
import { stateFromFixture } from "../../src/engine/fromFixture.js";
import { DEFAULT_FIXTURE_URL } from "../../src/fixture/defaultFixture.js";
import {
  createEmulator,
  type Emulator,
  type IADsFileServiceOperations,
  type IADsSession,
  parseFixtureJson,
  validateFixture,
} from "../../src/index.js";
import { windowsProfile } from "../../src/profile/windows.js";
import { median, millis } from "./measure.js";
import { readSix } from "./memoryRows.js";
import { NaiveServer } from "./naiveServer.js";
import { ADMIN, clientOf, fixtureWith, NOW, SERVICE_PATH, sessionSpecs } from "./population.js";

/** Seconds to build `n` sessions four ways (median of `rounds`). */
export function buildCosts(
  n: number,
  rounds = 5,
): { bulk: number; fixture: number; transitions: number; naive: number } {
  const specs = sessionSpecs(n);
  const fixture = fixtureWith(specs);
  const validated = validateFixture(fixture);
  const seconds = (ms: number) => ms / 1000;
  const bulk = millis(
    () => validated,
    (valid) => stateFromFixture(valid, windowsProfile),
    rounds,
  );
  const viaFixture = millis(
    () => fixture,
    (input) => createEmulator({ fixture: input, caller: ADMIN }),
    rounds,
  );
  const transitions = millis(
    () => createEmulator({ fixture: fixtureWith([]), caller: ADMIN }),
    (emu: Emulator) => {
      for (let i = 0; i < n; i++) {
        emu.inject.openSession({
          server: "FS01",
          user: `user${i % 997}`,
          client: clientOf(i),
          shares: ["Data"],
          guest: true,
        });
      }
    },
    rounds,
  );
  const naive = millis(
    () => specs,
    (list) => NaiveServer.fromSpecs(list),
    rounds,
  );
  return {
    bulk: seconds(bulk),
    fixture: seconds(viaFixture),
    transitions: seconds(transitions),
    naive: seconds(naive),
  };
}

/** ms of `createEmulator()` on the default fixture, and of validating that fixture's JSON alone. */
export function defaultEmulatorCost(calls = 200, rounds = 5): { create: number; validate: number } {
  const text = readFileSync(DEFAULT_FIXTURE_URL, "utf8");
  createEmulator(); // the first call reads and validates the bundled fixture (once per process)
  const perCall = (run: () => unknown) =>
    millis(
      () => undefined,
      () => {
        for (let i = 0; i < calls; i++) run();
      },
      rounds,
    ) / calls;
  return { create: perCall(() => createEmulator()), validate: perCall(() => parseFixtureJson(text)) };
}

/**
 * ms to enumerate `n` sessions through `Sessions()` reading six properties (Name, User, Computer,
 * ConnectTime, IdleTime, ADsPath), and to compute the same six values from a plain array of records.
 */
export function enumerationCost(n: number, rounds = 5): { engine: number; plain: number } {
  const emu = createEmulator({ fixture: fixtureWith(sessionSpecs(n)), caller: ADMIN });
  const service = emu.GetObject<IADsFileServiceOperations>(SERVICE_PATH);
  const engine = millis(
    () => service,
    (target) => {
      let sink = 0;
      for (const session of target.Sessions()) sink += readSix(session as IADsSession);
      if (sink < 0) throw new Error("unreachable");
    },
    rounds,
  );
  const records = sessionSpecs(n).map((spec) => ({
    name: `${spec.user}\\${spec.computer}`,
    user: spec.user,
    computer: spec.computer,
    connectedAt: Date.parse(spec.connectedAt),
    lastActivityAt: Date.parse(spec.connectedAt),
    adsPath: `${SERVICE_PATH}/${spec.user}\\${spec.computer}`,
  }));
  const plain = millis(
    () => records,
    (list) => {
      let sink = 0;
      const now = NOW;
      for (const r of list) {
        sink +=
          r.name.length +
          r.user.length +
          r.computer.length +
          Math.floor((now - r.connectedAt) / 1000) +
          Math.floor((now - r.lastActivityAt) / 1000) +
          r.adsPath.length;
      }
      if (sink < 0) throw new Error("unreachable");
    },
    rounds,
  );
  return { engine, plain };
}

/**
 * Share (0..1) of the cost of open+close of a session (and of open+close of a file) spent freezing:
 * the same loop timed with `Object.freeze` in place and with it replaced by the identity, on two
 * emulators used for nothing else, the two alternating round after round (median of `rounds`, after
 * a warm-up round).
 */
export function freezeShare(n: number, calls: number, rounds = 5): { session: number; file: number } {
  const loops = (emu: Emulator) => {
    const handles = emu.inject.sessions("FS01");
    return {
      session: () =>
        emu.inject.closeSession(
          emu.inject.openSession({ server: "FS01", user: "bench", client: "192.168.0.1", shares: ["Data"] }),
        ),
      file: (i: number) =>
        emu.inject.closeFile(
          emu.inject.openFile(handles[(i * 7919) % handles.length] as (typeof handles)[number], "Data\\x"),
        ),
    };
  };
  const build = () => createEmulator({ fixture: fixtureWith(sessionSpecs(n)), caller: ADMIN });
  const frozen = loops(build());
  const thawed = loops(build());
  const time = (run: (i: number) => void) => {
    const start = performance.now();
    for (let i = 0; i < calls; i++) run(i);
    return performance.now() - start;
  };
  const freeze = Object.freeze;
  const shares = { session: [] as number[], file: [] as number[] };
  for (let round = -1; round < rounds; round++) {
    for (const kind of ["session", "file"] as const) {
      const withFreeze = time(frozen[kind]);
      Object.freeze = (<T>(value: T) => value) as typeof Object.freeze;
      let withoutFreeze: number;
      try {
        withoutFreeze = time(thawed[kind]);
      } finally {
        Object.freeze = freeze;
      }
      if (round >= 0) shares[kind].push(Math.max(0, 1 - withoutFreeze / withFreeze));
    }
  }
  return { session: median(shares.session), file: median(shares.file) };
}
