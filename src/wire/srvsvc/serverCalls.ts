/**
 * NetrServerGetInfo and NetrRemoteTOD answered from the emulator ([MS-SRVS] 3.1.4.17, 3.1.4.21):
 * the server's name, comment, user limit and auto-disconnect minutes from the fixture, and the time of
 * day from the virtual clock (never the host's).
 */
import {
  type NetrRemoteTODResponse,
  type NetrServerGetInfoRequest,
  type NetrServerGetInfoResponse,
  PLATFORM_ID,
  type ServerInfoUnion,
} from "../../msrvs/srvsvc/server.js";
import { WERROR } from "../../msrvs/srvsvc/werror.js";
import { requireAdministrator, type SrvsvcCallContext, WerrorFailure } from "./SrvsvcCallContext.js";

/** sv101_type bits ([MS-SRVS] 2.2.2.7): a workstation and server running Windows NT. */
export const SERVER_TYPE = {
  SV_TYPE_WORKSTATION: 0x00000001,
  SV_TYPE_SERVER: 0x00000002,
  SV_TYPE_NT: 0x00001000,
  SV_TYPE_SERVER_NT: 0x00008000,
} as const;

const TYPE =
  SERVER_TYPE.SV_TYPE_WORKSTATION |
  SERVER_TYPE.SV_TYPE_SERVER |
  SERVER_TYPE.SV_TYPE_NT |
  SERVER_TYPE.SV_TYPE_SERVER_NT;

/** NetrServerGetInfo (opnum 21): levels 100 and 101 for everyone, 102 for administrators. */
export function netrServerGetInfo(
  context: SrvsvcCallContext,
  request: NetrServerGetInfoRequest,
): NetrServerGetInfoResponse {
  const level = request.level;
  try {
    if (level !== 100 && level !== 101 && level !== 102) {
      throw new WerrorFailure(WERROR.ERROR_INVALID_LEVEL, `server level ${level}`);
    }
    if (level === 102) requireAdministrator(context, "server level 102");
    const fileService = context.view.fileService();
    const l100 = { platformId: PLATFORM_ID.PLATFORM_ID_NT, name: context.view.computerName };
    const l101 = {
      ...l100,
      versionMajor: 10,
      versionMinor: 0,
      type: TYPE,
      comment: fileService.Description ?? "",
    };
    const unsigned = (value: number) => (value < 0 ? 0xffffffff : value);
    const info =
      level === 100
        ? l100
        : level === 101
          ? l101
          : {
              ...l101,
              users: unsigned(fileService.MaxUserCount),
              disc: unsigned(fileService.autoDisconnect.minutes),
              hidden: 0,
              announce: 240,
              annDelta: 3000,
              licenses: 0,
              userPath: "c:\\",
            };
    return { info: { level, info } as ServerInfoUnion, werror: WERROR.NERR_Success };
  } catch (error) {
    if (!(error instanceof WerrorFailure)) throw error;
    return { info: { level, info: null } as ServerInfoUnion, werror: error.werror };
  }
}

/** NetrRemoteTOD (opnum 28): TIME_OF_DAY_INFO of the virtual clock, in UTC ([MS-SRVS] 2.2.4.105). */
export function netrRemoteTOD(context: SrvsvcCallContext): NetrRemoteTODResponse {
  const now = context.view.emu.clock.now();
  const date = new Date(now);
  return {
    info: {
      elapsedTime: Math.floor(now / 1000) >>> 0,
      msecs: now % 0x100000000,
      hours: date.getUTCHours(),
      mins: date.getUTCMinutes(),
      secs: date.getUTCSeconds(),
      hunds: Math.floor(date.getUTCMilliseconds() / 10),
      timezone: 0,
      tInterval: 310,
      day: date.getUTCDate(),
      month: date.getUTCMonth() + 1,
      year: date.getUTCFullYear(),
      weekday: date.getUTCDay(),
    },
    werror: WERROR.NERR_Success,
  };
}
