/**
 * Measuring helpers of the scale benchmark: median timings, garbage collection on demand, heap deltas
 * and CPU-profile shares (node:inspector, in process). Nothing here asserts anything.
 */
import { Session } from "node:inspector";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

/** Runs a full garbage collection (twice, so weak structures settle). */
export function gc(): void {
  collect();
  collect();
}

/** Heap in use after a full collection, bytes. */
export function heapUsed(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

/** The median of `values`. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * Median over `rounds` rounds of the µs one call of `op` takes, a round being `calls` calls. `setup`
 * runs before each round, untimed, and hands `op` what it works on.
 */
export function microsPerCall<T>(
  setup: (round: number) => T,
  op: (subject: T, i: number) => void,
  calls: number,
  rounds = 5,
): number {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const subject = setup(round);
    const start = performance.now();
    for (let i = 0; i < calls; i++) op(subject, i);
    samples.push(((performance.now() - start) * 1000) / calls);
  }
  return median(samples);
}

/** Median over `rounds` runs of the ms `run` takes; `setup` runs untimed before each. */
export function millis<T>(setup: () => T, run: (subject: T) => void, rounds = 5): number {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const subject = setup();
    const start = performance.now();
    run(subject);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** A CPU profile node, as node:inspector returns it. */
interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
}

/**
 * Runs `work` under the CPU profiler and returns the share (0..1) of sampled time whose innermost
 * frame `matches` (by function name and script URL).
 */
export function profileShare(work: () => void, matches: (name: string, url: string) => boolean): number {
  const session = new Session();
  session.connect();
  let profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } | undefined;
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 100 });
  session.post("Profiler.start");
  work();
  session.post("Profiler.stop", (error, result) => {
    if (!error) profile = result.profile as unknown as typeof profile;
  });
  session.disconnect();
  if (!profile) return Number.NaN;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  let total = 0;
  let matched = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i] as number);
    const delta = profile.timeDeltas[i] ?? 0;
    if (!node || node.callFrame.functionName === "(idle)") continue;
    total += delta;
    if (matches(node.callFrame.functionName, node.callFrame.url)) matched += delta;
  }
  return total === 0 ? Number.NaN : matched / total;
}
