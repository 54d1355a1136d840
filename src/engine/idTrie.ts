/**
 * A persistent map from uint32 keys to values, stored as a fixed-depth trie of plain arrays
 * (2 + 6×5 bits, most significant bits first, so iteration is in key order).
 *
 * Why: immer copies every array or object it touches, so a flat Map of a million sessions would cost a
 * million-entry copy per event. Here a write touches one array per level: 7 arrays of at most 32
 * slots, whatever the number of entries. The functions mutate the trie they are given; called on an
 * immer draft they produce a structurally shared new version, called on a fresh object they build one.
 * The trie is plain data (arrays, numbers, the values), so it freezes and serialises like the rest
 * of the state.
 */

/** A trie node: child nodes on inner levels, values on the last. `null` marks an empty slot. */
export type TrieNode = (TrieNode | object | null)[];

/** The trie: entry count and root node (`null` when empty). */
export interface IdTrie<V extends object> {
  /** Number of entries. */
  size: number;
  /** Root node, or null when the trie is empty. */
  root: TrieNode | null;
  /** Phantom marker for the value type; never set. */
  readonly __values?: V;
}

/** Bits consumed per level, most significant first; they sum to 32. */
const LEVEL_BITS = [2, 5, 5, 5, 5, 5, 5] as const;
const LEVEL_SHIFTS = LEVEL_BITS.map((_, level) =>
  LEVEL_BITS.slice(level + 1).reduce((sum, bits) => sum + bits, 0),
);
/** Depth of the trie: the number of arrays one write copies. */
export const TRIE_DEPTH = LEVEL_BITS.length;

function slotIndex(key: number, level: number): number {
  return (key >>> (LEVEL_SHIFTS[level] ?? 0)) & ((1 << (LEVEL_BITS[level] ?? 0)) - 1);
}

function newNode(level: number): TrieNode {
  return new Array<TrieNode | object | null>(1 << (LEVEL_BITS[level] ?? 0)).fill(null);
}

function assertKey(key: number): void {
  if (!Number.isInteger(key) || key < 0 || key > 0xffffffff) {
    throw new RangeError(`trie key must be a uint32, got ${String(key)}`);
  }
}

/** An empty trie. */
export function emptyTrie<V extends object>(): IdTrie<V> {
  return { size: 0, root: null };
}

/** The value stored under `key`, or undefined. */
export function trieGet<V extends object>(trie: IdTrie<V>, key: number): V | undefined {
  if (!Number.isInteger(key) || key < 0 || key > 0xffffffff) return undefined;
  let node: TrieNode | object | null = trie.root;
  for (let level = 0; level < TRIE_DEPTH && node !== null; level++) {
    node = (node as TrieNode)[slotIndex(key, level)] ?? null;
  }
  return (node ?? undefined) as V | undefined;
}

/** Stores `value` under `key`, replacing any previous value. */
export function trieSet<V extends object>(trie: IdTrie<V>, key: number, value: V): void {
  assertKey(key);
  if (trie.root === null) trie.root = newNode(0);
  let node: TrieNode = trie.root;
  for (let level = 0; level < TRIE_DEPTH - 1; level++) {
    const index = slotIndex(key, level);
    let child = node[index] as TrieNode | null | undefined;
    if (!child) {
      node[index] = newNode(level + 1);
      child = node[index] as TrieNode;
    }
    node = child;
  }
  const leafIndex = slotIndex(key, TRIE_DEPTH - 1);
  if (node[leafIndex] === null || node[leafIndex] === undefined) trie.size += 1;
  node[leafIndex] = value;
}

/** Removes `key`; returns whether it was present. Empty nodes are pruned so iteration stays proportional to size. */
export function trieDelete<V extends object>(trie: IdTrie<V>, key: number): boolean {
  if (trie.root === null || trieGet(trie, key) === undefined) return false;
  const path: TrieNode[] = [];
  let node: TrieNode = trie.root;
  for (let level = 0; level < TRIE_DEPTH; level++) {
    path.push(node);
    if (level < TRIE_DEPTH - 1) node = node[slotIndex(key, level)] as TrieNode;
  }
  for (let level = TRIE_DEPTH - 1; level >= 0; level--) {
    const current = path[level] as TrieNode;
    current[slotIndex(key, level)] = null;
    if (current.some((slot) => slot !== null)) break;
    if (level === 0) trie.root = null;
  }
  trie.size -= 1;
  return true;
}

/** Entries in ascending key order. */
export function* trieEntries<V extends object>(trie: IdTrie<V>): Generator<[number, V]> {
  if (trie.root === null) return;
  yield* walk<V>(trie.root, 0, 0);
}

function* walk<V>(node: TrieNode, level: number, prefix: number): Generator<[number, V]> {
  for (let index = 0; index < node.length; index++) {
    const slot = node[index];
    if (slot === null || slot === undefined) continue;
    const key = (prefix + index * 2 ** (LEVEL_SHIFTS[level] ?? 0)) >>> 0;
    if (level === TRIE_DEPTH - 1) yield [key, slot as V];
    else yield* walk<V>(slot as TrieNode, level + 1, key);
  }
}

/** Values in ascending key order. */
export function* trieValues<V extends object>(trie: IdTrie<V>): Generator<V> {
  for (const [, value] of trieEntries(trie)) yield value;
}

/** The largest key present, or undefined when empty (walks one path: O(depth × 32)). */
export function trieMaxKey<V extends object>(trie: IdTrie<V>): number | undefined {
  let node = trie.root;
  if (node === null) return undefined;
  let key = 0;
  for (let level = 0; level < TRIE_DEPTH; level++) {
    let index = node.length - 1;
    while (index >= 0 && (node[index] === null || node[index] === undefined)) index--;
    if (index < 0) return undefined;
    key = (key + index * 2 ** (LEVEL_SHIFTS[level] ?? 0)) >>> 0;
    if (level < TRIE_DEPTH - 1) node = node[index] as TrieNode;
  }
  return key;
}
