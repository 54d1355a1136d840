import { adsPathOf } from "../../adsi/core/paths.js";
import { AdsError } from "../../errors/AdsError.js";
import { isWrongCaseProvider, parseAdsPath } from "../../path/adsPath.js";
import { canonicalClassName } from "../../schema/winntSchema.js";

/** The identity strings of the file service a bind path names. */
export interface FileServicePath {
  /** ADsPath, canonical (components as spelled, the service as `LanmanServer`). */
  readonly adsPath: string;
  /** ADsPath of the computer. */
  readonly parent: string;
  /** First component: the domain, or the host when the path has none. */
  readonly schemaDomain: string;
}

const SERVICE = "LanmanServer";

/**
 * Checks that `path` names the file service of `host`: `WinNT://<host>/LanmanServer` or
 * `WinNT://<domain>/<host>/LanmanServer`, host and service case-insensitive, optionally with a
 * `,FileService` or `,Service` class hint (spec §2.1). A malformed path or a provider prefix in the
 * wrong case is E_ADS_BAD_PATHNAME; another host is ERROR_BAD_NETPATH (this provider reaches only
 * its own); an unknown class hint E_ADS_UNKNOWN_OBJECT; any other object E_NOTIMPL (not provided).
 */
export function resolveFileServicePath(path: string, host: string): FileServicePath {
  if (typeof path === "string" && isWrongCaseProvider(path))
    throw new AdsError("E_ADS_BAD_PATHNAME", `provider prefix must be exactly "WinNT:" (${path})`);
  const parsed = parseAdsPath(path);
  const components = parsed.components;
  const service = components.at(-1);
  const hostAt = components.length - 2;
  const named = components[hostAt];
  if (
    service === undefined ||
    named === undefined ||
    components.length > 3 ||
    service.toUpperCase() !== SERVICE.toUpperCase()
  ) {
    throw new AdsError("E_NOTIMPL", `${path}: the MS-SRVS provider binds only WinNT://<host>/LanmanServer`);
  }
  if (named.toUpperCase() !== host.toUpperCase()) {
    throw new AdsError("ERROR_BAD_NETPATH", `${path}: this provider is connected to ${host}, not ${named}`);
  }
  if (parsed.classHint !== undefined) {
    const hint = canonicalClassName(parsed.classHint);
    if (hint !== "FileService" && hint !== "Service")
      throw new AdsError(
        "E_ADS_UNKNOWN_OBJECT",
        `${path}: LanmanServer is a FileService, not ${parsed.classHint}`,
      );
  }
  const computer = components.slice(0, hostAt + 1);
  return {
    adsPath: adsPathOf([...computer, SERVICE]),
    parent: adsPathOf(computer),
    schemaDomain: components[0] as string,
  };
}
