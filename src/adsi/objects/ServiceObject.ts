import type { NameKey } from "../../engine/state.js";
import { AdsObject, IADS_INTERFACES } from "../core/AdsObject.js";
import { defineCacheAccessors, guardGetOnlyMembers } from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import { serviceOf } from "../core/locate.js";
import { adsPathOf, type Spelling } from "../core/paths.js";
import type { StoredValues } from "../core/propertyCache.js";
import type { IADsService } from "../interfaces/IADsService.js";
import type { Variant } from "../interfaces/Variant.js";
import { controlServiceAs, setServicePasswordAs } from "./serviceOperations.js";
import {
  commitServiceProperties,
  loadServiceProperties,
  SERVICE_ACCESSORS,
  type ServiceAddress,
} from "./serviceProperties.js";

/** An ordinary service of a computer (spec §8.1, §8.3): IADsService + IADsServiceOperations.Status. */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the dual-interface accessors are installed by defineCacheAccessors below
export class ServiceObject extends AdsObject {
  readonly interfaces = [...IADS_INTERFACES, "IADsService", "IADsServiceOperations"];
  readonly #address: ServiceAddress;

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
    this.#address = { computer, service, hostComputer };
  }

  /** IADsServiceOperations.Status: ADS_SERVICE_STATUS_ENUM 1..8 (spec §8.1, §14 item 28). */
  get Status(): number {
    return serviceOf(this.context.core, this.#address.computer, this.#address.service).status;
  }

  /** IADsServiceOperations.Start (spec §8.1). */
  Start(): void {
    controlServiceAs(this.context, this.#address.computer, this.#address.service, "start");
  }

  /** IADsServiceOperations.Stop (spec §8.1). */
  Stop(): void {
    controlServiceAs(this.context, this.#address.computer, this.#address.service, "stop");
  }

  /** IADsServiceOperations.Pause (spec §8.1). */
  Pause(): void {
    controlServiceAs(this.context, this.#address.computer, this.#address.service, "pause");
  }

  /** IADsServiceOperations.Continue (spec §8.1). */
  Continue(): void {
    controlServiceAs(this.context, this.#address.computer, this.#address.service, "continue");
  }

  /** IADsServiceOperations.SetPassword (spec §8.1). */
  SetPassword(password: string): void {
    setServicePasswordAs(this.context, this.#address.computer, this.#address.service, password);
  }

  protected override loadProperties(): StoredValues {
    return loadServiceProperties(this.context, this.#address);
  }

  protected override commitProperties(changes: ReadonlyMap<string, readonly Variant[]>): void {
    commitServiceProperties(this.context, this.#address, changes);
  }
}

/** The dual-interface properties, merged onto the class. */
export interface ServiceObject extends Omit<IADsService, keyof AdsObject> {}
defineCacheAccessors(ServiceObject, SERVICE_ACCESSORS);
guardGetOnlyMembers(ServiceObject);
