import { ByteReader, ByteWriter } from "./bytes.js";
import { SMB2_HEADER_SIZE, Smb2Flags } from "./constants.js";
import { Smb2Error } from "./Smb2Error.js";

/** The ProtocolId of every SMB2 message: 0xFE 'S' 'M' 'B' (MS-SMB2 §2.2.1). */
export const SMB2_PROTOCOL_ID = Buffer.from([0xfe, 0x53, 0x4d, 0x42]);

/**
 * The 64-byte SMB2 header, MS-SMB2 §2.2.1 (ms-srvs-wire §1.2). One shape for both forms: when `flags`
 * has ASYNC_COMMAND (0x2) bytes 32-39 carry `asyncId` and `processId`/`treeId` are not on the wire
 * (decoded as 0); otherwise they carry `processId` (Reserved) and `treeId`, and `asyncId` is not on the
 * wire (decoded as 0n). `status` is the NTSTATUS of a response (ChannelSequence/Reserved of a request).
 */
export interface Smb2Header {
  /** CreditCharge (0 on SMB 2.0.2). */
  readonly creditCharge: number;
  /** Status (responses) or ChannelSequence + Reserved (requests), unsigned. */
  readonly status: number;
  /** Command code, see `Smb2Command`. */
  readonly command: number;
  /** CreditRequest (requests) or CreditResponse (responses). */
  readonly credits: number;
  /** Flags, see `Smb2Flags`. */
  readonly flags: number;
  /** NextCommand: offset of the next compounded message, 0 for the last. */
  readonly nextCommand: number;
  /** MessageId. */
  readonly messageId: bigint;
  /** Reserved (sync form), called ProcessId in older documents. */
  readonly processId: number;
  /** TreeId (sync form). */
  readonly treeId: number;
  /** AsyncId (async form). */
  readonly asyncId: bigint;
  /** SessionId. */
  readonly sessionId: bigint;
  /** Signature, 16 bytes (zero unless SIGNED). */
  readonly signature: Buffer;
}

/** True when the header is the async form (MS-SMB2 §2.2.1.1). */
export function isAsyncHeader(header: Pick<Smb2Header, "flags">): boolean {
  return (header.flags & Smb2Flags.ASYNC_COMMAND) !== 0;
}

/** True when the header is a response (SERVER_TO_REDIR set). */
export function isResponseHeader(header: Pick<Smb2Header, "flags">): boolean {
  return (header.flags & Smb2Flags.SERVER_TO_REDIR) !== 0;
}

/** A header with every field zero except the ones given (signature 16 zero bytes). */
export function makeHeader(fields: Partial<Smb2Header> & Pick<Smb2Header, "command">): Smb2Header {
  return {
    creditCharge: 0,
    status: 0,
    credits: 0,
    flags: 0,
    nextCommand: 0,
    messageId: 0n,
    processId: 0,
    treeId: 0,
    asyncId: 0n,
    sessionId: 0n,
    signature: Buffer.alloc(16),
    ...fields,
  };
}

/** Encodes the 64-byte header, MS-SMB2 §2.2.1. Values out of range give INVALID_ARGUMENT. */
export function encodeHeader(header: Smb2Header): Buffer {
  const w = new ByteWriter("SMB2 header");
  w.bytes(SMB2_PROTOCOL_ID, "ProtocolId")
    .u16(SMB2_HEADER_SIZE, "StructureSize")
    .u16(header.creditCharge, "CreditCharge")
    .u32(header.status, "Status")
    .u16(header.command, "Command")
    .u16(header.credits, "CreditRequest/Response")
    .u32(header.flags, "Flags")
    .u32(header.nextCommand, "NextCommand")
    .u64(header.messageId, "MessageId");
  if (isAsyncHeader(header)) {
    w.u64(header.asyncId, "AsyncId");
  } else {
    w.u32(header.processId, "Reserved").u32(header.treeId, "TreeId");
  }
  w.u64(header.sessionId, "SessionId").bytes(header.signature, "Signature", 16);
  return w.toBuffer();
}

/**
 * Decodes the header at the start of `message`, MS-SMB2 §2.2.1. Checks ProtocolId (an SMB1 or
 * transform header is MALFORMED) and StructureSize 64.
 */
export function decodeHeader(message: Buffer): Smb2Header {
  const r = new ByteReader(message, "SMB2 header");
  r.need(0, SMB2_HEADER_SIZE, "header");
  if (!message.subarray(0, 4).equals(SMB2_PROTOCOL_ID)) {
    throw new Smb2Error("MALFORMED", `SMB2 header: ProtocolId ${message.subarray(0, 4).toString("hex")}`);
  }
  const structureSize = r.u16(4, "StructureSize");
  if (structureSize !== SMB2_HEADER_SIZE) {
    throw new Smb2Error("MALFORMED", `SMB2 header: StructureSize ${structureSize}, expected 64`);
  }
  const flags = r.u32(16, "Flags");
  const isAsync = (flags & Smb2Flags.ASYNC_COMMAND) !== 0;
  return {
    creditCharge: r.u16(6, "CreditCharge"),
    status: r.u32(8, "Status"),
    command: r.u16(12, "Command"),
    credits: r.u16(14, "CreditRequest/Response"),
    flags,
    nextCommand: r.u32(20, "NextCommand"),
    messageId: r.u64(24, "MessageId"),
    processId: isAsync ? 0 : r.u32(32, "Reserved"),
    treeId: isAsync ? 0 : r.u32(36, "TreeId"),
    asyncId: isAsync ? r.u64(32, "AsyncId") : 0n,
    sessionId: r.u64(40, "SessionId"),
    signature: r.bytes(48, 16, "Signature"),
  };
}
