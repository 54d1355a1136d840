/**
 * fast-check run counts for the msrvs codec properties: small by default so CI stays fast; set
 * FC_RUNS (e.g. `FC_RUNS=20000 npx vitest run test/msrvs`) for long fuzzing runs.
 */
export const FC_RUNS: number = (() => {
  const fromEnv = Number(process.env.FC_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 200;
})();

/** Per-test timeout for the property tests: vitest's default, or an hour for a long FC_RUNS run. */
export const FC_TIMEOUT: number = process.env.FC_RUNS === undefined ? 5000 : 3_600_000;
