import { AdsError } from "../../errors/AdsError.js";

/**
 * IEnumVARIANT of a real provider's collection (spec §5.1), asynchronous: the listing is read from
 * the server at the first Next/Skip after creation or Reset, so every new enumeration sees the
 * current state (spec §5.2), as the emulator's enumerator does.
 */
export class AsyncEnumerator<T> {
  readonly #read: () => Promise<T[]>;
  #items: Promise<T[]> | undefined;
  #position = 0;

  /** An enumerator that reads its items with `read`; `items`/`position` copy another one's (Clone). */
  constructor(read: () => Promise<T[]>, items?: Promise<T[]>, position = 0) {
    this.#read = read;
    this.#items = items;
    this.#position = position;
  }

  /** Up to `count` next items (fewer at the end; empty when exhausted). */
  async Next(count: number): Promise<T[]> {
    const items = await this.#listing(count);
    const batch = items.slice(this.#position, this.#position + count);
    this.#position += batch.length;
    return batch;
  }

  /** Skips up to `count` items; false (S_FALSE) when fewer were left. */
  async Skip(count: number): Promise<boolean> {
    const items = await this.#listing(count);
    const skipped = Math.min(count, items.length - this.#position);
    this.#position += skipped;
    return skipped === count;
  }

  /** Rewinds; the next Next re-reads the server. */
  Reset(): void {
    this.#items = undefined;
    this.#position = 0;
  }

  /** An independent enumerator at the same position, over the same listing. */
  Clone(): AsyncEnumerator<T> {
    return new AsyncEnumerator(this.#read, this.#items, this.#position);
  }

  /** Iterates the remaining items (for `for await`). */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      const [item] = await this.Next(1);
      if (item === undefined) return;
      yield item;
    }
  }

  #listing(count: number): Promise<T[]> {
    if (!Number.isInteger(count) || count < 0)
      return Promise.reject(new AdsError("E_INVALIDARG", "count must be a non-negative integer"));
    if (this.#items === undefined) {
      const items = this.#read();
      this.#items = items;
      items.catch(() => {
        if (this.#items === items) this.#items = undefined;
      });
    }
    return this.#items;
  }
}
