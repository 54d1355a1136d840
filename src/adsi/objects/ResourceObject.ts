import type { OpenFileState } from "../../engine/state.js";
import { AdsError } from "../../errors/AdsError.js";
import { AdsObject, classDefinitionOf, IADS_INTERFACES, type LightKind } from "../core/AdsObject.js";
import { defineCacheAccessors, defineUnsupportedAccessors, sealFacadeClass } from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import { fileServiceOf } from "../core/locate.js";
import type { IADsResource } from "../interfaces/IADsResource.js";
import type { Variant } from "../interfaces/Variant.js";
import { definePropertyList } from "../propertyList/definePropertyList.js";
import { dependentNamer, type FileServiceLocation } from "./fileServiceLocation.js";
import { lockCountOf } from "./lockCount.js";

const INTERFACES = Object.freeze([...IADS_INTERFACES, "IADsResource", "IADsPropertyList"]);

/** What a Resource object's first read loads: its values at that moment. */
interface ResourceValues {
  readonly User: string;
  readonly Path: string;
  readonly LockCount: number;
}

/** The kind of the open files of one file service, by location. */
const kinds = new WeakMap<FileServiceLocation, LightKind<OpenFileState, ResourceValues>>();

/** How the Resource objects of the file service at `location` are named (profile `resourceName`) and read. */
export function resourceKind(location: FileServiceLocation): LightKind<OpenFileState, ResourceValues> {
  let kind = kinds.get(location);
  if (kind === undefined) {
    const className = location.fpnw ? "FPNWResource" : "Resource";
    const names = dependentNamer(location, className);
    kind = Object.freeze({
      classDefinition: classDefinitionOf(className),
      properties: new Map(),
      interfaces: INTERFACES,
      name: (context: BindContext, file: OpenFileState) => context.core.profile.resourceName(file.id),
      names: (context: BindContext, _file: OpenFileState, name: string) => names(context, name),
      load: (context: BindContext, file: OpenFileState, name: string) =>
        loadResource(context, location, file.id, name),
      value: (values: ResourceValues, property: string) =>
        property === "User"
          ? values.User
          : property === "Path"
            ? values.Path
            : property === "LockCount"
              ? values.LockCount
              : undefined,
      stored: (values: ResourceValues) =>
        new Map<string, readonly Variant[]>([
          ["User", [values.User]],
          ["Path", [values.Path]],
          ["LockCount", [values.LockCount]],
        ]),
    });
    kinds.set(location, kind);
  }
  return kind;
}

/**
 * An open file (spec §7, §12.4, §12.6): IADsResource mapped 1:1 from FILE_INFO_3 — User
 * (fi3_username), Path (fi3_pathname), LockCount (fi3_num_locks); Name is the file id (profile,
 * spec §5.3 [U]). All members get-only; UserPath unsupported. A light object ({@link LightKind}).
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the dual-interface accessors are installed below
export class ResourceObject extends AdsObject {
  /** The open file `file` of the file service `kind` stands for (see {@link resourceKind}). */
  constructor(context: BindContext, kind: LightKind<OpenFileState, ResourceValues>, file: OpenFileState) {
    super(context, kind as LightKind<unknown>, file, undefined);
  }
}

function loadResource(
  context: BindContext,
  location: FileServiceLocation,
  id: number,
  name: string,
): ResourceValues {
  const { core } = context;
  const fileService = fileServiceOf(core, location.computer, location.service);
  const file = fileService.files.get(id);
  if (!file) throw new AdsError(core.profile.unknownResourceError, `file ${name} is no longer open`);
  const user = fileService.sessions.get(file.sessionId)?.user ?? "";
  return { User: user, Path: file.path, LockCount: lockCountOf(fileService, file, core.profile) };
}

/** The dual-interface properties, merged onto the class. */
export interface ResourceObject extends Omit<IADsResource, keyof AdsObject> {}
defineCacheAccessors(ResourceObject, ["User", "Path", "LockCount"], { getOnly: true });
defineUnsupportedAccessors(ResourceObject, ["UserPath"], { getOnly: true });
definePropertyList(ResourceObject);
sealFacadeClass(ResourceObject);
