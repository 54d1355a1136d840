import type { FidelityProfile } from "./FidelityProfile.js";
import { windowsProfile } from "./windows.js";

/**
 * A WinNT client talking to a Samba server (spec §12.5, samba-provider.md). Only the differences from
 * {@link windowsProfile} are listed; the file-service differences (IdleTime always 0, session delete
 * needs Domain Admins, unknown-session delete → access denied, unknown file id → ERROR_FILE_NOT_FOUND)
 * join this profile with the file service operations.
 */
export const sambaProfile: FidelityProfile = Object.freeze({
  ...windowsProfile,
  name: "samba",
});
