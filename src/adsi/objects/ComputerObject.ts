import type { ComputerProperties, NameKey } from "../../engine/state.js";
import { nameKey } from "../../engine/state.js";
import { updateComputerProperties } from "../../engine/transitions/services.js";
import { AdsError } from "../../errors/AdsError.js";
import { findClass } from "../../schema/winntSchema.js";
import { AdsContainer, CONTAINER_INTERFACES } from "../core/AdsContainer.js";
import { type AdsObject, IADS_INTERFACES } from "../core/AdsObject.js";
import { requireAdministrator } from "../core/auth.js";
import { defineCacheAccessors, defineUnsupportedAccessors, sealFacadeClass } from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import { computerOf } from "../core/locate.js";
import { adsPathOf, type Spelling } from "../core/paths.js";
import type { StoredValues } from "../core/propertyCache.js";
import type { IADsComputer } from "../interfaces/IADsComputer.js";
import type { Variant } from "../interfaces/Variant.js";
import { definePropertyList } from "../propertyList/definePropertyList.js";
import { makeServiceObject } from "./makeServiceObject.js";
import { refuseAccountChild, unmodelledClass } from "./unmodelled.js";

/** The IADsComputer properties WinNT supports (spec §9.1): exactly the Computer class's schema properties. */
const SUPPORTED = findClass("Computer")?.optional ?? [];

/** The IADsComputer properties WinNT does not support (spec §9.1). */
const UNSUPPORTED = [
  "Description",
  "Location",
  "PrimaryUser",
  "Department",
  "Role",
  "Model",
  "MemorySize",
  "StorageCapacity",
  "NetAddresses",
];

/** Classes a computer enumerates as services (spec §4). */
const SERVICE_CLASSES = new Set(["Service", "FileService", "FPNWFileService"]);

const INTERFACES = Object.freeze([
  ...IADS_INTERFACES,
  "IADsComputer",
  "IADsComputerOperations",
  ...CONTAINER_INTERFACES,
  "IADsPropertyList",
]);

/**
 * A computer (spec §9.1-9.2): IADsComputer (six supported properties, all strings),
 * IADsComputerOperations (E_NOTIMPL), and a container of its services.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the dual-interface accessors are installed by defineCacheAccessors below
export class ComputerObject extends AdsContainer {
  /**
   * Binds computer `computer`. `localSpelling` is how the path named the local computer (`.` or
   * `localhost`), kept in its paths when the profile says so (spec §2.4, profile `localDotSpelling`).
   */
  constructor(context: BindContext, computer: NameKey, localSpelling?: string) {
    const state = computerOf(context.core, computer);
    const domain = context.core.store.state.domains.get(state.domain);
    const keep = localSpelling !== undefined && context.core.profile.localDotSpelling === "keep";
    const spelling = { domain: domain?.name ?? state.domain, computer: keep ? localSpelling : state.name };
    const names = {
      name: spelling.computer,
      className: "Computer",
      adsPath: adsPathOf([spelling.domain, spelling.computer]),
      parent: adsPathOf([spelling.domain]),
      schema: context.core.profile.schemaPath(spelling.domain, "Computer"),
    };
    const storage = {
      load: () => loadComputer(context, computer),
      commit: (changes: ReadonlyMap<string, readonly Variant[]>) =>
        commitComputer(context, computer, changes),
    };
    super(context, names, INTERFACES, storage, {
      list: () =>
        [...computerOf(context.core, computer).services.keys()].map((service) =>
          makeServiceObject(context, computer, service, spelling),
        ),
      find: (className, name) => findService(context, computer, spelling, className, name),
    });
  }

  /** IADsComputerOperations.Status: not implemented by WinNT (spec §9.2). */
  Status(): never {
    throw new AdsError("E_NOTIMPL", "IADsComputerOperations.Status is not implemented by WinNT");
  }

  /** IADsComputerOperations.Shutdown: not implemented by WinNT (spec §9.2). */
  Shutdown(_reboot: boolean): never {
    throw new AdsError("E_NOTIMPL", "IADsComputerOperations.Shutdown is not implemented by WinNT");
  }
}

function loadComputer(context: BindContext, computer: NameKey): StoredValues {
  const properties = computerOf(context.core, computer).properties;
  const values = new Map<string, readonly Variant[]>();
  for (const name of SUPPORTED) {
    const value = properties[name as keyof ComputerProperties];
    if (value !== undefined) values.set(name, [value]);
  }
  return values;
}

function commitComputer(
  context: BindContext,
  computer: NameKey,
  changes: ReadonlyMap<string, readonly Variant[]>,
): void {
  const { core } = context;
  if (!core.profile.computerSetInfoPersists) {
    throw new AdsError(core.profile.setInfoNotSupportedError, "SetInfo on Computer");
  }
  requireAdministrator(context, computer, "SetInfo on a computer");
  const update: Partial<Record<keyof ComputerProperties, string | undefined>> = {};
  for (const [name, values] of changes)
    update[name as keyof ComputerProperties] = values[0] as string | undefined;
  core.store.apply(updateComputerProperties, { computer, changes: update });
}

function findService(
  context: BindContext,
  computerKey: NameKey,
  spelling: Spelling,
  className: string | undefined,
  name: string,
): AdsObject {
  if (className !== undefined && !SERVICE_CLASSES.has(className)) unmodelledClass(className);
  const key = nameKey(name);
  const computer = computerOf(context.core, computerKey);
  const service = computer.services.get(key);
  const matches =
    service && (className === undefined || className === "Service" || classOf(service.kind) === className);
  if (!matches) {
    if (className === undefined) refuseAccountChild(computer.users, name);
    const { profile } = context.core;
    const code = className ? profile.unknownServiceError : profile.unknownComputerChildError;
    throw new AdsError(code, `no ${className ?? "object"} ${name} on ${spelling.computer}`);
  }
  return makeServiceObject(context, computerKey, key, spelling);
}

function classOf(kind: string): string {
  return kind === "fileService" ? "FileService" : kind === "fpnwFileService" ? "FPNWFileService" : "Service";
}

/** The dual-interface properties, merged onto the class. */
export interface ComputerObject extends Omit<IADsComputer, keyof AdsContainer> {}
defineCacheAccessors(ComputerObject, SUPPORTED);
defineUnsupportedAccessors(ComputerObject, UNSUPPORTED);
defineUnsupportedAccessors(ComputerObject, ["ComputerID", "Site"], { getOnly: true });
definePropertyList(ComputerObject);
sealFacadeClass(ComputerObject);
