import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";
import { foldName } from "../../names/foldName.js";
import { ADS_PROPERTY_UPDATE } from "../constants.js";
import { bstrArgument } from "../core/arguments.js";
import { cacheOf, contextOf, internalsOf } from "../core/internals.js";
import type { CacheEntry, PropertyCache } from "../core/propertyCache.js";
import type { IADsPropertyEntry, IADsPropertyValue } from "../interfaces/IADsPropertyList.js";
import type { Variant } from "../interfaces/Variant.js";
import {
  ADSTYPE_BOOLEAN,
  ADSTYPE_CASE_IGNORE_STRING,
  ADSTYPE_INTEGER,
  ADSTYPE_UNKNOWN,
  isAdsType,
  STRING_ADSTYPES,
} from "./adsTypes.js";
import { implementsInterface, PropertyEntry } from "./PropertyEntry.js";
import { PropertyValue } from "./PropertyValue.js";

/** Each object's list cursor (Next/Skip/Reset); private to this module. */
const cursors = new WeakMap<object, number>();

/** The cache behind `object`'s IADsPropertyList, or DISP_E_UNKNOWNNAME when its class lacks the interface (FPNWFileService). */
function listCache(object: object): PropertyCache {
  if (!internalsOf(object)?.interfaces.includes("IADsPropertyList")) {
    throw new AdsError("DISP_E_UNKNOWNNAME", "this object does not implement IADsPropertyList (spec §1.1)");
  }
  return cacheOf(object);
}

/** ADSTYPE of a WinNT syntax (spec §10 [U]): Integer → ADSTYPE_INTEGER, the string syntaxes → CASE_IGNORE_STRING. */
function naturalType(entry: CacheEntry): number {
  return entry.property.syntax === "Integer" ? ADSTYPE_INTEGER : ADSTYPE_CASE_IGNORE_STRING;
}

/** The type GetPropertyItem hands values out as: the property's own, or another string type for a string property. */
function requestedType(entry: CacheEntry, adsType: number): number {
  const natural = naturalType(entry);
  if (adsType === ADSTYPE_UNKNOWN || adsType === natural) return natural;
  if (natural === ADSTYPE_CASE_IGNORE_STRING && STRING_ADSTYPES.has(adsType)) return adsType;
  throw new AdsError(
    "E_ADS_CANT_CONVERT_DATATYPE",
    `${entry.property.name} cannot be read as ADsType ${adsType}`,
  );
}

/** A fresh IADsPropertyEntry holding a copy of `entry`'s values typed `type`. */
function toEntry(entry: CacheEntry, type = naturalType(entry)): IADsPropertyEntry {
  const result = new PropertyEntry();
  result.Name = entry.property.name;
  result.ADsType = type;
  // ADSI's cache reports a loaded property with flag 0 and a Put one as ADS_PROPERTY_UPDATE [U].
  result.ControlCode = entry.pending ? ADS_PROPERTY_UPDATE : 0;
  result.Values = entry.values.map((data) => {
    const value = new PropertyValue();
    if (type === ADSTYPE_INTEGER) value.Integer = data as number;
    else (value as unknown as Record<string, unknown>)[STRING_ADSTYPES.get(type) as string] = String(data);
    return value;
  });
  return result;
}

/** Round half to even, as VariantChangeType turns a VT_R8 index into a VT_I4. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff !== 0.5) return Math.round(x);
  return floor % 2 === 0 ? floor : floor + 1;
}

/** The cache entry an Item/ResetPropertyItem argument names: a 0-based index or a property name. */
function entryAt(cache: PropertyCache, index: unknown): CacheEntry {
  const entries = cache.entries();
  const found =
    typeof index === "string"
      ? entries.find((entry) => foldName(entry.property.name) === foldName(index))
      : entries[roundHalfEven(Number(bstrArgument(index, "the index")))];
  if (!found)
    throw new AdsError("E_ADS_PROPERTY_NOT_FOUND", `no property ${describeValue(index)} in the cache`);
  return found;
}

/** The data of an IADsPropertyValue, read through the accessor its ADsType names. */
function dataOf(value: IADsPropertyValue): Variant {
  const type = value.ADsType;
  const accessor = STRING_ADSTYPES.get(type);
  if (accessor) return (value as unknown as Record<string, string>)[accessor] as string;
  if (type === ADSTYPE_INTEGER) return value.Integer;
  if (type === ADSTYPE_BOOLEAN) return value.Boolean;
  throw new AdsError("E_ADS_CANT_CONVERT_DATATYPE", `WinNT properties take no value of ADsType ${type}`);
}

/** PutPropertyItem: the entry's values go into the cache exactly as PutEx with its ControlCode would put them. */
function putEntry(cache: PropertyCache, entry: unknown): void {
  if (!implementsInterface(entry, "IADsPropertyEntry")) {
    throw new AdsError(
      "E_ADS_BAD_PARAMETER",
      "PutPropertyItem takes an IADsPropertyEntry (createPropertyEntry())",
    );
  }
  const { Name, ControlCode, Values } = entry as IADsPropertyEntry;
  cache.putEx(ControlCode, Name, Values.map(dataOf));
}

/**
 * Installs IADsPropertyList (MicrosoftDocs `nn-iads-iadspropertylist`) on a facade class whose objects
 * answer it (spec §1.1): the list is the object's property cache. It never loads the cache: call
 * GetInfo first, as the docs say. Objects of the class that do not answer the interface (FPNW) fail
 * with DISP_E_UNKNOWNNAME. Call before `sealFacadeClass`.
 */
export function definePropertyList(target: { prototype: object }): void {
  const method = (value: (this: object, ...args: never[]) => unknown) => ({
    configurable: true,
    enumerable: false,
    writable: true,
    value,
  });
  Object.defineProperties(target.prototype, {
    PropertyCount: {
      configurable: true,
      enumerable: false,
      get(this: object) {
        return listCache(this).entries().length;
      },
    },
    Next: method(function (this: object) {
      const entries = listCache(this).entries();
      const position = cursors.get(this) ?? 0;
      const entry = entries[position];
      if (!entry)
        throw new AdsError(
          contextOf(this).core.profile.propertyListEndError,
          "no more properties in the list",
        );
      cursors.set(this, position + 1);
      return toEntry(entry);
    }),
    Skip: method(function (this: object, count: number) {
      const entries = listCache(this).entries();
      if (!Number.isInteger(count) || count < 0)
        throw new AdsError("E_INVALIDARG", `Skip takes a non-negative integer, got ${describeValue(count)}`);
      cursors.set(this, Math.min(entries.length, (cursors.get(this) ?? 0) + count));
    }),
    Reset: method(function (this: object) {
      listCache(this);
      cursors.set(this, 0);
    }),
    Item: method(function (this: object, index: number | string) {
      return toEntry(entryAt(listCache(this), index));
    }),
    GetPropertyItem: method(function (this: object, name: string, adsType: number) {
      const cache = listCache(this);
      const wanted = bstrArgument(name, "GetPropertyItem's name");
      if (!isAdsType(adsType))
        throw new AdsError("E_ADS_BAD_PARAMETER", `${describeValue(adsType)} is not an ADSTYPEENUM value`);
      const entry = entryAt(cache, wanted);
      return toEntry(entry, requestedType(entry, adsType));
    }),
    PutPropertyItem: method(function (this: object, entry: IADsPropertyEntry) {
      putEntry(listCache(this), entry);
    }),
    ResetPropertyItem: method(function (this: object, index: number | string) {
      const cache = listCache(this);
      cache.remove(entryAt(cache, index).property.name);
    }),
    PurgePropertyList: method(function (this: object) {
      listCache(this).purge();
      cursors.set(this, 0);
    }),
  });
}
