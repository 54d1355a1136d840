/**
 * Session and open-file records as the state keeps them: frozen plain objects, always built with the
 * same fields in the same order (one hidden class each, cheap to copy), sharing what repeats — one
 * empty id list, one list per single share — so a million sessions do not hold a million equal arrays.
 */
import type { NameKey, OpenFileState, SessionState } from "./state.js";

/** The empty id or share list every record without one shares. */
export const NO_IDS: readonly number[] = Object.freeze([]);
const NO_SHARES: readonly NameKey[] = Object.freeze([]);

/** Frozen one-share lists, by share key (bounded: names come from a few shares per server). */
const singleShares = new Map<NameKey, readonly NameKey[]>();
const MAX_SHARED_LISTS = 4096;

/** A frozen share-key list equal to `keys`, shared with other records when it is empty or has one key. */
export function shareList(keys: readonly NameKey[]): readonly NameKey[] {
  if (keys.length === 0) return NO_SHARES;
  if (keys.length > 1) return Object.isFrozen(keys) ? keys : Object.freeze([...keys]);
  const key = keys[0] as NameKey;
  let list = singleShares.get(key);
  if (list === undefined) {
    if (singleShares.size >= MAX_SHARED_LISTS) singleShares.clear();
    list = Object.freeze([key]);
    singleShares.set(key, list);
  }
  return list;
}

/** `list` without `item` (every occurrence), as a new array; a loop, for the hot path. */
export function without<T>(list: readonly T[], item: T): T[] {
  const out: T[] = [];
  for (const value of list) if (value !== item) out.push(value);
  return out;
}

/** A frozen file-id list equal to `ids` (the shared empty list when empty). */
export function idList(ids: readonly number[]): readonly number[] {
  if (ids.length === 0) return NO_IDS;
  return Object.isFrozen(ids) ? ids : Object.freeze([...ids]);
}

/** A frozen session record (spec §12.1), its lists shared or frozen. */
export function sessionRecord(fields: SessionState): SessionState {
  return Object.freeze({
    id: fields.id,
    user: fields.user,
    computer: fields.computer,
    connectedAt: fields.connectedAt,
    lastActivityAt: fields.lastActivityAt,
    shares: shareList(fields.shares),
    guest: fields.guest,
    clientType: fields.clientType,
    transport: fields.transport,
    fileIds: idList(fields.fileIds),
  });
}

/** `session` with `changes` applied, as a new frozen record. */
export function changedSession(
  session: SessionState,
  changes: Partial<Pick<SessionState, "lastActivityAt" | "shares" | "fileIds">>,
): SessionState {
  return Object.freeze({
    id: session.id,
    user: session.user,
    computer: session.computer,
    connectedAt: session.connectedAt,
    lastActivityAt: changes.lastActivityAt ?? session.lastActivityAt,
    shares: changes.shares === undefined ? session.shares : shareList(changes.shares),
    guest: session.guest,
    clientType: session.clientType,
    transport: session.transport,
    fileIds: changes.fileIds === undefined ? session.fileIds : idList(changes.fileIds),
  });
}

/** A frozen open-file record (spec §12.4). */
export function fileRecord(fields: OpenFileState): OpenFileState {
  return Object.freeze({
    id: fields.id,
    sessionId: fields.sessionId,
    path: fields.path,
    permissions: fields.permissions,
    locks: fields.locks,
  });
}
