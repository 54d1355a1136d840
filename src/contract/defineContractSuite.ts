/**
 * `defineContractSuite` registers the contract suite as vitest tests for one provider under test
 * (abstract-level's shipped suite): `describe(name)` with one test per contract test, skipped when the
 * target's `supports` lacks a feature it needs, run under the target's divergence manifest.
 */
import { afterAll, afterEach, beforeAll, describe, it } from "vitest";
import { contractContext } from "./context.js";
import { checkManifest, underManifest } from "./ratchet.js";
import { supported } from "./supportedTests.js";
import { CONTRACT_TESTS } from "./tests/catalog.js";
import type { Awaitable, ContractTarget, DivergenceManifest } from "./types.js";
import { CONTRACT_SUITE_VERSION } from "./version.js";

/** Options of {@link defineContractSuite}. */
export interface ContractSuiteOptions {
  /** The suite's name in the runner's output, e.g. `emulator (windows)`. */
  readonly name: string;
  /** Builds the provider under test; called once before the first test. */
  readonly setup: () => Awaitable<ContractTarget>;
  /** The tests known to differ on this target, and why (they must fail; one that passes fails the run). */
  readonly manifest?: DivergenceManifest;
  /** Only these test ids (default: all). */
  readonly only?: readonly string[];
  /** Per-test timeout, ms (default 30 s). */
  readonly timeoutMs?: number;
}

/** Registers the contract suite (version {@link CONTRACT_SUITE_VERSION}) for one provider. */
export function defineContractSuite(options: ContractSuiteOptions): void {
  const tests = CONTRACT_TESTS.filter((test) => !options.only || options.only.includes(test.id));
  if (options.manifest) checkManifest(options.manifest, CONTRACT_TESTS);
  describe(`contract suite v${CONTRACT_SUITE_VERSION}: ${options.name}`, () => {
    let target: ContractTarget | undefined;
    beforeAll(async () => {
      target = await options.setup();
    });
    afterEach(async () => {
      await target?.driver.cleanup();
    });
    afterAll(async () => {
      await target?.close?.();
    });
    for (const test of tests) {
      it(
        `${test.id}: ${test.title}`,
        async (context) => {
          if (!target) throw new Error("setup did not complete");
          if (!supported(test, target)) {
            context.skip();
            return;
          }
          const ready = target;
          await underManifest(test, options.manifest, async () => test.run(await contractContext(ready)));
        },
        options.timeoutMs ?? 30_000,
      );
    }
  });
}
