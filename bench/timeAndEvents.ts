/**
 * `npm run bench` (second part): the cost of one time-and-events operation through the public API, at
 * 1k, 100k and 1M sessions on one server, and the ratio 1M/1k. Run alone with
 * `npx tsx bench/timeAndEvents.ts [sizes...]`. Prints a table; nothing here asserts a timing.
 *
 * The population comes from a fixture (createEmulator), sessions spaced 1 ms apart in last activity so
 * that every auto-disconnect is its own happening.
 */
import { createEmulator, type Emulator, type Fixture } from "../src/index.js";
import { ADMIN, fixtureWith, NOW, sessionSpecs } from "./scale/population.js";

/** `sessions` sessions on FS01, last active 1 ms apart (bench/scale/population.ts). */
function fixture(sessions: number): Fixture {
  return fixtureWith(sessionSpecs(sessions));
}

/** Median µs per call of `op` over `rounds` rounds of `calls` calls. */
function measure(op: (i: number) => void, calls: number, rounds = 5): number {
  const samples: number[] = [];
  let i = 0;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (let k = 0; k < calls; k++) op(i++);
    samples.push(((performance.now() - start) * 1000) / calls);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

function operations(emu: Emulator): Record<string, () => number> {
  const handles = emu.inject.sessions("FS01");
  let live = handles;
  const pick = (i: number) => live[(i * 7919) % live.length] as (typeof live)[number];
  /** Re-reads the live sessions before an operation (auto-disconnect ended some). */
  const fresh =
    <T>(run: () => T) =>
    () => {
      live = emu.inject.sessions("FS01");
      return run();
    };
  const budget = Math.max(20, Math.min(200, Math.floor(handles.length / 10)));
  return {
    // First, while no session has had activity: sessions are due 1 ms apart, so each next() fires one.
    "auto-disconnect firing": () => {
      emu.clock.tickTo(NOW + 60 * 60_000 - 2 * handles.length - 1);
      return measure(() => emu.clock.next(), budget);
    },
    "open + close session": () =>
      measure(
        () =>
          emu.inject.closeSession(
            emu.inject.openSession({
              server: "FS01",
              user: "bench",
              client: "192.168.0.1",
              shares: ["Data"],
            }),
          ),
        200,
      ),
    activity: fresh(() => measure((i) => emu.inject.activity(pick(i)), 500)),
    "open + close file": fresh(() =>
      measure((i) => emu.inject.closeFile(emu.inject.openFile(pick(i), "Data\\bench.txt")), 200),
    ),
    "fault rule match (activity)": fresh(() => {
      const rule = emu.faults.add({ operation: "inject.activity", latency: "0s" });
      for (let r = 0; r < 4; r++)
        emu.faults.add({ operation: "Sessions", error: "E_FAIL", path: `WinNT://X${r}` });
      const cost = measure((i) => emu.inject.activity(pick(i)), 500);
      emu.faults.clear();
      void rule;
      return cost;
    }),
    snapshot: () => measure(() => emu.snapshot(), 2000),
    restore: () => {
      const snap = emu.snapshot();
      return measure(() => emu.restore(snap), 2000);
    },
  };
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [1_000, 100_000, 1_000_000];
const table = new Map<string, number[]>();
for (const size of SIZES) {
  const start = performance.now();
  const emu = createEmulator({ fixture: fixture(size), caller: ADMIN, eventLog: { capacity: 10_000 } });
  const built = (performance.now() - start) / 1000;
  process.stderr.write(`${size} sessions built in ${built.toFixed(1)} s\n`);
  for (const [name, run] of Object.entries(operations(emu))) {
    const row = table.get(name) ?? [];
    row.push(run());
    table.set(name, row);
  }
}
const header = [
  "operation (µs per call, median of 5)",
  ...SIZES.map((s) => s.toLocaleString("en-US")),
  `ratio ${SIZES.at(-1)?.toLocaleString("en-US")}/${SIZES[0]?.toLocaleString("en-US")}`,
];
const rows = [...table].map(([name, values]) => [
  name,
  ...values.map((v) => v.toFixed(1)),
  ((values.at(-1) ?? 0) / (values[0] ?? 1)).toFixed(2),
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
process.stdout.write(`${line(header)}\n${rows.map(line).join("\n")}\n`);
