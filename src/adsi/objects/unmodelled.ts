import type { AccountState, NameKey } from "../../engine/state.js";
import { nameKey } from "../../engine/state.js";
import { AdsError } from "../../errors/AdsError.js";
import { sameName } from "../../names/foldName.js";

/**
 * Fails for a WinNT class the emulator does not model yet (User, Group, PrintQueue, …; spec §1.1
 * "out of scope"). E_NOTIMPL with a message that says so, rather than a fake "not found".
 */
export function unmodelledClass(className: string): never {
  throw new AdsError("E_NOTIMPL", `the emulator does not model ${className} objects here`);
}

/**
 * Fails with {@link unmodelledClass} when `name` is an account of `accounts` (a User) or a group one
 * of them belongs to (a Group): such a child exists on Windows (spec §1.2: a domain and a computer
 * contain users and groups), so it is E_NOTIMPL, never "not found". Returns when it is neither.
 */
export function refuseAccountChild(accounts: ReadonlyMap<NameKey, AccountState>, name: string): void {
  if (accounts.has(nameKey(name))) unmodelledClass("User");
  for (const account of accounts.values()) {
    if (account.groups.some((group) => sameName(group, name))) unmodelledClass("Group");
  }
}
