/**
 * The expected-divergence ratchet (fake-indexeddb's expected-failure manifest): a test listed in a
 * target's manifest must fail on that target, and one that starts passing fails the run until its entry
 * is removed. Runner-independent: it only wraps a test body.
 */
import { ContractFailure } from "./check.js";
import type { ContractTest } from "./tests/catalog.js";
import type { DivergenceManifest } from "./types.js";
import { CONTRACT_SUITE_VERSION } from "./version.js";

/** Checks that `manifest` was written for this suite and names only existing tests. */
export function checkManifest(manifest: DivergenceManifest, tests: readonly ContractTest[]): void {
  if (manifest.suiteVersion !== CONTRACT_SUITE_VERSION) {
    throw new ContractFailure(
      `the divergence manifest is for contract suite version ${manifest.suiteVersion}; this is version ${CONTRACT_SUITE_VERSION}: review it`,
    );
  }
  const ids = new Set(tests.map((test) => test.id));
  const unknown = Object.keys(manifest.divergences).filter((id) => !ids.has(id));
  if (unknown.length > 0)
    throw new ContractFailure(`the divergence manifest names unknown tests: ${unknown.join(", ")}`);
}

/**
 * Runs `body` under the manifest: a listed test passes when the body fails (the divergence is still
 * there) and fails when the body passes ("remove it from the manifest"); an unlisted test is the body.
 */
export async function underManifest(
  test: ContractTest,
  manifest: DivergenceManifest | undefined,
  body: () => Promise<void>,
): Promise<void> {
  const reason = manifest?.divergences[test.id];
  if (reason === undefined) return body();
  let failed = false;
  try {
    await body();
  } catch {
    failed = true;
  }
  if (!failed) {
    throw new ContractFailure(
      `${test.id} is listed as a known divergence ("${reason}") but now passes: remove it from the manifest`,
    );
  }
}
