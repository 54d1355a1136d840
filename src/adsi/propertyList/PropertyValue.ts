import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";
import { arrayArgument } from "../core/arguments.js";
import { sealFacadeClass } from "../core/comShape.js";
import { registerFacade } from "../core/internals.js";
import type { IADsPropertyValue } from "../interfaces/IADsPropertyList.js";
import {
  ADSTYPE_BOOLEAN,
  ADSTYPE_CASE_EXACT_STRING,
  ADSTYPE_CASE_IGNORE_STRING,
  ADSTYPE_DN_STRING,
  ADSTYPE_INTEGER,
  ADSTYPE_INVALID,
  ADSTYPE_NUMERIC_STRING,
  ADSTYPE_OCTET_STRING,
  ADSTYPE_PRINTABLE_STRING,
  ADSTYPE_UTC_TIME,
  isAdsType,
} from "./adsTypes.js";

const INTERFACES = Object.freeze(["IUnknown", "IDispatch", "IADsPropertyValue"]);

/** The data a value holds: an ADSVALUE-like tagged union. */
type Data = string | number | readonly number[] | Date | undefined;

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;

/**
 * A property value (`New PropertyValue` in VB; IADsPropertyValue). Each typed member reads the value
 * only when `ADsType` is its type, else E_ADS_CANT_CONVERT_DATATYPE ("the properties only set or
 * retrieve a value of the specified type"); writing a typed member sets the value and the type.
 */
export class PropertyValue implements IADsPropertyValue {
  #type: number = ADSTYPE_INVALID;
  #data: Data;

  /** A value with no data (ADSTYPE_INVALID); use {@link createPropertyValue}. */
  constructor() {
    registerFacade(this, { context: undefined, interfaces: INTERFACES, cache: undefined });
  }

  get ADsType(): number {
    return this.#type;
  }
  set ADsType(type: number) {
    if (!isAdsType(type))
      throw new AdsError("E_ADS_BAD_PARAMETER", `ADsType ${describeValue(type)} is not an ADSTYPEENUM value`);
    this.#type = type;
  }

  get DNString(): string {
    return this.#read(ADSTYPE_DN_STRING, "DNString") as string;
  }
  set DNString(value: string) {
    this.#write(ADSTYPE_DN_STRING, text(value, "DNString"));
  }
  get CaseExactString(): string {
    return this.#read(ADSTYPE_CASE_EXACT_STRING, "CaseExactString") as string;
  }
  set CaseExactString(value: string) {
    this.#write(ADSTYPE_CASE_EXACT_STRING, text(value, "CaseExactString"));
  }
  get CaseIgnoreString(): string {
    return this.#read(ADSTYPE_CASE_IGNORE_STRING, "CaseIgnoreString") as string;
  }
  set CaseIgnoreString(value: string) {
    this.#write(ADSTYPE_CASE_IGNORE_STRING, text(value, "CaseIgnoreString"));
  }
  get PrintableString(): string {
    return this.#read(ADSTYPE_PRINTABLE_STRING, "PrintableString") as string;
  }
  set PrintableString(value: string) {
    this.#write(ADSTYPE_PRINTABLE_STRING, text(value, "PrintableString"));
  }
  get NumericString(): string {
    return this.#read(ADSTYPE_NUMERIC_STRING, "NumericString") as string;
  }
  set NumericString(value: string) {
    this.#write(ADSTYPE_NUMERIC_STRING, text(value, "NumericString"));
  }
  get Boolean(): number {
    return this.#read(ADSTYPE_BOOLEAN, "Boolean") as number;
  }
  set Boolean(value: number) {
    if (typeof value !== "number" && typeof value !== "boolean") throw mismatch("Boolean", value);
    this.#write(ADSTYPE_BOOLEAN, value ? -1 : 0);
  }
  get Integer(): number {
    return this.#read(ADSTYPE_INTEGER, "Integer") as number;
  }
  set Integer(value: number) {
    if (!Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) throw mismatch("Integer", value);
    this.#write(ADSTYPE_INTEGER, value);
  }
  get OctetString(): readonly number[] {
    return [...(this.#read(ADSTYPE_OCTET_STRING, "OctetString") as readonly number[])];
  }
  set OctetString(value: readonly number[]) {
    const bytes = arrayArgument(value, "OctetString");
    if (!bytes?.every((b) => Number.isInteger(b) && (b as number) >= 0 && (b as number) <= 255))
      throw mismatch("OctetString", value);
    this.#write(ADSTYPE_OCTET_STRING, Object.freeze(bytes as number[]));
  }
  get UTCTime(): Date {
    return new Date((this.#read(ADSTYPE_UTC_TIME, "UTCTime") as Date).getTime());
  }
  set UTCTime(value: Date) {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw mismatch("UTCTime", value);
    this.#write(ADSTYPE_UTC_TIME, new Date(value.getTime()));
  }
  get LargeInteger(): never {
    throw new AdsError("E_NOTIMPL", "IADsLargeInteger values are not modelled (no WinNT property has one)");
  }
  get SecurityDescriptor(): never {
    throw new AdsError("E_NOTIMPL", "security descriptors are not supported by WinNT");
  }

  Clear(): void {
    this.#type = ADSTYPE_INVALID;
    this.#data = undefined;
  }

  #read(type: number, member: string): Data {
    if (this.#type !== type || this.#data === undefined) {
      throw new AdsError("E_ADS_CANT_CONVERT_DATATYPE", `${member} of a value of ADsType ${this.#type}`);
    }
    return this.#data;
  }

  #write(type: number, data: Data): void {
    this.#type = type;
    this.#data = data;
  }
}
sealFacadeClass(PropertyValue);

function text(value: unknown, member: string): string {
  if (typeof value !== "string") throw mismatch(member, value);
  return value;
}

function mismatch(member: string, value: unknown): AdsError {
  return new AdsError("DISP_E_TYPEMISMATCH", `type mismatch: ${member} cannot take ${describeValue(value)}`);
}

/** `New PropertyValue` (CLSID_PropertyValue): an empty IADsPropertyValue for PutPropertyItem. */
export function createPropertyValue(): IADsPropertyValue {
  return new PropertyValue();
}
