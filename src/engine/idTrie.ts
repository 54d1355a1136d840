/**
 * A persistent map from uint32 keys to values: an array-mapped trie of 16-slot nodes whose depth grows
 * with the largest key (4 levels up to 65,535, 5 up to 1,048,575, at most 8), iterated in key order.
 *
 * Why: the engine's states are immutable and shared (a snapshot is a reference), so a change must not
 * copy a whole collection. Here `set` and `delete` copy only the nodes on one key's path (at most 8
 * arrays of 16 slots, 5 at a million sessions) and share every other node with the previous version.
 * The trie is a class instance, so immer neither drafts nor walks it: one opaque immutable value inside
 * the state, like {@link OrderedIndex}. Its nodes are frozen when made; the shape is canonical (the
 * same entries make the same nodes, whatever the history), so two tries with the same entries are
 * deeply equal.
 *
 * A trie may carry a {@link TrieSummary}: every node then also keeps the first counted value of its
 * subtree in the summary's order and how many values count, so the first counted value of the whole
 * trie is read at the root in O(1) (the engine's idle queue, spec §12.7, is such a summary).
 */

import { TrieCursor } from "./trieCursor.js";
import {
  BITS,
  copyAll,
  deleteIn,
  emptyNode,
  freezeAll,
  frozen,
  isKey,
  lastSetGrew,
  levelsFor,
  MASK,
  MAX_LEVELS,
  onlyFirstSlot,
  SUMMARY_COUNT,
  SUMMARY_FIRST,
  setIn,
  summarize,
  summarizeAll,
  visitAll,
  WIDTH,
} from "./trieNodes.js";

export { TrieCursor } from "./trieCursor.js";
export { NODE_WIDTH, SUMMARY_COUNT, SUMMARY_FIRST } from "./trieNodes.js";

/**
 * A trie node: 16 slots (child nodes on inner levels, values on the last), `null` marking an empty slot;
 * a summarized trie adds two slots (the first counted value or null, and the count).
 */
export type TrieNode = (TrieNode | object | number | null)[];

/** What a summarized trie keeps per node: which values count, and their order. */
export interface TrieSummary<V> {
  /** Whether `value` counts toward the summary. */
  counts(value: V): boolean;
  /** Whether counted value `a` comes strictly before counted value `b`. */
  before(a: V, b: V): boolean;
}

/** A persistent uint32-keyed map; see the module comment. Every update returns a new trie. */
export interface IdTrie<V extends object | number> extends Iterable<V> {
  /** Number of entries. */
  readonly size: number;
  /** Levels of nodes from the root to the values (0 when empty). */
  readonly depth: number;
  /** The summary the trie keeps, if any. */
  readonly summary: TrieSummary<V> | undefined;
  /** With a summary: how many values count (0 without one). O(1). */
  readonly counted: number;
  /** The value under `key`, or undefined (also for a key that is not a uint32). O(depth). */
  get(key: number): V | undefined;
  /** Whether `key` is present. O(depth). */
  has(key: number): boolean;
  /** A trie with `key` set to `value` (this trie when nothing changes). RangeError for a bad key or value. */
  set(key: number, value: V): IdTrie<V>;
  /** A trie without `key` (this trie when it is absent). */
  delete(key: number): IdTrie<V>;
  /** Values in ascending key order. */
  values(): IterableIterator<V>;
  /** Values whose key is at least `key`, in ascending key order. */
  valuesFrom(key: number): IterableIterator<V>;
  /** `[key, value]` pairs in ascending key order. */
  entries(): IterableIterator<[number, V]>;
  /** A cursor over the values whose key is at least `key` (its `key` field tells where it is). */
  cursorFrom(key: number): TrieCursor<V>;
  /** Calls `visit` with every entry in ascending key order (faster than iterating). */
  forEach(visit: (value: V, key: number) => void): void;
  /** The largest key, or undefined when empty. O(depth × 16). */
  maxKey(): number | undefined;
  /** With a summary: the first counted value in the summary's order, or undefined. O(1). */
  firstCounted(): V | undefined;
  /** The root node (null when empty): frozen arrays, for walks that follow the summary. */
  readonly root: TrieNode | null;
}

function iterate<T>(next: () => T | undefined): IterableIterator<T> {
  return {
    next(): IteratorResult<T> {
      const value = next();
      return value === undefined ? { done: true, value: undefined } : { done: false, value };
    },
    [Symbol.iterator]() {
      return this;
    },
  };
}

class PersistentIdTrie<V extends object | number> implements IdTrie<V> {
  readonly size: number;
  readonly root: TrieNode | null;
  readonly #levels: number;
  readonly #summary: TrieSummary<V> | undefined;

  constructor(root: TrieNode | null, levels: number, size: number, summary: TrieSummary<V> | undefined) {
    this.size = root === null ? 0 : size;
    this.root = root;
    this.#levels = root === null ? 0 : levels;
    this.#summary = summary;
    Object.freeze(this);
  }

  get depth(): number {
    return this.#levels;
  }

  get summary(): TrieSummary<V> | undefined {
    return this.#summary;
  }

  get counted(): number {
    return this.#summary && this.root ? (this.root[SUMMARY_COUNT] as number) : 0;
  }

  get(key: number): V | undefined {
    let node = this.root;
    if (node === null || !isKey(key)) return undefined;
    const levels = this.#levels;
    if (levels < MAX_LEVELS && key >>> (levels * BITS) !== 0) return undefined;
    for (let shift = (levels - 1) * BITS; shift > 0; shift -= BITS) {
      node = node[(key >>> shift) & MASK] as TrieNode | null;
      if (node === null) return undefined;
    }
    const value = node[key & MASK];
    return value === null ? undefined : (value as V);
  }

  has(key: number): boolean {
    return this.get(key) !== undefined;
  }

  set(key: number, value: V): IdTrie<V> {
    if (!isKey(key)) throw new RangeError(`trie key must be a uint32, got ${String(key)}`);
    if (value === null || value === undefined)
      throw new RangeError("a trie value cannot be null or undefined");
    const summary = this.#summary;
    let root = this.root;
    let levels = this.#levels;
    if (root === null) levels = levelsFor(key);
    else {
      while (levels < MAX_LEVELS && key >>> (levels * BITS) !== 0) {
        const up = emptyNode(summary);
        up[0] = root;
        if (summary) summarize(up, false, summary);
        root = frozen(up);
        levels += 1;
      }
    }
    const next = setIn(root, (levels - 1) * BITS, key, value, summary);
    if (next === this.root) return this;
    return new PersistentIdTrie(next, levels, this.size + (lastSetGrew() ? 1 : 0), summary);
  }

  delete(key: number): IdTrie<V> {
    const root = this.root;
    if (root === null || this.get(key) === undefined) return this;
    let next = deleteIn(root, (this.#levels - 1) * BITS, key, this.#summary);
    let levels = this.#levels;
    // Canonical shape: a root whose only child is its first one is dropped (levels fit the largest key).
    while (next !== null && levels > 1 && onlyFirstSlot(next)) {
      next = next[0] as TrieNode;
      levels -= 1;
    }
    return new PersistentIdTrie(next, levels, this.size - 1, this.#summary);
  }

  values(): IterableIterator<V> {
    return this.valuesFrom(0);
  }

  valuesFrom(key: number): IterableIterator<V> {
    const cursor = this.cursorFrom(key);
    return iterate(() => cursor.next());
  }

  cursorFrom(key: number): TrieCursor<V> {
    if (!(key <= 0xffffffff)) return new TrieCursor<V>(null, 0, 0);
    return new TrieCursor<V>(this.root, this.#levels, key <= 0 ? 0 : Math.ceil(key) >>> 0);
  }

  entries(): IterableIterator<[number, V]> {
    const cursor = new TrieCursor<V>(this.root, this.#levels, 0);
    return iterate(() => {
      const value = cursor.next();
      return value === undefined ? undefined : [cursor.key, value];
    });
  }

  [Symbol.iterator](): IterableIterator<V> {
    return this.values();
  }

  forEach(visit: (value: V, key: number) => void): void {
    if (this.root !== null) visitAll(this.root, this.#levels - 1, 0, visit);
  }

  maxKey(): number | undefined {
    let node = this.root;
    if (node === null) return undefined;
    let key = 0;
    for (let level = this.#levels - 1; level >= 0; level--) {
      let index = WIDTH - 1;
      while (index >= 0 && node[index] === null) index--;
      if (index < 0) return undefined;
      key = (key | (index << (level * BITS))) >>> 0;
      if (level > 0) node = node[index] as TrieNode;
    }
    return key;
  }

  firstCounted(): V | undefined {
    if (!this.#summary || this.root === null) return undefined;
    return (this.root[SUMMARY_FIRST] as V | null) ?? undefined;
  }

  /** The same entries under another summary (or none): copies every node, O(n). */
  withSummary(summary: TrieSummary<V> | undefined): IdTrie<V> {
    if (summary === this.#summary) return this;
    if (this.root === null) return new PersistentIdTrie<V>(null, 0, 0, summary);
    const root = copyAll(this.root, this.#levels - 1, summary ? WIDTH + 2 : WIDTH);
    if (summary) summarizeAll(root, this.#levels - 1, summary);
    freezeAll(root, this.#levels - 1);
    return new PersistentIdTrie(root, this.#levels, this.size, summary);
  }
}

/** An empty trie, optionally keeping `summary`. */
export function emptyIdTrie<V extends object | number>(summary?: TrieSummary<V>): IdTrie<V> {
  return new PersistentIdTrie<V>(null, 0, 0, summary);
}

/** `trie` with its entries kept under another summary (or none). O(n): a changed summary rule is rare. */
export function resummarize<V extends object | number>(
  trie: IdTrie<V>,
  summary: TrieSummary<V> | undefined,
): IdTrie<V> {
  return (trie as PersistentIdTrie<V>).withSummary(summary);
}

/**
 * Builds a trie from many entries in one pass, writing into nodes it owns (no path copying), then
 * computes the summaries bottom-up: O(n × depth), for loading a fixture of a million sessions. A later
 * `set` of a key wins. The builder must not be used after {@link IdTrieBuilder.build}.
 */
export class IdTrieBuilder<V extends object | number> {
  #root: TrieNode | null = null;
  #levels = 0;
  #size = 0;
  #built = false;
  readonly #summary: TrieSummary<V> | undefined;

  /** A builder of a trie keeping `summary` (none by default). */
  constructor(summary?: TrieSummary<V>) {
    this.#summary = summary;
  }

  /** Number of distinct keys set so far. */
  get size(): number {
    return this.#size;
  }

  /** Whether `key` was set. */
  has(key: number): boolean {
    return this.get(key) !== undefined;
  }

  /** The value set under `key`, if any. */
  get(key: number): V | undefined {
    return new PersistentIdTrie<V>(this.#root, this.#levels, this.#size, undefined).get(key);
  }

  /** Sets `key` to `value` in place. RangeError for a bad key or value. */
  set(key: number, value: V): void {
    if (this.#built) throw new RangeError("IdTrieBuilder used after build()");
    if (!isKey(key)) throw new RangeError(`trie key must be a uint32, got ${String(key)}`);
    if (value === null || value === undefined)
      throw new RangeError("a trie value cannot be null or undefined");
    const summary = this.#summary as TrieSummary<never> | undefined;
    if (this.#root === null) {
      this.#levels = levelsFor(key);
      this.#root = emptyNode(summary);
    }
    while (this.#levels < MAX_LEVELS && key >>> (this.#levels * BITS) !== 0) {
      const up = emptyNode(summary);
      up[0] = this.#root;
      this.#root = up;
      this.#levels += 1;
    }
    let node = this.#root;
    for (let shift = (this.#levels - 1) * BITS; shift > 0; shift -= BITS) {
      const index = (key >>> shift) & MASK;
      let child = node[index] as TrieNode | null;
      if (child === null) {
        child = emptyNode(summary);
        node[index] = child;
      }
      node = child;
    }
    const index = key & MASK;
    if (node[index] === null) this.#size += 1;
    node[index] = value as TrieNode[number];
  }

  /** The trie built. */
  build(): IdTrie<V> {
    this.#built = true;
    if (this.#root !== null && this.#summary) summarizeAll(this.#root, this.#levels - 1, this.#summary);
    if (this.#root !== null) freezeAll(this.#root, this.#levels - 1);
    return new PersistentIdTrie(this.#root, this.#levels, this.#size, this.#summary);
  }
}
