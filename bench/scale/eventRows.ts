/**
 * Per-event costs of the scale benchmark: the same six client/administrator events through the
 * emulator's public API (`emu.inject`, and `Sessions().Remove` through the ADSI facade) and through the
 * naive baseline, side by side, at one population size; and open+close on one crowded (user, client)
 * pair. Median of 5 rounds.
 */
import {
  createEmulator,
  type Emulator,
  type IADsFileServiceOperations,
  type SessionHandle,
} from "../../src/index.js";
import { gc, median } from "./measure.js";
import { NaiveServer } from "./naiveServer.js";
import { ADMIN, fixtureWith, NOW, SERVICE_PATH, sessionSpecs } from "./population.js";

/** The events measured, in table order. */
export const EVENTS = ["open", "touch", "open file", "close file", "close session", "Remove"] as const;

/** One event's cost: µs per call through the emulator and through the baseline. */
export type EventCosts = Record<(typeof EVENTS)[number], { readonly engine: number; readonly naive: number }>;

/** A round's timings of one side, µs per call, by event. */
type Round = Record<(typeof EVENTS)[number], number>;

function timed(calls: number, run: (i: number) => void): number {
  const start = performance.now();
  for (let i = 0; i < calls; i++) run(i);
  return ((performance.now() - start) * 1000) / calls;
}

function engineRound(emu: Emulator, handles: readonly SessionHandle[], round: number, calls: number): Round {
  const pick = (i: number) => handles[(i * 7919 + round * 104_729) % handles.length] as SessionHandle;
  const client = (i: number) => `192.168.${round * 8 + (i >> 8)}.${i & 255}`;
  const opened: SessionHandle[] = [];
  const open = timed(calls, (i) => {
    opened.push(
      emu.inject.openSession({ server: "FS01", user: "bench", client: client(i), shares: ["Data"] }),
    );
  });
  // Activity at a later instant than the round before: every touch moves its session in the idle queue.
  emu.clock.tick("1s");
  const touch = timed(calls, (i) => emu.inject.activity(pick(i)));
  const files: ReturnType<Emulator["inject"]["openFile"]>[] = [];
  const openFile = timed(calls, (i) => {
    files.push(emu.inject.openFile(pick(i), "Data\\bench.txt"));
  });
  const closeFile = timed(calls, (i) => emu.inject.closeFile(files[i] as (typeof files)[number]));
  const closeSession = timed(calls, (i) => emu.inject.closeSession(opened[i] as SessionHandle));
  const names: string[] = [];
  for (let i = 0; i < calls; i++) {
    names.push(
      emu.inject.openSession({ server: "FS01", user: "bench", client: client(i), shares: ["Data"] }).name,
    );
  }
  const sessions = emu.GetObject<IADsFileServiceOperations>(SERVICE_PATH).Sessions();
  const remove = timed(calls, (i) => sessions.Remove(names[i] as string));
  return {
    open,
    touch,
    "open file": openFile,
    "close file": closeFile,
    "close session": closeSession,
    Remove: remove,
  };
}

function naiveRound(server: NaiveServer, ids: readonly number[], round: number, calls: number): Round {
  const pick = (i: number) => ids[(i * 7919 + round * 104_729) % ids.length] as number;
  const client = (i: number) => `192.168.${round * 8 + (i >> 8)}.${i & 255}`;
  const opened: number[] = [];
  const open = timed(calls, (i) => {
    opened.push(server.open("bench", client(i), ["Data"], NOW));
  });
  const touch = timed(calls, (i) => server.touch(pick(i), NOW + (round + 1) * 1000));
  const files: number[] = [];
  const openFile = timed(calls, (i) => {
    files.push(server.openFile(pick(i), "C:\\Data\\bench.txt", NOW));
  });
  const closeFile = timed(calls, (i) => server.closeFile(files[i] as number, NOW));
  const closeSession = timed(calls, (i) => server.close(opened[i] as number, NOW));
  for (let i = 0; i < calls; i++) server.open("bench", client(i), ["Data"], NOW);
  const remove = timed(calls, (i) => server.remove("bench", client(i), NOW));
  return {
    open,
    touch,
    "open file": openFile,
    "close file": closeFile,
    "close session": closeSession,
    Remove: remove,
  };
}

/** How many sessions of the population the events pick from (spread over all of it). */
const SAMPLE = 8_192;

/** Ids 1..size, thinned to at most {@link SAMPLE}, spread evenly (a fixture's sessions get ids 1..n). */
function sampleIds(size: number): number[] {
  const step = Math.max(1, Math.floor(size / SAMPLE));
  const ids: number[] = [];
  for (let id = 1; id <= size && ids.length < SAMPLE; id += step) ids.push(id);
  return ids;
}

/**
 * The six events at population `size`, `calls` calls per round: first the emulator's rounds, then (the
 * emulator released, so that neither pays for the other's heap) the baseline's.
 */
export function eventCosts(size: number, calls: number, rounds = 5): EventCosts {
  const ids = sampleIds(size);
  const engine: Round[] = [];
  {
    const emu = createEmulator({ fixture: fixtureWith(sessionSpecs(size)), caller: ADMIN });
    const handles = ids.map((id) => emu.inject.session("FS01", id));
    engineRound(emu, handles, rounds, calls); // warm-up (the JIT), not counted
    for (let round = 0; round < rounds; round++) engine.push(engineRound(emu, handles, round, calls));
  }
  gc();
  const naive: Round[] = [];
  {
    const server = NaiveServer.fromSpecs(sessionSpecs(size));
    naiveRound(server, ids, rounds, calls); // warm-up
    for (let round = 0; round < rounds; round++) naive.push(naiveRound(server, ids, round, calls));
  }
  gc();
  const costs = {} as Record<(typeof EVENTS)[number], { engine: number; naive: number }>;
  for (const event of EVENTS) {
    costs[event] = { engine: median(engine.map((r) => r[event])), naive: median(naive.map((r) => r[event])) };
  }
  return costs;
}

/**
 * µs of one open+close of a session on a (user, client) pair that already has `k` sessions, through
 * the emulator and the baseline.
 */
export function crowdedPairCost(k: number, calls: number, rounds = 5): { engine: number; naive: number } {
  const pair = { user: "bench", client: "10.9.9.9" };
  const engine: number[] = [];
  {
    const emu = createEmulator({ fixture: fixtureWith(sessionSpecs(k, { onePair: pair })), caller: ADMIN });
    const openClose = () =>
      emu.inject.closeSession(
        emu.inject.openSession({ server: "FS01", user: pair.user, client: pair.client, shares: ["Data"] }),
      );
    for (let round = -3; round < rounds; round++) {
      const cost = timed(calls, openClose);
      if (round >= 0) engine.push(cost); // rounds -3..-1 warm up
    }
  }
  gc();
  const naive: number[] = [];
  const server = NaiveServer.fromSpecs(sessionSpecs(k, { onePair: pair }));
  for (let round = -3; round < rounds; round++) {
    const cost = timed(calls, () => server.close(server.open(pair.user, pair.client, ["Data"], NOW), NOW));
    if (round >= 0) naive.push(cost);
  }
  return { engine: median(engine), naive: median(naive) };
}
