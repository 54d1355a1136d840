import type { IdTrie } from "../../engine/idTrie.js";
import { AdsError } from "../../errors/AdsError.js";
import type { DeferredFault } from "../../runtime/EmulatorRuntime.js";
import type { IEnumVARIANT } from "../interfaces/IEnumVARIANT.js";
import { sealFacadeClass } from "./comShape.js";
import { registerFacade } from "./internals.js";

/** Interfaces an enumerator answers (spec §4, §5.1). */
const ENUMERATOR_INTERFACES: readonly string[] = Object.freeze(["IUnknown", "IEnumVARIANT"]);

/**
 * The items of one read of a listing, handed out in order and made as they are handed out: an
 * enumeration of a million sessions holds one item at a time, not a million objects.
 */
export interface Listing<T> {
  /** The next item, or undefined at the end. */
  next(): T | undefined;
  /** A listing of the items this one has not handed out yet (for Clone). */
  clone(): Listing<T>;
}

/** Reads a listing: the items, and a fault rule's failure to raise part-way through (docs/faults.md). */
export type ListingReader<T> = () => {
  readonly items: readonly T[] | Listing<T>;
  readonly fault?: DeferredFault | undefined;
};

class ArrayListing<T> implements Listing<T> {
  readonly #items: readonly T[];
  #position: number;

  constructor(items: readonly T[], position: number) {
    this.#items = items;
    this.#position = position;
  }

  next(): T | undefined {
    return this.#position < this.#items.length ? this.#items[this.#position++] : undefined;
  }

  clone(): Listing<T> {
    return new ArrayListing(this.#items, this.#position);
  }
}

class TrieListing<V extends object | number, T> implements Listing<T> {
  readonly #trie: IdTrie<V>;
  readonly #make: (value: V) => T;
  readonly #cursor;
  #from: number;

  constructor(trie: IdTrie<V>, make: (value: V) => T, from: number) {
    this.#trie = trie;
    this.#make = make;
    this.#from = from;
    this.#cursor = trie.cursorFrom(from);
  }

  next(): T | undefined {
    const value = this.#cursor.next();
    if (value === undefined) return undefined;
    this.#from = this.#cursor.key + 1;
    return this.#make(value);
  }

  clone(): Listing<T> {
    return new TrieListing(this.#trie, this.#make, this.#from);
  }
}

/**
 * The values of `trie` (one version of the state's sessions or files, held for the whole enumeration)
 * in key order, each made into an item by `make` when it is handed out.
 */
export function trieListing<V extends object | number, T>(
  trie: IdTrie<V>,
  make: (value: V) => T,
): Listing<T> {
  return new TrieListing(trie, make, 0);
}

function listingOf<T>(items: readonly T[] | Listing<T>): Listing<T> {
  return Array.isArray(items) ? new ArrayListing(items as readonly T[], 0) : (items as Listing<T>);
}

/**
 * IEnumVARIANT over a directory listing. The listing is read from the server lazily, at the first
 * Next/Skip after creation or Reset, so every new enumeration sees the current state (spec §5.2). A
 * fault rule may cut the listing short: the enumeration yields `afterItems` items, then fails.
 */
export class Enumerator<T> implements IEnumVARIANT<T> {
  readonly #read: ListingReader<T>;
  #listing: Listing<T> | undefined;
  #fault: DeferredFault | undefined;
  /** Items handed out or skipped since the listing was read. */
  #position = 0;
  /** The next item, once looked at (undefined when not looked at, or at the end). */
  #ahead: T | undefined;
  #lookedAhead = false;

  /** An enumerator that reads its items with `read`. */
  constructor(read: ListingReader<T>) {
    this.#read = read;
    registerFacade(this, { context: undefined, interfaces: ENUMERATOR_INTERFACES, cache: undefined });
  }

  Next(count: number): T[] {
    this.#ensureListing(count);
    if (count > 0) this.#failIfCut();
    const batch: T[] = [];
    while (batch.length < count) {
      const item = this.#take();
      if (item === undefined) break;
      batch.push(item);
    }
    return batch;
  }

  Skip(count: number): boolean {
    this.#ensureListing(count);
    if (count > 0) this.#failIfCut();
    let skipped = 0;
    while (skipped < count && this.#take() !== undefined) skipped++;
    return skipped === count;
  }

  Reset(): void {
    this.#listing = undefined;
    this.#fault = undefined;
    this.#position = 0;
    this.#ahead = undefined;
    this.#lookedAhead = false;
  }

  Clone(): IEnumVARIANT<T> {
    const clone = new Enumerator(this.#read);
    clone.#listing = this.#listing?.clone();
    clone.#fault = this.#fault;
    clone.#position = this.#position;
    clone.#ahead = this.#ahead;
    clone.#lookedAhead = this.#lookedAhead;
    return clone;
  }

  /** Iterates the remaining items (for `for...of`), as repeated `Next(1)` calls would. */
  *[Symbol.iterator](): Iterator<T> {
    for (;;) {
      this.#ensureListing(1);
      this.#failIfCut();
      const item = this.#take();
      if (item === undefined) return;
      yield item;
    }
  }

  /** The next item without handing it out; undefined at the end of the (possibly cut) listing. */
  #peek(): T | undefined {
    if (!this.#lookedAhead) {
      const cut = this.#fault !== undefined && this.#position >= this.#fault.afterItems;
      this.#ahead = cut ? undefined : (this.#listing as Listing<T>).next();
      this.#lookedAhead = true;
    }
    return this.#ahead;
  }

  /** Hands out the next item, or undefined at the end. */
  #take(): T | undefined {
    const item = this.#peek();
    if (item !== undefined) {
      this.#ahead = undefined;
      this.#lookedAhead = false;
      this.#position += 1;
    }
    return item;
  }

  /** The injected failure, once every item before the cut has been handed out. */
  #failIfCut(): void {
    if (this.#fault !== undefined && this.#peek() === undefined) throw this.#fault.error;
  }

  #ensureListing(count: number): void {
    if (!Number.isInteger(count) || count < 0)
      throw new AdsError("E_INVALIDARG", `count must be a non-negative integer`);
    if (this.#listing === undefined) {
      const { items, fault } = this.#read();
      this.#fault = fault;
      this.#listing = listingOf(items);
    }
  }
}
sealFacadeClass(Enumerator);
