import type { Smb2Header } from "../smb2/header.js";
import type { Smb2Body, Smb2Message } from "../smb2/message.js";
import { NtStatusError } from "../smb2/NtStatusError.js";
import { NtStatus } from "../smb2/ntStatus.js";
import { Smb2Error } from "../smb2/Smb2Error.js";

/** Options of one call made on behalf of a tree or handle. */
export interface CallOptions {
  /** TreeId for commands on a share. */
  readonly treeId?: number;
  /** The largest payload (request or response) this call moves, to compute its credit charge. */
  readonly payloadBytes?: number;
}

/**
 * What trees, files and pipes need from their connection: sending one request and the server's
 * negotiated size limits (MS-SMB2 §2.2.4). Implemented by `Smb2Connection`; internal to the client.
 */
export interface Smb2Caller {
  /** Sends a request and resolves with its final response, whatever its status. */
  request(command: number, body: Smb2Body, options?: CallOptions): Promise<Smb2Message>;
  /** Largest READ length the server accepts. */
  readonly maxReadSize: number;
  /** Largest WRITE length the server accepts. */
  readonly maxWriteSize: number;
  /** Largest IOCTL input/output the server accepts. */
  readonly maxTransactSize: number;
}

/**
 * Sends a request and returns its body when the status is one of `okStatuses` (default: success) and
 * the body has the expected kind; a failing status becomes an {@link NtStatusError}, a wrong body an
 * `Smb2Error("PROTOCOL")`.
 */
export async function callExpecting<K extends Smb2Body["kind"]>(
  caller: Smb2Caller,
  command: number,
  body: Smb2Body,
  kind: K,
  what: string,
  options: CallOptions & { readonly okStatuses?: readonly number[] } = {},
): Promise<{ status: number; header: Smb2Header; body: Extract<Smb2Body, { kind: K }> }> {
  const response = await caller.request(command, body, options);
  const status = response.header.status >>> 0;
  if (!(options.okStatuses ?? [NtStatus.STATUS_SUCCESS]).includes(status)) {
    throw new NtStatusError(status, command, what);
  }
  if (response.body.kind !== kind) {
    throw new Smb2Error("PROTOCOL", `${what}: expected ${kind}, got ${response.body.kind}`);
  }
  return { status, header: response.header, body: response.body as Extract<Smb2Body, { kind: K }> };
}
