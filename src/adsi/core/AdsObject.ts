import { AdsError } from "../../errors/AdsError.js";
import { sameName } from "../../names/foldName.js";
import { type ClassDefinition, findClass } from "../../schema/winntSchema.js";
import type { IADs } from "../interfaces/IADs.js";
import type { Variant } from "../interfaces/Variant.js";
import type { BindContext } from "./context.js";
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

/** Interfaces every IADs object answers in QueryInterface (spec §1.1). */
export const IADS_INTERFACES: readonly string[] = ["IUnknown", "IDispatch", "IADs"];

/**
 * Base of every directory object: IADs (spec §3). Subclasses say how to load and commit their stored
 * values; the cache semantics live in {@link PropertyCache}.
 */
export abstract class AdsObject implements IADs {
  /** The emulator core and the identity this object was bound with. */
  protected readonly context: BindContext;
  /** The identity strings. */
  protected readonly names: ObjectNames;
  /** The property cache (spec §3.2). */
  protected readonly cache: PropertyCache;
  /** The schema class definition. */
  protected readonly classDefinition: ClassDefinition;

  /** Binds an object with `names` in `context`. */
  protected constructor(context: BindContext, names: ObjectNames) {
    this.context = context;
    this.names = names;
    this.classDefinition = findClass(names.className) ?? emptyClass(names.className);
    this.cache = new PropertyCache({
      classDefinition: this.classDefinition,
      profile: context.core.profile,
      isBound: () => this.isBound(),
      load: () => this.loadProperties(),
      commit: (changes) => this.commitProperties(changes),
    });
  }

  /** Interfaces this object answers (spec §1.1). */
  abstract readonly interfaces: readonly string[];

  /** The stored values of this object's properties. */
  protected loadProperties(): StoredValues {
    return new Map();
  }

  /** Writes changed properties; by default the object cannot be written (profile, spec §3.4). */
  protected commitProperties(_changes: ReadonlyMap<string, readonly Variant[]>): void {
    throw new AdsError(
      this.context.core.profile.setInfoNotSupportedError,
      `SetInfo on ${this.names.className}`,
    );
  }

  /** Whether the object exists in the store. */
  protected isBound(): boolean {
    return true;
  }

  get Name(): string {
    return this.names.name;
  }

  get Class(): string {
    return this.names.className;
  }

  get GUID(): string {
    return (
      this.context.core.profile.classGuids[this.names.className] ?? "{00000000-0000-0000-0000-000000000000}"
    );
  }

  get ADsPath(): string {
    return this.names.adsPath;
  }

  get Parent(): string {
    return this.names.parent;
  }

  get Schema(): string {
    if (this.names.schema === undefined) {
      throw new AdsError(
        this.context.core.profile.unsupportedPropertyError,
        `${this.names.className} has no schema class`,
      );
    }
    return this.names.schema;
  }

  GetInfo(): void {
    this.cache.getInfo();
  }

  SetInfo(): void {
    this.cache.setInfo();
  }

  Get(name: string): Variant {
    return this.cache.get(name);
  }

  Put(name: string, value: Variant): void {
    this.cache.put(name, value);
  }

  GetEx(name: string): Variant[] {
    return this.cache.getEx(name);
  }

  PutEx(control: number, name: string, values: readonly Variant[]): void {
    this.cache.putEx(control, name, values);
  }

  GetInfoEx(names: readonly string[], reserved: number): void {
    this.cache.getInfoEx(names, reserved);
  }
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
  const interfaces = (object as { interfaces?: unknown } | null)?.interfaces;
  if (typeof interfaceName !== "string")
    throw new AdsError("E_INVALIDARG", "QueryInterface takes an interface name");
  if (Array.isArray(interfaces) && interfaces.some((name) => sameName(String(name), interfaceName))) {
    return object as T;
  }
  throw new AdsError("E_NOINTERFACE", `object does not implement ${interfaceName}`);
}
