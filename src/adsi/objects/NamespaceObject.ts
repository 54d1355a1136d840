import { nameKey } from "../../engine/state.js";
import { AdsError } from "../../errors/AdsError.js";
import { AdsContainer, CONTAINER_INTERFACES } from "../core/AdsContainer.js";
import { IADS_INTERFACES } from "../core/AdsObject.js";
import { sealFacadeClass } from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import type { IADs } from "../interfaces/IADs.js";
import type { IADsOpenDSObject } from "../interfaces/IADsOpenDSObject.js";
import { DomainObject } from "./DomainObject.js";
import { unmodelledClass } from "./unmodelled.js";

/** Binds paths with explicit credentials; supplied by the emulator so objects need not import the binder. */
export type OpenObject = (path: string, user: string | null, password: string | null, flags: number) => IADs;

const INTERFACES = Object.freeze([...IADS_INTERFACES, ...CONTAINER_INTERFACES, "IADsOpenDSObject"]);

/**
 * The `WinNT:` namespace object (spec §1.1, §2.1): a container of domains and workgroups, and
 * IADsOpenDSObject for binding with alternate credentials (spec §2.5).
 */
export class NamespaceObject extends AdsContainer implements IADsOpenDSObject {
  readonly #open: OpenObject;

  /** Binds the namespace root. */
  constructor(context: BindContext, open: OpenObject) {
    const names = {
      name: "WinNT:",
      className: "Namespace",
      adsPath: "WinNT:",
      parent: context.core.profile.namespaceParent,
      schema: undefined,
    };
    super(
      context,
      names,
      INTERFACES,
      {},
      {
        list: () =>
          [...context.core.store.state.domains.keys()].map((domain) => new DomainObject(context, domain)),
        find: (className, name) => findDomain(context, className, name),
      },
    );
    this.#open = open;
  }

  /** spec §2.5: `GetObject("WinNT:").OpenDSObject(path, user, password, flags)`. */
  OpenDSObject(path: string, user: string | null, password: string | null, flags: number): IADs {
    return this.#open(path, user, password, flags);
  }
}
sealFacadeClass(NamespaceObject);

function findDomain(context: BindContext, className: string | undefined, name: string): DomainObject {
  if (className !== undefined && className !== "Domain") unmodelledClass(className);
  const key = nameKey(name);
  if (!context.core.store.state.domains.has(key)) {
    throw new AdsError(context.core.profile.unknownDomainError, `no domain or workgroup ${name}`);
  }
  return new DomainObject(context, key);
}
