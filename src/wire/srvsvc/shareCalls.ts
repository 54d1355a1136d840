/**
 * NetrShareEnum and NetrShareGetInfo answered from the fixture's shares ([MS-SRVS] 3.1.4.8, 3.1.4.10;
 * ms-srvs-wire §3.5): levels 0 and 1 for every caller, 2 and 502 for administrators. Hidden shares
 * (`$`) are listed, as NetShareEnum lists them, with STYPE_SPECIAL.
 */
import {
  type NetrShareEnumRequest,
  type NetrShareEnumResponse,
  type NetrShareGetInfoRequest,
  type NetrShareGetInfoResponse,
  SHARE_TYPE,
  type ShareEnumStruct,
  type ShareInfo502,
  type ShareInfoUnion,
} from "../../msrvs/srvsvc/shares.js";
import { WERROR } from "../../msrvs/srvsvc/werror.js";
import type { ShareRow } from "../EmulatorView.js";
import {
  pageOf,
  requireAdministrator,
  type SrvsvcCallContext,
  stringSize,
  WerrorFailure,
} from "./SrvsvcCallContext.js";

const LEVELS = new Set([0, 1, 2, 502]);

/** shi_type of a share ([MS-SRVS] 2.2.2.4): IPC$ is STYPE_IPC, a name ending in `$` is STYPE_SPECIAL. */
export function shareType(name: string): number {
  if (name.toUpperCase() === "IPC$") return (SHARE_TYPE.STYPE_IPC | SHARE_TYPE.STYPE_SPECIAL) >>> 0;
  return name.endsWith("$") ? SHARE_TYPE.STYPE_SPECIAL : SHARE_TYPE.STYPE_DISKTREE;
}

function info(level: number, row: ShareRow): object {
  const one = { netName: row.name, type: shareType(row.name), remark: row.remark };
  if (level === 0) return { netName: row.name };
  if (level === 1) return one;
  const two = {
    ...one,
    permissions: 0,
    maxUses: row.maxUses < 0 ? 0xffffffff : row.maxUses,
    currentUses: row.currentUses,
    path: row.path,
    password: null,
  };
  return level === 2 ? two : ({ ...two, securityDescriptor: null } satisfies ShareInfo502);
}

function checkLevel(context: SrvsvcCallContext, level: number): void {
  if (!LEVELS.has(level)) throw new WerrorFailure(WERROR.ERROR_INVALID_LEVEL, `share level ${level}`);
  if (level === 2 || level === 502) requireAdministrator(context, `share level ${level}`);
}

/** NetrShareEnum (opnum 15). */
export function netrShareEnum(
  context: SrvsvcCallContext,
  request: NetrShareEnumRequest,
): NetrShareEnumResponse {
  const level = request.info.level;
  try {
    checkLevel(context, level);
    const rows = context.view.shares();
    const size = (row: ShareRow) =>
      level === 0
        ? stringSize(row.name)
        : 8 + stringSize(row.name) + stringSize(row.remark) + (level === 1 ? 0 : 16 + stringSize(row.path));
    const page = pageOf(rows, request.resumeHandle, request.preferredMaximumLength, size);
    return {
      info: { level, container: { entries: page.entries.map((row) => info(level, row)) } } as ShareEnumStruct,
      totalEntries: rows.length,
      resumeHandle: request.resumeHandle === null ? null : page.resumeHandle,
      werror: page.werror,
    };
  } catch (error) {
    if (!(error instanceof WerrorFailure)) throw error;
    return {
      info: { level, container: LEVELS.has(level) ? { entries: null } : null } as ShareEnumStruct,
      totalEntries: 0,
      resumeHandle: request.resumeHandle === null ? null : 0,
      werror: error.werror,
    };
  }
}

/** NetrShareGetInfo (opnum 16): NERR_NetNameNotFound for a share the server does not have. */
export function netrShareGetInfo(
  context: SrvsvcCallContext,
  request: NetrShareGetInfoRequest,
): NetrShareGetInfoResponse {
  const level = request.level;
  const none = { level, info: null } as ShareInfoUnion;
  try {
    checkLevel(context, level);
    const row = context.view
      .shares()
      .find((share) => share.name.toUpperCase() === request.netName.toUpperCase());
    if (row === undefined) return { info: none, werror: WERROR.NERR_NetNameNotFound };
    return { info: { level, info: info(level, row) } as ShareInfoUnion, werror: WERROR.NERR_Success };
  } catch (error) {
    if (!(error instanceof WerrorFailure)) throw error;
    return { info: none, werror: error.werror };
  }
}
