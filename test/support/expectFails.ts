import { expect } from "vitest";
import type { DirectoryStore } from "../../src/engine/store.js";
import { AdsError } from "../../src/errors/AdsError.js";
import type { HResultSymbol } from "../../src/errors/hresults.js";

/** Asserts that `action` throws an AdsError with `code` and leaves the store's state object unchanged. */
export function expectFails(store: DirectoryStore, action: () => unknown, code: HResultSymbol): void {
  const before = store.state;
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AdsError);
  expect((caught as AdsError).code).toBe(code);
  expect(store.state).toBe(before);
}
