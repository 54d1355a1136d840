/**
 * A persistent sorted map keyed by number pairs `(time, id)`, as an AVL tree with path copying: every
 * update returns a new index sharing all untouched nodes with the old one, in O(log n) time and new
 * nodes. The engine keeps sessions by last activity in it (the auto-disconnect schedule, spec §12.7);
 * the scenario queue keeps timed steps in it.
 *
 * It is a class instance on purpose: immer neither drafts nor freezes class instances, so the index
 * lives inside the immer-managed state as one opaque immutable value (its nodes are frozen here), and
 * an update inside a transition is an assignment of the new index.
 */

interface IndexNode<V> {
  readonly time: number;
  readonly id: number;
  readonly value: V;
  readonly left: IndexNode<V> | null;
  readonly right: IndexNode<V> | null;
  readonly height: number;
}

/** One entry of an {@link OrderedIndex}. */
export interface OrderedEntry<V> {
  readonly time: number;
  readonly id: number;
  readonly value: V;
}

function compare(time: number, id: number, node: IndexNode<unknown>): number {
  return time !== node.time ? (time < node.time ? -1 : 1) : id !== node.id ? (id < node.id ? -1 : 1) : 0;
}

const height = (node: IndexNode<unknown> | null): number => (node === null ? 0 : node.height);

function make<V>(
  time: number,
  id: number,
  value: V,
  left: IndexNode<V> | null,
  right: IndexNode<V> | null,
): IndexNode<V> {
  return Object.freeze({ time, id, value, left, right, height: Math.max(height(left), height(right)) + 1 });
}

function rebuild<V>(node: IndexNode<V>, left: IndexNode<V> | null, right: IndexNode<V> | null): IndexNode<V> {
  return make(node.time, node.id, node.value, left, right);
}

/** Restores the AVL balance of a node whose subtrees differ in height by at most 2. */
function balance<V>(node: IndexNode<V>, left: IndexNode<V> | null, right: IndexNode<V> | null): IndexNode<V> {
  const diff = height(left) - height(right);
  if (diff > 1 && left) {
    if (height(left.left) >= height(left.right)) {
      return rebuild(left, left.left, rebuild(node, left.right, right));
    }
    const pivot = left.right as IndexNode<V>;
    return rebuild(pivot, rebuild(left, left.left, pivot.left), rebuild(node, pivot.right, right));
  }
  if (diff < -1 && right) {
    if (height(right.right) >= height(right.left)) {
      return rebuild(right, rebuild(node, left, right.left), right.right);
    }
    const pivot = right.left as IndexNode<V>;
    return rebuild(pivot, rebuild(node, left, pivot.left), rebuild(right, pivot.right, right.right));
  }
  return rebuild(node, left, right);
}

function insert<V>(node: IndexNode<V> | null, time: number, id: number, value: V): IndexNode<V> {
  if (node === null) return make(time, id, value, null, null);
  const order = compare(time, id, node);
  if (order === 0) return make(time, id, value, node.left, node.right);
  return order < 0
    ? balance(node, insert(node.left, time, id, value), node.right)
    : balance(node, node.left, insert(node.right, time, id, value));
}

function removeMin<V>(node: IndexNode<V>): { min: IndexNode<V>; rest: IndexNode<V> | null } {
  if (node.left === null) return { min: node, rest: node.right };
  const { min, rest } = removeMin(node.left);
  return { min, rest: balance(node, rest, node.right) };
}

function remove<V>(node: IndexNode<V> | null, time: number, id: number): IndexNode<V> | null {
  if (node === null) return null;
  const order = compare(time, id, node);
  if (order < 0) {
    const left = remove(node.left, time, id);
    return left === node.left ? node : balance(node, left, node.right);
  }
  if (order > 0) {
    const right = remove(node.right, time, id);
    return right === node.right ? node : balance(node, node.left, right);
  }
  if (node.left === null) return node.right;
  if (node.right === null) return node.left;
  const { min, rest } = removeMin(node.right);
  return balance(min, node.left, rest);
}

function find<V>(node: IndexNode<V> | null, time: number, id: number): IndexNode<V> | null {
  let current = node;
  while (current !== null) {
    const order = compare(time, id, current);
    if (order === 0) return current;
    current = order < 0 ? current.left : current.right;
  }
  return null;
}

/** Builds a perfectly balanced tree from entries already in key order. */
function fromSorted<V>(entries: readonly OrderedEntry<V>[], from: number, to: number): IndexNode<V> | null {
  if (from >= to) return null;
  const middle = (from + to) >>> 1;
  const entry = entries[middle] as OrderedEntry<V>;
  return make(
    entry.time,
    entry.id,
    entry.value,
    fromSorted(entries, from, middle),
    fromSorted(entries, middle + 1, to),
  );
}

/**
 * A persistent sorted map from `(time, id)` to values; see the module comment. An interface (the
 * implementation is private) so that immer's `Draft` of a state holding one stays assignable to it.
 */
export interface OrderedIndex<V = null> extends Iterable<OrderedEntry<V>> {
  /** Number of entries. */
  readonly size: number;
  /** Height of the tree (for tests of the balance invariant). */
  readonly height: number;
  /** The value under `(time, id)`, or undefined. O(log n). */
  get(time: number, id: number): V | undefined;
  /** Whether `(time, id)` is present. O(log n). */
  has(time: number, id: number): boolean;
  /** A new index with `(time, id)` set to `value`. O(log n). */
  set(time: number, id: number, value: V): OrderedIndex<V>;
  /** A new index without `(time, id)`; this index when the key is absent. O(log n). */
  delete(time: number, id: number): OrderedIndex<V>;
  /** The entry with the smallest key, or undefined when empty. O(log n). */
  first(): OrderedEntry<V> | undefined;
}

/** The empty index. */
export function emptyOrderedIndex<V = null>(): OrderedIndex<V> {
  return AvlIndex.empty<V>();
}

/** An index of `entries` (any order; a later duplicate key wins). O(n log n). */
export function orderedIndexOf<V>(entries: Iterable<OrderedEntry<V>>): OrderedIndex<V> {
  return AvlIndex.of(entries);
}

class AvlIndex<V = null> implements OrderedIndex<V> {
  readonly #root: IndexNode<V> | null;
  /** Number of entries. */
  readonly size: number;

  private constructor(root: IndexNode<V> | null, size: number) {
    this.#root = root;
    this.size = size;
    Object.freeze(this);
  }

  /** The empty index. */
  static empty<V = null>(): AvlIndex<V> {
    return new AvlIndex<V>(null, 0);
  }

  /** An index of `entries` (any order; a later duplicate key wins). O(n log n). */
  static of<V>(entries: Iterable<OrderedEntry<V>>): AvlIndex<V> {
    const sorted = [...entries].sort((a, b) => a.time - b.time || a.id - b.id);
    const unique = sorted.filter(
      (entry, i) =>
        i + 1 >= sorted.length || entry.time !== sorted[i + 1]?.time || entry.id !== sorted[i + 1]?.id,
    );
    return new AvlIndex(fromSorted(unique, 0, unique.length), unique.length);
  }

  /** The value under `(time, id)`, or undefined. O(log n). */
  get(time: number, id: number): V | undefined {
    return find(this.#root, time, id)?.value;
  }

  /** Whether `(time, id)` is present. O(log n). */
  has(time: number, id: number): boolean {
    return find(this.#root, time, id) !== null;
  }

  /** A new index with `(time, id)` set to `value`. O(log n). */
  set(time: number, id: number, value: V): OrderedIndex<V> {
    const grows = !this.has(time, id);
    return new AvlIndex(insert(this.#root, time, id, value), this.size + (grows ? 1 : 0));
  }

  /** A new index without `(time, id)`; this index when the key is absent. O(log n). */
  delete(time: number, id: number): OrderedIndex<V> {
    if (!this.has(time, id)) return this;
    return new AvlIndex(remove(this.#root, time, id), this.size - 1);
  }

  /** The entry with the smallest key, or undefined when empty. O(log n). */
  first(): OrderedEntry<V> | undefined {
    let node = this.#root;
    if (node === null) return undefined;
    while (node.left !== null) node = node.left;
    return { time: node.time, id: node.id, value: node.value };
  }

  /** Entries in ascending key order. */
  *[Symbol.iterator](): Generator<OrderedEntry<V>> {
    const stack: IndexNode<V>[] = [];
    let node = this.#root;
    while (node !== null || stack.length > 0) {
      while (node !== null) {
        stack.push(node);
        node = node.left;
      }
      const next = stack.pop() as IndexNode<V>;
      yield { time: next.time, id: next.id, value: next.value };
      node = next.right;
    }
  }

  /** Height of the tree (for tests of the balance invariant). */
  get height(): number {
    return height(this.#root);
  }
}
