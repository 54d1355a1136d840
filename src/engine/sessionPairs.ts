/**
 * The (user, client) pair of a session, as NetSessionDel matches it (spec §12.3): both names compared
 * case-insensitively (foldName). The file service's `sessionsByPair` index keeps session ids under the
 * hash of the pair; lookups filter the bucket by the names, so two pairs whose hashes collide stay apart.
 */
import { foldName, foldUnit } from "../names/foldName.js";
import { bucketIterable, type HashIndex } from "./hashIndex.js";
import type { IdTrie } from "./idTrie.js";
import type { SessionState } from "./state.js";

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashFolded(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= foldUnit(text.charCodeAt(i));
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

/**
 * The index hash of a (user, client) pair: 32-bit FNV-1a of {@link sessionPairKey}`(user, client)`,
 * computed without building the key.
 */
export function pairHash(user: string, client: string): number {
  const h = Math.imul(hashFolded(FNV_OFFSET, user), FNV_PRIME);
  return hashFolded(h, client) >>> 0;
}

/** Whether `session` belongs to the pair whose folded names are `user` and `client`. */
function inPair(session: SessionState | undefined, user: string, client: string): session is SessionState {
  return session !== undefined && foldName(session.user) === user && foldName(session.computer) === client;
}

/** Ids of the sessions of the (user, client) pair, ascending (= connection order). O(sessions of the hash). */
export function pairSessionIds(
  index: HashIndex,
  sessions: IdTrie<SessionState>,
  user: string,
  client: string,
): number[] {
  const foldedUser = foldName(user);
  const foldedClient = foldName(client);
  const ids: number[] = [];
  for (const id of bucketIterable(index.bucket(pairHash(user, client)))) {
    if (inPair(sessions.get(id), foldedUser, foldedClient)) ids.push(id);
  }
  return ids;
}

/** The first session (lowest id) of the (user, client) pair, or undefined. */
export function firstPairSession(
  index: HashIndex,
  sessions: IdTrie<SessionState>,
  user: string,
  client: string,
): SessionState | undefined {
  const foldedUser = foldName(user);
  const foldedClient = foldName(client);
  for (const id of bucketIterable(index.bucket(pairHash(user, client)))) {
    const session = sessions.get(id);
    if (inPair(session, foldedUser, foldedClient)) return session;
  }
  return undefined;
}
