import type { OpenFileState } from "../../engine/state.js";
import { AdsError } from "../../errors/AdsError.js";
import { AdsObject, IADS_INTERFACES } from "../core/AdsObject.js";
import { defineCacheAccessors, defineUnsupportedAccessors, sealFacadeClass } from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import { fileServiceOf } from "../core/locate.js";
import type { StoredValues } from "../core/propertyCache.js";
import type { IADsResource } from "../interfaces/IADsResource.js";
import type { Variant } from "../interfaces/Variant.js";
import { definePropertyList } from "../propertyList/definePropertyList.js";
import { dependentNames, type FileServiceLocation } from "./fileServiceLocation.js";

const INTERFACES = Object.freeze([...IADS_INTERFACES, "IADsResource", "IADsPropertyList"]);

/**
 * An open file (spec §7, §12.4, §12.6): IADsResource mapped 1:1 from FILE_INFO_3 — User
 * (fi3_username), Path (fi3_pathname), LockCount (fi3_num_locks); Name is the file id (profile,
 * spec §5.3 [U]). All members get-only; UserPath unsupported.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the dual-interface accessors are installed below
export class ResourceObject extends AdsObject {
  /** Binds the open file `file` of the file service at `location`. */
  constructor(context: BindContext, location: FileServiceLocation, file: OpenFileState) {
    const name = context.core.profile.resourceName(file.id);
    const className = location.fpnw ? "FPNWResource" : "Resource";
    super(context, dependentNames(context, location, name, className), INTERFACES, {
      load: () => loadResource(context, location, file.id, name),
    });
  }
}

function loadResource(
  context: BindContext,
  location: FileServiceLocation,
  id: number,
  name: string,
): StoredValues {
  const { core } = context;
  const fileService = fileServiceOf(core, location.computer, location.service);
  const file = fileService.files.get(id);
  if (!file) throw new AdsError(core.profile.unknownResourceError, `file ${name} is no longer open`);
  const user = fileService.sessions.get(file.sessionId)?.user ?? "";
  return new Map<string, readonly Variant[]>([
    ["User", [user]],
    ["Path", [file.path]],
    ["LockCount", [file.locks]],
  ]);
}

/** The dual-interface properties, merged onto the class. */
export interface ResourceObject extends Omit<IADsResource, keyof AdsObject> {}
defineCacheAccessors(ResourceObject, ["User", "Path", "LockCount"], { getOnly: true });
defineUnsupportedAccessors(ResourceObject, ["UserPath"], { getOnly: true });
definePropertyList(ResourceObject);
sealFacadeClass(ResourceObject);
