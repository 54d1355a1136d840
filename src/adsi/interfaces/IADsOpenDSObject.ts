import type { IADs } from "./IADs.js";

/** IADsOpenDSObject on the `WinNT:` namespace object (spec §2.5). */
export interface IADsOpenDSObject {
  /** Binds `path` with alternate credentials; both null = the caller's own context. */
  OpenDSObject(path: string, user: string | null, password: string | null, flags: number): IADs;
}
