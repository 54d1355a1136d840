import type { Variant } from "../../adsi/interfaces/Variant.js";
import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";
import { windowsProfile } from "../../profile/windows.js";
import { type ClassDefinition, classProperty, findClass } from "../../schema/winntSchema.js";

/** The identity strings of a session or resource (spec §2.4), as the emulator computes them. */
export interface SnapshotNames {
  readonly name: string;
  readonly className: "Session" | "Resource";
  /** ADsPath of the file service the object depends on. */
  readonly servicePath: string;
  /** The first component of that path, where the schema lives (`WinNT://<it>/Schema/<class>`). */
  readonly schemaDomain: string;
}

/** Property values by canonical name (User, ConnectTime…). */
export type SnapshotValues = ReadonlyMap<string, Variant>;

/**
 * A dependent object of a real file service (spec §6-7) holding the values of one enumeration: IADs
 * with get-only properties. `Get`/`GetEx` read the snapshot synchronously (they never talk to the
 * server); `GetInfo`/`GetInfoEx` re-read it from the server and return Promises. Identity strings, and
 * the codes for properties the class lacks, are those of the emulator's windows profile.
 */
export abstract class SnapshotObject {
  readonly #names: SnapshotNames;
  readonly #class: ClassDefinition;
  #values: SnapshotValues;

  /** An object named `names` with the values of one enumeration. */
  protected constructor(names: SnapshotNames, values: SnapshotValues) {
    this.#names = names;
    this.#class = findClass(names.className) as ClassDefinition;
    this.#values = values;
  }

  /** Re-reads this object's values from the server (rejects when it is gone). */
  protected abstract reload(): Promise<SnapshotValues>;

  /** Relative name, unique among siblings (spec §5.2-5.3). */
  get Name(): string {
    return this.#names.name;
  }

  /** `Session` or `Resource`. */
  get Class(): string {
    return this.#names.className;
  }

  /** The class GUID (spec §2.4; the emulator's value). */
  get GUID(): string {
    return windowsProfile.classGuids[this.#names.className] ?? "{00000000-0000-0000-0000-000000000000}";
  }

  /** `<file service path>/<escaped Name>`: it cannot be used to bind (spec §2.4). */
  get ADsPath(): string {
    return windowsProfile.dependentObjectPaths(this.#names.servicePath, this.#names.name).adsPath;
  }

  /** The file service's ADsPath. */
  get Parent(): string {
    return windowsProfile.dependentObjectPaths(this.#names.servicePath, this.#names.name).parent;
  }

  /** `WinNT://<domain>/Schema/<Class>`. */
  get Schema(): string {
    return windowsProfile.schemaPath(this.#names.schemaDomain, this.#names.className);
  }

  /** A property of the snapshot (spec §3.2 item 6); not in the class → E_ADS_PROPERTY_NOT_SUPPORTED. */
  Get(name: string): Variant {
    return this.#value(name);
  }

  /** The property as a one-element array. */
  GetEx(name: string): Variant[] {
    return [this.#value(name)];
  }

  /** Every property is get-only (spec §6-7): E_ADS_PROPERTY_NOT_SUPPORTED, as the emulator answers. */
  Put(name: string, _value: Variant): void {
    this.#refusePut(name);
  }

  /** As Put. */
  PutEx(_control: number, name: string, _values: readonly Variant[]): void {
    this.#refusePut(name);
  }

  /** Dependent objects cannot be written: rejects E_NOTIMPL (the emulator's setInfoNotSupportedError). */
  async SetInfo(): Promise<void> {
    throw new AdsError(windowsProfile.setInfoNotSupportedError, `SetInfo on a ${this.Class}`);
  }

  /** Re-reads the object from the server (a fresh enumeration). */
  async GetInfo(): Promise<void> {
    this.#values = await this.reload();
  }

  /** Re-reads the named properties (spec §3.2 item 4); `reserved` must be 0. */
  async GetInfoEx(names: readonly string[], reserved: number): Promise<void> {
    if (reserved !== 0) throw new AdsError("E_ADS_BAD_PARAMETER", "GetInfoEx: lnReserved must be 0");
    if (!Array.isArray(names)) throw new AdsError("E_ADS_BAD_PARAMETER", "GetInfoEx takes an array of names");
    const properties = names.map((name) => this.#property(name));
    const fresh = await this.reload();
    const values = new Map(this.#values);
    for (const property of properties) {
      const value = fresh.get(property);
      if (value === undefined) values.delete(property);
      else values.set(property, value);
    }
    this.#values = values;
  }

  #property(name: string): string {
    const property = classProperty(this.#class, name);
    if (property === undefined) {
      throw new AdsError(
        windowsProfile.propertyNotInClassError,
        `class ${this.Class} has no property ${describeValue(name)}`,
      );
    }
    return property.name;
  }

  #value(name: string): Variant {
    const property = this.#property(name);
    const value = this.#values.get(property);
    if (value === undefined)
      throw new AdsError("E_ADS_PROPERTY_NOT_FOUND", `${property} is not set on this object`);
    return value;
  }

  #refusePut(name: string): never {
    const property = this.#property(name);
    throw new AdsError(windowsProfile.readOnlyPropertyPutError, `${property} is read-only`);
  }
}
