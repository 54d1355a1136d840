import type { CloseRequest, CloseResponse } from "./bodies/close.js";
import type { CreateRequest, CreateResponse } from "./bodies/create.js";
import type { EmptyBody } from "./bodies/emptyBodies.js";
import type { ErrorResponse } from "./bodies/errorResponse.js";
import type { IoctlRequest, IoctlResponse } from "./bodies/ioctl.js";
import type { LockRequest } from "./bodies/lock.js";
import type { NegotiateRequest, NegotiateResponse } from "./bodies/negotiate.js";
import type { ReadRequest, ReadResponse } from "./bodies/read.js";
import type { SessionSetupRequest, SessionSetupResponse } from "./bodies/sessionSetup.js";
import type { TreeConnectRequest, TreeConnectResponse } from "./bodies/treeConnect.js";
import type { WriteRequest, WriteResponse } from "./bodies/write.js";
import { Smb2Command } from "./constants.js";
import type { Smb2Header } from "./header.js";
import { NtStatus } from "./ntStatus.js";

/** Every SMB2 body this codec reads and writes, discriminated by `kind` (MS-SMB2 §2.2). */
export type Smb2Body =
  | NegotiateRequest
  | NegotiateResponse
  | SessionSetupRequest
  | SessionSetupResponse
  | TreeConnectRequest
  | TreeConnectResponse
  | CreateRequest
  | CreateResponse
  | CloseRequest
  | CloseResponse
  | ReadRequest
  | ReadResponse
  | WriteRequest
  | WriteResponse
  | IoctlRequest
  | IoctlResponse
  | LockRequest
  | EmptyBody
  | ErrorResponse;

/** One SMB2 message: its header and its decoded body. */
export interface Smb2Message<B extends Smb2Body = Smb2Body> {
  readonly header: Smb2Header;
  readonly body: B;
}

/** For each body kind except the error body: its command and whether it is a response. */
export const BODY_KINDS = {
  negotiateRequest: [Smb2Command.NEGOTIATE, false],
  negotiateResponse: [Smb2Command.NEGOTIATE, true],
  sessionSetupRequest: [Smb2Command.SESSION_SETUP, false],
  sessionSetupResponse: [Smb2Command.SESSION_SETUP, true],
  logoffRequest: [Smb2Command.LOGOFF, false],
  logoffResponse: [Smb2Command.LOGOFF, true],
  treeConnectRequest: [Smb2Command.TREE_CONNECT, false],
  treeConnectResponse: [Smb2Command.TREE_CONNECT, true],
  treeDisconnectRequest: [Smb2Command.TREE_DISCONNECT, false],
  treeDisconnectResponse: [Smb2Command.TREE_DISCONNECT, true],
  createRequest: [Smb2Command.CREATE, false],
  createResponse: [Smb2Command.CREATE, true],
  closeRequest: [Smb2Command.CLOSE, false],
  closeResponse: [Smb2Command.CLOSE, true],
  readRequest: [Smb2Command.READ, false],
  readResponse: [Smb2Command.READ, true],
  writeRequest: [Smb2Command.WRITE, false],
  writeResponse: [Smb2Command.WRITE, true],
  ioctlRequest: [Smb2Command.IOCTL, false],
  ioctlResponse: [Smb2Command.IOCTL, true],
  lockRequest: [Smb2Command.LOCK, false],
  lockResponse: [Smb2Command.LOCK, true],
  cancelRequest: [Smb2Command.CANCEL, false],
  echoRequest: [Smb2Command.ECHO, false],
  echoResponse: [Smb2Command.ECHO, true],
} as const satisfies Record<Exclude<Smb2Body["kind"], "errorResponse">, readonly [number, boolean]>;

/**
 * True when a response with this command and status carries the ERROR body (MS-SMB2 §2.2.2,
 * §3.3.4.4): every non-success status does, except MORE_PROCESSING_REQUIRED on SESSION_SETUP and
 * BUFFER_OVERFLOW on READ / IOCTL / QUERY_INFO, which carry the normal body (ms-srvs-wire §1.8).
 */
export function hasErrorBody(command: number, status: number): boolean {
  const s = status >>> 0;
  if (s === NtStatus.STATUS_SUCCESS) return false;
  if (s === NtStatus.STATUS_MORE_PROCESSING_REQUIRED && command === Smb2Command.SESSION_SETUP) return false;
  if (s === NtStatus.STATUS_BUFFER_OVERFLOW) {
    return !(
      command === Smb2Command.READ ||
      command === Smb2Command.IOCTL ||
      command === Smb2Command.QUERY_INFO
    );
  }
  return true;
}
