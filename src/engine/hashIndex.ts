import { emptyTrie, type IdTrie, trieDelete, trieGet, trieSet } from "./idTrie.js";

/**
 * A persistent multimap from string keys to uint32 ids (e.g. "alice\10.0.0.5" → session ids), built on
 * {@link IdTrie} with a 32-bit FNV-1a hash of the key and small collision buckets. Same cost model as
 * the trie: one write copies O(depth) arrays, whatever the number of keys.
 */
export type HashIndex = IdTrie<IndexBucket>;

/** One hash slot: the keys that share a hash, each with its ids in insertion order. */
export interface IndexBucket {
  /** Entries with this hash. */
  entries: { key: string; ids: number[] }[];
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

/** An empty index. */
export function emptyHashIndex(): HashIndex {
  return emptyTrie<IndexBucket>();
}

/** Ids stored under `key` (empty when none). */
export function indexGet(index: HashIndex, key: string): readonly number[] {
  const bucket = trieGet(index, fnv1a32(key));
  return bucket?.entries.find((entry) => entry.key === key)?.ids ?? [];
}

/** Adds `id` under `key` (no duplicate check: callers add each id once). */
export function indexAdd(index: HashIndex, key: string, id: number): void {
  const hash = fnv1a32(key);
  const bucket = trieGet(index, hash);
  if (!bucket) {
    trieSet(index, hash, { entries: [{ key, ids: [id] }] });
    return;
  }
  const entry = bucket.entries.find((candidate) => candidate.key === key);
  if (entry) entry.ids.push(id);
  else bucket.entries.push({ key, ids: [id] });
}

/** Removes `id` from `key`; drops the key when it has no ids left. */
export function indexRemove(index: HashIndex, key: string, id: number): void {
  const hash = fnv1a32(key);
  const bucket = trieGet(index, hash);
  if (!bucket) return;
  const entryIndex = bucket.entries.findIndex((candidate) => candidate.key === key);
  const entry = bucket.entries[entryIndex];
  if (!entry) return;
  const idIndex = entry.ids.indexOf(id);
  if (idIndex >= 0) entry.ids.splice(idIndex, 1);
  if (entry.ids.length === 0) bucket.entries.splice(entryIndex, 1);
  if (bucket.entries.length === 0) trieDelete(index, hash);
}

/** Drops `key` with all its ids at once: O(depth) trie writes, whatever the number of ids. */
export function indexDeleteKey(index: HashIndex, key: string): void {
  const hash = fnv1a32(key);
  const bucket = trieGet(index, hash);
  if (!bucket) return;
  const entryIndex = bucket.entries.findIndex((entry) => entry.key === key);
  if (entryIndex >= 0) bucket.entries.splice(entryIndex, 1);
  if (bucket.entries.length === 0) trieDelete(index, hash);
}
