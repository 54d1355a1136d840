import { AdsError } from "../../errors/AdsError.js";
import { sameName } from "../../names/foldName.js";
import { type ClassDefinition, findClass } from "../../schema/winntSchema.js";
import type { IADs } from "../interfaces/IADs.js";
import type { Variant } from "../interfaces/Variant.js";
import { sealFacadeClass } from "./comShape.js";
import type { BindContext } from "./context.js";
import { contextOf, internalsOf, registerFacade } from "./internals.js";
import { PropertyCache, type StoredValues } from "./propertyCache.js";

/** The identity strings of an object (spec §2.4), computed once when it is bound. */
export interface ObjectNames {
  readonly name: string;
  readonly className: string;
  readonly adsPath: string;
  readonly parent: string;
  /** ADsPath of the class object; undefined when the object has none (the namespace). */
  readonly schema: string | undefined;
}

/**
 * How an object reads and writes its stored values. Subclasses build these closures from their
 * constructor arguments before calling `super`, so they live in the object's private state and are
 * never members a caller could reach (issue 7 item 1). Absent: no stored values, not writable, bound.
 */
export interface ObjectStorage {
  /** The stored values of the object's properties. */
  readonly load?: () => StoredValues;
  /** Writes changed properties (canonical name → values; empty array = unset). */
  readonly commit?: (changes: ReadonlyMap<string, readonly Variant[]>) => void;
  /** Whether the object exists in the store (false between Create and the first SetInfo). */
  readonly isBound?: () => boolean;
}

/** Interfaces every IADs object answers in QueryInterface (spec §1.1). */
export const IADS_INTERFACES: readonly string[] = Object.freeze(["IUnknown", "IDispatch", "IADs"]);

/** The key Node's `util.inspect` calls on an object that customises its display. */
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * Base of every directory object: IADs (spec §3). The bind context, the identity strings and the
 * property cache are private: an object's members are exactly its interfaces' members. Facade code
 * reaches the context with `contextOf(this)` (internals.ts).
 */
export abstract class AdsObject implements IADs {
  readonly #names: ObjectNames;
  readonly #cache: PropertyCache;

  /** Binds an object with `names` in `context`, answering `interfaces`, storing through `storage`. */
  protected constructor(
    context: BindContext,
    names: ObjectNames,
    interfaces: readonly string[],
    storage: ObjectStorage = {},
  ) {
    const { profile } = context.core;
    const classDefinition = findClass(names.className) ?? emptyClass(names.className);
    this.#names = names;
    this.#cache = new PropertyCache({
      classDefinition,
      profile,
      isBound: storage.isBound ?? (() => true),
      // Every read and write of the store passes the fault rules first (docs/faults.md).
      load: () => {
        context.core.intercept("GetInfo", names.adsPath);
        return storage.load ? storage.load() : new Map();
      },
      commit: (changes) => {
        context.core.intercept("SetInfo", names.adsPath);
        if (!storage.commit) {
          // Objects that cannot be written (profile, spec §3.4).
          throw new AdsError(profile.setInfoNotSupportedError, `SetInfo on ${names.className}`);
        }
        storage.commit(changes);
      },
    });
    registerFacade(this, { context, interfaces, cache: this.#cache });
  }

  get Name(): string {
    return this.#names.name;
  }

  get Class(): string {
    return this.#names.className;
  }

  get GUID(): string {
    const { profile } = contextOf(this).core;
    return profile.classGuids[this.#names.className] ?? "{00000000-0000-0000-0000-000000000000}";
  }

  get ADsPath(): string {
    return this.#names.adsPath;
  }

  get Parent(): string {
    return this.#names.parent;
  }

  get Schema(): string {
    if (this.#names.schema === undefined) {
      const { profile } = contextOf(this).core;
      throw new AdsError(profile.unsupportedPropertyError, `${this.#names.className} has no schema class`);
    }
    return this.#names.schema;
  }

  GetInfo(): void {
    this.#cache.getInfo();
  }

  SetInfo(): void {
    this.#cache.setInfo();
  }

  Get(name: string): Variant {
    return this.#cache.get(name);
  }

  Put(name: string, value: Variant): void {
    this.#cache.put(name, value);
  }

  GetEx(name: string): Variant[] {
    return this.#cache.getEx(name);
  }

  PutEx(control: number, name: string, values: readonly Variant[]): void {
    this.#cache.putEx(control, name, values);
  }

  GetInfoEx(names: readonly string[], reserved: number): void {
    this.#cache.getInfoEx(names, reserved);
  }

  /** What `JSON.stringify` shows: the identity members, nothing internal (issue 7 item 1). */
  toJSON(): { readonly Name: string; readonly Class: string; readonly ADsPath: string } {
    return { Name: this.#names.name, Class: this.#names.className, ADsPath: this.#names.adsPath };
  }

  /** What `util.inspect` (and `console.log`) shows: the identity members. */
  [INSPECT](
    _depth: number,
    options: unknown,
    inspect?: (value: unknown, options: unknown) => string,
  ): string {
    const identity = this.toJSON();
    return `${identity.Class} ${inspect ? inspect(identity, options) : JSON.stringify(identity)}`;
  }
}
sealFacadeClass(AdsObject);

function emptyClass(name: string): ClassDefinition {
  return {
    name,
    mandatory: [],
    optional: [],
    readOnly: [],
    container: false,
    containment: [],
    primaryInterface: "IADs",
  };
}

/**
 * QueryInterface by interface name, as a COM client would ask (spec §1.1): returns the object when it
 * implements `interfaceName`, else throws E_NOINTERFACE. Collections answer only IADsCollection (§5.1).
 */
export function QueryInterface<T = unknown>(object: unknown, interfaceName: string): T {
  if (typeof interfaceName !== "string")
    throw new AdsError("E_INVALIDARG", "QueryInterface takes an interface name");
  const interfaces = internalsOf(object)?.interfaces ?? [];
  if (interfaces.some((name) => sameName(name, interfaceName))) return object as T;
  throw new AdsError("E_NOINTERFACE", `object does not implement ${interfaceName}`);
}
