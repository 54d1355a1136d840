import { AdsError } from "../../errors/AdsError.js";
import type { IADs } from "../interfaces/IADs.js";
import type { IADsCollection } from "../interfaces/IADsCollection.js";
import { sealFacadeClass } from "./comShape.js";
import type { BindContext } from "./context.js";
import { Enumerator, type ListingReader } from "./enumerator.js";
import { registerFacade } from "./internals.js";

/** Interfaces answered by QueryInterface: IADsCollection only (spec §1.1, §14 item 14). */
const COLLECTION_INTERFACES: readonly string[] = Object.freeze(["IUnknown", "IDispatch", "IADsCollection"]);

/** A late-bound member the collection does not have: VBScript's error 438 (spec §5.1 [D]). */
function unknownMember(name: string): never {
  throw new AdsError("DISP_E_UNKNOWNNAME", `IADsCollection has no ${name}`);
}

/**
 * Base of the WinNT collections (spec §5.1): IADsCollection only — no IADs, so no Name, ADsPath or
 * Class, and no Count (reading or writing them fails as late binding would). Each `_NewEnum` and each
 * `for...of` re-reads the server (spec §5.2) through `read`, a private closure (issue 7 item 1).
 */
export abstract class AdsCollection<T extends IADs> implements IADsCollection<T> {
  readonly #read: ListingReader<T>;

  /** A collection bound in `context` whose listing `read` reads from the server now (with its fault check). */
  protected constructor(context: BindContext, read: ListingReader<T>) {
    this.#read = read;
    registerFacade(this, { context, interfaces: COLLECTION_INTERFACES, cache: undefined });
  }

  get _NewEnum(): Enumerator<T> {
    return new Enumerator(this.#read);
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
}

/** Not members of IADsCollection (spec §5.1): reading or writing them is an unknown late-bound name. */
for (const name of ["Count", "Name", "ADsPath", "Class"]) {
  Object.defineProperty(AdsCollection.prototype, name, {
    configurable: true,
    enumerable: false,
    get: () => unknownMember(name),
    set: () => unknownMember(name),
  });
}
sealFacadeClass(AdsCollection);
