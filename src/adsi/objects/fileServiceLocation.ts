import type { NameKey } from "../../engine/state.js";

/** Where a file service lives, as its dependent objects (sessions, resources) need it. */
export interface FileServiceLocation {
  readonly computer: NameKey;
  readonly service: NameKey;
  /** ADsPath of the file service. */
  readonly servicePath: string;
  /** True under FPNW: classes FPNWSession/FPNWResource, no IdleTime (spec §6, §10). */
  readonly fpnw: boolean;
}
