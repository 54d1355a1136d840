/**
 * Stands in for "vitest" when a README block that is itself a test runs inside the README test: `test`
 * and `it` run their body at once (inside the README test), `expect` is vitest's own.
 */
import { expect } from "vitest";

type Body = () => unknown;

/** Runs the body now. */
export function test(_name: string, body: Body): unknown {
  return body();
}

/** Runs the body now. */
export const it = test;

/** Runs the body now. */
export function describe(_name: string, body: Body): unknown {
  return body();
}

export { expect };
