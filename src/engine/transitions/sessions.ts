import { AdsError } from "../../errors/AdsError.js";
import type { FidelityProfile } from "../../profile/FidelityProfile.js";
import type { SessionEndReason } from "../changes.js";
import type { FileServiceAddress, FileServiceEdit } from "../fileServiceEdit.js";
import { SERVICE_STATUS } from "../fromFixture.js";
import { isDisconnectable } from "../idleQueue.js";
import { changedSession, sessionRecord, without } from "../records.js";
import { pairHash, pairSessionIds } from "../sessionPairs.js";
import { type NameKey, nameKey, type SessionState } from "../state.js";
import { defineFileServiceTransition, type TransitionContext } from "../store.js";
import { requireSessionClient, requireSessionUser } from "./valueRules.js";

export type { FileServiceAddress } from "../fileServiceEdit.js";

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
 * Checks that the file service accepts new connections: status RUNNING (spec §8.1). PAUSED refuses with
 * `profile.serverPausedError`, any other status with `profile.serverNotRunningError`.
 */
function requireAccepting(edit: FileServiceEdit, profile: FidelityProfile): void {
  const status = edit.status;
  if (status === SERVICE_STATUS.paused)
    throw new AdsError(profile.serverPausedError, `${edit.service} is paused`);
  if (status !== SERVICE_STATUS.running) {
    throw new AdsError(profile.serverNotRunningError, `${edit.service} is not running (status ${status})`);
  }
}

/** The session `sessionId` of the edited file service; an unknown id is `profile.unknownSessionError` (spec §5.2). */
export function requireSession(
  edit: FileServiceEdit,
  sessionId: number,
  profile: FidelityProfile,
): SessionState {
  const session = edit.sessions.get(sessionId);
  if (!session) throw new AdsError(profile.unknownSessionError, `no session ${String(sessionId)}`);
  return session;
}

/** Checks that one more session may use `key` (share MaxUserCount, spec §9.3; -1 = unlimited). */
function checkShareRoom(edit: FileServiceEdit, key: NameKey, profile: FidelityProfile): void {
  const share = edit.share(key);
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

/** Just the computer and service keys of an address (change records carry no other argument). */
export function address({ computer, service }: FileServiceAddress): FileServiceAddress {
  return { computer, service };
}

/**
 * Ends one session: closes its files, releases its shares, removes it from the sessions (and so from
 * the idle queue) and, unless the caller drops its pair entries itself, from the pair index, and records
 * the closes. O(files + shares of the session). Returns the ids of the files it closed, in open order.
 */
export function endSession(
  edit: FileServiceEdit,
  id: number,
  reason: SessionEndReason,
  { record }: Pick<TransitionContext, "record">,
  keepIndex = false,
): number[] {
  const session = edit.sessions.get(id);
  if (!session) return [];
  const { computer, service } = edit;
  for (const fileId of session.fileIds) {
    const file = edit.files.get(fileId);
    if (!file) continue;
    edit.files = edit.files.delete(fileId);
    record({ kind: "file.closed", computer, service, file, session, reason: "sessionEnded" });
  }
  for (const key of session.shares) edit.changeShareUses(key, -1);
  if (!keepIndex) edit.pairs = edit.pairs.remove(pairHash(session.user, session.computer), id);
  edit.sessions = edit.sessions.delete(id);
  record({ kind: "session.closed", computer, service, session, reason });
  return [...session.fileIds];
}

/**
 * A client establishes a session (SMB session setup + tree connects; spec §5.2, §12.1). Fails when the
 * service is not RUNNING, the server is at its MaxUserCount (spec §8.4), a share is unknown
 * (NERR_NetNameNotFound) or full (`profile.tooManyUsersError`). Returns the new session id.
 */
export const openSession = defineFileServiceTransition<OpenSessionArgs, number>(
  "session.open",
  (edit, args, context) => {
    const { env, profile } = context;
    requireAccepting(edit, profile);
    const now = env.clock.now();
    const at = args.at ?? now;
    checkTime(at, Number.NEGATIVE_INFINITY, now, "connect time");
    requireSessionUser(args.user);
    requireSessionClient(args.client);
    const max = edit.maxUserCount;
    if (max !== -1 && edit.sessions.size >= max) {
      throw new AdsError(profile.tooManyUsersError, `server is at its MaxUserCount ${max}`);
    }
    const requested = args.shares ?? [];
    const shares = requested.length <= 1 ? requested.map(nameKey) : [...new Set(requested.map(nameKey))];
    for (const key of shares) checkShareRoom(edit, key, profile);
    let id = edit.nextSessionId;
    while (edit.sessions.get(id) !== undefined) id++;
    edit.nextSessionId = id + 1;
    for (const key of shares) edit.changeShareUses(key, 1);
    const session = sessionRecord({
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
    });
    edit.sessions = edit.sessions.set(id, session);
    edit.pairs = edit.pairs.add(pairHash(args.user, args.client), id);
    context.record({ kind: "session.opened", computer: args.computer, service: args.service, session });
    return id;
  },
);

/** Arguments naming one session of a file service. */
export interface SessionAddress extends FileServiceAddress {
  readonly sessionId: number;
}

/** Tree connect of `session` to share `name` within an edit; see {@link connectShare}. */
export function connectShareIn(
  edit: FileServiceEdit,
  args: SessionAddress & { readonly share: string },
  { profile, record }: Pick<TransitionContext, "profile" | "record">,
): void {
  requireAccepting(edit, profile);
  const session = requireSession(edit, args.sessionId, profile);
  const key = nameKey(args.share);
  if (session.shares.includes(key)) return;
  checkShareRoom(edit, key, profile);
  const share = edit.share(key);
  edit.changeShareUses(key, 1);
  const after = changedSession(session, { shares: [...session.shares, key] });
  edit.sessions = edit.sessions.set(session.id, after);
  record({
    kind: "session.shareConnected",
    ...address(args),
    session: after,
    share: share?.name ?? args.share,
  });
}

/**
 * Tree connect of an existing session to a share (counts toward CurrentUserCount, spec §9.3, §12.6).
 * Idempotent when already connected. Same service-status rule as {@link openSession}; unknown
 * session → `profile.unknownSessionError`; unknown share → NERR_NetNameNotFound; full share →
 * `profile.tooManyUsersError`.
 */
export const connectShare = defineFileServiceTransition<SessionAddress & { readonly share: string }>(
  "session.connectShare",
  connectShareIn,
);

/**
 * Tree disconnect (spec §12.6): the session leaves the share and stays connected to the server; its
 * open files stay open. A share the session is not connected to is a no-op; an unknown share is
 * NERR_NetNameNotFound; an unknown session `profile.unknownSessionError`. Allowed in any service status.
 */
export const disconnectShare = defineFileServiceTransition<SessionAddress & { readonly share: string }>(
  "session.disconnectShare",
  (edit, { computer, service, sessionId, share }, { profile, record }) => {
    const session = requireSession(edit, sessionId, profile);
    const key = nameKey(share);
    const target = edit.share(key);
    if (!target) throw new AdsError("NERR_NetNameNotFound", `no share ${share}`);
    if (!session.shares.includes(key)) return;
    const after = changedSession(session, { shares: without(session.shares, key) });
    edit.sessions = edit.sessions.set(sessionId, after);
    edit.changeShareUses(key, -1);
    record({ kind: "session.shareDisconnected", computer, service, session: after, share: target.name });
  },
);

/**
 * Client activity on a session: `lastActivityAt = at` (default now), which resets IdleTime (spec §6,
 * §12.7). `at` before the connection or after now → E_INVALIDARG; unknown session →
 * `profile.unknownSessionError`.
 */
export const touchSession = defineFileServiceTransition<SessionAddress & { readonly at?: number }>(
  "session.touch",
  (edit, { computer, service, sessionId, at }, { env, profile, record }) => {
    const session = requireSession(edit, sessionId, profile);
    const now = env.clock.now();
    const when = at ?? now;
    checkTime(when, session.connectedAt, now, "activity time");
    const after =
      when === session.lastActivityAt ? session : changedSession(session, { lastActivityAt: when });
    edit.sessions = edit.sessions.set(sessionId, after);
    record({ kind: "session.activity", computer, service, session: after });
  },
);

/**
 * Ends one session by id (client logoff by default; `reason` says otherwise): its open files close and
 * its share connections are released. Unknown session → `profile.unknownSessionError`. Returns the ids
 * of the files that were closed, in open order.
 */
export const closeSession = defineFileServiceTransition<
  SessionAddress & { readonly reason?: SessionEndReason },
  number[]
>("session.close", (edit, args, context) => {
  requireSession(edit, args.sessionId, context.profile);
  return endSession(edit, args.sessionId, args.reason ?? "client", context);
});

/**
 * The server's auto-disconnect (spec §12.7): the schedule found the idle-queue entry `(queuedAt,
 * sessionId)` due. Ends the session if the entry is current (the session is queued under that time)
 * and the server's minutes have passed since; returns whether it did. The queue is derived from the
 * sessions, so an entry that is not current is simply not there any more.
 */
export const autoDisconnectSession = defineFileServiceTransition<
  SessionAddress & { readonly queuedAt: number },
  boolean
>("session.autoDisconnect", (edit, args, context) => {
  const session = edit.sessions.get(args.sessionId);
  const { minutes, exemptOpenFiles } = edit.autoDisconnect;
  const current =
    session !== undefined &&
    session.lastActivityAt === args.queuedAt &&
    isDisconnectable(exemptOpenFiles, session);
  if (!current) return false;
  if (minutes < 0 || session.lastActivityAt + minutes * 60_000 > context.env.clock.now()) return false;
  endSession(edit, args.sessionId, "autoDisconnect", context);
  return true;
});

/**
 * NetSessionDel (spec §12.3, §5.2, §14 items 17-18): ends **every** session matching the filter and
 * closes their files. `user` and `client` both given: that pair, case-insensitively, through the pair
 * index (O(matches)). Only one given: every session of that user, or from that client; this scans the
 * server's sessions (O(sessions), as the server does). A leading `\\` on `client` is ignored (the API
 * form). Neither → E_INVALIDARG (spec §15 item 11). No match → `profile.sessionDeleteNoMatchError`.
 * Sessions end in connection order. Returns the number of sessions ended.
 */
export const deleteSessions = defineFileServiceTransition<
  FileServiceAddress & { readonly user?: string | undefined; readonly client?: string | undefined },
  number
>("session.delete", (edit, { user, client }, context) => {
  const { profile } = context;
  if (user === undefined && client === undefined) {
    throw new AdsError("E_INVALIDARG", "NetSessionDel needs a user name or a client name");
  }
  const cname = client?.startsWith("\\\\") ? client.slice(2) : client;
  const pairMode = user !== undefined && cname !== undefined;
  let ids: number[];
  if (pairMode) {
    ids = pairSessionIds(edit.pairs, edit.sessions, user, cname);
    if (ids.length > 0) edit.pairs = edit.pairs.removeAll(pairHash(user, cname), ids);
  } else {
    const wanted = nameKey(user ?? cname ?? "");
    ids = [];
    edit.sessions.forEach((session) => {
      if (nameKey(user !== undefined ? session.user : session.computer) === wanted) ids.push(session.id);
    });
  }
  if (ids.length === 0) {
    throw new AdsError(profile.sessionDeleteNoMatchError, `no session for ${user ?? "*"}\\${cname ?? "*"}`);
  }
  for (const id of ids) endSession(edit, id, "removed", context, pairMode);
  return ids.length;
});
