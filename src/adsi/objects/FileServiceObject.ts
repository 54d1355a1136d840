import type { NameKey } from "../../engine/state.js";
import { nameKey } from "../../engine/state.js";
import { deleteShare } from "../../engine/transitions/shares.js";
import { AdsError } from "../../errors/AdsError.js";
import { hasControlChar } from "../../path/escape.js";
import { AdsContainer, CONTAINER_INTERFACES } from "../core/AdsContainer.js";
import { IADS_INTERFACES } from "../core/AdsObject.js";
import { requireAdministrator } from "../core/auth.js";
import { defineCacheAccessors, sealFacadeClass } from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import { contextOf } from "../core/internals.js";
import { fileServiceOf, serviceOf, shareOf } from "../core/locate.js";
import { adsPathOf, type Spelling } from "../core/paths.js";
import type { IADsFileService } from "../interfaces/IADsFileService.js";
import type { IADsServiceOperations } from "../interfaces/IADsService.js";
import type { Variant } from "../interfaces/Variant.js";
import { definePropertyList } from "../propertyList/definePropertyList.js";
import { FileShareObject, type ShareLocation } from "./FileShareObject.js";
import type { FileServiceLocation } from "./fileServiceLocation.js";
import { ResourcesCollection } from "./ResourcesCollection.js";
import { SessionsCollection } from "./SessionsCollection.js";
import { bindServiceAddress, defineServiceOperations } from "./serviceOperations.js";
import { commitServiceProperties, loadServiceProperties, SERVICE_ACCESSORS } from "./serviceProperties.js";
import { unmodelledClass } from "./unmodelled.js";

const FPNW_INTERFACES = Object.freeze([
  ...IADS_INTERFACES,
  "IADsService",
  "IADsServiceOperations",
  "IADsFileService",
  "IADsFileServiceOperations",
  ...CONTAINER_INTERFACES,
]);
/** LanmanServer answers IADsPropertyList too; FPNW does not (spec §1.1). */
const INTERFACES = Object.freeze([...FPNW_INTERFACES, "IADsPropertyList"]);

/**
 * A file service: `LanmanServer` (class FileService) or `FPNW` (class FPNWFileService), spec §8.2-8.4.
 * A container of file shares (spec §4, §14 items 10-12); sessions and resources are not children.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the dual-interface accessors are installed by defineCacheAccessors below
export class FileServiceObject extends AdsContainer {
  readonly #dependents: FileServiceLocation;

  /** Binds file service `service` of `computer`. */
  constructor(context: BindContext, computer: NameKey, service: NameKey, spelling: Spelling) {
    const state = serviceOf(context.core, computer, service);
    const fpnw = state.kind === "fpnwFileService";
    const hostComputer = adsPathOf([spelling.domain, spelling.computer]);
    const adsPath = adsPathOf([spelling.domain, spelling.computer, state.name]);
    const address = { computer, service, hostComputer };
    const shares: ShareLocation = {
      computer,
      service,
      servicePath: [spelling.domain, spelling.computer, state.name],
      hostComputer,
      className: fpnw ? "FPNWFileShare" : "FileShare",
      schemaDomain: spelling.domain,
    };
    const className = fpnw ? "FPNWFileService" : "FileService";
    const names = {
      name: state.name,
      className,
      adsPath,
      parent: hostComputer,
      schema: context.core.profile.schemaPath(spelling.domain, className),
    };
    const storage = {
      load: () => loadServiceProperties(context, address),
      commit: (changes: ReadonlyMap<string, readonly Variant[]>) =>
        commitServiceProperties(context, address, changes),
    };
    super(context, names, fpnw ? FPNW_INTERFACES : INTERFACES, storage, {
      list: () => listShares(context, shares),
      find: (shareClass, name) => {
        checkShareClass(className, shares, shareClass);
        return FileShareObject.bound(context, shares, shareOf(context.core, computer, service, name).name);
      },
      create: (shareClass, name) => {
        checkShareClass(className, shares, shareClass);
        if (/[\\/]/.test(name) || hasControlChar(name))
          throw new AdsError("E_INVALIDARG", `invalid share name ${JSON.stringify(name)}`);
        return FileShareObject.unbound(context, shares, name);
      },
      remove: (shareClass, name) => {
        checkShareClass(className, shares, shareClass);
        removeShare(context, shares, name);
      },
    });
    bindServiceAddress(this, address);
    this.#dependents = { computer, service, servicePath: adsPath, fpnw };
  }

  /** IADsFileServiceOperations.Sessions (spec §5.2, §8.2). */
  Sessions(): SessionsCollection {
    const context = contextOf(this);
    context.core.intercept("Sessions", this.ADsPath);
    return new SessionsCollection(context, this.#dependents);
  }

  /** IADsFileServiceOperations.Resources (spec §5.3, §8.2). */
  Resources(): ResourcesCollection {
    const context = contextOf(this);
    context.core.intercept("Resources", this.ADsPath);
    return new ResourcesCollection(context, this.#dependents);
  }
}

/** Shares in enumeration order; hidden ones (`$`) per profile `listHiddenShares` (spec §4 [U]). */
function listShares(context: BindContext, location: ShareLocation): FileShareObject[] {
  const shares = fileServiceOf(context.core, location.computer, location.service).shares;
  const listHidden = context.core.profile.listHiddenShares;
  return [...shares.values()]
    .filter((share) => listHidden || !share.name.endsWith("$"))
    .map((share) => FileShareObject.bound(context, location, share.name));
}

/** spec §4, §14 item 12: NetShareDel, at once. */
function removeShare(context: BindContext, location: ShareLocation, name: string): void {
  const { core } = context;
  const share = shareOf(core, location.computer, location.service, name);
  requireAdministrator(context, location.computer, "Deleting a share");
  core.store.apply(deleteShare, {
    computer: location.computer,
    service: location.service,
    share: share.name,
  });
}

/** A file service contains its own share class only (spec §1.2); other classes are not modelled here. */
function checkShareClass(serviceClass: string, location: ShareLocation, className: string | undefined): void {
  if (className === undefined || nameKey(className) === nameKey(location.className)) return;
  if (className === "FileShare" || className === "FPNWFileShare") {
    throw new AdsError(
      "E_ADS_SCHEMA_VIOLATION",
      `${serviceClass} contains ${location.className}, not ${className}`,
    );
  }
  unmodelledClass(className);
}

/** The dual-interface properties, merged onto the class. */
export interface FileServiceObject extends Omit<IADsFileService, keyof AdsContainer>, IADsServiceOperations {}
defineCacheAccessors(FileServiceObject, [...SERVICE_ACCESSORS, "Description", "MaxUserCount"]);
defineServiceOperations(FileServiceObject);
definePropertyList(FileServiceObject);
sealFacadeClass(FileServiceObject);
