/**
 * The contract suite's tests as data: an id (stable; manifests and the scoreboard name tests by it), a
 * title, the optional features it needs, and its body. `defineContractSuite` turns them into runner
 * tests; the scoreboard is computed from them without running anything.
 */
import type { ContractContext } from "../context.js";
import type { ContractSupports } from "../types.js";
import { ACCESS_TESTS } from "./access.js";
import { LIFECYCLE_TESTS } from "./lifecycle.js";
import { RESOURCE_TESTS } from "./resources.js";
import { SESSION_TESTS } from "./sessions.js";
import { TIME_TESTS } from "./time.js";

/** One contract test. */
export interface ContractTest {
  /** Stable id, e.g. `sessions.remove-pair`. */
  readonly id: string;
  /** What it checks, with the spec item. */
  readonly title: string;
  /** Optional features it needs; without them it is skipped ("n/a" on the scoreboard). */
  readonly requires?: readonly (keyof ContractSupports)[];
  /** The test: throws (a ContractFailure or the provider's error) when the contract does not hold. */
  run(context: ContractContext): Promise<void>;
}

/** Every contract test, in the order they run. */
export const CONTRACT_TESTS: readonly ContractTest[] = Object.freeze([
  ...SESSION_TESTS,
  ...RESOURCE_TESTS,
  ...TIME_TESTS,
  ...ACCESS_TESTS,
  ...LIFECYCLE_TESTS,
]);
