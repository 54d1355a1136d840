import { AdsError } from "../../errors/AdsError.js";
import type { DeferredFault } from "../../runtime/EmulatorRuntime.js";
import type { IEnumVARIANT } from "../interfaces/IEnumVARIANT.js";
import { sealFacadeClass } from "./comShape.js";
import { registerFacade } from "./internals.js";

/** Interfaces an enumerator answers (spec §4, §5.1). */
const ENUMERATOR_INTERFACES: readonly string[] = Object.freeze(["IUnknown", "IEnumVARIANT"]);

/** Reads a listing: the items, and a fault rule's failure to raise part-way through (docs/faults.md). */
export type ListingReader<T> = () => { readonly items: T[]; readonly fault?: DeferredFault | undefined };

/**
 * IEnumVARIANT over a directory listing. The listing is read from the server lazily, at the first
 * Next/Skip after creation or Reset, so every new enumeration sees the current state (spec §5.2). A
 * fault rule may cut the listing short: the enumeration yields `afterItems` items, then fails.
 */
export class Enumerator<T> implements IEnumVARIANT<T> {
  readonly #read: ListingReader<T>;
  #items: T[] | undefined;
  #fault: DeferredFault | undefined;
  #position = 0;

  /** An enumerator that reads its items with `read`. */
  constructor(read: ListingReader<T>, items?: T[], position = 0, fault?: DeferredFault) {
    this.#read = read;
    this.#items = items;
    this.#position = position;
    this.#fault = fault;
    registerFacade(this, { context: undefined, interfaces: ENUMERATOR_INTERFACES, cache: undefined });
  }

  Next(count: number): T[] {
    const items = this.#listing(count);
    if (count > 0) this.#failIfCut(items);
    const batch = items.slice(this.#position, this.#position + count);
    this.#position += batch.length;
    return batch;
  }

  Skip(count: number): boolean {
    const items = this.#listing(count);
    if (count > 0) this.#failIfCut(items);
    const skipped = Math.min(count, items.length - this.#position);
    this.#position += skipped;
    return skipped === count;
  }

  Reset(): void {
    this.#items = undefined;
    this.#fault = undefined;
    this.#position = 0;
  }

  Clone(): IEnumVARIANT<T> {
    return new Enumerator(
      this.#read,
      this.#items ? [...this.#items] : undefined,
      this.#position,
      this.#fault,
    );
  }

  /** Iterates the remaining items (for `for...of`). */
  *[Symbol.iterator](): Iterator<T> {
    for (;;) {
      const [item] = this.Next(1);
      if (item === undefined) return;
      yield item;
    }
  }

  /** The injected failure, once every item before the cut has been handed out. */
  #failIfCut(items: readonly T[]): void {
    if (this.#fault !== undefined && this.#position >= items.length) throw this.#fault.error;
  }

  #listing(count: number): T[] {
    if (!Number.isInteger(count) || count < 0)
      throw new AdsError("E_INVALIDARG", `count must be a non-negative integer`);
    if (this.#items === undefined) {
      const { items, fault } = this.#read();
      this.#fault = fault;
      this.#items = fault === undefined ? items : items.slice(0, fault.afterItems);
    }
    return this.#items;
  }
}
sealFacadeClass(Enumerator);
