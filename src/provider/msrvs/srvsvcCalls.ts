import { SRVSVC_OPERATIONS, type SrvsvcOperation } from "../../msrvs/srvsvc/operations.js";
import { WERROR } from "../../msrvs/srvsvc/werror.js";
import type { SessionLevel } from "./options.js";
import type { SrvsvcChannel } from "./SrvsvcChannel.js";
import { SrvsvcRpcError } from "./SrvsvcRpcError.js";

/** One session as the server listed it (SESSION_INFO_1/2/10/502, ms-srvs-wire §4.2), strings never null. */
export interface RemoteSessionInfo {
  /** sesi_cname: the client's name or address, without `\\`. */
  readonly client: string;
  /** sesi_username. */
  readonly user: string;
  /** sesi_num_opens; undefined at level 10, which lacks it. */
  readonly numOpens: number | undefined;
  /** sesi_time: seconds since the session was set up, as sent (u32). */
  readonly time: number;
  /** sesi_idle_time: seconds idle, as sent (u32). */
  readonly idleTime: number;
}

/** One open file as the server listed it (FILE_INFO_3, ms-srvs-wire §4.4), strings never null. */
export interface RemoteFileInfo {
  /** fi3_id: the id NetrFileClose takes. */
  readonly id: number;
  /** fi3_permissions (0x1 read, 0x2 write, …). */
  readonly permissions: number;
  /** fi3_num_locks. */
  readonly numLocks: number;
  /** fi3_pathname. */
  readonly path: string;
  /** fi3_username. */
  readonly user: string;
}

/** Most pages one enumeration may take before the server is deemed to loop. */
const MAX_PAGES = 4096;
/** PreferedMaximumLength: "everything" (ms-srvs-wire §4.2). */
const EVERYTHING = 0xffffffff;

async function invoke<Req, Res>(
  channel: SrvsvcChannel,
  operation: SrvsvcOperation<Req, Res>,
  request: Req,
): Promise<Res> {
  const stub = await channel.call(operation.opnum, operation.encodeRequest(request));
  return operation.decodeResponse(stub, { allowTrailingBytes: true });
}

interface Page<T> {
  readonly level: number;
  readonly entries: readonly T[] | null;
  readonly resumeHandle: number | null;
  readonly werror: number;
}

/**
 * Calls `fetch` with resume handles until a page ends with WERROR 0 (ms-srvs-wire §4.2 "Paging": loop on
 * the WERROR, not on the handle, which Samba leaves non-zero). ERROR_MORE_DATA without entries or
 * without a handle, entries of another level, or more than MAX_PAGES pages is a protocol error.
 */
async function collectPages<T>(
  what: string,
  level: number,
  fetch: (resumeHandle: number) => Promise<Page<T>>,
): Promise<T[]> {
  const all: T[] = [];
  let resumeHandle = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await fetch(resumeHandle);
    if (result.werror !== WERROR.NERR_Success && result.werror !== WERROR.ERROR_MORE_DATA) {
      throw new SrvsvcRpcError("werror", result.werror, what);
    }
    if (result.level !== level)
      throw new SrvsvcRpcError("protocol", 0, `${what}: level ${result.level} in a level ${level} reply`);
    const entries = result.entries ?? [];
    for (const entry of entries) all.push(entry);
    if (result.werror === WERROR.NERR_Success) return all;
    if (result.resumeHandle === null || entries.length === 0) {
      throw new SrvsvcRpcError("protocol", 0, `${what}: ERROR_MORE_DATA without progress`);
    }
    resumeHandle = result.resumeHandle;
  }
  throw new SrvsvcRpcError("protocol", 0, `${what}: more than ${MAX_PAGES} pages`);
}

/** NetrSessionEnum at `level`, every page, all clients and users (ms-srvs-wire §4.2). */
export async function netrSessionEnum(
  channel: SrvsvcChannel,
  serverName: string,
  level: SessionLevel,
): Promise<RemoteSessionInfo[]> {
  const entries = await collectPages(`NetrSessionEnum level ${level}`, level, async (resumeHandle) => {
    const response = await invoke(channel, SRVSVC_OPERATIONS.NetrSessionEnum, {
      serverName,
      clientName: null,
      userName: null,
      info: { level, container: { entries: null } },
      preferredMaximumLength: EVERYTHING,
      resumeHandle,
    });
    return {
      level: response.info.level,
      entries: (response.info.container?.entries ?? null) as readonly SessionEntry[] | null,
      resumeHandle: response.resumeHandle,
      werror: response.werror,
    };
  });
  return entries.map((entry) => ({
    client: entry.cname ?? "",
    user: entry.username ?? "",
    numOpens: entry.numOpens,
    time: entry.time,
    idleTime: entry.idleTime,
  }));
}

/** The fields every session level the provider uses carries (numOpens is absent at level 10). */
interface SessionEntry {
  readonly cname: string | null;
  readonly username: string | null;
  readonly numOpens?: number;
  readonly time: number;
  readonly idleTime: number;
}

/** NetrFileEnum level 3, every page, all paths and users (ms-srvs-wire §4.4). */
export async function netrFileEnum(channel: SrvsvcChannel, serverName: string): Promise<RemoteFileInfo[]> {
  const entries = await collectPages("NetrFileEnum level 3", 3, async (resumeHandle) => {
    const response = await invoke(channel, SRVSVC_OPERATIONS.NetrFileEnum, {
      serverName,
      basePath: null,
      userName: null,
      info: { level: 3, container: { entries: null } },
      preferredMaximumLength: EVERYTHING,
      resumeHandle,
    });
    const level3 = response.info.level === 3 ? response.info.container?.entries : null;
    return {
      level: response.info.level,
      entries: level3 ?? null,
      resumeHandle: response.resumeHandle,
      werror: response.werror,
    };
  });
  return entries.map((entry) => ({
    id: entry.id,
    permissions: entry.permissions,
    numLocks: entry.numLocks,
    path: entry.pathName ?? "",
    user: entry.userName ?? "",
  }));
}

/**
 * NetrSessionDel for the sessions of `user` from `client` (ms-srvs-wire §4.3). Both names are always
 * sent, non-empty: a NULL or empty one matches every session (on Samba, the caller's own too).
 */
export async function netrSessionDel(
  channel: SrvsvcChannel,
  serverName: string,
  client: string,
  user: string,
): Promise<void> {
  if (client.length === 0 || user.length === 0)
    throw new SrvsvcRpcError("protocol", 0, "NetrSessionDel needs a client and a user");
  const { werror } = await invoke(channel, SRVSVC_OPERATIONS.NetrSessionDel, {
    serverName,
    clientName: `\\\\${client}`,
    userName: user,
  });
  if (werror !== WERROR.NERR_Success) throw new SrvsvcRpcError("werror", werror, "NetrSessionDel");
}

/** NetrFileClose of the open `fileId` (ms-srvs-wire §4.5). */
export async function netrFileClose(
  channel: SrvsvcChannel,
  serverName: string,
  fileId: number,
): Promise<void> {
  const { werror } = await invoke(channel, SRVSVC_OPERATIONS.NetrFileClose, { serverName, fileId });
  if (werror !== WERROR.NERR_Success) throw new SrvsvcRpcError("werror", werror, "NetrFileClose");
}
