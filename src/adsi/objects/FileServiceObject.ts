import type { NameKey } from "../../engine/state.js";
import { nameKey } from "../../engine/state.js";
import { deleteShare } from "../../engine/transitions/shares.js";
import { AdsError } from "../../errors/AdsError.js";
import { hasControlChar } from "../../path/escape.js";
import { AdsContainer, CONTAINER_INTERFACES } from "../core/AdsContainer.js";
import { IADS_INTERFACES } from "../core/AdsObject.js";
import { requireAdministrator } from "../core/auth.js";
import { defineCacheAccessors, guardGetOnlyMembers } from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import { fileServiceOf, serviceOf, shareOf } from "../core/locate.js";
import { adsPathOf, type Spelling } from "../core/paths.js";
import type { StoredValues } from "../core/propertyCache.js";
import type { IADsFileService } from "../interfaces/IADsFileService.js";
import type { IADsServiceOperations } from "../interfaces/IADsService.js";
import type { Variant } from "../interfaces/Variant.js";
import { FileShareObject, type ShareLocation } from "./FileShareObject.js";
import type { FileServiceLocation } from "./fileServiceLocation.js";
import { ResourcesCollection } from "./ResourcesCollection.js";
import { SessionsCollection } from "./SessionsCollection.js";
import { defineServiceOperations } from "./serviceOperations.js";
import {
  commitServiceProperties,
  loadServiceProperties,
  SERVICE_ACCESSORS,
  type ServiceAddress,
} from "./serviceProperties.js";
import { unmodelledClass } from "./unmodelled.js";

/**
 * A file service: `LanmanServer` (class FileService) or `FPNW` (class FPNWFileService), spec §8.2-8.4.
 * A container of file shares (spec §4, §14 items 10-12); sessions and resources are not children.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the dual-interface accessors are installed by defineCacheAccessors below
export class FileServiceObject extends AdsContainer {
  readonly interfaces = [
    ...IADS_INTERFACES,
    "IADsService",
    "IADsServiceOperations",
    "IADsFileService",
    "IADsFileServiceOperations",
    ...CONTAINER_INTERFACES,
  ];
  /** Where the service lives; read by the shared service operations. */
  protected readonly serviceAddress: ServiceAddress;
  readonly #share: ShareLocation;
  readonly #dependents: FileServiceLocation;

  /** Binds file service `service` of `computer`. */
  constructor(context: BindContext, computer: NameKey, service: NameKey, spelling: Spelling) {
    const state = serviceOf(context.core, computer, service);
    const fpnw = state.kind === "fpnwFileService";
    const hostComputer = adsPathOf([spelling.domain, spelling.computer]);
    const adsPath = adsPathOf([spelling.domain, spelling.computer, state.name]);
    super(context, {
      name: state.name,
      className: fpnw ? "FPNWFileService" : "FileService",
      adsPath,
      parent: hostComputer,
      schema: context.core.profile.schemaPath(spelling.domain, fpnw ? "FPNWFileService" : "FileService"),
    });
    this.serviceAddress = { computer, service, hostComputer };
    this.#dependents = { computer, service, servicePath: adsPath, fpnw };
    this.#share = {
      computer,
      service,
      servicePath: [spelling.domain, spelling.computer, state.name],
      hostComputer,
      className: fpnw ? "FPNWFileShare" : "FileShare",
      schemaDomain: spelling.domain,
    };
  }

  /** IADsFileServiceOperations.Sessions (spec §5.2, §8.2). */
  Sessions(): SessionsCollection {
    this.context.core.intercept("Sessions", this.ADsPath);
    return new SessionsCollection(this.context, this.#dependents);
  }

  /** IADsFileServiceOperations.Resources (spec §5.3, §8.2). */
  Resources(): ResourcesCollection {
    this.context.core.intercept("Resources", this.ADsPath);
    return new ResourcesCollection(this.context, this.#dependents);
  }

  protected override loadProperties(): StoredValues {
    return loadServiceProperties(this.context, this.serviceAddress);
  }

  protected override commitProperties(changes: ReadonlyMap<string, readonly Variant[]>): void {
    commitServiceProperties(this.context, this.serviceAddress, changes);
  }

  /** Shares in enumeration order; hidden ones (`$`) per profile `listHiddenShares` (spec §4 [U]). */
  protected listChildren(): FileShareObject[] {
    const shares = fileServiceOf(
      this.context.core,
      this.serviceAddress.computer,
      this.serviceAddress.service,
    ).shares;
    const listHidden = this.context.core.profile.listHiddenShares;
    return [...shares.values()]
      .filter((share) => listHidden || !share.name.endsWith("$"))
      .map((share) => FileShareObject.bound(this.context, this.#share, share.name));
  }

  protected findChild(className: string | undefined, name: string): FileShareObject {
    this.#checkShareClass(className);
    const share = shareOf(this.context.core, this.serviceAddress.computer, this.serviceAddress.service, name);
    return FileShareObject.bound(this.context, this.#share, share.name);
  }

  /** spec §9.3, §14 item 11: the share exists on the server only after SetInfo. */
  protected override createChild(className: string, name: string): FileShareObject {
    this.#checkShareClass(className);
    if (/[\\/]/.test(name) || hasControlChar(name))
      throw new AdsError("E_INVALIDARG", `invalid share name ${JSON.stringify(name)}`);
    return FileShareObject.unbound(this.context, this.#share, name);
  }

  /** spec §4, §14 item 12: NetShareDel, at once. */
  protected override deleteChild(className: string, name: string): void {
    this.#checkShareClass(className);
    const { core } = this.context;
    const share = shareOf(core, this.serviceAddress.computer, this.serviceAddress.service, name);
    requireAdministrator(this.context, this.serviceAddress.computer, "Deleting a share");
    core.store.apply(deleteShare, {
      computer: this.serviceAddress.computer,
      service: this.serviceAddress.service,
      share: share.name,
    });
  }

  #checkShareClass(className: string | undefined): void {
    if (className === undefined || nameKey(className) === nameKey(this.#share.className)) return;
    if (className === "FileShare" || className === "FPNWFileShare") {
      throw new AdsError(
        "E_ADS_SCHEMA_VIOLATION",
        `${this.Class} contains ${this.#share.className}, not ${className}`,
      );
    }
    unmodelledClass(className);
  }
}

/** The dual-interface properties, merged onto the class. */
export interface FileServiceObject extends Omit<IADsFileService, keyof AdsContainer>, IADsServiceOperations {}
defineCacheAccessors(FileServiceObject, [...SERVICE_ACCESSORS, "Description", "MaxUserCount"]);
defineServiceOperations(FileServiceObject);
guardGetOnlyMembers(FileServiceObject);
