import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";
import { sameName } from "../../names/foldName.js";
import {
  type ClassDefinition,
  classProperty,
  findClass,
  type PropertyDefinition,
} from "../../schema/winntSchema.js";
import type { IADs } from "../interfaces/IADs.js";
import type { Variant } from "../interfaces/Variant.js";
import { sealFacadeClass } from "./comShape.js";
import type { BindContext } from "./context.js";
import { contextOf, type FacadeInternals, internalsOf, provideInternals } from "./internals.js";
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

/**
 * How the objects of one light kind (sessions, resources: made by the thousand when a collection is
 * enumerated) are named and read, from a per-object `source` (the record they were listed from) and
 * the state they were listed in. One kind object serves every object of the kind, so an object holds
 * no closure, no names and no cache until one is needed: its Name, ADsPath and property values are
 * worked out when first read. Light objects are read-only (SetInfo fails as the profile says) and
 * their properties single-valued.
 */
export interface LightKind<S, L = unknown> {
  readonly classDefinition: ClassDefinition;
  /** The class's properties by the spelling asked for (null: none), filled as they are asked for. */
  readonly properties: Map<string, PropertyDefinition | null>;
  readonly interfaces: readonly string[];
  /** The object's Name. */
  name(context: BindContext, source: S): string;
  /** Its identity strings (Name included). */
  names(context: BindContext, source: S, name: string): ObjectNames;
  /**
   * Its values as the current state holds them (the profile's error when the object is gone). `listed`
   * is the state the object was listed in: while it is still the current state, `source` is current.
   */
  load(context: BindContext, source: S, name: string, listed: unknown): L;
  /** The value of property `name` (canonical spelling) in what `load` returned, or undefined when unset. */
  value(loaded: L, name: string): Variant | undefined;
  /** What `load` returned as stored values, in cache order (when the object needs its full cache). */
  stored(loaded: L): StoredValues;
}

/** The property `name` of a light kind's class, remembered in the kind (each object reads four or so). */
function lightProperty(kind: LightKind<unknown>, name: string): PropertyDefinition | undefined {
  const known = kind.properties;
  let property = known.get(name);
  if (property === undefined) {
    property = classProperty(kind.classDefinition, name) ?? null;
    if (typeof name === "string" && known.size < 256) known.set(name, property);
  }
  return property ?? undefined;
}

/** Interfaces every IADs object answers in QueryInterface (spec §1.1). */
export const IADS_INTERFACES: readonly string[] = Object.freeze(["IUnknown", "IDispatch", "IADs"]);

/** The key Node's `util.inspect` calls on an object that customises its display. */
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * Base of every directory object: IADs (spec §3). The bind context, the identity strings and the
 * property cache are private: an object's members are exactly its interfaces' members. Facade code
 * reaches the context with `contextOf(this)` (internals.ts).
 *
 * An object is either classic (names and storage closures given by its subclass) or light (a
 * {@link LightKind} and a source record). Either way the property cache (spec §3.2) is made when first
 * needed; until then, a light object answers `Get` of a property from the values its first read loaded,
 * exactly as the cache's implicit GetInfo would.
 */
export abstract class AdsObject implements IADs {
  readonly #context: BindContext;
  readonly #interfaces: readonly string[];
  readonly #classDefinition: ClassDefinition;
  readonly #storage: ObjectStorage | undefined;
  readonly #kind: LightKind<unknown> | undefined;
  readonly #source: unknown;
  readonly #listed: unknown;
  #names: ObjectNames | undefined;
  #name: string | undefined;
  /** What a light object's first read loaded, while it has no property cache. */
  #loaded: unknown;
  #cache: PropertyCache | undefined;
  #internals: FacadeInternals | undefined;

  /** Binds a classic object with `names` in `context`, answering `interfaces`, storing through `storage`. */
  protected constructor(
    context: BindContext,
    names: ObjectNames,
    interfaces: readonly string[],
    storage?: ObjectStorage,
  );
  /** Binds a light object of `kind` listed from `source` in state `listed`. */
  protected constructor(context: BindContext, kind: LightKind<unknown>, source: unknown, listed: unknown);
  protected constructor(
    context: BindContext,
    identity: ObjectNames | LightKind<unknown>,
    interfacesOrSource?: unknown,
    storageOrListed?: unknown,
  ) {
    this.#context = context;
    if ("load" in identity) {
      this.#kind = identity;
      this.#source = interfacesOrSource;
      this.#listed = storageOrListed;
      this.#interfaces = identity.interfaces;
      this.#classDefinition = identity.classDefinition;
    } else {
      this.#names = identity;
      this.#name = identity.name;
      this.#interfaces = interfacesOrSource as readonly string[];
      this.#storage = (storageOrListed as ObjectStorage | undefined) ?? {};
      this.#classDefinition = classDefinitionOf(identity.className);
    }
  }

  static {
    provideInternals((value) => (#context in value ? value.#internalsRecord() : undefined));
  }

  /** What internals.ts hands out for this object; the cache is made only when asked for. */
  #internalsRecord(): FacadeInternals {
    if (this.#internals === undefined) {
      const self = this;
      this.#internals = Object.freeze({
        context: this.#context,
        interfaces: this.#interfaces,
        get cache(): PropertyCache {
          return self.#propertyCache();
        },
      });
    }
    return this.#internals;
  }

  #identity(): ObjectNames {
    if (this.#names === undefined) {
      const kind = this.#kind as LightKind<unknown>;
      this.#names = kind.names(this.#context, this.#source, this.Name);
    }
    return this.#names;
  }

  /** The property cache, made on first use (seeded with what a light object's first read loaded). */
  #propertyCache(): PropertyCache {
    if (this.#cache !== undefined) return this.#cache;
    const context = this.#context;
    const { profile } = context.core;
    const storage = this.#storage;
    const kind = this.#kind;
    const cache = new PropertyCache({
      classDefinition: this.#classDefinition,
      profile,
      isBound: storage?.isBound ?? (() => true),
      // Every read and write of the store passes the fault rules first (docs/faults.md).
      load: () => {
        context.core.intercept("GetInfo", this.ADsPath);
        if (kind !== undefined) return kind.stored(kind.load(context, this.#source, this.Name, undefined));
        return storage?.load ? storage.load() : new Map();
      },
      commit: (changes) => {
        context.core.intercept("SetInfo", this.ADsPath);
        if (!storage?.commit) {
          // Objects that cannot be written (profile, spec §3.4).
          throw new AdsError(profile.setInfoNotSupportedError, `SetInfo on ${this.Class}`);
        }
        storage.commit(changes);
      },
    });
    if (this.#loaded !== undefined && kind !== undefined) cache.seed(kind.stored(this.#loaded));
    this.#loaded = undefined;
    this.#cache = cache;
    return cache;
  }

  /** A light object's Get while it has no cache: the first read loads (an implicit GetInfo, spec §3.2). */
  #lightGet(kind: LightKind<unknown>, name: string, all: boolean): Variant {
    const context = this.#context;
    const property = lightProperty(kind, name);
    if (!property) {
      throw new AdsError(
        context.core.profile.propertyNotInClassError,
        `class ${this.#classDefinition.name} has no property ${describeValue(name)}`,
      );
    }
    let loaded = this.#loaded;
    if (loaded === undefined) {
      const { core } = context;
      if (core.faultsArmed()) core.intercept("GetInfo", this.ADsPath);
      loaded = kind.load(context, this.#source, this.Name, this.#listed);
      this.#loaded = loaded;
    }
    const value = kind.value(loaded, property.name);
    if (value === undefined) {
      throw new AdsError("E_ADS_PROPERTY_NOT_FOUND", `${property.name} is not set on this object`);
    }
    return all || property.multiValued ? [value] : value;
  }

  get Name(): string {
    if (this.#name === undefined) {
      const kind = this.#kind as LightKind<unknown>;
      this.#name = kind.name(this.#context, this.#source);
    }
    return this.#name;
  }

  get Class(): string {
    return this.#names?.className ?? this.#classDefinition.name;
  }

  get GUID(): string {
    const { profile } = contextOf(this).core;
    return profile.classGuids[this.Class] ?? "{00000000-0000-0000-0000-000000000000}";
  }

  get ADsPath(): string {
    return this.#identity().adsPath;
  }

  get Parent(): string {
    return this.#identity().parent;
  }

  get Schema(): string {
    const schema = this.#identity().schema;
    if (schema === undefined) {
      const { profile } = contextOf(this).core;
      throw new AdsError(profile.unsupportedPropertyError, `${this.Class} has no schema class`);
    }
    return schema;
  }

  GetInfo(): void {
    this.#propertyCache().getInfo();
  }

  SetInfo(): void {
    this.#propertyCache().setInfo();
  }

  Get(name: string): Variant {
    const kind = this.#kind;
    if (kind !== undefined && this.#cache === undefined) return this.#lightGet(kind, name, false);
    return this.#propertyCache().get(name);
  }

  Put(name: string, value: Variant): void {
    this.#propertyCache().put(name, value);
  }

  GetEx(name: string): Variant[] {
    const kind = this.#kind;
    if (kind !== undefined && this.#cache === undefined) return this.#lightGet(kind, name, true) as Variant[];
    return this.#propertyCache().getEx(name);
  }

  PutEx(control: number, name: string, values: readonly Variant[]): void {
    this.#propertyCache().putEx(control, name, values);
  }

  GetInfoEx(names: readonly string[], reserved: number): void {
    this.#propertyCache().getInfoEx(names, reserved);
  }

  /** What `JSON.stringify` shows: the identity members, nothing internal (issue 7 item 1). */
  toJSON(): { readonly Name: string; readonly Class: string; readonly ADsPath: string } {
    return { Name: this.Name, Class: this.Class, ADsPath: this.ADsPath };
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

/** The schema class `className` names, or an empty one for a class the schema does not model. */
export function classDefinitionOf(className: string): ClassDefinition {
  return findClass(className) ?? emptyClass(className);
}

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
