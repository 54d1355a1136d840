/**
 * `npm run bench` (first part): the engine at scale against a naive Map baseline, the table of issue 10.
 * `npx tsx bench/engineScale.ts` measures at 1,000 and 1,000,000 sessions (a few minutes, ~3 GB of
 * heap); `--quick` runs the same code at small sizes (what CI runs: test/bench/scale.test.ts). Prints a
 * Markdown table; nothing here asserts a timing.
 */
import { FULL_SCALE, formatTable, QUICK_SCALE, runScale } from "./scale/table.js";

const quick = process.argv.includes("--quick");
const started = performance.now();
const rows = runScale(quick ? { ...QUICK_SCALE, progress: FULL_SCALE.progress } : FULL_SCALE);
process.stdout.write(formatTable(rows));
process.stderr.write(`measured in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
