/**
 * `npm run bench` (first part): the engine at scale against a naive Map baseline, the table of issue 10.
 * `npx tsx bench/engineScale.ts` measures at 1,000 and 1,000,000 sessions (a few minutes, ~3 GB of
 * heap); `--quick` runs the same code at small sizes (what CI runs, test/bench/scale.test.ts). Prints a
 * Markdown table; nothing here asserts a timing.
 */
import { FULL_SCALE, formatTable, runScale } from "./scale/table.js";

const quick = process.argv.includes("--quick");
const options = quick
  ? {
      ...FULL_SCALE,
      sizes: [200, 2_000] as const,
      enumerated: 2_000,
      pairSizes: [1, 500],
      calls: 200,
      snapshots: 50,
    }
  : FULL_SCALE;
const started = performance.now();
const rows = runScale(options);
process.stdout.write(formatTable(rows));
process.stderr.write(`measured in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
