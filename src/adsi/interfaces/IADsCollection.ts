import type { IADs } from "./IADs.js";
import type { IEnumVARIANT } from "./IEnumVARIANT.js";

/** IADsCollection (spec §5.1): no Count, no Name, no ADsPath; iterable with `for...of`. */
export interface IADsCollection<T extends IADs = IADs> extends Iterable<T> {
  /** A fresh enumerator, re-reading the server (spec §5.2). */
  readonly _NewEnum: IEnumVARIANT<T>;
  /** E_NOTIMPL on WinNT (spec §5.1). */
  Add(name: string, item: unknown): void;
  /** Acts on the server: disconnects sessions / closes files (spec §5.1). */
  Remove(name: string): void;
  /** The item with that Name. */
  GetObject(name: string): T;
}
