import { sealFacadeClass } from "../../adsi/core/comShape.js";
import { registerFacade } from "../../adsi/core/internals.js";
import { AdsError } from "../../errors/AdsError.js";
import { windowsProfile } from "../../profile/windows.js";
import type { FileServiceBinding } from "./fileServiceBinding.js";
import { SnapshotObject, type SnapshotValues } from "./SnapshotObject.js";
import { parseSessionName, sessionMatches, sessionNameOf, sessionValues } from "./sessionValues.js";
import type { RemoteSessionInfo } from "./srvsvcCalls.js";

/**
 * A session on a real server (spec §6, §12.6), from one NetrSessionEnum entry: IADsSession with
 * User (sesi_username), Computer (sesi_cname), ConnectTime and IdleTime (seconds). Name is
 * `user\computer`. UserPath and ComputerPath are unsupported, as on WinNT.
 */
export class RemoteSession extends SnapshotObject {
  readonly #binding: FileServiceBinding;

  /** The session `info` of the file service bound as `binding`. */
  constructor(binding: FileServiceBinding, info: RemoteSessionInfo) {
    super(
      {
        name: sessionNameOf(info),
        className: "Session",
        servicePath: binding.servicePath,
        schemaDomain: binding.schemaDomain,
      },
      sessionValues(info),
    );
    this.#binding = binding;
    // Answers QueryInterface like the emulator's objects, without an own property.
    registerFacade(this, {
      context: undefined,
      interfaces: Object.freeze(["IUnknown", "IDispatch", "IADs", "IADsSession"]),
      cache: undefined,
    });
  }

  /** sesi_username. */
  get User(): string {
    return this.Get("User") as string;
  }

  /** sesi_cname: the client's name or address, without `\\`. */
  get Computer(): string {
    return this.Get("Computer") as string;
  }

  /** Seconds since the session was set up (sesi_time). */
  get ConnectTime(): number {
    return this.Get("ConnectTime") as number;
  }

  /** Seconds idle (sesi_idle_time; always 0 on Samba). */
  get IdleTime(): number {
    return this.Get("IdleTime") as number;
  }

  /** Not supported by WinNT (spec §6). */
  get UserPath(): never {
    throw new AdsError(windowsProfile.unsupportedPropertyError, "UserPath is not supported by WinNT");
  }

  /** Not supported by WinNT (spec §6). */
  get ComputerPath(): never {
    throw new AdsError(windowsProfile.unsupportedPropertyError, "ComputerPath is not supported by WinNT");
  }

  protected async reload(): Promise<SnapshotValues> {
    const pair = parseSessionName(this.Name);
    const sessions = await this.#binding.client.sessions();
    const info = pair === undefined ? undefined : sessions.find((s) => sessionMatches(s, pair));
    if (info === undefined) throw new AdsError("NERR_ClientNameNotFound", `session ${this.Name} has ended`);
    return sessionValues(info);
  }
}
sealFacadeClass(RemoteSession);
