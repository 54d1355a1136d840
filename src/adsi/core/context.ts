import type { AccountState, NameKey } from "../../engine/state.js";
import type { DirectoryStore } from "../../engine/store.js";
import type { Environment } from "../../env/environment.js";
import type { FidelityProfile } from "../../profile/FidelityProfile.js";
import type { DeferredFault } from "../../runtime/EmulatorRuntime.js";
import type { FaultOperation } from "../../runtime/faults/operations.js";

/** The emulator internals every facade object reaches: state, environment, profile, fault rules. */
export interface EmulatorCore {
  readonly store: DirectoryStore;
  readonly env: Environment;
  readonly profile: FidelityProfile;
  /**
   * The fault rules' check at the entry of `operation` on `path` (docs/faults.md): may advance the
   * virtual clock, may throw the injected error; for an enumeration, may return a failure to raise
   * after some items.
   */
  readonly intercept: (operation: FaultOperation, path: string) => DeferredFault | undefined;
  /**
   * Whether any fault rule is in force: when none is, `intercept` does nothing, and an object made by the
   * thousand (an enumerated Session) skips building the ADsPath it would pass.
   */
  readonly faultsArmed: () => boolean;
}

/** Who an object was bound as (spec §2.5): an authenticated account, or the guest context of a null-credential bind. */
export type Identity =
  | {
      readonly kind: "account";
      /** Where the account lives: a domain's accounts or a computer's local accounts. */
      readonly scope: "domain" | "local";
      /** Key of that domain or computer. */
      readonly scopeKey: NameKey;
      readonly account: AccountState;
    }
  | { readonly kind: "guest" };

/** Credentials an object was bound with; null = the null-credential (guest) context (spec §2.5). */
export interface Credentials {
  readonly user: string;
  readonly password: string;
}

/**
 * What a bound object carries: the emulator core and the credentials it was bound with. Like ADSI,
 * which authenticates per server connection, the identity is established against each computer an
 * operation touches (see auth.ts `identityOn`); children inherit the credentials.
 */
export interface BindContext {
  readonly core: EmulatorCore;
  readonly credentials: Credentials | null;
  /**
   * Set when GetObject fell back to the guest context because these credentials failed on the bind
   * target (spec §2.5): the user name, so that an access-denied error can say why it is a guest.
   */
  readonly guestFallbackFrom?: string;
}
