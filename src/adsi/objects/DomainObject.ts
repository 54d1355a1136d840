import { type NameKey, nameKey } from "../../engine/state.js";
import { AdsError } from "../../errors/AdsError.js";
import { AdsContainer, CONTAINER_INTERFACES } from "../core/AdsContainer.js";
import { IADS_INTERFACES } from "../core/AdsObject.js";
import { sealFacadeClass } from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import { adsPathOf } from "../core/paths.js";
import { definePropertyList } from "../propertyList/definePropertyList.js";
import { ComputerObject } from "./ComputerObject.js";
import { refuseAccountChild, unmodelledClass } from "./unmodelled.js";

const INTERFACES = Object.freeze([...IADS_INTERFACES, ...CONTAINER_INTERFACES, "IADsPropertyList"]);

/**
 * A domain or workgroup (spec §1.1-1.2): a container of computers. `Parent` is the profile's
 * `domainParent` (spec §2.4 [U]), and IADsPropertyList. IADsDomain's password-policy properties are not modelled.
 */
export class DomainObject extends AdsContainer {
  /** Binds the domain `domain` (a key present in the state). */
  constructor(context: BindContext, domain: NameKey) {
    const state = context.core.store.state.domains.get(domain);
    if (!state) throw new AdsError(context.core.profile.unknownDomainError, `no domain ${domain}`);
    const names = {
      name: state.name,
      className: "Domain",
      adsPath: adsPathOf([state.name]),
      parent: context.core.profile.domainParent,
      schema: context.core.profile.schemaPath(state.name, "Domain"),
    };
    super(
      context,
      names,
      INTERFACES,
      {},
      {
        list: () =>
          (context.core.store.state.domains.get(domain)?.computers ?? []).map(
            (computer) => new ComputerObject(context, computer),
          ),
        find: (className, name) => findComputer(context, domain, className, name),
      },
    );
  }
}
definePropertyList(DomainObject);
sealFacadeClass(DomainObject);

function findComputer(
  context: BindContext,
  domainKey: NameKey,
  className: string | undefined,
  name: string,
): ComputerObject {
  if (className !== undefined && className !== "Computer") unmodelledClass(className);
  const key = nameKey(name);
  const domain = context.core.store.state.domains.get(domainKey);
  if (!domain?.computers.includes(key)) {
    if (domain && className === undefined) refuseAccountChild(domain.users, name);
    throw new AdsError(context.core.profile.unknownComputerError, `no computer ${name} in ${domain?.name}`);
  }
  return new ComputerObject(context, key);
}
