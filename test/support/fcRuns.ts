/**
 * Budget of the fuzz harnesses (fast-check properties): small in CI, larger on demand. `FC_RUNS=20000
 * npx vitest run test/...` runs every harness that uses {@link fcRuns} with that many runs.
 */
const fromEnv = Number(process.env.FC_RUNS);

/** `ciRuns` unless the environment variable `FC_RUNS` is a positive integer, which then wins. */
export function fcRuns(ciRuns: number): number {
  return Number.isSafeInteger(fromEnv) && fromEnv > 0 ? fromEnv : ciRuns;
}
