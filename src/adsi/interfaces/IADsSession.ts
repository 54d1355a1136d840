import type { IADs } from "./IADs.js";

/** IADsSession (spec §6): all get-only; times in seconds. */
export interface IADsSession extends IADs {
  readonly User: string;
  readonly UserPath: string;
  readonly Computer: string;
  readonly ComputerPath: string;
  readonly ConnectTime: number;
  readonly IdleTime: number;
}
