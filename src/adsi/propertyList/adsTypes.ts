/**
 * ADSTYPEENUM (iads.h): the data type of an ADSI property value, as IADsPropertyEntry.ADsType and
 * IADsPropertyValue.ADsType report it (spec §10; MicrosoftDocs `ne-iads-adstypeenum`).
 */

/** The data type is not valid. */
export const ADSTYPE_INVALID = 0;
/** A distinguished name (path) of a directory object. */
export const ADSTYPE_DN_STRING = 1;
/** A case-sensitive string. */
export const ADSTYPE_CASE_EXACT_STRING = 2;
/** A case-insensitive string: how WinNT's string properties are typed (spec §10 [U]). */
export const ADSTYPE_CASE_IGNORE_STRING = 3;
/** A displayable string. */
export const ADSTYPE_PRINTABLE_STRING = 4;
/** A numeral to be read as text. */
export const ADSTYPE_NUMERIC_STRING = 5;
/** A Boolean. */
export const ADSTYPE_BOOLEAN = 6;
/** An integer: how WinNT's Integer properties are typed (spec §10 [U]). */
export const ADSTYPE_INTEGER = 7;
/** A byte array. */
export const ADSTYPE_OCTET_STRING = 8;
/** A UTC time. */
export const ADSTYPE_UTC_TIME = 9;
/** A 64-bit integer (IADsLargeInteger). */
export const ADSTYPE_LARGE_INTEGER = 10;
/** A provider-specific value. */
export const ADSTYPE_PROV_SPECIFIC = 11;
/** Not used. */
export const ADSTYPE_OBJECT_CLASS = 12;
/** A list of case-insensitive strings. */
export const ADSTYPE_CASEIGNORE_LIST = 13;
/** A list of octet strings. */
export const ADSTYPE_OCTET_LIST = 14;
/** A directory path. */
export const ADSTYPE_PATH = 15;
/** A postal address. */
export const ADSTYPE_POSTALADDRESS = 16;
/** A time stamp in seconds. */
export const ADSTYPE_TIMESTAMP = 17;
/** A back link. */
export const ADSTYPE_BACKLINK = 18;
/** A typed name. */
export const ADSTYPE_TYPEDNAME = 19;
/** A Hold structure. */
export const ADSTYPE_HOLD = 20;
/** A net address. */
export const ADSTYPE_NETADDRESS = 21;
/** A replica pointer. */
export const ADSTYPE_REPLICAPOINTER = 22;
/** A fax number. */
export const ADSTYPE_FAXNUMBER = 23;
/** An email address. */
export const ADSTYPE_EMAIL = 24;
/** A Windows security descriptor. */
export const ADSTYPE_NT_SECURITY_DESCRIPTOR = 25;
/** An undefined type: in GetPropertyItem, "use the property's own type". */
export const ADSTYPE_UNKNOWN = 26;
/** An ADS_DN_WITH_BINARY. */
export const ADSTYPE_DN_WITH_BINARY = 27;
/** An ADS_DN_WITH_STRING. */
export const ADSTYPE_DN_WITH_STRING = 28;

/** The string types: one string each, read through the IADsPropertyValue member of the same name. */
export const STRING_ADSTYPES: ReadonlyMap<number, string> = new Map([
  [ADSTYPE_DN_STRING, "DNString"],
  [ADSTYPE_CASE_EXACT_STRING, "CaseExactString"],
  [ADSTYPE_CASE_IGNORE_STRING, "CaseIgnoreString"],
  [ADSTYPE_PRINTABLE_STRING, "PrintableString"],
  [ADSTYPE_NUMERIC_STRING, "NumericString"],
]);

/** Whether `value` is an ADSTYPEENUM value. */
export function isAdsType(value: unknown): value is number {
  return (
    Number.isInteger(value) &&
    (value as number) >= ADSTYPE_INVALID &&
    (value as number) <= ADSTYPE_DN_WITH_STRING
  );
}
