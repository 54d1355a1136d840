/**
 * NetrFileEnum and NetrFileClose answered from the emulator ([MS-SRVS] 3.1.4.2, 3.1.4.4;
 * ms-srvs-wire §4.4-4.5): the open files are read through ADSI's Resources() as the caller (access
 * check, LockCount under the profile's lock-count scope, codes), fi3_permissions from the directory.
 */
import type { IADsResource } from "../../adsi/interfaces/IADsResource.js";
import type {
  FileEnumStruct,
  FileInfo3,
  NetrFileCloseRequest,
  NetrFileCloseResponse,
  NetrFileEnumRequest,
  NetrFileEnumResponse,
} from "../../msrvs/srvsvc/files.js";
import { WERROR } from "../../msrvs/srvsvc/werror.js";
import { pageOf, type SrvsvcCallContext, stringSize, viaAdsi, WerrorFailure } from "./SrvsvcCallContext.js";

/** Every open file as FILE_INFO_3, in id order, read as the caller. */
function readFiles(context: SrvsvcCallContext): FileInfo3[] {
  const fso = context.view.bindAs(context.caller);
  if (fso === undefined)
    throw new WerrorFailure(WERROR.ERROR_ACCESS_DENIED, "a guest may not list open files");
  const listed: IADsResource[] = viaAdsi(() => [...fso.Resources()]);
  return listed.map((resource) => {
    const id = Number(resource.Name);
    return {
      id,
      permissions: context.view.filePermissions(id) ?? 0,
      numLocks: resource.LockCount,
      pathName: resource.Path,
      userName: resource.User,
    };
  });
}

/** NetrFileEnum (opnum 9): levels 2 and 3; BasePath is a path prefix, UserName an account ([MS-SRVS] 3.1.4.2). */
export function netrFileEnum(context: SrvsvcCallContext, request: NetrFileEnumRequest): NetrFileEnumResponse {
  const level = request.info.level;
  const failed = (werror: number): NetrFileEnumResponse => ({
    info: { level, container: level === 2 || level === 3 ? { entries: null } : null } as FileEnumStruct,
    totalEntries: 0,
    resumeHandle: request.resumeHandle === null ? null : 0,
    werror,
  });
  try {
    if (level !== 2 && level !== 3) return failed(WERROR.ERROR_INVALID_LEVEL);
    const base =
      request.basePath === null || request.basePath === "" ? undefined : request.basePath.toUpperCase();
    const user =
      request.userName === null || request.userName === "" ? undefined : request.userName.toUpperCase();
    const files = readFiles(context).filter(
      (f) =>
        (base === undefined || (f.pathName ?? "").toUpperCase().startsWith(base)) &&
        (user === undefined || (f.userName ?? "").toUpperCase() === user),
    );
    const size = (f: FileInfo3) => (level === 2 ? 4 : 12 + stringSize(f.pathName) + stringSize(f.userName));
    const page = pageOf(files, request.resumeHandle, request.preferredMaximumLength, size);
    const entries = level === 2 ? page.entries.map((f) => ({ id: f.id })) : page.entries;
    return {
      info: { level, container: { entries } } as FileEnumStruct,
      totalEntries: files.length,
      resumeHandle: request.resumeHandle === null ? null : page.resumeHandle,
      werror: page.werror,
    };
  } catch (error) {
    if (error instanceof WerrorFailure) return failed(error.werror);
    throw error;
  }
}

/** NetrFileClose (opnum 11): ADSI's Resources.Remove of the id (spec §12.4). */
export function netrFileClose(
  context: SrvsvcCallContext,
  request: NetrFileCloseRequest,
): NetrFileCloseResponse {
  try {
    const fso = context.view.bindAs(context.caller);
    if (fso === undefined) return { werror: WERROR.ERROR_ACCESS_DENIED };
    const name = context.view.emu.profile.resourceName(request.fileId);
    viaAdsi(() => fso.Resources().Remove(name));
    return { werror: WERROR.NERR_Success };
  } catch (error) {
    if (error instanceof WerrorFailure) return { werror: error.werror };
    throw error;
  }
}
