/**
 * The nodes of an {@link IdTrie} and the functions that read, copy and summarize them: 16-slot arrays
 * (plus two summary slots in a summarized trie), copied along one key's path per update and frozen
 * when made. Private to the trie modules.
 */
import type { TrieNode, TrieSummary } from "./idTrie.js";

/** Bits of a key one level consumes. */
export const BITS = 4;
/** Slots of a node that hold children or values. */
export const WIDTH = 16;
/** The mask of one level's digit. */
export const MASK = 15;
/** Levels needed for the whole uint32 range. */
export const MAX_LEVELS = 8;
/** Slot of a summarized node holding the first counted value of its subtree (or null). */
export const SUMMARY_FIRST = WIDTH;
/** Slot of a summarized node holding the number of counted values in its subtree. */
export const SUMMARY_COUNT = WIDTH + 1;
/** Slots of a node that hold children or values (for walks outside this module). */
export const NODE_WIDTH = WIDTH;

/** Whether `key` is a uint32. */
export function isKey(key: unknown): key is number {
  return typeof key === "number" && key >>> 0 === key;
}

/** How many levels a trie needs to hold `key`. */
export function levelsFor(key: number): number {
  let levels = 1;
  while (levels < MAX_LEVELS && key >>> (levels * BITS) !== 0) levels++;
  return levels;
}

function packedNode(width: number): TrieNode {
  const node: TrieNode = [];
  for (let i = 0; i < width; i++) node.push(null);
  return node;
}

/** Empty nodes to copy: a packed array copies faster than `new Array(n).fill(null)` builds one. */
const EMPTY_NODE = packedNode(WIDTH);
const EMPTY_SUMMARIZED_NODE = (() => {
  const node = packedNode(WIDTH + 2);
  node[SUMMARY_COUNT] = 0;
  return node;
})();

export function emptyNode(summary: TrieSummary<never> | undefined): TrieNode {
  return (summary ? EMPTY_SUMMARIZED_NODE : EMPTY_NODE).slice();
}

/**
 * A mutable copy of a frozen node. Spread, not `slice()`: V8's `slice` of a frozen array takes its slow
 * path (about 40 times slower), and every write copies one node per level.
 */
function copyOf(node: TrieNode): TrieNode {
  return [...node];
}

/** Freezes a node made for a new version (nodes are shared between versions and handed out by `root`). */
export function frozen(node: TrieNode): TrieNode {
  Object.freeze(node);
  return node;
}

export function onlyFirstSlot(node: TrieNode): boolean {
  if (node[0] === null) return false;
  for (let i = 1; i < WIDTH; i++) if (node[i] !== null) return false;
  return true;
}

function isEmptyNode(node: TrieNode): boolean {
  for (let i = 0; i < WIDTH; i++) if (node[i] !== null) return false;
  return true;
}

/** Recomputes the summary slots of `node` from its slots (values on the leaf level, else children). */
export function summarize<V>(node: TrieNode, leaf: boolean, summary: TrieSummary<V>): void {
  let first: V | null = null;
  let count = 0;
  for (let i = 0; i < WIDTH; i++) {
    const slot = node[i];
    if (slot === null) continue;
    if (leaf) {
      const value = slot as V;
      if (!summary.counts(value)) continue;
      count += 1;
      if (first === null || summary.before(value, first)) first = value;
    } else {
      const child = slot as TrieNode;
      count += child[SUMMARY_COUNT] as number;
      const candidate = child[SUMMARY_FIRST] as V | null;
      if (candidate !== null && (first === null || summary.before(candidate, first))) first = candidate;
    }
  }
  node[SUMMARY_FIRST] = first as TrieNode[number];
  node[SUMMARY_COUNT] = count;
}

/**
 * Updates the summary slots of `copy` (a fresh copy of a node) after one of its slots changed from
 * `before` to `after` (values on the leaf level, child nodes above), without looking at the other slots
 * unless the slot that changed held the node's first counted value: the common case reads no other
 * record, which matters at a million sessions, where every record read is a cache miss.
 */
function updateSummary<V>(
  copy: TrieNode,
  leaf: boolean,
  before: TrieNode[number],
  after: TrieNode[number],
  summary: TrieSummary<V>,
): void {
  let oldFirst: V | null;
  let newFirst: V | null;
  let delta: number;
  if (leaf) {
    oldFirst = before !== null && summary.counts(before as V) ? (before as V) : null;
    newFirst = after !== null && summary.counts(after as V) ? (after as V) : null;
    delta = (newFirst === null ? 0 : 1) - (oldFirst === null ? 0 : 1);
  } else {
    const [oldChild, newChild] = [before as TrieNode | null, after as TrieNode | null];
    oldFirst = oldChild === null ? null : (oldChild[SUMMARY_FIRST] as V | null);
    newFirst = newChild === null ? null : (newChild[SUMMARY_FIRST] as V | null);
    delta =
      (newChild === null ? 0 : (newChild[SUMMARY_COUNT] as number)) -
      (oldChild === null ? 0 : (oldChild[SUMMARY_COUNT] as number));
  }
  const first = copy[SUMMARY_FIRST] as V | null;
  if (newFirst !== null && (first === null || summary.before(newFirst, first))) {
    copy[SUMMARY_FIRST] = newFirst as TrieNode[number];
    copy[SUMMARY_COUNT] = (copy[SUMMARY_COUNT] as number) + delta;
  } else if (oldFirst !== null && oldFirst === first && newFirst !== oldFirst) {
    summarize(copy, leaf, summary);
  } else {
    copy[SUMMARY_COUNT] = (copy[SUMMARY_COUNT] as number) + delta;
  }
}

/** Set by {@link setIn} when the key was new. Module state: the trie is single-threaded JavaScript. */
let grew = false;

/**
 * `node` (null: none yet) with `key` set to `value` below `shift`, copying the path (the same node when
 * nothing changes); {@link lastSetGrew} then tells whether the key was new.
 */
export function setIn<V>(
  node: TrieNode | null,
  shift: number,
  key: number,
  value: V,
  summary: TrieSummary<V> | undefined,
): TrieNode {
  grew = false;
  return setInNode(node, shift, key, value, summary);
}

/** Whether the last {@link setIn} added a key (rather than replacing a value). */
export function lastSetGrew(): boolean {
  return grew;
}

function setInNode<V>(
  node: TrieNode | null,
  shift: number,
  key: number,
  value: V,
  summary: TrieSummary<V> | undefined,
): TrieNode {
  const index = (key >>> shift) & MASK;
  const old = node === null ? null : (node[index] as TrieNode[number]);
  let next: TrieNode[number];
  if (shift === 0) {
    if (node !== null && old === value) return node;
    if (old === null) grew = true;
    next = value as TrieNode[number];
  } else {
    next = setInNode(old as TrieNode | null, shift - BITS, key, value, summary);
    if (node !== null && next === old) return node;
  }
  const copy = node === null ? emptyNode(summary) : copyOf(node);
  copy[index] = next;
  if (summary) updateSummary(copy, shift === 0, old, next, summary);
  return frozen(copy);
}

/** `node` without `key`: the same node when absent, null when the node becomes empty. */
export function deleteIn<V>(
  node: TrieNode,
  shift: number,
  key: number,
  summary: TrieSummary<V> | undefined,
): TrieNode | null {
  const index = (key >>> shift) & MASK;
  const slot = node[index] as TrieNode | null;
  if (slot === null) return node;
  const next = shift === 0 ? null : deleteIn(slot, shift - BITS, key, summary);
  if (next === slot) return node;
  const copy = copyOf(node);
  copy[index] = next;
  if (next === null && isEmptyNode(copy)) return null;
  if (summary) updateSummary(copy, shift === 0, slot, next, summary);
  return frozen(copy);
}

/** Freezes every node below `node` (after a bulk build). */
export function freezeAll(node: TrieNode, levelsBelow: number): void {
  if (levelsBelow > 0) {
    for (let i = 0; i < WIDTH; i++) {
      const child = node[i] as TrieNode | null;
      if (child !== null) freezeAll(child, levelsBelow - 1);
    }
  }
  Object.freeze(node);
}

/** Recomputes every summary below `node` (bottom-up) after a bulk build or a summary change. */
export function summarizeAll<V>(node: TrieNode, levelsBelow: number, summary: TrieSummary<V>): void {
  if (levelsBelow > 0) {
    for (let i = 0; i < WIDTH; i++) {
      const child = node[i] as TrieNode | null;
      if (child !== null) summarizeAll(child, levelsBelow - 1, summary);
    }
  }
  summarize(node, levelsBelow === 0, summary);
}

/** A copy of every node below `node`, with `width` slots (adding or dropping the summary slots). */
export function copyAll(node: TrieNode, levelsBelow: number, width: number): TrieNode {
  const copy: TrieNode = new Array(width).fill(null);
  for (let i = 0; i < WIDTH; i++) {
    const slot = node[i] ?? null;
    copy[i] = levelsBelow > 0 && slot !== null ? copyAll(slot as TrieNode, levelsBelow - 1, width) : slot;
  }
  if (width > WIDTH) copy[SUMMARY_COUNT] = 0;
  return copy;
}

export function visitAll<V>(
  node: TrieNode,
  levelsBelow: number,
  prefix: number,
  visit: (value: V, key: number) => void,
): void {
  const shift = levelsBelow * BITS;
  for (let i = 0; i < WIDTH; i++) {
    const slot = node[i];
    if (slot === null) continue;
    const key = (prefix | (i << shift)) >>> 0;
    if (levelsBelow === 0) visit(slot as V, key);
    else visitAll(slot as TrieNode, levelsBelow - 1, key, visit);
  }
}
