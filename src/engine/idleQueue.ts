/**
 * The idle queue of a file service (spec §12.7): the sessions auto-disconnect may end, ordered by
 * (lastActivityAt, session id) — every session, except those holding open files when the server
 * exempts them. The first entry is the next session to cross the idle threshold.
 *
 * It is not a second structure to keep in step: the sessions trie carries it as a summary
 * ({@link TrieSummary}), each node knowing the earliest disconnectable session below it and how many
 * there are. A session record that changes (activity, a file opened or closed) moves in the queue by the
 * same path copy that stores it, so the queue is exact after every transition at no extra cost, and
 * the first entry is read at the root in O(1).
 */
import {
  emptyIdTrie,
  type IdTrie,
  NODE_WIDTH,
  resummarize,
  SUMMARY_COUNT,
  SUMMARY_FIRST,
  type TrieNode,
  type TrieSummary,
} from "./idTrie.js";
import { type OrderedEntry, type OrderedIndex, orderedIndexOf } from "./orderedIndex.js";
import type { SessionState } from "./state.js";

/** Whether `session` comes before `other` in the idle queue: earlier activity, then lower id. */
function idleBefore(session: SessionState, other: SessionState): boolean {
  return (
    session.lastActivityAt < other.lastActivityAt ||
    (session.lastActivityAt === other.lastActivityAt && session.id < other.id)
  );
}

const EVERY_SESSION: TrieSummary<SessionState> = Object.freeze({
  counts: () => true,
  before: idleBefore,
});

const EXEMPTING_OPEN_FILES: TrieSummary<SessionState> = Object.freeze({
  counts: (session: SessionState) => session.fileIds.length === 0,
  before: idleBefore,
});

/** The idle-queue summary of a server that does (or does not) exempt sessions holding open files. */
export function idleSummary(exemptOpenFiles: boolean): TrieSummary<SessionState> {
  return exemptOpenFiles ? EXEMPTING_OPEN_FILES : EVERY_SESSION;
}

/** Whether auto-disconnect may end `session` on a server with this exemption rule (spec §12.7). */
export function isDisconnectable(exemptOpenFiles: boolean, session: SessionState): boolean {
  return idleSummary(exemptOpenFiles).counts(session);
}

/** An empty sessions trie keeping the idle queue of a server with this exemption rule. */
export function emptySessions(exemptOpenFiles: boolean): IdTrie<SessionState> {
  return emptyIdTrie(idleSummary(exemptOpenFiles));
}

/** `sessions` keeping the idle queue for another exemption rule: O(sessions), an administrator's rare change. */
export function sessionsExempting(
  sessions: IdTrie<SessionState>,
  exemptOpenFiles: boolean,
): IdTrie<SessionState> {
  return resummarize(sessions, idleSummary(exemptOpenFiles));
}

/** A min-heap of trie nodes and sessions, keyed by the first session each stands for. */
class WalkHeap {
  readonly #keys: SessionState[] = [];
  readonly #items: (TrieNode | SessionState)[] = [];

  get size(): number {
    return this.#keys.length;
  }

  push(key: SessionState, item: TrieNode | SessionState): void {
    const keys = this.#keys;
    const items = this.#items;
    let at = keys.length;
    keys.push(key);
    items.push(item);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!idleBefore(key, keys[parent] as SessionState)) break;
      keys[at] = keys[parent] as SessionState;
      items[at] = items[parent] as TrieNode | SessionState;
      at = parent;
    }
    keys[at] = key;
    items[at] = item;
  }

  pop(): TrieNode | SessionState {
    const keys = this.#keys;
    const items = this.#items;
    const top = items[0] as TrieNode | SessionState;
    const lastKey = keys.pop() as SessionState;
    const lastItem = items.pop() as TrieNode | SessionState;
    if (keys.length > 0) {
      let at = 0;
      for (;;) {
        let child = 2 * at + 1;
        if (child >= keys.length) break;
        const right = child + 1;
        if (right < keys.length && idleBefore(keys[right] as SessionState, keys[child] as SessionState))
          child = right;
        if (!idleBefore(keys[child] as SessionState, lastKey)) break;
        keys[at] = keys[child] as SessionState;
        items[at] = items[child] as TrieNode | SessionState;
        at = child;
      }
      keys[at] = lastKey;
      items[at] = lastItem;
    }
    return top;
  }
}

/**
 * The queued sessions of `sessions` in queue order: a best-first walk of the summarized trie, O(log) per
 * session read (the schedule's `pending` listing reads only the first few).
 */
export function* idleOrder(sessions: IdTrie<SessionState>): Generator<SessionState> {
  const root = sessions.root;
  const summary = sessions.summary;
  if (root === null || summary === undefined) return;
  const heap = new WalkHeap();
  const leafDepth = sessions.depth - 1;
  const depths = new Map<TrieNode, number>([[root, 0]]);
  const first = root[SUMMARY_FIRST] as SessionState | null;
  if (first !== null) heap.push(first, root);
  while (heap.size > 0) {
    const item = heap.pop();
    if (!Array.isArray(item)) {
      yield item as SessionState;
      continue;
    }
    const node = item as TrieNode;
    const depth = depths.get(node) ?? 0;
    depths.delete(node);
    for (let i = 0; i < NODE_WIDTH; i++) {
      const slot = node[i];
      if (slot === null) continue;
      if (depth === leafDepth) {
        const session = slot as SessionState;
        if (summary.counts(session)) heap.push(session, session);
      } else {
        const child = slot as TrieNode;
        const childFirst = child[SUMMARY_FIRST] as SessionState | null;
        if (childFirst === null || (child[SUMMARY_COUNT] as number) === 0) continue;
        depths.set(child, depth + 1);
        heap.push(childFirst, child);
      }
    }
  }
}

/**
 * The idle queue of a sessions trie as an {@link OrderedIndex} keyed by (lastActivityAt, id): read-only
 * in effect (`set` and `delete` return a detached copy, O(n); the engine never calls them).
 */
class IdleQueueView implements OrderedIndex<null> {
  readonly #sessions: IdTrie<SessionState>;

  constructor(sessions: IdTrie<SessionState>) {
    this.#sessions = sessions;
  }

  get size(): number {
    return this.#sessions.counted;
  }

  /** Levels of the sessions trie: the queue's first entry is read at its root. */
  get height(): number {
    return this.#sessions.depth;
  }

  get(time: number, id: number): null | undefined {
    return this.has(time, id) ? null : undefined;
  }

  has(time: number, id: number): boolean {
    const session = this.#sessions.get(id);
    return (
      session !== undefined &&
      session.lastActivityAt === time &&
      (this.#sessions.summary?.counts(session) ?? false)
    );
  }

  set(time: number, id: number, value: null): OrderedIndex<null> {
    return orderedIndexOf([...this]).set(time, id, value);
  }

  delete(time: number, id: number): OrderedIndex<null> {
    return this.has(time, id) ? orderedIndexOf([...this]).delete(time, id) : this;
  }

  first(): OrderedEntry<null> | undefined {
    const session = this.#sessions.firstCounted();
    return session === undefined ? undefined : { time: session.lastActivityAt, id: session.id, value: null };
  }

  *[Symbol.iterator](): Generator<OrderedEntry<null>> {
    for (const session of idleOrder(this.#sessions)) {
      yield { time: session.lastActivityAt, id: session.id, value: null };
    }
  }
}

/** The idle queue `sessions` carries, as an ordered index view (O(1) to make). */
export function idleQueueOf(sessions: IdTrie<SessionState>): OrderedIndex {
  return new IdleQueueView(sessions);
}
