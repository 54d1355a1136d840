import { sealFacadeClass } from "../../adsi/core/comShape.js";
import { registerFacade } from "../../adsi/core/internals.js";
import { AdsError } from "../../errors/AdsError.js";
import { windowsProfile } from "../../profile/windows.js";
import type { FileServiceBinding } from "./fileServiceBinding.js";
import { SnapshotObject, type SnapshotValues } from "./SnapshotObject.js";
import { resourceNameOf, resourceValues } from "./sessionValues.js";
import type { RemoteFileInfo } from "./srvsvcCalls.js";

/**
 * An open file on a real server (spec §7, §12.6), from one NetrFileEnum level 3 entry: IADsResource
 * with User (fi3_username), Path (fi3_pathname), LockCount (fi3_num_locks). Name is the decimal fi3_id,
 * the id Resources.Remove closes. UserPath is unsupported, as on WinNT.
 */
export class RemoteResource extends SnapshotObject {
  readonly #binding: FileServiceBinding;
  readonly #id: number;

  /** The open file `info` of the file service bound as `binding`. */
  constructor(binding: FileServiceBinding, info: RemoteFileInfo) {
    super(
      {
        name: resourceNameOf(info),
        className: "Resource",
        servicePath: binding.servicePath,
        schemaDomain: binding.schemaDomain,
      },
      resourceValues(info),
    );
    this.#binding = binding;
    this.#id = info.id;
    // Answers QueryInterface like the emulator's objects, without an own property.
    registerFacade(this, {
      context: undefined,
      interfaces: Object.freeze(["IUnknown", "IDispatch", "IADs", "IADsResource"]),
      cache: undefined,
    });
  }

  /** fi3_username. */
  get User(): string {
    return this.Get("User") as string;
  }

  /** fi3_pathname: the path on the server. */
  get Path(): string {
    return this.Get("Path") as string;
  }

  /** fi3_num_locks. */
  get LockCount(): number {
    return this.Get("LockCount") as number;
  }

  /** Not supported by WinNT (spec §7). */
  get UserPath(): never {
    throw new AdsError(windowsProfile.unsupportedPropertyError, "UserPath is not supported by WinNT");
  }

  protected async reload(): Promise<SnapshotValues> {
    const info = (await this.#binding.client.files()).find((f) => f.id === this.#id);
    if (info === undefined) throw new AdsError("ERROR_FILE_NOT_FOUND", `file ${this.Name} is no longer open`);
    return resourceValues(info);
  }
}
sealFacadeClass(RemoteResource);
