/**
 * How a client names a file it opens, resolved the way the server does: through a share (an SMB open
 * always goes through a tree connect, spec §12.6). Accepted forms: `Share\dir\file`,
 * `\\server\Share\dir\file`, and a server-local path under a share such as `C:\Shares\Public\a.txt`.
 */
import { type FileServiceState, nameKey, type ShareState } from "../../engine/state.js";
import { isUnderSharePath } from "../../engine/transitions/shares.js";
import { requirePath } from "../../engine/transitions/valueRules.js";
import { AdsError } from "../../errors/AdsError.js";

/** The share a client path goes through, and the server-local path (`fi3_pathname`) it opens. */
export interface ResolvedClientPath {
  readonly share: ShareState;
  readonly serverPath: string;
}

const DRIVE_PATH = /^[A-Za-z]:\\/;

function joined(share: ShareState, rest: string): ResolvedClientPath {
  if (share.Path === "")
    throw new AdsError("E_INVALIDARG", `share ${share.name} has no directory to open files in`);
  const base = share.Path.endsWith("\\") ? share.Path.slice(0, -1) : share.Path;
  return { share, serverPath: rest === "" ? share.Path : `${base}\\${rest}` };
}

function byName(fileService: FileServiceState, name: string, rest: string): ResolvedClientPath {
  const share = fileService.shares.get(nameKey(name));
  if (!share) throw new AdsError("ERROR_BAD_NET_NAME", `no share ${JSON.stringify(name)} on this server`);
  return joined(share, rest);
}

/**
 * Resolves `path` on `server`'s `fileService`; a share the session is connected to (`connected`) wins
 * over others for a server-local path. Unknown share → ERROR_BAD_NET_NAME (STATUS_BAD_NETWORK_NAME);
 * a UNC path naming another server or a path under no share → E_INVALIDARG.
 */
export function resolveClientPath(
  fileService: FileServiceState,
  server: string,
  path: string,
  connected: readonly string[],
): ResolvedClientPath {
  if (typeof path !== "string" || path === "")
    throw new AdsError("E_INVALIDARG", "a file path is a non-empty string");
  requirePath(path, "file path");
  const normal = path.includes("/") ? path.replaceAll("/", "\\") : path;
  if (normal.startsWith("\\\\")) {
    const [host = "", share = "", ...rest] = normal.slice(2).split("\\");
    if (nameKey(host) !== nameKey(server)) {
      throw new AdsError("E_INVALIDARG", `${path} names server ${host}, not ${server}`);
    }
    return byName(fileService, share, rest.join("\\"));
  }
  if (DRIVE_PATH.test(normal)) {
    const covering = [...fileService.shares.values()]
      .filter(
        (share) =>
          share.Path !== "" &&
          (isUnderSharePath(normal, share.Path) || nameKey(normal) === nameKey(share.Path)),
      )
      .sort(
        (a, b) =>
          Number(connected.includes(nameKey(b.name))) - Number(connected.includes(nameKey(a.name))) ||
          b.Path.length - a.Path.length,
      );
    const share = covering[0];
    if (!share) throw new AdsError("E_INVALIDARG", `no share of ${server} contains ${path}`);
    return { share, serverPath: normal };
  }
  const slash = normal.indexOf("\\");
  return slash < 0
    ? byName(fileService, normal, "")
    : byName(fileService, normal.slice(0, slash), normal.slice(slash + 1));
}
