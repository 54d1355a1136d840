import { AdsError } from "../../errors/AdsError.js";

/**
 * Fails for a WinNT class the emulator does not model yet (User, Group, PrintQueue, …; spec §1.1
 * "out of scope"). E_NOTIMPL with a message that says so, rather than a fake "not found".
 */
export function unmodelledClass(className: string): never {
  throw new AdsError("E_NOTIMPL", `the emulator does not model ${className} objects here`);
}
