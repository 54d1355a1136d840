/**
 * `adsi-emulator/vitest`: a `test` with an `emu` fixture (a fresh emulator per test, or one emulator
 * reset before each test), and the matchers `toHaveSession`, `toHaveOpenFile` and `toThrowAdsError`,
 * registered with vitest's `expect` when this module is imported.
 *
 * ```ts
 * import { expect, test } from "adsi-emulator/vitest";
 * test("alice is connected", ({ emu }) => {
 *   expect(emu).toHaveSession({ user: "alice", computer: "10.0.0.5" });
 * });
 * ```
 */
import { test as baseTest, expect } from "vitest";
import { createEmulator, type Emulator, type EmulatorOptions } from "../index.js";
import { type AdsiMatchers, adsiMatchers } from "./matchers.js";

expect.extend(adsiMatchers);

declare module "vitest" {
  // biome-ignore lint/suspicious/noExplicitAny: vitest declares Matchers<T = any>; the augmentation must match it
  interface Matchers<T = any> extends AdsiMatchers<T> {}
}

/** Options of {@link createEmulatorTest}: the emulator's, plus how it is shared between tests. */
export interface EmulatorTestOptions extends EmulatorOptions {
  /**
   * `fresh` (default): each test gets a new emulator. `reset`: one emulator per test file, `reset()`
   * before each test (faster with a large fixture; the same state at the start of every test).
   */
  readonly mode?: "fresh" | "reset";
}

/** The fixtures a test made by {@link createEmulatorTest} receives. */
export interface EmulatorFixtures {
  /** The emulator of this test. */
  readonly emu: Emulator;
}

/**
 * A vitest `test` whose context has `emu`, made from `options` (default: the bundled default fixture,
 * seed 1): `const test = createEmulatorTest({ fixture, profile: "samba" })`.
 */
export function createEmulatorTest(options: EmulatorTestOptions = {}) {
  const { mode = "fresh", ...emulatorOptions } = options;
  if (mode !== "fresh" && mode !== "reset") {
    throw new TypeError(`createEmulatorTest: mode must be "fresh" or "reset", got ${String(mode)}`);
  }
  let shared: Emulator | undefined;
  return baseTest.extend<EmulatorFixtures>({
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this destructuring
    emu: async ({}, use) => {
      if (mode === "fresh") {
        await use(createEmulator(emulatorOptions));
        return;
      }
      shared ??= createEmulator(emulatorOptions);
      shared.reset();
      await use(shared);
    },
  });
}

/** `test` with a fresh default emulator per test (`({ emu }) => ...`). */
export const test = createEmulatorTest();

/** vitest's `it`, with the same `emu` fixture as {@link test}. */
export const it = test;

export type { AdsiMatchers, MatcherResult, OpenFileQuery, SessionQuery } from "./matchers.js";
export { adsiMatchers } from "./matchers.js";
export { expect };
