import type { NameKey, Writable } from "../../engine/state.js";
import { createShare, type ShareSettings, updateShare } from "../../engine/transitions/shares.js";
import { AdsObject, IADS_INTERFACES } from "../core/AdsObject.js";
import { requireAdministrator } from "../core/auth.js";
import { defineCacheAccessors, sealFacadeClass } from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import { shareOf } from "../core/locate.js";
import { adsPathOf } from "../core/paths.js";
import type { StoredValues } from "../core/propertyCache.js";
import type { IADsFileShare } from "../interfaces/IADsFileShare.js";
import type { Variant } from "../interfaces/Variant.js";
import { definePropertyList } from "../propertyList/definePropertyList.js";

/** Where the shares of one file service live and how their paths are spelled. */
export interface ShareLocation {
  readonly computer: NameKey;
  readonly service: NameKey;
  /** Components of the file service's ADsPath: domain, computer, service. */
  readonly servicePath: readonly string[];
  readonly hostComputer: string;
  /** `FileShare` or `FPNWFileShare`. */
  readonly className: string;
  readonly schemaDomain: string;
}

const INTERFACES = Object.freeze([...IADS_INTERFACES, "IADsFileShare", "IADsPropertyList"]);

/**
 * A file share (spec §9.3): IADsFileShare. CurrentUserCount is derived from the sessions connected to
 * the share; MaxUserCount -1 means unlimited (§14 item 13). A share from `Create` is unbound until its
 * first SetInfo, which creates it (§14 item 11).
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the dual-interface accessors are installed by defineCacheAccessors below
export class FileShareObject extends AdsObject {
  private constructor(context: BindContext, location: ShareLocation, name: string, bound: boolean) {
    const names = {
      name,
      className: location.className,
      adsPath: adsPathOf([...location.servicePath, name]),
      parent: adsPathOf(location.servicePath),
      schema: context.core.profile.schemaPath(location.schemaDomain, location.className),
    };
    const state = { bound };
    super(context, names, INTERFACES, {
      isBound: () => state.bound,
      load: () => loadShare(context, location, name),
      commit: (changes) => {
        commitShare(context, location, name, state.bound, changes);
        state.bound = true;
      },
    });
  }

  /** An existing share, spelled as the directory spells it. */
  static bound(context: BindContext, location: ShareLocation, name: string): FileShareObject {
    return new FileShareObject(context, location, name, true);
  }

  /** A share from `Create`, not yet on the server. */
  static unbound(context: BindContext, location: ShareLocation, name: string): FileShareObject {
    return new FileShareObject(context, location, name, false);
  }
}

function loadShare(context: BindContext, location: ShareLocation, name: string): StoredValues {
  const { computer, service, hostComputer } = location;
  const share = shareOf(context.core, computer, service, name);
  const values = new Map<string, readonly Variant[]>([
    ["Path", [share.Path]],
    ["MaxUserCount", [share.MaxUserCount]],
    ["CurrentUserCount", [share.currentUses]],
    ["HostComputer", [hostComputer]],
  ]);
  if (share.Description !== undefined && location.className === "FileShare")
    values.set("Description", [share.Description]);
  return values;
}

/** NetShareSetInfo on a bound share, NetShareAdd on one from Create (spec §9.3): administrators only. */
function commitShare(
  context: BindContext,
  location: ShareLocation,
  name: string,
  bound: boolean,
  changes: ReadonlyMap<string, readonly Variant[]>,
): void {
  const { computer, service } = location;
  requireAdministrator(context, computer, "Writing a share");
  const settings: Writable<ShareSettings> = {};
  const path = changes.get("Path");
  if (path) settings.Path = path[0] as string | undefined;
  const description = changes.get("Description");
  if (description) settings.Description = description[0] as string | undefined;
  const max = changes.get("MaxUserCount");
  if (max?.[0] !== undefined) settings.MaxUserCount = max[0] as number;
  const address = { computer, service, share: name };
  context.core.store.apply(bound ? updateShare : createShare, { ...address, settings });
}

/** The dual-interface properties, merged onto the class. */
export interface FileShareObject extends Omit<IADsFileShare, keyof AdsObject> {}
defineCacheAccessors(FileShareObject, ["Description", "HostComputer", "Path", "MaxUserCount"]);
defineCacheAccessors(FileShareObject, ["CurrentUserCount"], { getOnly: true });
definePropertyList(FileShareObject);
sealFacadeClass(FileShareObject);
