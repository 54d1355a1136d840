import {
  decodeCloseRequest,
  decodeCloseResponse,
  encodeCloseRequest,
  encodeCloseResponse,
} from "./bodies/close.js";
import {
  decodeCreateRequest,
  decodeCreateResponse,
  encodeCreateRequest,
  encodeCreateResponse,
} from "./bodies/create.js";
import { decodeEmptyBody, encodeEmptyBody } from "./bodies/emptyBodies.js";
import { decodeErrorResponse, encodeErrorResponse } from "./bodies/errorResponse.js";
import {
  decodeIoctlRequest,
  decodeIoctlResponse,
  encodeIoctlRequest,
  encodeIoctlResponse,
} from "./bodies/ioctl.js";
import { decodeLockRequest, encodeLockRequest } from "./bodies/lock.js";
import {
  decodeNegotiateRequest,
  decodeNegotiateResponse,
  encodeNegotiateRequest,
  encodeNegotiateResponse,
} from "./bodies/negotiate.js";
import {
  decodeReadRequest,
  decodeReadResponse,
  encodeReadRequest,
  encodeReadResponse,
} from "./bodies/read.js";
import {
  decodeSessionSetupRequest,
  decodeSessionSetupResponse,
  encodeSessionSetupRequest,
  encodeSessionSetupResponse,
} from "./bodies/sessionSetup.js";
import { align8 } from "./bodies/structure.js";
import {
  decodeTreeConnectRequest,
  decodeTreeConnectResponse,
  encodeTreeConnectRequest,
  encodeTreeConnectResponse,
} from "./bodies/treeConnect.js";
import {
  decodeWriteRequest,
  decodeWriteResponse,
  encodeWriteRequest,
  encodeWriteResponse,
} from "./bodies/write.js";
import { ByteReader } from "./bytes.js";
import { SMB2_HEADER_SIZE, Smb2Command, Smb2Flags } from "./constants.js";
import { decodeHeader, encodeHeader, isResponseHeader, type Smb2Header } from "./header.js";
import { BODY_KINDS, hasErrorBody, type Smb2Body, type Smb2Message } from "./message.js";
import { Smb2Error } from "./Smb2Error.js";

function encodeBody(body: Smb2Body): Buffer {
  switch (body.kind) {
    case "negotiateRequest":
      return encodeNegotiateRequest(body);
    case "negotiateResponse":
      return encodeNegotiateResponse(body);
    case "sessionSetupRequest":
      return encodeSessionSetupRequest(body);
    case "sessionSetupResponse":
      return encodeSessionSetupResponse(body);
    case "treeConnectRequest":
      return encodeTreeConnectRequest(body);
    case "treeConnectResponse":
      return encodeTreeConnectResponse(body);
    case "createRequest":
      return encodeCreateRequest(body);
    case "createResponse":
      return encodeCreateResponse(body);
    case "closeRequest":
      return encodeCloseRequest(body);
    case "closeResponse":
      return encodeCloseResponse(body);
    case "readRequest":
      return encodeReadRequest(body);
    case "readResponse":
      return encodeReadResponse(body);
    case "writeRequest":
      return encodeWriteRequest(body);
    case "writeResponse":
      return encodeWriteResponse(body);
    case "ioctlRequest":
      return encodeIoctlRequest(body);
    case "ioctlResponse":
      return encodeIoctlResponse(body);
    case "lockRequest":
      return encodeLockRequest(body);
    case "errorResponse":
      return encodeErrorResponse(body);
    default:
      return encodeEmptyBody(body);
  }
}

/**
 * Encodes one SMB2 message (header + body), MS-SMB2 §2.2. The body's kind fixes Command and the
 * SERVER_TO_REDIR flag (an error body keeps the header's Command and must be a response whose status
 * calls for it, see `hasErrorBody`). Bad values give `Smb2Error("INVALID_ARGUMENT")`.
 */
export function encodeMessage(header: Smb2Header, body: Smb2Body): Buffer {
  let command = header.command;
  let flags = header.flags;
  if (body.kind === "errorResponse") {
    if (!isResponseHeader(header) || !hasErrorBody(command, header.status)) {
      throw new Smb2Error("INVALID_ARGUMENT", "an ERROR body needs a response header with an error status");
    }
  } else {
    const [bodyCommand, isResponse] = BODY_KINDS[body.kind];
    command = bodyCommand;
    flags = isResponse ? flags | Smb2Flags.SERVER_TO_REDIR : flags & ~Smb2Flags.SERVER_TO_REDIR;
    if (isResponse && hasErrorBody(command, header.status)) {
      throw new Smb2Error(
        "INVALID_ARGUMENT",
        `status 0x${header.status.toString(16)} calls for an ERROR body`,
      );
    }
  }
  return Buffer.concat([encodeHeader({ ...header, command, flags: flags >>> 0 }), encodeBody(body)]);
}

const REQUEST_DECODERS: Record<number, (r: ByteReader) => Smb2Body> = {
  [Smb2Command.NEGOTIATE]: decodeNegotiateRequest,
  [Smb2Command.SESSION_SETUP]: decodeSessionSetupRequest,
  [Smb2Command.LOGOFF]: (r) => decodeEmptyBody(r, "logoffRequest"),
  [Smb2Command.TREE_CONNECT]: decodeTreeConnectRequest,
  [Smb2Command.TREE_DISCONNECT]: (r) => decodeEmptyBody(r, "treeDisconnectRequest"),
  [Smb2Command.CREATE]: decodeCreateRequest,
  [Smb2Command.CLOSE]: decodeCloseRequest,
  [Smb2Command.READ]: decodeReadRequest,
  [Smb2Command.WRITE]: decodeWriteRequest,
  [Smb2Command.IOCTL]: decodeIoctlRequest,
  [Smb2Command.LOCK]: decodeLockRequest,
  [Smb2Command.CANCEL]: (r) => decodeEmptyBody(r, "cancelRequest"),
  [Smb2Command.ECHO]: (r) => decodeEmptyBody(r, "echoRequest"),
};

const RESPONSE_DECODERS: Record<number, (r: ByteReader) => Smb2Body> = {
  [Smb2Command.NEGOTIATE]: decodeNegotiateResponse,
  [Smb2Command.SESSION_SETUP]: decodeSessionSetupResponse,
  [Smb2Command.LOGOFF]: (r) => decodeEmptyBody(r, "logoffResponse"),
  [Smb2Command.TREE_CONNECT]: decodeTreeConnectResponse,
  [Smb2Command.TREE_DISCONNECT]: (r) => decodeEmptyBody(r, "treeDisconnectResponse"),
  [Smb2Command.CREATE]: decodeCreateResponse,
  [Smb2Command.CLOSE]: decodeCloseResponse,
  [Smb2Command.READ]: decodeReadResponse,
  [Smb2Command.WRITE]: decodeWriteResponse,
  [Smb2Command.IOCTL]: decodeIoctlResponse,
  [Smb2Command.LOCK]: (r) => decodeEmptyBody(r, "lockResponse"),
  [Smb2Command.ECHO]: (r) => decodeEmptyBody(r, "echoResponse"),
};

/**
 * Decodes one SMB2 message (its NextCommand is not followed; see `decodeCompound`). Unknown commands,
 * and any malformed or truncated field, give an Smb2Error; nothing else is ever thrown.
 */
export function decodeMessage(message: Buffer): Smb2Message {
  const header = decodeHeader(message);
  const reader = new ByteReader(message, "SMB2 message");
  const response = isResponseHeader(header);
  if (response && hasErrorBody(header.command, header.status)) {
    return { header, body: decodeErrorResponse(reader) };
  }
  const decode = (response ? RESPONSE_DECODERS : REQUEST_DECODERS)[header.command];
  if (decode === undefined) {
    throw new Smb2Error(
      "MALFORMED",
      `unsupported SMB2 command ${header.command} (${response ? "response" : "request"})`,
    );
  }
  return { header, body: decode(reader) };
}

/**
 * Splits a Direct-TCP frame into its compounded messages (MS-SMB2 §3.2.4.1.4: each NextCommand is the
 * 8-aligned offset of the next header), without decoding the bodies. A single message is a one-element
 * list. Raw slices are what signature checks need.
 */
export function splitCompound(frame: Buffer): Buffer[] {
  const messages: Buffer[] = [];
  let start = 0;
  for (;;) {
    const next = decodeHeader(frame.subarray(start)).nextCommand;
    if (next === 0) {
      messages.push(frame.subarray(start));
      return messages;
    }
    if (next < SMB2_HEADER_SIZE || next !== align8(next) || start + next >= frame.length) {
      throw new Smb2Error(
        "MALFORMED",
        `NextCommand ${next} at offset ${start} of a ${frame.length}-byte frame`,
      );
    }
    messages.push(frame.subarray(start, start + next));
    start += next;
  }
}

/** Splits a frame with {@link splitCompound} and decodes every message. */
export function decodeCompound(frame: Buffer): Smb2Message[] {
  return splitCompound(frame).map(decodeMessage);
}
