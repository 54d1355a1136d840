/**
 * NetrSessionEnum and NetrSessionDel answered from the emulator ([MS-SRVS] 3.1.4.5, 3.1.4.6;
 * ms-srvs-wire §4.2-4.3): the sessions are read through ADSI's Sessions() as the caller, so the access
 * check, ConnectTime, IdleTime and the profile's codes are ADSI's; num_opens, SESS_GUEST, the client type
 * and transport come from the directory. Filters and paging as a Windows server applies them.
 */
import type { IADsSession } from "../../adsi/interfaces/IADsSession.js";
import { AdsError } from "../../errors/AdsError.js";
import type {
  NetrSessionDelRequest,
  NetrSessionDelResponse,
  NetrSessionEnumRequest,
  NetrSessionEnumResponse,
  SessionEnumStruct,
  SessionInfo502,
} from "../../msrvs/srvsvc/sessions.js";
import { WERROR } from "../../msrvs/srvsvc/werror.js";
import { werrorOf } from "../statusMapping.js";
import {
  nameFilter,
  pageOf,
  type SrvsvcCallContext,
  stringSize,
  viaAdsi,
  WerrorFailure,
} from "./SrvsvcCallContext.js";

/** The session levels NetrSessionEnum defines, with the fixed size of one entry (ms-srvs-wire §4.2). */
const LEVEL_FIXED_SIZE = new Map([
  [0, 4],
  [1, 24],
  [2, 28],
  [10, 16],
  [502, 32],
]);

/** Every session of the server as SESSION_INFO_502, in connection order, read as the caller. */
function readSessions(context: SrvsvcCallContext): SessionInfo502[] {
  const fso = context.view.bindAs(context.caller);
  if (fso === undefined) throw new WerrorFailure(WERROR.ERROR_ACCESS_DENIED, "a guest may not list sessions");
  const listed: IADsSession[] = viaAdsi(() => [...fso.Sessions()]);
  const extras = context.view.sessionExtras();
  return listed.map((session, i) => {
    const extra = extras[i];
    if (extra === undefined || extra.user !== session.User || extra.computer !== session.Computer) {
      throw new Error("the directory changed while sessions were read");
    }
    return {
      cname: session.Computer,
      username: session.User,
      numOpens: extra.numOpens,
      time: session.ConnectTime,
      idleTime: session.IdleTime,
      userFlags: extra.guest ? 1 : 0,
      cltypeName: extra.clientType,
      transport: extra.transport,
    };
  });
}

function entryAt(level: number, s: SessionInfo502): object {
  switch (level) {
    case 0:
      return { cname: s.cname };
    case 1:
      return {
        cname: s.cname,
        username: s.username,
        numOpens: s.numOpens,
        time: s.time,
        idleTime: s.idleTime,
        userFlags: s.userFlags,
      };
    case 2:
      return { ...entryAt(1, s), cltypeName: s.cltypeName };
    case 10:
      return { cname: s.cname, username: s.username, time: s.time, idleTime: s.idleTime };
    default:
      return s;
  }
}

function entrySize(level: number, s: SessionInfo502): number {
  const strings = [s.cname, level === 0 ? null : s.username];
  if (level === 2 || level === 502) strings.push(s.cltypeName);
  if (level === 502) strings.push(s.transport);
  return (LEVEL_FIXED_SIZE.get(level) ?? 0) + strings.reduce((sum, text) => sum + stringSize(text), 0);
}

/** NetrSessionEnum (opnum 12). */
export function netrSessionEnum(
  context: SrvsvcCallContext,
  request: NetrSessionEnumRequest,
): NetrSessionEnumResponse {
  const level = request.info.level;
  const failed = (werror: number): NetrSessionEnumResponse => ({
    info: { level, container: LEVEL_FIXED_SIZE.has(level) ? { entries: null } : null } as SessionEnumStruct,
    totalEntries: 0,
    resumeHandle: request.resumeHandle === null ? null : 0,
    werror,
  });
  try {
    if (!LEVEL_FIXED_SIZE.has(level)) return failed(WERROR.ERROR_INVALID_LEVEL);
    let sessions = readSessions(context);
    const client = nameFilter(request.clientName);
    const user = nameFilter(request.userName);
    if (client !== undefined) {
      sessions = sessions.filter((s) => s.cname?.toUpperCase() === client);
      if (sessions.length === 0) return failed(WERROR.NERR_ClientNameNotFound);
    }
    if (user !== undefined) {
      sessions = sessions.filter((s) => s.username?.toUpperCase() === user);
      if (sessions.length === 0) return failed(WERROR.NERR_UserNotFound);
    }
    const page = pageOf(sessions, request.resumeHandle, request.preferredMaximumLength, (s) =>
      entrySize(level, s),
    );
    return {
      info: {
        level,
        container: { entries: page.entries.map((s) => entryAt(level, s)) },
      } as SessionEnumStruct,
      totalEntries: sessions.length,
      resumeHandle: request.resumeHandle === null ? null : page.resumeHandle,
      werror: page.werror,
    };
  } catch (error) {
    if (error instanceof WerrorFailure) return failed(error.werror);
    throw error;
  }
}

/**
 * NetrSessionDel (opnum 13): with both names, ADSI's Sessions.Remove of that pair (spec §12.3); with a
 * NULL or empty name (a wildcard, ms-srvs-wire §4.3), Remove of every matching pair, or the profile's
 * no-match error when none matches.
 */
export function netrSessionDel(
  context: SrvsvcCallContext,
  request: NetrSessionDelRequest,
): NetrSessionDelResponse {
  try {
    const fso = context.view.bindAs(context.caller);
    if (fso === undefined) return { werror: WERROR.ERROR_ACCESS_DENIED };
    const profile = context.view.emu.profile;
    const client = nameFilter(request.clientName);
    const user = nameFilter(request.userName);
    const names =
      client !== undefined && user !== undefined
        ? [profile.sessionName(user, client)]
        : [
            ...new Set(
              viaAdsi(() => [...fso.Sessions()])
                .filter(
                  (s) =>
                    (client === undefined || s.Computer.toUpperCase() === client) &&
                    (user === undefined || s.User.toUpperCase() === user),
                )
                .map((s) => profile.sessionName(s.User, s.Computer)),
            ),
          ];
    if (names.length === 0) {
      const noMatch = werrorOf(new AdsError(profile.sessionDeleteNoMatchError));
      return { werror: noMatch ?? WERROR.NERR_ClientNameNotFound };
    }
    for (const name of names) viaAdsi(() => fso.Sessions().Remove(name));
    return { werror: WERROR.NERR_Success };
  } catch (error) {
    if (error instanceof WerrorFailure) return { werror: error.werror };
    throw error;
  }
}
