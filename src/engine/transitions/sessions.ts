import { type Draft, isDraft, original } from "immer";
import { AdsError } from "../../errors/AdsError.js";
import type { FidelityProfile } from "../../profile/FidelityProfile.js";
import type { SessionEndReason } from "../changes.js";
import { SERVICE_STATUS } from "../fromFixture.js";
import { indexAdd, indexDeleteKey, indexGet, indexRemove } from "../hashIndex.js";
import { trieDelete, trieGet, trieSet, trieValues } from "../idTrie.js";
import {
  type DirectoryState,
  type FileServiceState,
  type NameKey,
  nameKey,
  type SessionState,
  sessionPairKey,
} from "../state.js";
import { defineTransition, type TransitionContext } from "../store.js";
import { draftFileService, draftService, plainRecord } from "./draftAccess.js";
import { dequeueIdle, enqueueIdle, recordActivity } from "./idleQueue.js";
import { requireSessionClient, requireSessionUser } from "./valueRules.js";

/** Where a session lives: a file service of a computer (keys already resolved by the facade). */
export interface FileServiceAddress {
  readonly computer: NameKey;
  readonly service: NameKey;
}

/** Arguments of {@link openSession} (SESSION_INFO_502 fields, spec §12.1). */
export interface OpenSessionArgs extends FileServiceAddress {
  /** `sesi_username` (no domain, no `\`); empty for a null session. */
  readonly user: string;
  /**
   * The client, `sesi_cname`: NetBIOS name or IP address, non-empty, never with `\` (spec §12.1).
   * (`computer` is the server, as in every transition.)
   */
  readonly client: string;
  /** Shares to tree-connect at once. */
  readonly shares?: readonly string[];
  readonly guest?: boolean;
  readonly clientType?: string;
  readonly transport?: string;
  /** Connection time, epoch ms; default `env.clock.now()`; never after now. */
  readonly at?: number;
}

/**
 * A file service that accepts new connections: status RUNNING (spec §8.1). PAUSED refuses with
 * `profile.serverPausedError`, any other status with `profile.serverNotRunningError`.
 */
function acceptingFileService(
  draft: Draft<DirectoryState>,
  { computer, service }: FileServiceAddress,
  profile: FidelityProfile,
): Draft<FileServiceState> {
  const status = draftService(draft, computer, service).status;
  if (status === SERVICE_STATUS.paused) throw new AdsError(profile.serverPausedError, `${service} is paused`);
  if (status !== SERVICE_STATUS.running) {
    throw new AdsError(profile.serverNotRunningError, `${service} is not running (status ${status})`);
  }
  return draftFileService(draft, computer, service);
}

/** The session `sessionId` of a file-service draft; an unknown id is `profile.unknownSessionError` (spec §5.2). */
export function requireSession(
  fileService: Draft<FileServiceState>,
  sessionId: number,
  profile: FidelityProfile,
): Draft<SessionState> {
  const session = trieGet(fileService.sessions, sessionId) as Draft<SessionState> | undefined;
  if (!session) throw new AdsError(profile.unknownSessionError, `no session ${String(sessionId)}`);
  return session;
}

/** Checks that one more session may use `key` (share MaxUserCount, spec §9.3; -1 = unlimited). */
function checkShareRoom(fileService: Draft<FileServiceState>, key: NameKey, profile: FidelityProfile): void {
  const share = fileService.shares.get(key);
  if (!share) throw new AdsError("NERR_NetNameNotFound", `no share ${key}`);
  if (share.MaxUserCount !== -1 && share.currentUses >= share.MaxUserCount) {
    throw new AdsError(profile.tooManyUsersError, `share ${share.name} is at its MaxUserCount`);
  }
}

function checkTime(at: number, earliest: number, now: number, what: string): void {
  if (!Number.isFinite(at) || at < earliest || at > now) {
    throw new AdsError("E_INVALIDARG", `${what} ${String(at)} must lie between ${earliest} and now (${now})`);
  }
}

/**
 * Ends one session: closes its files, releases its shares, removes it from the trie, the idle queue and
 * (unless the caller drops the whole pair key itself) the pair index, and records the closes.
 * O(files + shares of the session). Returns the ids of the files it closed, in open order.
 */
export function endSession(
  fileService: Draft<FileServiceState>,
  at: FileServiceAddress,
  id: number,
  reason: SessionEndReason,
  { record }: Pick<TransitionContext, "record">,
  keepIndex = false,
): number[] {
  const draftSession = trieGet(fileService.sessions, id) as Draft<SessionState> | undefined;
  if (!draftSession) return [];
  const session = plainRecord(draftSession);
  for (const fileId of session.fileIds) {
    const file = trieGet(fileService.files, fileId);
    if (!file) continue;
    const closed = plainRecord(file);
    trieDelete(fileService.files, fileId);
    record({ kind: "file.closed", ...address(at), file: closed, session, reason: "sessionEnded" });
  }
  for (const key of session.shares) {
    const share = fileService.shares.get(key);
    if (share && share.currentUses > 0) share.currentUses -= 1;
  }
  if (!keepIndex) indexRemove(fileService.sessionsByPair, sessionPairKey(session.user, session.computer), id);
  dequeueIdle(fileService, session);
  trieDelete(fileService.sessions, id);
  record({ kind: "session.closed", ...address(at), session, reason });
  return [...session.fileIds];
}

/** Just the computer and service keys of an address (change records carry no other argument). */
export function address({ computer, service }: FileServiceAddress): FileServiceAddress {
  return { computer, service };
}

/**
 * A client establishes a session (SMB session setup + tree connects; spec §5.2, §12.1). Fails when the
 * service is not RUNNING, the server is at its MaxUserCount (spec §8.4), a share is unknown
 * (NERR_NetNameNotFound) or full (`profile.tooManyUsersError`). Returns the new session id.
 */
export const openSession = defineTransition<OpenSessionArgs, number>(
  "session.open",
  (draft, args, context) => {
    const { env, profile } = context;
    const fileService = acceptingFileService(draft, args, profile);
    const now = env.clock.now();
    const at = args.at ?? now;
    checkTime(at, Number.NEGATIVE_INFINITY, now, "connect time");
    requireSessionUser(args.user);
    requireSessionClient(args.client);
    const max = fileService.MaxUserCount;
    if (max !== -1 && fileService.sessions.size >= max) {
      throw new AdsError(profile.tooManyUsersError, `server is at its MaxUserCount ${max}`);
    }
    const shares = [...new Set((args.shares ?? []).map(nameKey))];
    for (const key of shares) checkShareRoom(fileService, key, profile);
    let id = fileService.nextSessionId;
    while (trieGet(fileService.sessions, id) !== undefined) id++;
    fileService.nextSessionId = id + 1;
    for (const key of shares) {
      const share = fileService.shares.get(key);
      if (share) share.currentUses += 1;
    }
    const session: SessionState = {
      id,
      user: args.user,
      computer: args.client,
      connectedAt: at,
      lastActivityAt: at,
      shares,
      guest: args.guest ?? false,
      clientType: args.clientType,
      transport: args.transport,
      fileIds: [],
    };
    trieSet(fileService.sessions, id, session);
    indexAdd(fileService.sessionsByPair, sessionPairKey(args.user, args.client), id);
    enqueueIdle(fileService, session);
    context.record({ kind: "session.opened", ...address(args), session: plainRecord(session) });
    return id;
  },
);

/** Arguments naming one session of a file service. */
export interface SessionAddress extends FileServiceAddress {
  readonly sessionId: number;
}

/**
 * Tree connect of an existing session to a share (counts toward CurrentUserCount, spec §9.3, §12.6).
 * Idempotent when already connected. Same service-status rule as {@link openSession}; unknown
 * session → `profile.unknownSessionError`; unknown share → NERR_NetNameNotFound; full share →
 * `profile.tooManyUsersError`.
 */
export const connectShare = defineTransition<SessionAddress & { readonly share: string }>(
  "session.connectShare",
  (draft, args, { profile, record }) => {
    const fileService = acceptingFileService(draft, args, profile);
    const session = requireSession(fileService, args.sessionId, profile);
    const key = nameKey(args.share);
    if (session.shares.includes(key)) return;
    checkShareRoom(fileService, key, profile);
    const share = fileService.shares.get(key);
    if (share) share.currentUses += 1;
    session.shares.push(key);
    record({
      kind: "session.shareConnected",
      ...address(args),
      session: plainRecord(session),
      share: share?.name ?? args.share,
    });
  },
);

/**
 * Tree disconnect (spec §12.6): the session leaves the share and stays connected to the server; its
 * open files stay open. A share the session is not connected to is a no-op; an unknown share is
 * NERR_NetNameNotFound; an unknown session `profile.unknownSessionError`. Allowed in any service status.
 */
export const disconnectShare = defineTransition<SessionAddress & { readonly share: string }>(
  "session.disconnectShare",
  (draft, { computer, service, sessionId, share }, { profile, record }) => {
    const fileService = draftFileService(draft, computer, service);
    const session = requireSession(fileService, sessionId, profile);
    const key = nameKey(share);
    const target = fileService.shares.get(key);
    if (!target) throw new AdsError("NERR_NetNameNotFound", `no share ${share}`);
    const at = session.shares.indexOf(key);
    if (at < 0) return;
    session.shares.splice(at, 1);
    if (target.currentUses > 0) target.currentUses -= 1;
    record({
      kind: "session.shareDisconnected",
      computer,
      service,
      session: plainRecord(session),
      share: target.name,
    });
  },
);

/**
 * Client activity on a session: `lastActivityAt = at` (default now), which resets IdleTime (spec §6,
 * §12.7). `at` before the connection or after now → E_INVALIDARG; unknown session →
 * `profile.unknownSessionError`.
 */
export const touchSession = defineTransition<SessionAddress & { readonly at?: number }>(
  "session.touch",
  (draft, { computer, service, sessionId, at }, { env, profile, record }) => {
    const fileService = draftFileService(draft, computer, service);
    const session = requireSession(fileService, sessionId, profile);
    const now = env.clock.now();
    const when = at ?? now;
    checkTime(when, session.connectedAt, now, "activity time");
    recordActivity(fileService, session, when);
    record({ kind: "session.activity", computer, service, session: plainRecord(session) });
  },
);

/**
 * Ends one session by id (client logoff by default; `reason` says otherwise): its open files close and
 * its share connections are released. Unknown session → `profile.unknownSessionError`. Returns the ids
 * of the files that were closed, in open order.
 */
export const closeSession = defineTransition<
  SessionAddress & { readonly reason?: SessionEndReason },
  number[]
>("session.close", (draft, args, context) => {
  const fileService = draftFileService(draft, args.computer, args.service);
  requireSession(fileService, args.sessionId, context.profile);
  return endSession(fileService, args, args.sessionId, args.reason ?? "client", context);
});

/**
 * The server's auto-disconnect (spec §12.7): the schedule found the idle-queue entry `(queuedAt,
 * sessionId)` due. Ends the session if the entry is current (the session is queued under that time)
 * and the server's minutes have passed since; returns whether it did. An entry that is not current is
 * dropped, so a schedule can never run in place.
 */
export const autoDisconnectSession = defineTransition<
  SessionAddress & { readonly queuedAt: number },
  boolean
>("session.autoDisconnect", (draft, args, context) => {
  const fileService = draftFileService(draft, args.computer, args.service);
  const session = trieGet(fileService.sessions, args.sessionId);
  const minutes = fileService.autoDisconnect.minutes;
  const current = session !== undefined && session.lastActivityAt === args.queuedAt;
  if (!current) {
    fileService.idleQueue = fileService.idleQueue.delete(args.queuedAt, args.sessionId);
    return false;
  }
  if (minutes < 0 || session.lastActivityAt + minutes * 60_000 > context.env.clock.now()) return false;
  endSession(fileService, args, args.sessionId, "autoDisconnect", context);
  return true;
});

/** Base (non-draft) view of a value, so a full scan creates no immer proxies. */
function baseOf<T>(value: T): T {
  return (isDraft(value) ? (original(value as Draft<T>) as T | undefined) : undefined) ?? value;
}

/**
 * NetSessionDel (spec §12.3, §5.2, §14 items 17-18): ends **every** session matching the filter and
 * closes their files. `user` and `client` both given: that pair, case-insensitively, through the pair
 * index (O(matches)). Only one given: every session of that user, or from that client; this scans the
 * server's sessions (O(sessions), as the server does). A leading `\\` on `client` is ignored (the API
 * form). Neither → E_INVALIDARG (spec §15 item 11). No match → `profile.sessionDeleteNoMatchError`.
 * Returns the number of sessions ended.
 */
export const deleteSessions = defineTransition<
  FileServiceAddress & { readonly user?: string | undefined; readonly client?: string | undefined },
  number
>("session.delete", (draft, { computer, service, user, client }, context) => {
  const { profile } = context;
  if (user === undefined && client === undefined) {
    throw new AdsError("E_INVALIDARG", "NetSessionDel needs a user name or a client name");
  }
  const fileService = draftFileService(draft, computer, service);
  const cname = client?.startsWith("\\\\") ? client.slice(2) : client;
  let ids: number[];
  if (user !== undefined && cname !== undefined) {
    const key = sessionPairKey(user, cname);
    ids = [...indexGet(fileService.sessionsByPair, key)];
    if (ids.length > 0) indexDeleteKey(fileService.sessionsByPair, key);
  } else {
    const wanted = nameKey(user ?? cname ?? "");
    ids = [];
    for (const session of trieValues<SessionState>(baseOf(fileService.sessions))) {
      if (nameKey(user !== undefined ? session.user : session.computer) === wanted) ids.push(session.id);
    }
  }
  if (ids.length === 0) {
    throw new AdsError(profile.sessionDeleteNoMatchError, `no session for ${user ?? "*"}\\${cname ?? "*"}`);
  }
  const pairMode = user !== undefined && cname !== undefined;
  for (const id of ids) endSession(fileService, { computer, service }, id, "removed", context, pairMode);
  return ids.length;
});
