import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";
import { arrayArgument } from "../core/arguments.js";
import { sealFacadeClass } from "../core/comShape.js";
import { internalsOf, registerFacade } from "../core/internals.js";
import type { IADsPropertyEntry, IADsPropertyValue } from "../interfaces/IADsPropertyList.js";
import { ADSTYPE_INVALID, isAdsType } from "./adsTypes.js";

const INTERFACES = Object.freeze(["IUnknown", "IDispatch", "IADsPropertyEntry"]);

/** Whether `value` answers QueryInterface for `interfaceName` (a facade object of the emulator). */
export function implementsInterface(value: unknown, interfaceName: string): boolean {
  return internalsOf(value)?.interfaces.includes(interfaceName) ?? false;
}

/**
 * A property entry (`New PropertyEntry` in VB; IADsPropertyEntry): a name, its values (each an
 * IADsPropertyValue), their ADSTYPE and the control code PutPropertyItem applies. Every member is
 * read/write; writes are checked (a name is a string, values are IADsPropertyValue objects, codes
 * are integers), else DISP_E_TYPEMISMATCH or E_ADS_BAD_PARAMETER.
 */
export class PropertyEntry implements IADsPropertyEntry {
  #name = "";
  #values: readonly IADsPropertyValue[] = Object.freeze([]);
  #type: number = ADSTYPE_INVALID;
  #controlCode = 0;

  /** An empty entry; use {@link createPropertyEntry}. */
  constructor() {
    registerFacade(this, { context: undefined, interfaces: INTERFACES, cache: undefined });
  }

  get Name(): string {
    return this.#name;
  }
  set Name(name: string) {
    if (typeof name !== "string")
      throw new AdsError("DISP_E_TYPEMISMATCH", `type mismatch: Name cannot take ${describeValue(name)}`);
    this.#name = name;
  }

  get Values(): readonly IADsPropertyValue[] {
    return [...this.#values];
  }
  set Values(values: readonly IADsPropertyValue[]) {
    const list = arrayArgument(values, "Values");
    if (!list?.every((value) => implementsInterface(value, "IADsPropertyValue"))) {
      throw new AdsError("E_ADS_BAD_PARAMETER", "Values takes an array of IADsPropertyValue objects");
    }
    this.#values = Object.freeze(list as IADsPropertyValue[]);
  }

  get ADsType(): number {
    return this.#type;
  }
  set ADsType(type: number) {
    if (!isAdsType(type))
      throw new AdsError("E_ADS_BAD_PARAMETER", `ADsType ${describeValue(type)} is not an ADSTYPEENUM value`);
    this.#type = type;
  }

  get ControlCode(): number {
    return this.#controlCode;
  }
  set ControlCode(code: number) {
    if (!Number.isInteger(code))
      throw new AdsError("E_ADS_BAD_PARAMETER", `ControlCode ${describeValue(code)}`);
    this.#controlCode = code;
  }

  Clear(): void {
    this.#name = "";
    this.#values = Object.freeze([]);
    this.#type = ADSTYPE_INVALID;
    this.#controlCode = 0;
  }
}
sealFacadeClass(PropertyEntry);

/** `New PropertyEntry` (CLSID_PropertyEntry): an empty IADsPropertyEntry for PutPropertyItem. */
export function createPropertyEntry(): IADsPropertyEntry {
  return new PropertyEntry();
}
