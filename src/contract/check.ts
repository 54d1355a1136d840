/**
 * The contract suite's assertions, independent of the test runner (they throw `ContractFailure`), and the
 * helpers that read a sync or async provider the same way.
 */
import { AdsError } from "../errors/AdsError.js";
import type { HResultSymbol } from "../errors/hresults.js";
import { HRESULT } from "../errors/hresults.js";
import type { Awaitable, ContractCollection } from "./types.js";

/** A contract assertion that did not hold. */
export class ContractFailure extends Error {
  /** A failure with `message`. */
  constructor(message: string) {
    super(message);
    this.name = "ContractFailure";
  }
}

const show = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

/** Fails unless `condition`. */
export function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ContractFailure(message);
}

/** Fails unless `actual` and `expected` are equal as JSON (order included). */
export function same(actual: unknown, expected: unknown, what: string): void {
  if (show(actual) !== show(expected)) {
    throw new ContractFailure(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/** Every item of a collection, whether it is iterable or async iterable (spec §5.1 `_NewEnum`). */
export async function list<T>(collection: Awaitable<ContractCollection<T>>): Promise<T[]> {
  const resolved = await collection;
  const items: T[] = [];
  if (resolved[Symbol.asyncIterator]) {
    for await (const item of resolved as AsyncIterable<T>) items.push(item);
  } else if (resolved[Symbol.iterator]) {
    for (const item of resolved as Iterable<T>) items.push(item);
  } else {
    throw new ContractFailure("a collection must be iterable or async iterable");
  }
  return items;
}

/** Runs `action` (sync or async) and returns what it threw or rejected with, or undefined. */
export async function failureOf(action: () => unknown): Promise<unknown> {
  try {
    await action();
    return undefined;
  } catch (error) {
    return error;
  }
}

/** Fails unless `action` fails with the AdsError `code` and its HRESULT. */
export async function rejects(action: () => unknown, code: HResultSymbol, what: string): Promise<void> {
  const error = await failureOf(action);
  if (!(error instanceof AdsError)) {
    throw new ContractFailure(
      `${what}: expected AdsError ${code}, got ${error === undefined ? "success" : show(String(error))}`,
    );
  }
  if (error.code !== code || error.hresult !== HRESULT[code]) {
    throw new ContractFailure(`${what}: expected ${code}, got ${error.code} (${error.message})`);
  }
}

/**
 * Retries `check` until it passes or `withinMs` of real time passed (a real server acts asynchronously,
 * e.g. Samba closes a removed session's connection a little later). With 0, checks once.
 */
export async function eventually(withinMs: number, check: () => Promise<void>): Promise<void> {
  const deadline = withinMs > 0 ? performance.now() + withinMs : 0; // host-time: waiting for a real server
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (performance.now() >= deadline) throw error; // host-time: waiting for a real server
      await new Promise((resolve) => setTimeout(resolve, 20)); // host-time: waiting for a real server
    }
  }
}
