/**
 * `adsi-emulator/jest`: the matchers `toHaveSession`, `toHaveOpenFile` and `toThrowAdsError`, registered
 * with jest's global `expect` when this module is loaded, and {@link useEmulator}, jest's counterpart of
 * the vitest fixture. Works from CommonJS with jest's default configuration:
 *
 * ```js
 * const { useEmulator } = require("adsi-emulator/jest");
 * const emu = useEmulator();
 * test("alice is connected", () => expect(emu()).toHaveSession({ user: "alice" }));
 * ```
 */
import { createEmulator, type Emulator, type EmulatorOptions } from "../index.js";
import { type AdsiMatchers, adsiMatchers } from "./matchers.js";

declare global {
  // @types/jest declares its matchers in the global `jest` namespace.
  namespace jest {
    interface Matchers<R> extends AdsiMatchers<R> {}
  }
}

// With `@jest/globals` instead of @types/jest, add to a .d.ts of your project:
// `declare module "expect" { interface Matchers<R> extends import("adsi-emulator/jest").AdsiMatchers<R> {} }`

/** The part of jest's `expect` this module uses. */
export interface ExtensibleExpect {
  extend(matchers: Record<string, (this: unknown, received: unknown, ...args: never[]) => unknown>): void;
}

type Hook = (run: () => void) => void;

/** The jest globals of the running test file, if any. */
function jestGlobals(): { expect?: ExtensibleExpect; beforeEach?: Hook } {
  return globalThis as { expect?: ExtensibleExpect; beforeEach?: Hook };
}

/** Registers the matchers with `expect` (default: jest's global one). Loading this module already did, when there is one. */
export function installAdsiMatchers(expect: ExtensibleExpect | undefined = jestGlobals().expect): void {
  if (!expect || typeof expect.extend !== "function") {
    throw new TypeError(
      "installAdsiMatchers: no jest `expect` (pass it, or load this module inside a jest test file)",
    );
  }
  expect.extend(adsiMatchers as never);
}

/** Options of {@link useEmulator}: the emulator's, plus how it is shared between tests. */
export interface UseEmulatorOptions extends EmulatorOptions {
  /** `fresh` (default): a new emulator before each test; `reset`: one emulator, `reset()` before each test. */
  readonly mode?: "fresh" | "reset";
}

/**
 * Registers a `beforeEach` that prepares an emulator for every test of the file and returns the getter
 * of the current one: `const emu = useEmulator(); ... emu().GetObject(...)`. Call it at the top of a
 * test file or of a `describe` block.
 */
export function useEmulator(options: UseEmulatorOptions = {}): () => Emulator {
  const { mode = "fresh", ...emulatorOptions } = options;
  if (mode !== "fresh" && mode !== "reset") {
    throw new TypeError(`useEmulator: mode must be "fresh" or "reset", got ${String(mode)}`);
  }
  const { beforeEach } = jestGlobals();
  if (typeof beforeEach !== "function") {
    throw new TypeError("useEmulator: call it in a jest test file (no global beforeEach here)");
  }
  let current: Emulator | undefined;
  beforeEach(() => {
    if (mode === "reset" && current) current.reset();
    else current = createEmulator(emulatorOptions);
  });
  return () => {
    if (!current) throw new Error("useEmulator: the emulator exists inside tests only (after beforeEach)");
    return current;
  };
}

if (typeof jestGlobals().expect?.extend === "function") installAdsiMatchers();

export type { AdsiMatchers, MatcherResult, OpenFileQuery, SessionQuery } from "./matchers.js";
export { adsiMatchers } from "./matchers.js";
