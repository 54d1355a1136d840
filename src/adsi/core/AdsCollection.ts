import { AdsError } from "../../errors/AdsError.js";
import type { IADs } from "../interfaces/IADs.js";
import type { IADsCollection } from "../interfaces/IADsCollection.js";
import { Enumerator, type ListingReader } from "./enumerator.js";

/** A late-bound member the collection does not have: VBScript's error 438 (spec §5.1 [D]). */
function unknownMember(name: string): never {
  throw new AdsError("DISP_E_UNKNOWNNAME", `IADsCollection has no ${name}`);
}

/**
 * Base of the WinNT collections (spec §5.1): IADsCollection only — no IADs, so no Name, ADsPath or
 * Class, and no Count (reading them fails as late binding would). Each `_NewEnum` and each `for...of`
 * re-reads the server (spec §5.2).
 */
export abstract class AdsCollection<T extends IADs> implements IADsCollection<T> {
  /** Interfaces answered by QueryInterface: IADsCollection only (spec §1.1, §14 item 14). */
  readonly interfaces: readonly string[] = ["IUnknown", "IDispatch", "IADsCollection"];

  /** The items, read from the server now. */
  protected abstract readItems(): T[];

  /** One enumeration's listing; subclasses add the fault check of their enumeration. */
  protected readonly listing: ListingReader<T> = () => ({ items: this.readItems() });

  get _NewEnum(): Enumerator<T> {
    return new Enumerator(this.listing);
  }

  [Symbol.iterator](): Iterator<T> {
    return this._NewEnum[Symbol.iterator]();
  }

  /** spec §5.1: no system provider supports Add → E_NOTIMPL. */
  Add(_name: string, _item: unknown): void {
    throw new AdsError("E_NOTIMPL", "IADsCollection.Add is not supported by WinNT");
  }

  abstract Remove(name: string): void;

  abstract GetObject(name: string): T;

  /** Not a member of IADsCollection (spec §5.1). */
  get Count(): never {
    return unknownMember("Count");
  }

  /** Not a member: the collection is not an IADs object (spec §5.1). */
  get Name(): never {
    return unknownMember("Name");
  }

  /** Not a member: the collection is not an IADs object (spec §5.1). */
  get ADsPath(): never {
    return unknownMember("ADsPath");
  }

  /** Not a member: the collection is not an IADs object (spec §5.1). */
  get Class(): never {
    return unknownMember("Class");
  }
}
