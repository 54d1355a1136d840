import { AdsError } from "../../errors/AdsError.js";
import type { FidelityProfile } from "../../profile/FidelityProfile.js";
import type { FileCloseReason } from "../changes.js";
import type { FileServiceEdit } from "../fileServiceEdit.js";
import { changedSession, fileRecord, without } from "../records.js";
import type { OpenFileState, SessionState } from "../state.js";
import { defineFileServiceTransition, type TransitionContext } from "../store.js";
import { type FileServiceAddress, requireSession, type SessionAddress } from "./sessions.js";
import { requirePath } from "./valueRules.js";

/** Largest `fi3_id` (a DWORD, spec §12.4); id 0 is never assigned. */
const MAX_FILE_ID = 0xffffffff;

/** Arguments of {@link openFile} (FILE_INFO_3 fields, spec §12.4). */
export interface OpenFileArgs extends SessionAddress {
  /** `fi3_pathname`: server-local path, non-empty. */
  readonly path: string;
  /** `fi3_permissions` bit set (PERM_FILE_READ 1, WRITE 2, CREATE 4, ...); default 1. */
  readonly permissions?: number;
  /** `fi3_num_locks`; default 0. */
  readonly locks?: number;
  /** Explicit `fi3_id` (1..2^32-1, not in use); default: the next free id. */
  readonly id?: number;
}

/** Client-originated changes are activity: they reset the session's IdleTime (spec §6, §12.7). */
interface ClientRequest {
  /** True when the client itself made the request (the injector); false for an administrator's action. */
  readonly byClient?: boolean;
}

/** A client request is activity at `now`: the session's last activity moves forward to it. */
function activityAfter(session: SessionState, byClient: boolean | undefined, now: number): number {
  return byClient ? Math.max(session.lastActivityAt, now) : session.lastActivityAt;
}

/** Largest `fi3_permissions`: the seven PERM_/ACCESS_ bits of spec §12.4 (READ 0x1 … ACCESS_PERM 0x40). */
const MAX_PERMISSIONS = 0x7f;
/** Largest lock count: Resource.LockCount is a LONG (spec §7). */
const MAX_LOCKS = 0x7fffffff;

function checkCount(value: number, what: string, min = 0, max = MAX_FILE_ID): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AdsError("E_INVALIDARG", `${what} must be an integer in ${min}..${max}, got ${value}`);
  }
}

/** The next free file id at or after `start`, wrapping past 2^32-1 to 1 (O(1) unless ids are in use). */
function freeFileId(edit: FileServiceEdit, start: number): number {
  let id = start >= 1 && start <= MAX_FILE_ID ? start : 1;
  for (let tries = 0; edit.files.get(id) !== undefined; tries++) {
    if (tries > edit.files.size) throw new AdsError("E_FAIL", "no free file id");
    id = id >= MAX_FILE_ID ? 1 : id + 1;
  }
  return id;
}

/** Opens a file within an edit; see {@link openFile}. Returns the file id. */
export function openFileIn(
  edit: FileServiceEdit,
  args: OpenFileArgs & ClientRequest,
  context: Pick<TransitionContext, "env" | "profile" | "record">,
  byClient = args.byClient === true,
): number {
  const { profile } = context;
  const session = requireSession(edit, args.sessionId, profile);
  if (typeof args.path !== "string" || args.path === "") {
    throw new AdsError("E_INVALIDARG", "an open file needs a path");
  }
  requirePath(args.path, "file path");
  const permissions = args.permissions ?? 1;
  const locks = args.locks ?? 0;
  checkCount(permissions, "permissions", 0, MAX_PERMISSIONS);
  checkCount(locks, "locks", 0, MAX_LOCKS);
  let id: number;
  if (args.id !== undefined) {
    checkCount(args.id, "file id", 1);
    if (edit.files.get(args.id) !== undefined) {
      throw new AdsError("E_INVALIDARG", `file id ${args.id} is already open`);
    }
    id = args.id;
  } else {
    id = freeFileId(edit, edit.nextFileId);
    edit.nextFileId = id >= MAX_FILE_ID ? 1 : id + 1;
  }
  const file = fileRecord({ id, sessionId: session.id, path: args.path, permissions, locks });
  edit.files = edit.files.set(id, file);
  const after = changedSession(session, {
    fileIds: [...session.fileIds, id],
    lastActivityAt: activityAfter(session, byClient, context.env.clock.now()),
  });
  edit.sessions = edit.sessions.set(session.id, after);
  context.record({
    kind: "file.opened",
    computer: args.computer,
    service: args.service,
    file,
    session: after,
  });
  return id;
}

/**
 * A session opens a file, device or pipe (a Resource, spec §5.3, §7, §12.4). The id is `id` when given
 * (E_INVALIDARG if in use or out of range) or else `nextFileId`, skipping ids in use. The id is appended
 * to the session's `fileIds`. Unknown session → `profile.unknownSessionError`. Returns the file id.
 */
export const openFile = defineFileServiceTransition<OpenFileArgs & ClientRequest, number>(
  "file.open",
  (edit, args, context) => openFileIn(edit, args, context),
);

/** The open file `fileId`, or `code` (an HRESULT of the profile) when there is none. */
function requireFile(
  edit: FileServiceEdit,
  fileId: number,
  code: FidelityProfile["closeUnknownFileError"],
): OpenFileState {
  const file = edit.files.get(fileId);
  if (!file) throw new AdsError(code, `no open file ${String(fileId)}`);
  return file;
}

/**
 * NetFileClose (spec §12.4, §5.3 `Resources.Remove`): forces the open closed; it leaves its session's
 * `fileIds`, the session stays. Unknown id → `profile.closeUnknownFileError` (NERR_FileIdNotFound on
 * Windows, ERROR_FILE_NOT_FOUND on Samba, spec §12.5, §15 item 12). O(files of the session).
 */
export const closeFile = defineFileServiceTransition<
  FileServiceAddress & ClientRequest & { readonly fileId: number; readonly reason?: FileCloseReason }
>("file.close", (edit, args, context) => {
  const file = requireFile(edit, args.fileId, context.profile.closeUnknownFileError);
  const session = edit.sessions.get(file.sessionId);
  let after: SessionState | undefined;
  if (session) {
    after = changedSession(session, {
      fileIds: without(session.fileIds, args.fileId),
      lastActivityAt: activityAfter(session, args.byClient, context.env.clock.now()),
    });
    edit.sessions = edit.sessions.set(session.id, after);
  }
  edit.files = edit.files.delete(args.fileId);
  context.record({
    kind: "file.closed",
    computer: args.computer,
    service: args.service,
    file,
    session: after,
    reason: args.reason ?? (args.byClient ? "client" : "removed"),
  });
});

/**
 * Sets `fi3_num_locks` of an open file (Resource.LockCount, spec §7, §12.4): a non-negative integer,
 * else E_INVALIDARG. Unknown id → `profile.unknownResourceError` (the NetFileGetInfo code, spec §5.3).
 */
export const setFileLocks = defineFileServiceTransition<
  FileServiceAddress & ClientRequest & { readonly fileId: number; readonly locks: number }
>("file.locks", (edit, args, context) => {
  const file = requireFile(edit, args.fileId, context.profile.unknownResourceError);
  checkCount(args.locks, "locks", 0, MAX_LOCKS);
  const previous = file.locks;
  const after = fileRecord({ ...file, locks: args.locks });
  edit.files = edit.files.set(file.id, after);
  const session = edit.sessions.get(file.sessionId);
  if (session && args.byClient) {
    const lastActivityAt = activityAfter(session, args.byClient, context.env.clock.now());
    if (lastActivityAt !== session.lastActivityAt) {
      edit.sessions = edit.sessions.set(session.id, changedSession(session, { lastActivityAt }));
    }
  }
  context.record({
    kind: "file.locks",
    computer: args.computer,
    service: args.service,
    file: after,
    previous,
  });
});
