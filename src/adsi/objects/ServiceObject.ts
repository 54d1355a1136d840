import type { NameKey } from "../../engine/state.js";
import { AdsObject, IADS_INTERFACES } from "../core/AdsObject.js";
import { defineCacheAccessors, guardGetOnlyMembers } from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import { serviceOf } from "../core/locate.js";
import { adsPathOf, type Spelling } from "../core/paths.js";
import type { StoredValues } from "../core/propertyCache.js";
import type { IADsService, IADsServiceOperations } from "../interfaces/IADsService.js";
import type { Variant } from "../interfaces/Variant.js";
import { defineServiceOperations } from "./serviceOperations.js";
import {
  commitServiceProperties,
  loadServiceProperties,
  SERVICE_ACCESSORS,
  type ServiceAddress,
} from "./serviceProperties.js";

/** An ordinary service of a computer (spec §8.1, §8.3): IADsService + IADsServiceOperations. */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the dual-interface accessors are installed by defineCacheAccessors below
export class ServiceObject extends AdsObject {
  readonly interfaces = [...IADS_INTERFACES, "IADsService", "IADsServiceOperations"];
  /** Where the service lives; read by the shared service operations. */
  protected readonly serviceAddress: ServiceAddress;

  /** Binds service `service` of `computer`. */
  constructor(context: BindContext, computer: NameKey, service: NameKey, spelling: Spelling) {
    const state = serviceOf(context.core, computer, service);
    const hostComputer = adsPathOf([spelling.domain, spelling.computer]);
    super(context, {
      name: state.name,
      className: "Service",
      adsPath: adsPathOf([spelling.domain, spelling.computer, state.name]),
      parent: hostComputer,
      schema: context.core.profile.schemaPath(spelling.domain, "Service"),
    });
    this.serviceAddress = { computer, service, hostComputer };
  }

  protected override loadProperties(): StoredValues {
    return loadServiceProperties(this.context, this.serviceAddress);
  }

  protected override commitProperties(changes: ReadonlyMap<string, readonly Variant[]>): void {
    commitServiceProperties(this.context, this.serviceAddress, changes);
  }
}

/** The dual-interface properties, merged onto the class. */
export interface ServiceObject extends Omit<IADsService, keyof AdsObject>, IADsServiceOperations {}
defineCacheAccessors(ServiceObject, SERVICE_ACCESSORS);
defineServiceOperations(ServiceObject);
guardGetOnlyMembers(ServiceObject);
