import { AdsError } from "../../errors/AdsError.js";
import type { IEnumVARIANT } from "../interfaces/IEnumVARIANT.js";
import { sealFacadeClass } from "./comShape.js";
import { registerFacade } from "./internals.js";

/** Interfaces an enumerator answers (spec §4, §5.1). */
const ENUMERATOR_INTERFACES: readonly string[] = Object.freeze(["IUnknown", "IEnumVARIANT"]);

/**
 * IEnumVARIANT over a directory listing. The listing is read from the server lazily, at the first
 * Next/Skip after creation or Reset, so every new enumeration sees the current state (spec §5.2).
 */
export class Enumerator<T> implements IEnumVARIANT<T> {
  readonly #read: () => T[];
  #items: T[] | undefined;
  #position = 0;

  /** An enumerator that reads its items with `read`. */
  constructor(read: () => T[], items?: T[], position = 0) {
    this.#read = read;
    this.#items = items;
    this.#position = position;
    registerFacade(this, { context: undefined, interfaces: ENUMERATOR_INTERFACES, cache: undefined });
  }

  Next(count: number): T[] {
    const items = this.#listing(count);
    const batch = items.slice(this.#position, this.#position + count);
    this.#position += batch.length;
    return batch;
  }

  Skip(count: number): boolean {
    const items = this.#listing(count);
    const skipped = Math.min(count, items.length - this.#position);
    this.#position += skipped;
    return skipped === count;
  }

  Reset(): void {
    this.#items = undefined;
    this.#position = 0;
  }

  Clone(): IEnumVARIANT<T> {
    return new Enumerator(this.#read, this.#items ? [...this.#items] : undefined, this.#position);
  }

  /** Iterates the remaining items (for `for...of`). */
  *[Symbol.iterator](): Iterator<T> {
    for (;;) {
      const [item] = this.Next(1);
      if (item === undefined) return;
      yield item;
    }
  }

  #listing(count: number): T[] {
    if (!Number.isInteger(count) || count < 0)
      throw new AdsError("E_INVALIDARG", `count must be a non-negative integer`);
    this.#items ??= this.#read();
    return this.#items;
  }
}
sealFacadeClass(Enumerator);
