import type { Draft } from "immer";
import { type IdTrie, trieValues } from "../idTrie.js";
import { type OrderedIndex, orderedIndexOf } from "../orderedIndex.js";
import type { FileServiceState, SessionState } from "../state.js";

/**
 * Upkeep of a file service's `idleQueue` (spec §12.7): the sessions auto-disconnect may end, keyed by
 * (lastActivityAt, id). Every transition that changes a session's activity, its open files or its
 * existence keeps the queue exact through these helpers, in O(log sessions).
 */

/** Whether auto-disconnect may end `session`: not while it holds open files, if the server exempts those. */
export function isDisconnectable(
  fileService: Pick<FileServiceState, "autoDisconnect">,
  session: SessionState,
): boolean {
  return !(fileService.autoDisconnect.exemptOpenFiles && session.fileIds.length > 0);
}

/** Adds `session` to the queue (when it is disconnectable). */
export function enqueueIdle(fileService: Draft<FileServiceState>, session: SessionState): void {
  if (isDisconnectable(fileService, session)) {
    fileService.idleQueue = fileService.idleQueue.set(session.lastActivityAt, session.id, null);
  }
}

/** Removes `session` from the queue (a no-op when it is not queued). */
export function dequeueIdle(fileService: Draft<FileServiceState>, session: SessionState): void {
  fileService.idleQueue = fileService.idleQueue.delete(session.lastActivityAt, session.id);
}

/** Runs `change` on `session` (its activity time or open files) and requeues the session after it. */
export function requeueAround(
  fileService: Draft<FileServiceState>,
  session: Draft<SessionState>,
  change: () => void,
): void {
  dequeueIdle(fileService, session);
  change();
  enqueueIdle(fileService, session);
}

/** Client activity at `at`: moves the session to its new place in the queue. */
export function recordActivity(
  fileService: Draft<FileServiceState>,
  session: Draft<SessionState>,
  at: number,
): void {
  requeueAround(fileService, session, () => {
    session.lastActivityAt = at;
  });
}

/** The idle queue of `sessions` built from scratch (fixture load, a changed exemption). O(n log n). */
export function idleQueueOf(sessions: IdTrie<SessionState>, exemptOpenFiles: boolean): OrderedIndex {
  const entries = [];
  for (const session of trieValues(sessions)) {
    if (!(exemptOpenFiles && session.fileIds.length > 0)) {
      entries.push({ time: session.lastActivityAt, id: session.id, value: null });
    }
  }
  return orderedIndexOf(entries);
}
