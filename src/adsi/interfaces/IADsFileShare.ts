import type { IADs } from "./IADs.js";

/** IADsFileShare (spec §9.3). */
export interface IADsFileShare extends IADs {
  /** Sessions connected to the share. */
  readonly CurrentUserCount: number;
  Description: string;
  /** ADsPath of the host computer (read-only in the emulator: derived). */
  readonly HostComputer: string;
  Path: string;
  /** -1 = unlimited. */
  MaxUserCount: number;
}
