/**
 * fast-check run counts for the msrvs codec properties: small by default so CI stays fast; set
 * FC_RUNS (e.g. `FC_RUNS=20000 npx vitest run test/msrvs`) for long fuzzing runs.
 */
export const FC_RUNS: number = (() => {
  const fromEnv = Number(process.env.FC_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 200;
})();
