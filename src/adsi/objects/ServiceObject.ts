import type { NameKey } from "../../engine/state.js";
import { AdsObject, IADS_INTERFACES } from "../core/AdsObject.js";
import { defineCacheAccessors, sealFacadeClass } from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import { serviceOf } from "../core/locate.js";
import { adsPathOf, type Spelling } from "../core/paths.js";
import type { IADsService, IADsServiceOperations } from "../interfaces/IADsService.js";
import type { Variant } from "../interfaces/Variant.js";
import { definePropertyList } from "../propertyList/definePropertyList.js";
import { bindServiceAddress, defineServiceOperations } from "./serviceOperations.js";
import { commitServiceProperties, loadServiceProperties, SERVICE_ACCESSORS } from "./serviceProperties.js";

const INTERFACES = Object.freeze([
  ...IADS_INTERFACES,
  "IADsService",
  "IADsServiceOperations",
  "IADsPropertyList",
]);

/** An ordinary service of a computer (spec §8.1, §8.3): IADsService + IADsServiceOperations. */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the dual-interface accessors are installed by defineCacheAccessors below
export class ServiceObject extends AdsObject {
  /** Binds service `service` of `computer`. */
  constructor(context: BindContext, computer: NameKey, service: NameKey, spelling: Spelling) {
    const state = serviceOf(context.core, computer, service);
    const hostComputer = adsPathOf([spelling.domain, spelling.computer]);
    const address = { computer, service, hostComputer };
    const names = {
      name: state.name,
      className: "Service",
      adsPath: adsPathOf([spelling.domain, spelling.computer, state.name]),
      parent: hostComputer,
      schema: context.core.profile.schemaPath(spelling.domain, "Service"),
    };
    super(context, names, INTERFACES, {
      load: () => loadServiceProperties(context, address),
      commit: (changes: ReadonlyMap<string, readonly Variant[]>) =>
        commitServiceProperties(context, address, changes),
    });
    bindServiceAddress(this, address);
  }
}

/** The dual-interface properties, merged onto the class. */
export interface ServiceObject extends Omit<IADsService, keyof AdsObject>, IADsServiceOperations {}
defineCacheAccessors(ServiceObject, SERVICE_ACCESSORS);
defineServiceOperations(ServiceObject);
definePropertyList(ServiceObject);
sealFacadeClass(ServiceObject);
