import { registerFacade } from "../../adsi/core/internals.js";
import { AdsError } from "../../errors/AdsError.js";
import { windowsProfile } from "../../profile/windows.js";
import type { FileServiceBinding } from "./fileServiceBinding.js";
import { RemoteResources } from "./RemoteResources.js";
import { RemoteSessions } from "./RemoteSessions.js";

/** What a file service's identity strings are built from (the spelling of the bind path). */
export interface FileServiceNames {
  /** `LanmanServer`. */
  readonly name: string;
  /** ADsPath of the file service. */
  readonly adsPath: string;
  /** ADsPath of its computer. */
  readonly parent: string;
}

function notProvided(member: string): Promise<never> {
  return Promise.reject(
    new AdsError("E_NOTIMPL", `${member}: the MS-SRVS provider reads only sessions and open files`),
  );
}

/**
 * `WinNT://<host>/LanmanServer` on a real server (spec §8.2): IADsFileServiceOperations' `Sessions()`
 * and `Resources()`, asynchronous. The service's own properties and its control methods go through
 * other RPC interfaces (svcctl) and are not provided: they reject with E_NOTIMPL.
 */
export class RemoteFileService {
  readonly #binding: FileServiceBinding;
  readonly #names: FileServiceNames;

  /** The file service bound as `binding`, named `names`. */
  constructor(binding: FileServiceBinding, names: FileServiceNames) {
    this.#binding = binding;
    this.#names = names;
    // Answers QueryInterface like the emulator's objects, without an own property.
    registerFacade(this, {
      context: undefined,
      interfaces: Object.freeze([
        "IUnknown",
        "IDispatch",
        "IADs",
        "IADsServiceOperations",
        "IADsFileServiceOperations",
      ]),
      cache: undefined,
    });
  }

  /** `LanmanServer`. */
  get Name(): string {
    return this.#names.name;
  }

  /** `FileService`. */
  get Class(): string {
    return "FileService";
  }

  /** The class GUID (the emulator's value). */
  get GUID(): string {
    return windowsProfile.classGuids.FileService as string;
  }

  /** The path it was bound with, canonical. */
  get ADsPath(): string {
    return this.#names.adsPath;
  }

  /** The computer's ADsPath. */
  get Parent(): string {
    return this.#names.parent;
  }

  /** `WinNT://<domain or host>/Schema/FileService`. */
  get Schema(): string {
    return windowsProfile.schemaPath(this.#binding.schemaDomain, "FileService");
  }

  /** IADsFileServiceOperations.Sessions (spec §5.2, §8.2): resolves once the server is reachable. */
  async Sessions(): Promise<RemoteSessions> {
    await this.#binding.client.ready();
    return new RemoteSessions(this.#binding);
  }

  /** IADsFileServiceOperations.Resources (spec §5.3, §8.2): resolves once the server is reachable. */
  async Resources(): Promise<RemoteResources> {
    await this.#binding.client.ready();
    return new RemoteResources(this.#binding);
  }

  /** Not provided (service properties): E_NOTIMPL. */
  Get(_name: string): Promise<never> {
    return notProvided("Get");
  }

  /** Not provided: E_NOTIMPL. */
  GetEx(_name: string): Promise<never> {
    return notProvided("GetEx");
  }

  /** Not provided: E_NOTIMPL. */
  Put(_name: string, _value: unknown): Promise<never> {
    return notProvided("Put");
  }

  /** Not provided: E_NOTIMPL. */
  PutEx(_control: number, _name: string, _values: readonly unknown[]): Promise<never> {
    return notProvided("PutEx");
  }

  /** Not provided: E_NOTIMPL. */
  GetInfo(): Promise<never> {
    return notProvided("GetInfo");
  }

  /** Not provided: E_NOTIMPL. */
  GetInfoEx(_names: readonly string[], _reserved: number): Promise<never> {
    return notProvided("GetInfoEx");
  }

  /** Not provided: E_NOTIMPL. */
  SetInfo(): Promise<never> {
    return notProvided("SetInfo");
  }

  /** Service status needs the service controller (svcctl): not provided, E_NOTIMPL. */
  get Status(): never {
    throw new AdsError("E_NOTIMPL", "Status: the MS-SRVS provider reads only sessions and open files");
  }

  /** Not provided: E_NOTIMPL. */
  Start(): Promise<never> {
    return notProvided("Start");
  }

  /** Not provided: E_NOTIMPL. */
  Stop(): Promise<never> {
    return notProvided("Stop");
  }

  /** Not provided: E_NOTIMPL. */
  Pause(): Promise<never> {
    return notProvided("Pause");
  }

  /** Not provided: E_NOTIMPL. */
  Continue(): Promise<never> {
    return notProvided("Continue");
  }

  /** Not provided: E_NOTIMPL. */
  SetPassword(_password: string): Promise<never> {
    return notProvided("SetPassword");
  }
}
