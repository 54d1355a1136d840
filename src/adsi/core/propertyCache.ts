import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";
import { foldName } from "../../names/foldName.js";
import type { FidelityProfile } from "../../profile/FidelityProfile.js";
import { type ClassDefinition, classProperty, type PropertyDefinition } from "../../schema/winntSchema.js";
import type { Variant } from "../interfaces/Variant.js";
import { arrayArgument } from "./arguments.js";

/** Stored values as the store hands them to the cache: one array per property; absent = unset. */
export type StoredValues = ReadonlyMap<string, readonly Variant[]>;

/** What the cache needs from its object. */
export interface CacheHost {
  readonly classDefinition: ClassDefinition;
  readonly profile: FidelityProfile;
  /** Whether the object exists in the store (false between Create and the first SetInfo). */
  isBound(): boolean;
  /** Reads the object's stored values (by canonical property name). */
  load(): StoredValues;
  /** Writes changed properties (canonical name → values; empty array = unset). */
  commit(changes: ReadonlyMap<string, readonly Variant[]>): void;
}

/** One property held by the cache, as IADsPropertyList lists it. */
export interface CacheEntry {
  readonly property: PropertyDefinition;
  readonly values: readonly Variant[];
  /** Put since the last load and not yet committed. */
  readonly pending: boolean;
}

/** ADS_PROPERTY_OPERATION_ENUM (spec §3.2): CLEAR 1 … DELETE 4. */
const PROPERTY_OPERATIONS = new Set([1, 2, 3, 4]);

/**
 * The IADs property cache (spec §3.2): starts uninitialized; Put/PutEx fill it without loading; the
 * first Get/GetEx loads only what is missing; GetInfo reloads and overwrites everything; GetInfoEx
 * reloads the named properties; SetInfo commits what was Put.
 */
export class PropertyCache {
  readonly #host: CacheHost;
  readonly #values = new Map<string, readonly Variant[]>();
  readonly #pending = new Set<string>();
  #initialized = false;

  /** A cache for `host`'s object. */
  constructor(host: CacheHost) {
    this.#host = host;
  }

  /** spec §3.2 items 2 and 6. */
  get(name: string): Variant {
    const property = this.#property(name);
    const values = this.#read(property);
    return property.multiValued ? [...values] : (values[0] as Variant);
  }

  /** spec §3.2 item 6: always an array. */
  getEx(name: string): Variant[] {
    return [...this.#read(this.#property(name))];
  }

  /** spec §3.2 item 5: the cache only. */
  put(name: string, value: Variant): void {
    const property = this.#writable(name);
    this.#stage(property, convert(property, value));
  }

  /** spec §3.2 item 7: WinNT ignores the control code and replaces the value. */
  putEx(control: number, name: string, values: readonly Variant[]): void {
    if (!PROPERTY_OPERATIONS.has(control)) {
      throw new AdsError("E_ADS_BAD_PARAMETER", `PutEx control code ${describeValue(control)} is not 1..4`);
    }
    const property = this.#writable(name);
    const items = arrayArgument(values, "PutEx values");
    if (!items) throw new AdsError("E_ADS_BAD_PARAMETER", "PutEx takes an array of values");
    if (items.length === 0) {
      if (!this.#host.profile.putExEmptyClears)
        throw new AdsError("E_ADS_BAD_PARAMETER", "PutEx with no values");
      this.#stage(property, []);
      return;
    }
    this.#stage(property, convert(property, items as readonly Variant[]));
  }

  /** spec §3.2 item 3. */
  getInfo(): void {
    const stored = this.#load();
    this.#values.clear();
    this.#pending.clear();
    for (const [name, values] of stored) this.#values.set(foldName(name), values);
    this.#initialized = true;
  }

  /**
   * Starts the cache as if its implicit GetInfo had loaded `stored` (an object that answered its first
   * reads itself, then needed the full cache): initialized, nothing pending.
   */
  seed(stored: StoredValues): void {
    for (const [name, values] of stored) this.#values.set(foldName(name), values);
    this.#initialized = true;
  }

  /** spec §3.2 item 4. */
  getInfoEx(names: readonly string[], reserved: number): void {
    if (reserved !== 0) throw new AdsError("E_ADS_BAD_PARAMETER", "GetInfoEx: lnReserved must be 0");
    const list = arrayArgument(names, "GetInfoEx names");
    if (!list) throw new AdsError("E_ADS_BAD_PARAMETER", "GetInfoEx takes an array of names");
    const properties = list.map((name) => this.#property(name as string));
    const stored = this.#load();
    for (const property of properties) {
      const key = foldName(property.name);
      const values = stored.get(property.name);
      this.#pending.delete(key);
      if (values) this.#values.set(key, values);
      else this.#values.delete(key);
    }
  }

  /** spec §3.2 item 5: commits what was Put since the last load. */
  setInfo(): void {
    const changes = new Map<string, readonly Variant[]>();
    for (const key of this.#pending) {
      const property = classProperty(this.#host.classDefinition, key);
      if (property) changes.set(property.name, this.#values.get(key) ?? []);
    }
    this.#host.commit(changes);
    this.#pending.clear();
  }

  /** The properties the cache holds with at least one value, in cache order (IADsPropertyList); never loads. */
  entries(): CacheEntry[] {
    const entries: CacheEntry[] = [];
    for (const [key, values] of this.#values) {
      const property = classProperty(this.#host.classDefinition, key);
      if (property && values.length > 0) entries.push({ property, values, pending: this.#pending.has(key) });
    }
    return entries;
  }

  /** Drops one property from the cache only (ResetPropertyItem): SetInfo will not write it. */
  remove(name: string): void {
    const key = foldName(name);
    this.#values.delete(key);
    this.#pending.delete(key);
  }

  /** Empties the cache and marks it uninitialized (PurgePropertyList): the next Get loads again. */
  purge(): void {
    this.#values.clear();
    this.#pending.clear();
    this.#initialized = false;
  }

  #load(): StoredValues {
    if (!this.#host.isBound()) {
      throw new AdsError(
        "E_ADS_OBJECT_UNBOUND",
        `${this.#host.classDefinition.name} was created but not yet SetInfo'd`,
      );
    }
    return this.#host.load();
  }

  #read(property: PropertyDefinition): readonly Variant[] {
    if (!this.#initialized && this.#host.isBound()) {
      // Implicit GetInfo: load only what the cache does not hold yet (spec §3.2 item 2).
      for (const [name, values] of this.#host.load()) {
        const key = foldName(name);
        if (!this.#values.has(key)) this.#values.set(key, values);
      }
      this.#initialized = true;
    }
    const values = this.#values.get(foldName(property.name));
    if (!values || values.length === 0) {
      throw new AdsError("E_ADS_PROPERTY_NOT_FOUND", `${property.name} is not set on this object`);
    }
    return values;
  }

  #stage(property: PropertyDefinition, values: readonly Variant[]): void {
    const key = foldName(property.name);
    this.#values.set(key, values);
    this.#pending.add(key);
  }

  #property(name: string): PropertyDefinition {
    const property = typeof name === "string" ? classProperty(this.#host.classDefinition, name) : undefined;
    if (!property) {
      throw new AdsError(
        this.#host.profile.propertyNotInClassError,
        `class ${this.#host.classDefinition.name} has no property ${describeValue(name)}`,
      );
    }
    return property;
  }

  #writable(name: string): PropertyDefinition {
    const property = this.#property(name);
    if (this.#host.classDefinition.readOnly.includes(property.name)) {
      throw new AdsError(this.#host.profile.readOnlyPropertyPutError, `${property.name} is read-only`);
    }
    return property;
  }
}

const INT32_MIN = -0x80000000;
const UINT32_MAX = 0xffffffff;

/** Converts a JS value to the property's syntax as VariantChangeType would, or throws E_ADS_CANT_CONVERT_DATATYPE. */
function convert(property: PropertyDefinition, value: Variant | readonly Variant[]): readonly Variant[] {
  const items = arrayArgument(value, `${property.name} values`) ?? [value];
  if (!property.multiValued && items.length !== 1) {
    throw new AdsError("E_ADS_CANT_CONVERT_DATATYPE", `${property.name} takes a single value`);
  }
  return Object.freeze(items.map((item) => convertOne(property, item)));
}

function convertOne(property: PropertyDefinition, item: unknown): Variant {
  if (property.syntax === "Integer") {
    const number = typeof item === "string" && /^-?\d{1,10}$/.test(item) ? Number(item) : item;
    if (
      typeof number === "number" &&
      Number.isInteger(number) &&
      number >= INT32_MIN &&
      number <= UINT32_MAX
    ) {
      return number > 0x7fffffff ? number | 0 : number;
    }
  } else if (typeof item === "string") {
    return item;
  }
  throw new AdsError(
    "E_ADS_CANT_CONVERT_DATATYPE",
    `${property.name} (${property.syntax}) cannot take ${describeValue(item)}`,
  );
}
