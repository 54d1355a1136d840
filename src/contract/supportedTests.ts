import type { ContractSupports } from "./types.js";

/** Whether a target with `supports` has every feature a test `requires` (else the test is "n/a"). */
export function supported(
  test: { readonly requires?: readonly (keyof ContractSupports)[] },
  target: { readonly supports: ContractSupports },
): boolean {
  return (test.requires ?? []).every((feature) => target.supports[feature]);
}
