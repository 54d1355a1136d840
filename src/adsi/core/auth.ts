import {
  type AccountState,
  type ComputerState,
  type DirectoryState,
  type NameKey,
  nameKey,
} from "../../engine/state.js";
import { AdsError } from "../../errors/AdsError.js";
import { sameName } from "../../names/foldName.js";
import type { BindContext, Identity } from "./context.js";

/** The guest context: what a null-credential bind gets (spec §2.5). */
export const GUEST: Identity = Object.freeze({ kind: "guest" });

/** Where credentials are checked: the target computer (if any) and its domain or workgroup. */
export interface AuthTarget {
  readonly domain: NameKey | undefined;
  readonly computer: NameKey | undefined;
}

/**
 * The accounts `user` may name on `target` (spec §2.5): `name`, `DOMAIN\name`, `COMPUTER\name` or
 * `.\name`. A bare name is looked up among the target computer's local accounts, then its domain's.
 */
export function accountCandidates(state: DirectoryState, target: AuthTarget, user: string): Identity[] {
  const slash = user.indexOf("\\");
  const qualifier = slash >= 0 ? user.slice(0, slash) : undefined;
  const name = nameKey(slash >= 0 ? user.slice(slash + 1) : user);
  const candidates: Identity[] = [];
  const local = target.computer ? state.computers.get(target.computer) : undefined;
  const domain = target.domain ? state.domains.get(target.domain) : undefined;
  const qualifierKey = qualifier === undefined ? undefined : nameKey(qualifier);
  const localAllowed = qualifier === undefined || qualifier === "." || qualifierKey === target.computer;
  const domainAllowed = qualifier === undefined || qualifierKey === target.domain;
  const localAccount = localAllowed && local && target.computer ? local.users.get(name) : undefined;
  if (localAccount && target.computer) {
    candidates.push({ kind: "account", scope: "local", scopeKey: target.computer, account: localAccount });
  }
  const domainAccount = domainAllowed && domain?.type === "domain" ? domain.users.get(name) : undefined;
  if (domainAccount && target.domain) {
    candidates.push({ kind: "account", scope: "domain", scopeKey: target.domain, account: domainAccount });
  }
  return candidates;
}

/**
 * Checks `user`/`password` against the fixture's accounts as a WinNT bind to `target` would
 * (spec §2.5; names as {@link accountCandidates} takes them). Returns undefined on an unknown account
 * or a wrong password.
 */
export function authenticate(
  state: DirectoryState,
  target: AuthTarget,
  user: string,
  password: string,
): Identity | undefined {
  return accountCandidates(state, target, user).find(
    (identity) => identity.kind === "account" && identity.account.password === password,
  );
}

/** Groups whose members administer a computer (spec §11.3 rows "needs an administrator"), by account scope. */
const ADMIN_GROUPS = { local: ["ADMINISTRATORS"], domain: ["ADMINISTRATORS", "DOMAIN ADMINS"] } as const;

/** Whether `groups` contains `group`, compared as Windows compares names. */
export function inGroup(groups: readonly string[], group: string): boolean {
  return groups.some((candidate) => sameName(candidate, group));
}

/**
 * Whether an account of `scope` with `groups` is an administrator of the computers it can act on: a
 * local account in Administrators, a domain account in Administrators or Domain Admins.
 */
export function hasAdminGroup(groups: readonly string[], scope: "local" | "domain"): boolean {
  return ADMIN_GROUPS[scope].some((group) => inGroup(groups, group));
}

/**
 * Whether `identity` administers `computer`: a local account of it in Administrators, or an account of
 * its domain in Administrators or Domain Admins.
 */
export function isAdministrator(identity: Identity, computerKey: NameKey, computer: ComputerState): boolean {
  if (identity.kind !== "account") return false;
  const member =
    identity.scope === "local" ? identity.scopeKey === computerKey : identity.scopeKey === computer.domain;
  return member && hasAdminGroup(identity.account.groups, identity.scope);
}

/** An identity established earlier, with the account Maps it was established against. */
interface KnownIdentity {
  readonly localUsers: ReadonlyMap<NameKey, AccountState>;
  readonly domainUsers: ReadonlyMap<NameKey, AccountState> | undefined;
  readonly identity: Identity;
  /** Whether the identity administers the computer (worked out on first need). */
  administrator?: boolean;
}

/**
 * Identities already established, per bind context and computer. An entry stands while the computer's
 * and its domain's account Maps are the very ones it was established against (states are immutable, so
 * the same Maps hold the same accounts): an object's every call needs its caller's identity, and
 * authenticating compares names and passwords.
 */
const established = new WeakMap<BindContext, Map<NameKey, KnownIdentity>>();

/** The identity `context`'s credentials establish on `computerKey`: an account, or guest when they fail (spec §2.5). */
export function identityOn(context: BindContext, computerKey: NameKey): Identity {
  return knownIdentity(context, computerKey)?.identity ?? GUEST;
}

/** The remembered identity of `context` on `computerKey` (established now if needed); undefined = guest. */
function knownIdentity(context: BindContext, computerKey: NameKey): KnownIdentity | undefined {
  const { credentials, core } = context;
  const state = core.store.state;
  const computer = state.computers.get(computerKey);
  if (!credentials || !computer) return undefined;
  const localUsers = computer.users;
  const domainUsers = state.domains.get(computer.domain)?.users;
  let known = established.get(context);
  const hit = known?.get(computerKey);
  if (hit && hit.localUsers === localUsers && hit.domainUsers === domainUsers) return hit;
  const target = { domain: computer.domain, computer: computerKey };
  const identity = authenticate(state, target, credentials.user, credentials.password) ?? GUEST;
  if (known === undefined) {
    known = new Map();
    established.set(context, known);
  }
  const entry: KnownIdentity = { localUsers, domainUsers, identity };
  known.set(computerKey, entry);
  return entry;
}

/**
 * Why `identity` acts as it does on `computer`, for an access-denied message: above all, whether the
 * object was bound as guest after the caller's credentials failed (GetObject's silent fallback, spec §2.5).
 */
function whoIsAsking(context: BindContext, identity: Identity, computer: string): string {
  if (context.guestFallbackFrom !== undefined) {
    return `the object was bound as guest because the credentials of ${context.guestFallbackFrom} did not log on (GetObject falls back to guest, spec §2.5; OpenDSObject reports ERROR_LOGON_FAILURE instead)`;
  }
  if (!context.credentials) return "the object was bound as guest (null credentials)";
  if (identity.kind === "guest") {
    return `the credentials of ${context.credentials.user} do not log on to ${computer}, so it acts as guest there`;
  }
  return `${context.credentials.user} is not an administrator there`;
}

/** Throws E_ACCESSDENIED unless `context`'s credentials administer the computer (spec §11.3). */
export function requireAdministrator(context: BindContext, computerKey: NameKey, action: string): void {
  const computer = context.core.store.state.computers.get(computerKey);
  const known = computer ? knownIdentity(context, computerKey) : undefined;
  if (known !== undefined)
    known.administrator ??= isAdministrator(known.identity, computerKey, computer as ComputerState);
  if (!computer || !(known?.administrator ?? isAdministrator(GUEST, computerKey, computer))) {
    const name = computer?.name ?? computerKey;
    const identity = known?.identity ?? GUEST;
    throw new AdsError(
      "E_ACCESSDENIED",
      `${action} requires an administrator of ${name}: ${whoIsAsking(context, identity, name)}`,
    );
  }
}

/**
 * Throws E_ACCESSDENIED unless `context` may delete sessions on the computer: Administrators on Windows
 * (spec §12.3), Domain Admins on Samba (spec §12.5), per profile `sessionDeleteRequires`.
 */
export function requireSessionDeleteRights(context: BindContext, computerKey: NameKey): void {
  if (context.core.profile.sessionDeleteRequires === "administrators") {
    requireAdministrator(context, computerKey, "Deleting a session");
    return;
  }
  const identity = identityOn(context, computerKey);
  const domainAdmin =
    identity.kind === "account" &&
    identity.scope === "domain" &&
    inGroup(identity.account.groups, "Domain Admins");
  if (!domainAdmin) {
    const name = context.core.store.state.computers.get(computerKey)?.name ?? computerKey;
    throw new AdsError(
      "E_ACCESSDENIED",
      `Deleting a session requires Domain Admins on this server: ${whoIsAsking(context, identity, name)}`,
    );
  }
}
