/**
 * IADsPropertyList, IADsPropertyEntry and IADsPropertyValue (iads.h; MicrosoftDocs `nn-iads-iadspropertylist`,
 * `iadspropertyentry-property-methods`, `iadspropertyvalue-property-methods`): direct access to an
 * object's property cache (spec §1.1: exposed by Domain, Computer, Service, FileService, FileShare,
 * Session and Resource objects, not by FPNWFileService).
 */

/** IADsPropertyValue: one value of a property entry, typed by `ADsType` (ADSTYPEENUM). */
export interface IADsPropertyValue {
  /** The ADSTYPEENUM type of the value; the one accessor matching it reads the value. */
  ADsType: number;
  /** ADSTYPE_DN_STRING (1). */
  DNString: string;
  /** ADSTYPE_CASE_EXACT_STRING (2). */
  CaseExactString: string;
  /** ADSTYPE_CASE_IGNORE_STRING (3). */
  CaseIgnoreString: string;
  /** ADSTYPE_PRINTABLE_STRING (4). */
  PrintableString: string;
  /** ADSTYPE_NUMERIC_STRING (5). */
  NumericString: string;
  /** ADSTYPE_BOOLEAN (6): a LONG, 0 or -1. */
  Boolean: number;
  /** ADSTYPE_INTEGER (7): a LONG. */
  Integer: number;
  /** ADSTYPE_OCTET_STRING (8): bytes 0..255. */
  OctetString: readonly number[];
  /** ADSTYPE_UTC_TIME (9). */
  UTCTime: Date;
  /** ADSTYPE_LARGE_INTEGER (10): not modelled (E_NOTIMPL). */
  readonly LargeInteger: never;
  /** ADSTYPE_NT_SECURITY_DESCRIPTOR (25): not supported by WinNT (E_NOTIMPL). */
  readonly SecurityDescriptor: never;
  /** Resets the value to ADSTYPE_INVALID with no data. */
  Clear(): void;
}

/** IADsPropertyEntry: one property of the cache, with its values. */
export interface IADsPropertyEntry {
  /** The property's name, as the schema spells it. */
  Name: string;
  /** The values, each an IADsPropertyValue. */
  Values: readonly IADsPropertyValue[];
  /** ADSTYPEENUM type of the values. */
  ADsType: number;
  /** ADS_PROPERTY_OPERATION_ENUM code PutPropertyItem applies (WinNT: as PutEx, spec §3.2 item 7). */
  ControlCode: number;
  /** Resets Name, Values, ADsType and ControlCode. */
  Clear(): void;
}

/** IADsPropertyList: the property cache as a list of entries. It never loads the cache itself. */
export interface IADsPropertyList {
  /** Number of properties in the cache. */
  readonly PropertyCount: number;
  /** The entry at the cursor, advancing it; at the end the profile's `propertyListEndError`. */
  Next(): IADsPropertyEntry;
  /** Moves the cursor `count` entries on (not past the end). */
  Skip(count: number): void;
  /** Moves the cursor back to the first entry. */
  Reset(): void;
  /** The entry at 0-based `index`, or the one named `index`. */
  Item(index: number | string): IADsPropertyEntry;
  /** The entry named `name`, its values typed `adsType` (ADSTYPE_UNKNOWN: the property's own type). */
  GetPropertyItem(name: string, adsType: number): IADsPropertyEntry;
  /** Puts an entry's values into the cache, as PutEx with its ControlCode; SetInfo commits them. */
  PutPropertyItem(entry: IADsPropertyEntry): void;
  /** Removes an entry (by index or name) from the cache only; SetInfo will not write it. */
  ResetPropertyItem(index: number | string): void;
  /** Empties the cache; the next Get loads it again. */
  PurgePropertyList(): void;
}
