import { registerFacade } from "../../adsi/core/internals.js";
import { AdsError } from "../../errors/AdsError.js";
import { AsyncEnumerator } from "./AsyncEnumerator.js";
import type { FileServiceBinding } from "./fileServiceBinding.js";

/** A late-bound member the collection does not have: VBScript's error 438 (spec §5.1 [D]). */
function unknownMember(name: string): never {
  throw new AdsError("DISP_E_UNKNOWNNAME", `IADsCollection has no ${name}`);
}

/**
 * Base of a real file service's Sessions and Resources collections (spec §5.1): IADsCollection only,
 * like the emulator's (no Count, Name, ADsPath or Class), but asynchronous. Every `for await` and every
 * `_NewEnum` re-reads the server (spec §5.2); GetObject re-reads it too; Remove acts on the server.
 */
export abstract class RemoteCollection<T> implements AsyncIterable<T> {
  /** Interfaces answered by QueryInterface: IADsCollection only (spec §5.1). */
  /** The file service this collection belongs to. */
  protected readonly binding: FileServiceBinding;

  /** The collection of the file service bound as `binding`. */
  constructor(binding: FileServiceBinding) {
    this.binding = binding;
    // Answers QueryInterface like the emulator's objects, without an own property.
    registerFacade(this, {
      context: undefined,
      interfaces: Object.freeze(["IUnknown", "IDispatch", "IADsCollection"]),
      cache: undefined,
    });
  }

  /** One enumeration's items, read from the server now. */
  protected abstract readItems(): Promise<T[]>;

  /** The item named `name`, from a fresh enumeration. */
  abstract GetObject(name: string): Promise<T>;

  /** Acts on the server: ends sessions (NetrSessionDel) or closes a file (NetrFileClose). */
  abstract Remove(name: string): Promise<void>;

  /** A fresh asynchronous IEnumVARIANT. */
  get _NewEnum(): AsyncEnumerator<T> {
    return new AsyncEnumerator(() => this.readItems());
  }

  /** `for await (const item of collection)`: one fresh enumeration. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return this._NewEnum[Symbol.asyncIterator]();
  }

  /** spec §5.1: no system provider supports Add → rejects E_NOTIMPL. */
  async Add(_name: string, _item: unknown): Promise<never> {
    throw new AdsError("E_NOTIMPL", "IADsCollection.Add is not supported by WinNT");
  }

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
