import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";
import { foldName } from "../../names/foldName.js";
import { canonicalClassName } from "../../schema/winntSchema.js";
import type { IADs } from "../interfaces/IADs.js";
import type { IADsContainer } from "../interfaces/IADsContainer.js";
import { AdsObject } from "./AdsObject.js";
import { Enumerator } from "./enumerator.js";

/** Interfaces of a container beyond IADs (spec §1.1). */
export const CONTAINER_INTERFACES: readonly string[] = ["IADsContainer"];

/** Service-like classes that a `Service` filter also selects (profile `serviceFilterIncludesFileServices`). */
const SERVICE_FAMILY = new Set(["SERVICE", "FILESERVICE", "FPNWFILESERVICE"]);

/**
 * Base of every WinNT container: IADsContainer (spec §4). Subclasses list their children and look one
 * up; creation and deletion are opt-in.
 */
export abstract class AdsContainer extends AdsObject implements IADsContainer {
  #filter: readonly string[] | undefined;
  #hints: readonly string[] | undefined;

  /** The children, read from the current state, in enumeration order. */
  protected abstract listChildren(): AdsObject[];

  /** The child named `name`; `className` is canonical or undefined (any class). Throws the not-found code. */
  protected abstract findChild(className: string | undefined, name: string): AdsObject;

  /** A new unsaved child; by default containers do not create (the emulator does not model it). */
  protected createChild(className: string, _name: string): AdsObject {
    throw new AdsError("E_NOTIMPL", `the emulator does not create ${className} objects in a ${this.Class}`);
  }

  /** Deletes a child at once; by default containers do not delete. */
  protected deleteChild(className: string, _name: string): void {
    throw new AdsError("E_NOTIMPL", `the emulator does not delete ${className} objects from a ${this.Class}`);
  }

  /** spec §4: E_NOTIMPL on WinNT. */
  get Count(): number {
    throw new AdsError("E_NOTIMPL", "IADsContainer.Count is not implemented by WinNT");
  }

  get _NewEnum(): Enumerator<IADs> {
    return new Enumerator(() => this.#filtered());
  }

  /** spec §4, §14 item 9. */
  get Filter(): readonly string[] | undefined {
    return this.#filter;
  }

  set Filter(classes: readonly string[] | string | undefined | null) {
    if (classes === undefined || classes === null) {
      this.#filter = undefined;
      return;
    }
    const list =
      typeof classes === "string" ? [classes] : Array.isArray(classes) ? Array.from(classes) : undefined;
    if (!list || list.some((name) => typeof name !== "string")) {
      throw new AdsError("E_ADS_BAD_PARAMETER", "Filter takes an array of class names");
    }
    this.#filter = Object.freeze(list);
  }

  /** spec §4 [U]: profile `hints`. */
  get Hints(): readonly string[] | undefined {
    this.#checkHints();
    return this.#hints;
  }

  set Hints(hints: readonly string[] | undefined) {
    this.#checkHints();
    this.#hints = hints === undefined ? undefined : Object.freeze([...hints]);
  }

  /** spec §4: class may be null; an unknown class name fails with E_ADS_UNKNOWN_OBJECT (§1.3). */
  GetObject(className: string | null | undefined, name: string): IADs {
    const canonical = this.#classArgument(className, true);
    if (typeof name !== "string" || name === "")
      throw new AdsError("E_ADS_BAD_PARAMETER", "GetObject needs a name");
    return this.findChild(canonical, name);
  }

  /** spec §4: the new object exists on the server only after its SetInfo. */
  Create(className: string, name: string): IADs {
    const canonical = this.#classArgument(className, false) as string;
    if (typeof name !== "string" || name === "") throw new AdsError("E_INVALIDARG", "Create needs a name");
    return this.createChild(canonical, name);
  }

  /** spec §4: immediate, no SetInfo. */
  Delete(className: string, name: string): void {
    const canonical = this.#classArgument(className, false) as string;
    if (typeof name !== "string" || name === "") throw new AdsError("E_INVALIDARG", "Delete needs a name");
    this.deleteChild(canonical, name);
  }

  /** spec §4: providers shipped with ADSI return E_NOTIMPL. */
  CopyHere(_sourcePath: string, _newName: string): IADs {
    throw new AdsError("E_NOTIMPL", "CopyHere is not implemented by WinNT");
  }

  /** spec §4: WinNT only renames users and groups, which the emulator does not model. */
  MoveHere(_sourcePath: string, _newName: string): IADs {
    throw new AdsError(
      this.context.core.profile.moveHereError,
      "WinNT MoveHere only renames users and groups",
    );
  }

  [Symbol.iterator](): Iterator<IADs> {
    return this._NewEnum[Symbol.iterator]();
  }

  #filtered(): AdsObject[] {
    const filter = this.#filter;
    const children = this.listChildren();
    if (!filter || filter.length === 0) return children;
    const wanted = new Set(filter.map(foldName));
    const widen = this.context.core.profile.serviceFilterIncludesFileServices && wanted.has("SERVICE");
    return children.filter((child) => {
      const cls = foldName(child.Class);
      return wanted.has(cls) || (widen && SERVICE_FAMILY.has(cls));
    });
  }

  #checkHints(): void {
    if (this.context.core.profile.hints === "notImplemented") {
      throw new AdsError("E_NOTIMPL", "IADsContainer.Hints is not implemented by WinNT");
    }
  }

  #classArgument(className: string | null | undefined, optional: boolean): string | undefined {
    if (optional && (className === null || className === undefined || className === "")) return undefined;
    const canonical = typeof className === "string" ? canonicalClassName(className) : undefined;
    if (!canonical)
      throw new AdsError("E_ADS_UNKNOWN_OBJECT", `${describeValue(className)} is not a WinNT class`);
    return canonical;
  }
}
