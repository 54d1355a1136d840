import type { IADs } from "./IADs.js";
import type { IEnumVARIANT } from "./IEnumVARIANT.js";

/** IADsContainer (spec §4). Iterable with `for...of`, which enumerates the children that pass Filter. */
export interface IADsContainer extends Iterable<IADs> {
  /** Not implemented on WinNT: reading it throws E_NOTIMPL (spec §4). */
  readonly Count: number;
  /** A fresh enumerator over the children that pass Filter. */
  readonly _NewEnum: IEnumVARIANT<IADs>;
  /** Class names to enumerate; empty or unset = all (spec §4). */
  Filter: readonly string[] | undefined;
  /** Not implemented on WinNT by default (profile `hints`, spec §4 [U]). */
  Hints: readonly string[] | undefined;
  /** The child of class `className` (null/empty = any) named `name`. */
  GetObject(className: string | null | undefined, name: string): IADs;
  /** A new, unsaved child; it exists on the server after its SetInfo. */
  Create(className: string, name: string): IADs;
  /** Removes a child at once (no SetInfo). */
  Delete(className: string, name: string): void;
  /** E_NOTIMPL on WinNT (spec §4). */
  CopyHere(sourcePath: string, newName: string): IADs;
  /** WinNT only renames users and groups (spec §4). */
  MoveHere(sourcePath: string, newName: string): IADs;
}
