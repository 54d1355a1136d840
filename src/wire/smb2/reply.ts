import type { Smb2Body } from "../../msrvs/smb2/message.js";

/**
 * What a command handler answers (MS-SMB2 §3.3.4.4): a status and, unless the status calls for the
 * ERROR body, the response body; the header's SessionId/TreeId when they differ from the request's.
 */
export interface Reply {
  readonly status: number;
  readonly body?: Smb2Body;
  readonly sessionId?: bigint;
  readonly treeId?: number;
  /** Sign with this key even though the request was not signed (the final SESSION_SETUP, §3.3.5.5.3). */
  readonly signingKey?: Buffer;
}

/** A reply with only a status (its ERROR body is added when the message is encoded). */
export function fail(status: number): Reply {
  return { status };
}
