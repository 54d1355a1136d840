import type { IADs } from "./IADs.js";

/** IADsResource (spec §7): all get-only. */
export interface IADsResource extends IADs {
  readonly User: string;
  readonly UserPath: string;
  readonly Path: string;
  readonly LockCount: number;
}
