import { deepFreeze } from "../shared/deepFreeze.js";
import type { FidelityProfile } from "./FidelityProfile.js";
import { windowsProfile } from "./windows.js";

/**
 * A WinNT client talking to a Samba server (spec §12.5, §14 item 35, samba-provider.md). Only the
 * differences from {@link windowsProfile} are listed.
 */
export const sambaProfile: FidelityProfile = deepFreeze({
  ...windowsProfile,
  name: "samba",
  /**
   * Samba's NetSessDel answers WERR_ACCESS_DENIED when no session matches (spec §12.5). A lookup by name
   * (Sessions.GetObject) is the client's own search of NetSessEnum, so it answers as on Windows; the
   * contract suite found the two differ against a real Samba.
   */
  sessionDeleteNoMatchError: "E_ACCESSDENIED",
  /** Samba's NetFileClose answers WERR_FILE_NOT_FOUND for an unknown id. */
  closeUnknownFileError: "ERROR_FILE_NOT_FOUND",
  /** Samba requires root or Domain Admins (RID 512) for NetSessDel. */
  sessionDeleteRequires: "domainAdmins",
  /** Samba does not track idle time: idle_time is always 0. */
  idleTimeAlwaysZero: true,
  /** Samba's num_locks counts the byte-range locks on the file through all its opens (differential test). */
  lockCountScope: "file",
  /** `deadtime` (default 10080 minutes) drops only connections with no open files (smb.conf; loadparm.c). */
  autoDisconnect: Object.freeze({ minutes: 10_080, exemptOpenFiles: true }),
});
