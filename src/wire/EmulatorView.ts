/**
 * Everything the wire server reads from, and asks of, the emulator, in one place: the served computer,
 * its accounts (for NTLM verification), its file service, shares, sessions and open files, and ADSI
 * bindings as the connecting user (so srvsvc calls get ADSI's access checks and the profile's error
 * codes). Reads go through `emu.state` (read-only); changes only through `emu.inject` and ADSI.
 */
import { ADS_SECURE_AUTHENTICATION, ADS_SERVICE_PAUSED, ADS_SERVICE_RUNNING } from "../adsi/constants.js";
import { accountCandidates, isAdministrator } from "../adsi/core/auth.js";
import type { IADsFileServiceOperations } from "../adsi/interfaces/IADsFileService.js";
import type { Emulator } from "../emulator.js";
import { type ComputerState, type FileServiceState, type NameKey, nameKey } from "../engine/state.js";
import { AdsError } from "../errors/AdsError.js";

/** The file service the wire server serves (MS-SRVS is LanmanServer). */
export const SERVED_SERVICE = "LanmanServer";

/** An account a client may have signed in as, with what NTLM verification needs. */
export interface AccountMatch {
  /** `DOMAIN\name` or `COMPUTER\name`: how the injector and ADSI name it. */
  readonly qualified: string;
  readonly name: string;
  readonly password: string;
  readonly administrator: boolean;
}

/** Who is calling srvsvc: an account, or a guest / anonymous logon. */
export type WireCaller =
  | { readonly kind: "account"; readonly account: AccountMatch }
  | { readonly kind: "guest" };

/** One share as NetrShareEnum reports it (SHARE_INFO_2, [MS-SRVS] 2.2.4.24). */
export interface ShareRow {
  readonly name: string;
  readonly path: string;
  readonly remark: string;
  /** -1 = unlimited. */
  readonly maxUses: number;
  readonly currentUses: number;
}

/** What NetrSessionEnum needs besides ADSI's Session properties (SESSION_INFO_502, ms-srvs-wire §4.2). */
export interface SessionExtras {
  readonly user: string;
  readonly computer: string;
  readonly numOpens: number;
  readonly guest: boolean;
  readonly clientType: string;
  readonly transport: string;
}

/** See the module comment. */
export class EmulatorView {
  /** The emulator served. */
  readonly emu: Emulator;
  readonly #computer: NameKey;

  /** A view of `server` (a computer with a LanmanServer file service) in `emu`. */
  constructor(emu: Emulator, server: string) {
    this.emu = emu;
    this.#computer = nameKey(server);
    const service = this.#computerState().services.get(nameKey(SERVED_SERVICE));
    if (service?.fileService === undefined) {
      throw new AdsError("E_INVALIDARG", `${server} has no ${SERVED_SERVICE} file service to serve`);
    }
  }

  #computerState(): ComputerState {
    const computer = this.emu.state.computers.get(this.#computer);
    if (computer === undefined)
      throw new AdsError("E_INVALIDARG", `no computer ${this.#computer} in the fixture`);
    return computer;
  }

  /** The computer's name as the directory spells it. */
  get computerName(): string {
    return this.#computerState().name;
  }

  /** Its domain or workgroup: NetBIOS name and kind (the NTLM target, MS-NLMP §2.2.1.2). */
  get domain(): { readonly name: string; readonly isDomain: boolean } {
    const domain = this.emu.state.domains.get(this.#computerState().domain);
    return { name: domain?.name ?? "WORKGROUP", isDomain: domain?.type === "domain" };
  }

  /** The LanmanServer file service state (shares, sessions, files). */
  fileService(): FileServiceState {
    return this.#computerState().services.get(nameKey(SERVED_SERVICE))?.fileService as FileServiceState;
  }

  /** Whether the Server service answers RPCs: running or paused (ADS_SERVICE_STATUS_ENUM, spec §8.1). */
  serviceAnswers(): boolean {
    const status = this.#computerState().services.get(nameKey(SERVED_SERVICE))?.status;
    return status === ADS_SERVICE_RUNNING || status === ADS_SERVICE_PAUSED;
  }

  /**
   * The accounts `domain\user` may be (spec §2.5): qualified by the domain the client sent when it is
   * the computer's or its domain's, else by name alone (a client's own workgroup name, as Windows
   * falls back to the local SAM).
   */
  accounts(user: string, domain: string): AccountMatch[] {
    if (user === "" || user.includes("\\")) return [];
    const state = this.emu.state;
    const computer = this.#computerState();
    const target = { domain: computer.domain, computer: this.#computer };
    const qualified = domain === "" ? [] : accountCandidates(state, target, `${domain}\\${user}`);
    const candidates = qualified.length > 0 ? qualified : accountCandidates(state, target, user);
    return candidates.flatMap((identity) => {
      if (identity.kind !== "account") return [];
      const scopeName =
        identity.scope === "local"
          ? computer.name
          : (state.domains.get(identity.scopeKey)?.name ?? identity.scopeKey);
      return [
        {
          qualified: `${scopeName}\\${identity.account.name}`,
          name: identity.account.name,
          password: identity.account.password,
          administrator: isAdministrator(identity, this.#computer, computer),
        },
      ];
    });
  }

  /** Whether the fixture has a Guest account on this computer or its domain (guest logons, MS-SMB2 §3.3.5.5.3). */
  hasGuestAccount(): boolean {
    return this.accounts("Guest", "").length > 0;
  }

  /** The shares, in fixture order, with IPC$ first when the fixture does not list it (every server has it). */
  shares(): ShareRow[] {
    const rows = [...this.fileService().shares.values()].map((share) => ({
      name: share.name,
      path: share.Path,
      remark: share.Description ?? "",
      maxUses: share.MaxUserCount,
      currentUses: share.currentUses,
    }));
    if (!rows.some((row) => nameKey(row.name) === nameKey("IPC$"))) {
      rows.unshift({ name: "IPC$", path: "", remark: "Remote IPC", maxUses: -1, currentUses: 0 });
    }
    return rows;
  }

  /** The sessions in connection order, with what ADSI does not show. */
  sessionExtras(): SessionExtras[] {
    return [...this.fileService().sessions.values()].map((session) => ({
      user: session.user,
      computer: session.computer,
      numOpens: session.fileIds.length,
      guest: session.guest,
      clientType: session.clientType ?? "",
      transport: session.transport ?? "",
    }));
  }

  /** The open file's fi3_permissions, or undefined when it is not open. */
  filePermissions(fileId: number): number | undefined {
    return this.fileService().files.get(fileId)?.permissions;
  }

  /**
   * The file service bound as `caller` with OpenDSObject (spec §2.5), or undefined for a guest (who is
   * denied every administrative call).
   */
  bindAs(caller: WireCaller): IADsFileServiceOperations | undefined {
    if (caller.kind === "guest") return undefined;
    return this.emu.OpenDSObject<IADsFileServiceOperations>(
      `WinNT://${this.computerName}/${SERVED_SERVICE}`,
      caller.account.qualified,
      caller.account.password,
      ADS_SECURE_AUTHENTICATION,
    );
  }
}
