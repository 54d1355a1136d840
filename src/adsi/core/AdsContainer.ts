import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";
import { foldName } from "../../names/foldName.js";
import { canonicalClassName } from "../../schema/winntSchema.js";
import type { IADs } from "../interfaces/IADs.js";
import type { IADsContainer } from "../interfaces/IADsContainer.js";
import { AdsObject, type ObjectNames, type ObjectStorage } from "./AdsObject.js";
import { arrayArgument } from "./arguments.js";
import { sealFacadeClass } from "./comShape.js";
import type { BindContext } from "./context.js";
import { Enumerator } from "./enumerator.js";
import { contextOf } from "./internals.js";

/** Interfaces of a container beyond IADs (spec §1.1). */
export const CONTAINER_INTERFACES: readonly string[] = Object.freeze(["IADsContainer"]);

/**
 * How a container reaches its children: closures built by the subclass before `super`, kept private
 * (issue 7 item 1). `create` and `remove` are opt-in: by default containers do not create or delete.
 */
export interface ContainerChildren {
  /** The children, read from the current state, in enumeration order. */
  readonly list: () => AdsObject[];
  /** The child named `name`; `className` is canonical or undefined (any class). Throws the not-found code. */
  readonly find: (className: string | undefined, name: string) => AdsObject;
  /** A new unsaved child. */
  readonly create?: (className: string, name: string) => AdsObject;
  /** Deletes a child at once. */
  readonly remove?: (className: string, name: string) => void;
}

/** Service-like classes that a `Service` filter also selects (profile `serviceFilterIncludesFileServices`). */
const SERVICE_FAMILY = new Set(["SERVICE", "FILESERVICE", "FPNWFILESERVICE"]);

/**
 * Base of every WinNT container: IADsContainer (spec §4). Subclasses say how to list their children and
 * look one up ({@link ContainerChildren}); creation and deletion are opt-in.
 */
export abstract class AdsContainer extends AdsObject implements IADsContainer {
  readonly #children: ContainerChildren;
  #filter: readonly string[] | undefined;
  #hints: readonly string[] | undefined;

  /** Binds a container; see {@link AdsObject} for the first four arguments. */
  protected constructor(
    context: BindContext,
    names: ObjectNames,
    interfaces: readonly string[],
    storage: ObjectStorage,
    children: ContainerChildren,
  ) {
    super(context, names, interfaces, storage);
    this.#children = children;
  }

  /** spec §4: E_NOTIMPL on WinNT. */
  get Count(): number {
    throw new AdsError("E_NOTIMPL", "IADsContainer.Count is not implemented by WinNT");
  }

  get _NewEnum(): Enumerator<IADs> {
    return new Enumerator(() => {
      const fault = contextOf(this).core.intercept("enumerate.container", this.ADsPath);
      return { items: this.#filtered(), fault };
    });
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
    this.#filter = stringList(classes, "Filter takes an array of class names");
  }

  /** spec §4 [U]: profile `hints`. */
  get Hints(): readonly string[] | undefined {
    this.#checkHints();
    return this.#hints;
  }

  set Hints(hints: readonly string[] | string | undefined | null) {
    this.#checkHints();
    this.#hints =
      hints === undefined || hints === null ? undefined : stringList(hints, "Hints takes an array of names");
  }

  /** spec §4: class may be null; an unknown class name fails with E_ADS_UNKNOWN_OBJECT (§1.3). */
  GetObject(className: string | null | undefined, name: string): IADs {
    const canonical = this.#classArgument(className, true);
    if (typeof name !== "string" || name === "")
      throw new AdsError("E_ADS_BAD_PARAMETER", "GetObject needs a name");
    contextOf(this).core.intercept("GetObject", this.ADsPath);
    return this.#children.find(canonical, name);
  }

  /** spec §4: the new object exists on the server only after its SetInfo. */
  Create(className: string, name: string): IADs {
    const canonical = this.#classArgument(className, false) as string;
    if (typeof name !== "string" || name === "") throw new AdsError("E_INVALIDARG", "Create needs a name");
    const create = this.#children.create;
    if (!create)
      throw new AdsError("E_NOTIMPL", `the emulator does not create ${canonical} objects in a ${this.Class}`);
    return create(canonical, name);
  }

  /** spec §4: immediate, no SetInfo. */
  Delete(className: string, name: string): void {
    const canonical = this.#classArgument(className, false) as string;
    if (typeof name !== "string" || name === "") throw new AdsError("E_INVALIDARG", "Delete needs a name");
    const remove = this.#children.remove;
    if (!remove)
      throw new AdsError(
        "E_NOTIMPL",
        `the emulator does not delete ${canonical} objects from a ${this.Class}`,
      );
    contextOf(this).core.intercept("Delete", this.ADsPath);
    remove(canonical, name);
  }

  /** spec §4: providers shipped with ADSI return E_NOTIMPL. */
  CopyHere(_sourcePath: string, _newName: string): IADs {
    throw new AdsError("E_NOTIMPL", "CopyHere is not implemented by WinNT");
  }

  /** spec §4: WinNT only renames users and groups, which the emulator does not model. */
  MoveHere(_sourcePath: string, _newName: string): IADs {
    throw new AdsError(
      contextOf(this).core.profile.moveHereError,
      "WinNT MoveHere only renames users and groups",
    );
  }

  [Symbol.iterator](): Iterator<IADs> {
    return this._NewEnum[Symbol.iterator]();
  }

  #filtered(): AdsObject[] {
    const filter = this.#filter;
    const children = this.#children.list();
    if (!filter || filter.length === 0) return children;
    const wanted = new Set(filter.map(foldName));
    const widen = contextOf(this).core.profile.serviceFilterIncludesFileServices && wanted.has("SERVICE");
    return children.filter((child) => {
      const cls = foldName(child.Class);
      return wanted.has(cls) || (widen && SERVICE_FAMILY.has(cls));
    });
  }

  #checkHints(): void {
    if (contextOf(this).core.profile.hints === "notImplemented") {
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
sealFacadeClass(AdsContainer);

/** A VARIANT array of strings (or one string) as a frozen list; anything else → E_ADS_BAD_PARAMETER (spec §4). */
function stringList(value: unknown, problem: string): readonly string[] {
  const list = typeof value === "string" ? [value] : arrayArgument(value, problem);
  if (!list || list.some((name) => typeof name !== "string"))
    throw new AdsError("E_ADS_BAD_PARAMETER", problem);
  return Object.freeze(list as string[]);
}
