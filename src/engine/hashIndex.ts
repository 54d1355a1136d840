/**
 * A persistent multimap from 32-bit hashes to sets of uint32 ids: a hash array-mapped trie (HAMT) of
 * 16-way bitmap-compressed nodes, whose leaves hold the ids of one hash (a {@link IndexBucket}). The
 * engine keeps the sessions of each (user, client) pair in it (NetSessionDel, spec §12.3).
 *
 * Costs: `add` and `remove` copy the nodes on one hash's path (a node holds only its present entries,
 * so a sparse hash space costs no empty slots) and one bucket; a bucket of more than 16 ids is itself a
 * persistent {@link IdTrie}, so a pair with 100,000 sessions changes in O(log) like a pair with one.
 * Different keys whose hashes collide share a bucket: callers filter a bucket by their key. Nodes
 * are frozen when made and the shape is canonical (the same entries make the same nodes and buckets,
 * whatever the history), so two indexes with the same entries are deeply equal.
 */
import { type IdTrie, IdTrieBuilder } from "./idTrie.js";

/**
 * The ids stored under one hash, ascending: one id as a number, 2..16 ids as a frozen sorted array,
 * more as an {@link IdTrie} mapping each id to itself.
 */
export type IndexBucket = number | readonly number[] | IdTrie<number>;

/** A persistent hash → ids multimap; see the module comment. Every update returns a new index. */
export interface HashIndex {
  /** Number of ids stored (under all hashes). */
  readonly size: number;
  /** The ids stored under `hash`, or undefined. O(depth). */
  bucket(hash: number): IndexBucket | undefined;
  /** An index with `id` added under `hash` (this index when it is there already). */
  add(hash: number, id: number): HashIndex;
  /** An index without `id` under `hash` (this index when it is not there). */
  remove(hash: number, id: number): HashIndex;
  /** An index without every id of `ids` under `hash` (ids that are not there are ignored). */
  removeAll(hash: number, ids: readonly number[]): HashIndex;
  /** The root node (null when empty): frozen arrays. */
  readonly root: HamtNode | null;
}

/** 32-bit FNV-1a over the UTF-16 code units of `text`. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Largest bucket kept as a sorted array; a bigger one becomes a trie. */
const SMALL_BUCKET = 16;

function isTrie(bucket: IndexBucket): bucket is IdTrie<number> {
  return typeof bucket === "object" && !Array.isArray(bucket);
}

/** Number of ids in a bucket. */
export function bucketSize(bucket: IndexBucket | undefined): number {
  if (bucket === undefined) return 0;
  if (typeof bucket === "number") return 1;
  return isTrie(bucket) ? bucket.size : (bucket as readonly number[]).length;
}

/** The ids of a bucket, ascending, iterated lazily (a big bucket is a trie: a first match stops early). */
export function bucketIterable(bucket: IndexBucket | undefined): Iterable<number> {
  if (bucket === undefined) return [];
  return typeof bucket === "number" ? [bucket] : bucket;
}

/** The ids of a bucket, ascending, as an array. */
export function bucketIds(bucket: IndexBucket | undefined): readonly number[] {
  const ids = bucketIterable(bucket);
  return Array.isArray(ids) ? ids : [...ids];
}

function sortedIndex(ids: readonly number[], id: number): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ids[middle] as number) < id) low = middle + 1;
    else high = middle;
  }
  return low;
}

function trieOf(ids: Iterable<number>): IdTrie<number> {
  const builder = new IdTrieBuilder<number>();
  for (const id of ids) builder.set(id, id);
  return builder.build();
}

/** `bucket` with `id` (the same bucket when it is there). */
function bucketAdd(bucket: IndexBucket | undefined, id: number): IndexBucket {
  if (bucket === undefined) return id;
  if (typeof bucket === "number") {
    if (bucket === id) return bucket;
    return Object.freeze(bucket < id ? [bucket, id] : [id, bucket]);
  }
  if (isTrie(bucket)) return bucket.set(id, id);
  const ids = bucket as readonly number[];
  const at = sortedIndex(ids, id);
  if (ids[at] === id) return bucket;
  if (ids.length >= SMALL_BUCKET) return trieOf([...ids, id]);
  const copy = [...ids];
  copy.splice(at, 0, id);
  return Object.freeze(copy);
}

/** `bucket` without `id` (the same bucket when it is not there; undefined when it becomes empty). */
function bucketRemove(bucket: IndexBucket, id: number): IndexBucket | undefined {
  if (typeof bucket === "number") return bucket === id ? undefined : bucket;
  if (isTrie(bucket)) {
    const next = bucket.delete(id);
    if (next === bucket || next.size > SMALL_BUCKET) return next;
    return Object.freeze([...next.values()]);
  }
  const ids = bucket as readonly number[];
  const at = sortedIndex(ids, id);
  if (ids[at] !== id) return bucket;
  if (ids.length === 2) return ids[1 - at] as number;
  const copy = [...ids];
  copy.splice(at, 1);
  return Object.freeze(copy);
}

/** A node: `[bitmap, hash₀, entry₀, hash₁, entry₁, …]`; a null hash marks a child node as the entry. */
export type HamtNode = (number | null | IndexBucket | HamtNode)[];

const BITS = 4;
const MASK = 15;

function popcount(value: number): number {
  let x = value - ((value >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

function find(root: HamtNode | null, hash: number): IndexBucket | undefined {
  let node = root;
  let shift = 0;
  while (node !== null) {
    const bit = 1 << ((hash >>> shift) & MASK);
    const bitmap = node[0] as number;
    if ((bitmap & bit) === 0) return undefined;
    const at = 1 + 2 * popcount(bitmap & (bit - 1));
    const key = node[at];
    if (key === null) {
      node = node[at + 1] as HamtNode;
      shift += BITS;
      continue;
    }
    return key === hash ? (node[at + 1] as IndexBucket) : undefined;
  }
  return undefined;
}

/** A node holding two different hashes that agree below `shift` (frozen unless a builder owns it). */
function pairNode(
  h1: number,
  b1: IndexBucket,
  h2: number,
  b2: IndexBucket,
  shift: number,
  seal: (node: HamtNode) => HamtNode = frozen,
): HamtNode {
  const d1 = (h1 >>> shift) & MASK;
  const d2 = (h2 >>> shift) & MASK;
  if (d1 === d2) return seal([1 << d1, null, pairNode(h1, b1, h2, b2, shift + BITS, seal)]);
  const bitmap = (1 << d1) | (1 << d2);
  return seal(d1 < d2 ? [bitmap, h1, b1, h2, b2] : [bitmap, h2, b2, h1, b1]);
}

/** `node` with `bucket` stored under `hash` (path copying). */
function put(node: HamtNode | null, hash: number, shift: number, bucket: IndexBucket): HamtNode {
  const bit = 1 << ((hash >>> shift) & MASK);
  if (node === null) return frozen([bit, hash, bucket]);
  const bitmap = node[0] as number;
  const at = 1 + 2 * popcount(bitmap & (bit - 1));
  if ((bitmap & bit) === 0) {
    // Built at its exact length (pushing would leave spare capacity in every node).
    const copy: HamtNode = new Array(node.length + 2);
    copy[0] = bitmap | bit;
    for (let i = 1; i < at; i++) copy[i] = node[i] as HamtNode[number];
    copy[at] = hash;
    copy[at + 1] = bucket;
    for (let i = at; i < node.length; i++) copy[i + 2] = node[i] as HamtNode[number];
    return frozen(copy);
  }
  const key = node[at];
  // Spread, not slice(): slicing a frozen array takes V8's slow path.
  const copy = [...node];
  if (key === null) copy[at + 1] = put(node[at + 1] as HamtNode, hash, shift + BITS, bucket);
  else if (key === hash) copy[at + 1] = bucket;
  else {
    copy[at] = null;
    copy[at + 1] = pairNode(key as number, node[at + 1] as IndexBucket, hash, bucket, shift + BITS);
  }
  return frozen(copy);
}

/** `node` without `hash`: the same node when absent, null when it becomes empty. */
function drop(node: HamtNode, hash: number, shift: number): HamtNode | null {
  const bit = 1 << ((hash >>> shift) & MASK);
  const bitmap = node[0] as number;
  if ((bitmap & bit) === 0) return node;
  const at = 1 + 2 * popcount(bitmap & (bit - 1));
  const key = node[at];
  if (key === null) {
    const child = node[at + 1] as HamtNode;
    const next = drop(child, hash, shift + BITS);
    if (next === child) return node;
    const copy = [...node];
    if (next !== null && !(next.length === 3 && next[1] !== null)) {
      copy[at + 1] = next;
      return frozen(copy);
    }
    if (next !== null) {
      // A child left with a single hash is pulled up, so every path stays as short as it can be.
      copy[at] = next[1] as number;
      copy[at + 1] = next[2] as IndexBucket;
      return frozen(copy);
    }
    return node.length === 3 ? null : without(node, at, bitmap & ~bit);
  }
  if (key !== hash) return node;
  if (bitmap === bit) return null;
  return without(node, at, bitmap & ~bit);
}

/** A frozen copy of `node` without the entry at `at`, with `bitmap`, at its exact length. */
function without(node: HamtNode, at: number, bitmap: number): HamtNode {
  const copy: HamtNode = new Array(node.length - 2);
  copy[0] = bitmap;
  for (let i = 1; i < at; i++) copy[i] = node[i] as HamtNode[number];
  for (let i = at + 2; i < node.length; i++) copy[i - 2] = node[i] as HamtNode[number];
  return frozen(copy);
}

/** Freezes a node made for a new version. */
function frozen(node: HamtNode): HamtNode {
  Object.freeze(node);
  return node;
}

class PersistentHashIndex implements HashIndex {
  readonly size: number;
  readonly root: HamtNode | null;

  constructor(root: HamtNode | null, size: number) {
    this.size = size;
    this.root = root;
    Object.freeze(this);
  }

  bucket(hash: number): IndexBucket | undefined {
    return find(this.root, hash | 0);
  }

  add(hash: number, id: number): HashIndex {
    const key = hash | 0;
    const bucket = find(this.root, key);
    const next = bucketAdd(bucket, id);
    if (next === bucket) return this;
    return new PersistentHashIndex(put(this.root, key, 0, next), this.size + 1);
  }

  remove(hash: number, id: number): HashIndex {
    return this.removeAll(hash, [id]);
  }

  removeAll(hash: number, ids: readonly number[]): HashIndex {
    const key = hash | 0;
    const bucket = find(this.root, key);
    if (bucket === undefined || ids.length === 0) return this;
    let next: IndexBucket | undefined = bucket;
    let removed = 0;
    for (const id of ids) {
      if (next === undefined) break;
      const after: IndexBucket | undefined = bucketRemove(next, id);
      if (after !== next) removed += 1;
      next = after;
    }
    if (removed === 0) return this;
    const root =
      next === undefined ? drop(this.root as HamtNode, key, 0) : put(this.root, key, 0, next as IndexBucket);
    return new PersistentHashIndex(root, this.size - removed);
  }
}

/** The empty index. */
export function emptyHashIndex(): HashIndex {
  return new PersistentHashIndex(null, 0);
}

/**
 * Builds an index from many (hash, id) pairs: `add` only collects them; `build` partitions them by the
 * hash's 4-bit digits level after level (a radix partition, no comparisons) and makes each node once,
 * bottom-up. Linear in the pairs, for loading a fixture of a million sessions. Adding an id twice under
 * one hash keeps it once.
 */
export class HashIndexBuilder {
  #hashes: number[] = [];
  #ids: number[] = [];
  #built = false;

  /** Adds `id` under `hash`. */
  add(hash: number, id: number): void {
    if (this.#built) throw new RangeError("HashIndexBuilder used after build()");
    this.#hashes.push(hash | 0);
    this.#ids.push(id);
  }

  /** The index built: buckets sorted and deduplicated, frozen or turned into tries; nodes frozen. */
  build(): HashIndex {
    this.#built = true;
    const count = this.#hashes.length;
    if (count === 0) return new PersistentHashIndex(null, 0);
    const hashes = Int32Array.from(this.#hashes);
    const ids = Float64Array.from(this.#ids);
    this.#hashes = [];
    this.#ids = [];
    const spare = { hashes: new Int32Array(count), ids: new Float64Array(count) };
    let size = 0;
    const bucketOf = (from: number, to: number): IndexBucket => {
      if (to - from === 1) {
        size += 1;
        return ids[from] as number;
      }
      const list = Array.from(ids.subarray(from, to)).sort((a, b) => a - b);
      let unique = 0;
      for (let i = 0; i < list.length; i++)
        if (i === 0 || list[i] !== list[i - 1]) list[unique++] = list[i] as number;
      list.length = unique;
      size += unique;
      if (unique === 1) return list[0] as number;
      return unique <= SMALL_BUCKET ? Object.freeze(list) : trieOf(list);
    };
    /** The node holding pairs [from, to), which agree on the digits below `shift`. */
    const nodeOf = (from: number, to: number, shift: number): HamtNode => {
      const counts = new Int32Array(17);
      for (let i = from; i < to; i++) {
        const digit = (((hashes[i] as number) >>> shift) & MASK) + 1;
        counts[digit] = (counts[digit] as number) + 1;
      }
      for (let d = 0; d < 16; d++) counts[d + 1] = (counts[d + 1] as number) + (counts[d] as number);
      const starts = counts.slice(0, 16);
      for (let i = from; i < to; i++) {
        const digit = ((hashes[i] as number) >>> shift) & MASK;
        const slot = from + (starts[digit] as number);
        starts[digit] = slot - from + 1;
        spare.hashes[slot] = hashes[i] as number;
        spare.ids[slot] = ids[i] as number;
      }
      hashes.set(spare.hashes.subarray(from, to), from);
      ids.set(spare.ids.subarray(from, to), from);
      const node: HamtNode = [0];
      let bitmap = 0;
      for (let d = 0; d < 16; d++) {
        const start = from + (counts[d] as number);
        const end = from + (counts[d + 1] as number);
        if (start === end) continue;
        bitmap |= 1 << d;
        const first = hashes[start] as number;
        let same = true;
        for (let i = start + 1; i < end && same; i++) same = hashes[i] === first;
        if (same) node.push(first, bucketOf(start, end));
        else node.push(null, nodeOf(start, end, shift + BITS));
      }
      node[0] = bitmap;
      return frozen(node.slice());
    };
    // The same nodes as the same pairs added one by one make (one-child chains where hashes agree).
    return new PersistentHashIndex(nodeOf(0, count, 0), size);
  }
}
