/**
 * The scale benchmark's table (issue 10): every figure measured side by side with the naive baseline in
 * one run, with its ratio and target. `runScale` measures; `formatTable` prints Markdown.
 */
import { buildCosts, defaultEmulatorCost, enumerationCost, freezeShare } from "./buildRows.js";
import { crowdedPairCost, EVENTS, eventCosts } from "./eventRows.js";
import { gc } from "./measure.js";
import { enumerateAll, heapPerSession, sessionObjectSize, snapshotRetention } from "./memoryRows.js";

/** One line of the table. */
export interface Row {
  readonly figure: string;
  readonly emulator: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly target: string;
  /** Whether the target is met; undefined for figures without a target. */
  readonly met: boolean | undefined;
}

/** Sizes and counts of one run. */
export interface ScaleOptions {
  /** The small and the large population (default 1,000 and 1,000,000). */
  readonly sizes: readonly [number, number];
  /** Population of the enumeration and object-size figures (default 100,000). */
  readonly enumerated: number;
  /** Sessions already on the crowded pair (default 1, 1,000, 10,000, 100,000). */
  readonly pairSizes: readonly number[];
  /** Calls per timing round (default 2,000). */
  readonly calls: number;
  /** Snapshots held while as many events run (default 1,000). */
  readonly snapshots: number;
  /** Reports progress (default: to stderr). */
  readonly progress: (message: string) => void;
}

/** The sizes. */
export const FULL_SCALE: ScaleOptions = {
  sizes: [1_000, 1_000_000],
  enumerated: 100_000,
  pairSizes: [1, 1_000, 10_000, 100_000],
  calls: 2_000,
  snapshots: 1_000,
  progress: (message) => process.stderr.write(`${message}\n`),
};

/** The same figures at small sizes: what CI runs so that the benchmark cannot rot (a few seconds). */
export const QUICK_SCALE: ScaleOptions = {
  ...FULL_SCALE,
  sizes: [200, 2_000],
  enumerated: 2_000,
  pairSizes: [1, 500],
  calls: 200,
  snapshots: 50,
  progress: () => undefined,
};

const fixed = (value: number, digits = 1) => value.toFixed(digits);
const big = (value: number) => value.toLocaleString("en-US");
const times = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)}x`;
const slash = (values: readonly string[]) => values.join(" / ");

/** Measures every figure; see {@link ScaleOptions}. */
export function runScale(options: ScaleOptions = FULL_SCALE): Row[] {
  const rows: Row[] = [];
  const [small, large] = options.sizes;
  const say = (message: string) => {
    gc(); // each figure starts from a collected heap, whatever the one before left
    options.progress(message);
  };
  const perSize = options.sizes.map((size) => {
    say(`events at ${big(size)} sessions…`);
    return eventCosts(size, options.calls);
  });
  for (const [index, size] of options.sizes.entries()) {
    const costs = perSize[index] as ReturnType<typeof eventCosts>;
    const ratios = EVENTS.map((event) => costs[event].engine / costs[event].naive);
    rows.push({
      figure: `${slash([...EVENTS])}, µs per event at ${big(size)}`,
      emulator: slash(EVENTS.map((event) => fixed(costs[event].engine))),
      baseline: slash(EVENTS.map((event) => fixed(costs[event].naive, 2))),
      ratio: slash(ratios.map(times)),
      target: "each ≤ 10x",
      met: ratios.every((ratio) => ratio <= 10),
    });
  }
  const [smallCosts, largeCosts] = perSize as [ReturnType<typeof eventCosts>, ReturnType<typeof eventCosts>];
  const growth = EVENTS.map((event) => largeCosts[event].engine / smallCosts[event].engine);
  rows.push({
    figure: `per-event cost ${big(large)} / ${big(small)}`,
    emulator: slash(growth.map((value) => fixed(value, 2))),
    baseline: slash(EVENTS.map((event) => fixed(largeCosts[event].naive / smallCosts[event].naive, 2))),
    ratio: "",
    target: "each ≤ 2",
    met: growth.every((value) => value <= 2),
  });
  say("crowded pair…");
  const pair = options.pairSizes.map((k) => crowdedPairCost(k, Math.max(50, options.calls / 2)));
  const pairGrowth = (pair.at(-1)?.engine ?? 0) / (pair[0]?.engine ?? 1);
  rows.push({
    figure: `open+close on a (user, client) pair already holding k = ${slash(options.pairSizes.map(big))} sessions, µs`,
    emulator: slash(pair.map((cost) => fixed(cost.engine))),
    baseline: slash(pair.map((cost) => fixed(cost.naive, 2))),
    ratio: `${fixed(pairGrowth, 2)} (k = ${big(options.pairSizes.at(-1) ?? 0)} / k = ${big(options.pairSizes[0] ?? 0)})`,
    target: "flat (≤ 2)",
    met: pairGrowth <= 2,
  });
  say("enumeration…");
  const enumeration = enumerationCost(options.enumerated);
  const enumerationRatio = enumeration.engine / enumeration.plain;
  rows.push({
    figure: `enumerate ${big(options.enumerated)} sessions through Sessions() reading 6 properties, ms`,
    emulator: fixed(enumeration.engine),
    baseline: `${fixed(enumeration.plain)} (plain array)`,
    ratio: times(enumerationRatio),
    target: "≤ 3x",
    met: enumerationRatio <= 3,
  });
  say("heap per session…");
  const noFile = heapPerSession(large);
  const oneFile = heapPerSession(large, { filesPerSession: 1 });
  rows.push({
    figure: `heap per session (no file / one open file) at ${big(large)}, B`,
    emulator: slash([fixed(noFile.engine, 0), fixed(oneFile.engine, 0)]),
    baseline: slash([fixed(noFile.naive, 0), fixed(oneFile.naive, 0)]),
    ratio: slash([times(noFile.engine / noFile.naive), times(oneFile.engine / oneFile.naive)]),
    target: "≤ 600 B with one file",
    met: oneFile.engine <= 600,
  });
  say("building…");
  const build = buildCosts(large);
  rows.push({
    figure: `building ${big(large)} sessions: bulk load / createEmulator from a fixture (validation included) / transitions, s`,
    emulator: slash([fixed(build.bulk, 2), fixed(build.fixture, 2), fixed(build.transitions, 2)]),
    baseline: fixed(build.naive, 2),
    ratio: slash([build.bulk, build.fixture, build.transitions].map((value) => times(value / build.naive))),
    target: "≤ 3x",
    met: build.fixture / build.naive <= 3,
  });
  say("snapshots…");
  const retained = snapshotRetention(large, options.snapshots);
  rows.push({
    figure: `holding ${big(options.snapshots)} snapshots while ${big(options.snapshots)} events run at ${big(large)}, B retained per event`,
    emulator: fixed(retained, 0),
    baseline: "",
    ratio: "",
    target: "≤ 1,024 B",
    met: retained <= 1024,
  });
  say("default emulator…");
  const created = defaultEmulatorCost();
  rows.push({
    figure: "createEmulator() on the default fixture, ms (validating its JSON alone)",
    emulator: `${fixed(created.create, 3)} (${fixed(created.validate, 3)})`,
    baseline: "",
    ratio: "",
    target: "< 0.5 ms",
    met: created.create < 0.5,
  });
  say("freezing…");
  const frozen = freezeShare(small, Math.max(100, options.calls * 2));
  rows.push({
    figure: "share of open+close cost spent freezing (session / file)",
    emulator: slash([`${fixed(100 * frozen.session, 0)}%`, `${fixed(100 * frozen.file, 0)}%`]),
    baseline: "",
    ratio: "",
    target: "",
    met: undefined,
  });
  say("enumerating everything…");
  const all = enumerateAll(large);
  rows.push({
    figure: `enumerating ${big(large)} sessions reading 6 properties: s, peak heap growth MB`,
    emulator: slash([fixed(all.ms / 1000, 2), fixed(all.peakMb, 0)]),
    baseline: "",
    ratio: "",
    target: "",
    met: undefined,
  });
  say("object size…");
  const size = sessionObjectSize(options.enumerated);
  rows.push({
    figure: "one enumerated Session object, B (as handed out / once its 6 properties are read)",
    emulator: slash([fixed(size.fresh, 0), fixed(size.read, 0)]),
    baseline: `${fixed(size.record, 0)} (a session record)`,
    ratio: slash([times(size.fresh / size.record), times(size.read / size.record)]),
    target: "",
    met: undefined,
  });
  return rows;
}

/** The rows as a Markdown table. */
export function formatTable(rows: readonly Row[]): string {
  const header = "| figure | emulator | naive baseline | ratio | target | met |\n|---|---|---|---|---|---|";
  const lines = rows.map(
    (row) =>
      `| ${row.figure} | ${row.emulator} | ${row.baseline} | ${row.ratio} | ${row.target} | ${
        row.met === undefined ? "" : row.met ? "yes" : "**no**"
      } |`,
  );
  return `${header}\n${lines.join("\n")}\n`;
}
