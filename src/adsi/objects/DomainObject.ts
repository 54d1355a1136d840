import { type NameKey, nameKey } from "../../engine/state.js";
import { AdsError } from "../../errors/AdsError.js";
import { AdsContainer, CONTAINER_INTERFACES } from "../core/AdsContainer.js";
import { IADS_INTERFACES } from "../core/AdsObject.js";
import { guardGetOnlyMembers } from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import { adsPathOf } from "../core/paths.js";
import { ComputerObject } from "./ComputerObject.js";
import { refuseAccountChild, unmodelledClass } from "./unmodelled.js";

/**
 * A domain or workgroup (spec §1.1-1.2): a container of computers. `Parent` is the profile's
 * `domainParent` (spec §2.4 [U]). IADsDomain's password-policy properties are not modelled.
 */
export class DomainObject extends AdsContainer {
  readonly interfaces = [...IADS_INTERFACES, ...CONTAINER_INTERFACES];
  readonly #domain: NameKey;

  /** Binds the domain `domain` (a key present in the state). */
  constructor(context: BindContext, domain: NameKey) {
    const state = context.core.store.state.domains.get(domain);
    if (!state) throw new AdsError(context.core.profile.unknownDomainError, `no domain ${domain}`);
    super(context, {
      name: state.name,
      className: "Domain",
      adsPath: adsPathOf([state.name]),
      parent: context.core.profile.domainParent,
      schema: context.core.profile.schemaPath(state.name, "Domain"),
    });
    this.#domain = domain;
  }

  protected listChildren(): ComputerObject[] {
    const domain = this.context.core.store.state.domains.get(this.#domain);
    return (domain?.computers ?? []).map((computer) => new ComputerObject(this.context, computer));
  }

  protected findChild(className: string | undefined, name: string): ComputerObject {
    if (className !== undefined && className !== "Computer") unmodelledClass(className);
    const key = nameKey(name);
    const domain = this.context.core.store.state.domains.get(this.#domain);
    if (!domain?.computers.includes(key)) {
      if (domain && className === undefined) refuseAccountChild(domain.users, name);
      throw new AdsError(
        this.context.core.profile.unknownComputerError,
        `no computer ${name} in ${this.Name}`,
      );
    }
    return new ComputerObject(this.context, key);
  }
}
guardGetOnlyMembers(DomainObject);
