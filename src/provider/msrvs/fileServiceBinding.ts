import type { SrvsvcClient } from "./SrvsvcClient.js";

/** What the objects of one bound file service share: the client, and the path spelling of the bind. */
export interface FileServiceBinding {
  /** The srvsvc client of the server. */
  readonly client: SrvsvcClient;
  /** ADsPath of the file service, e.g. `WinNT://FS01/LanmanServer`. */
  readonly servicePath: string;
  /** First component of that path: where its schema objects live. */
  readonly schemaDomain: string;
}
