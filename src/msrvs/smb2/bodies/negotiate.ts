import { type ByteReader, ByteWriter } from "../bytes.js";
import { Smb2Dialect } from "../constants.js";
import { Smb2Error } from "../Smb2Error.js";
import { align8, BODY, checkStructureSize } from "./structure.js";

/** One SMB 3.1.1 negotiate context, kept raw (MS-SMB2 §2.2.3.1). */
export interface NegotiateContext {
  /** ContextType, e.g. 1 PREAUTH_INTEGRITY_CAPABILITIES. */
  readonly contextType: number;
  /** The context's Data bytes. */
  readonly data: Buffer;
}

/**
 * NEGOTIATE request body, MS-SMB2 §2.2.3. When `dialects` contains 3.1.1 the 8 bytes after
 * ClientGuid locate `negotiateContexts`; otherwise they are `clientStartTime` and there are no contexts.
 */
export interface NegotiateRequest {
  readonly kind: "negotiateRequest";
  readonly securityMode: number;
  readonly capabilities: number;
  readonly clientGuid: Buffer;
  readonly dialects: readonly number[];
  readonly clientStartTime: bigint;
  readonly negotiateContexts: readonly NegotiateContext[];
}

/** NEGOTIATE response body, MS-SMB2 §2.2.4. Contexts exist only when `dialectRevision` is 3.1.1. */
export interface NegotiateResponse {
  readonly kind: "negotiateResponse";
  readonly securityMode: number;
  readonly dialectRevision: number;
  readonly serverGuid: Buffer;
  readonly capabilities: number;
  readonly maxTransactSize: number;
  readonly maxReadSize: number;
  readonly maxWriteSize: number;
  readonly systemTime: bigint;
  readonly serverStartTime: bigint;
  readonly securityBuffer: Buffer;
  readonly negotiateContexts: readonly NegotiateContext[];
}

const MAX_CONTEXTS = 64;

function writeContexts(w: ByteWriter, contexts: readonly NegotiateContext[]): void {
  contexts.forEach((context, i) => {
    w.align(8, BODY);
    w.u16(context.contextType, `NegotiateContext[${i}].ContextType`);
    w.u16(context.data.length, `NegotiateContext[${i}].DataLength`);
    w.u32(0, "Reserved");
    w.bytes(context.data, `NegotiateContext[${i}].Data`);
  });
}

function readContexts(r: ByteReader, offset: number, count: number, minOffset: number, what: string) {
  if (count === 0) return [];
  if (count > MAX_CONTEXTS) throw new Smb2Error("MALFORMED", `${what}: ${count} negotiate contexts`);
  if (offset < minOffset || offset % 8 !== 0) {
    throw new Smb2Error("MALFORMED", `${what}: NegotiateContextOffset ${offset}`);
  }
  const contexts: NegotiateContext[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    at = align8(at);
    const contextType = r.u16(at, `NegotiateContext[${i}].ContextType`);
    const length = r.u16(at + 2, `NegotiateContext[${i}].DataLength`);
    contexts.push({ contextType, data: r.bytes(at + 8, length, `NegotiateContext[${i}].Data`) });
    at += 8 + length;
  }
  return contexts;
}

function checkGuid(guid: Buffer, what: string): void {
  if (!Buffer.isBuffer(guid) || guid.length !== 16) {
    throw new Smb2Error("INVALID_ARGUMENT", `${what} must be a 16-byte Buffer`);
  }
}

/** Encodes a NEGOTIATE request body (MS-SMB2 §2.2.3). */
export function encodeNegotiateRequest(body: NegotiateRequest): Buffer {
  const what = "NEGOTIATE request";
  checkGuid(body.clientGuid, `${what}: ClientGuid`);
  if (body.dialects.length === 0) throw new Smb2Error("INVALID_ARGUMENT", `${what}: no dialects`);
  const has311 = body.dialects.includes(Smb2Dialect.SMB_3_1_1);
  if (!has311 && body.negotiateContexts.length > 0) {
    throw new Smb2Error("INVALID_ARGUMENT", `${what}: negotiate contexts need dialect 3.1.1`);
  }
  const dialectsEnd = BODY + 36 + 2 * body.dialects.length;
  const contextOffset = body.negotiateContexts.length > 0 ? align8(dialectsEnd) : 0;
  const w = new ByteWriter(what);
  w.u16(36, "StructureSize").u16(body.dialects.length, "DialectCount").u16(body.securityMode, "SecurityMode");
  w.u16(0, "Reserved").u32(body.capabilities, "Capabilities").bytes(body.clientGuid, "ClientGuid");
  if (has311) {
    w.u32(contextOffset, "NegotiateContextOffset").u16(
      body.negotiateContexts.length,
      "NegotiateContextCount",
    );
    w.u16(0, "Reserved2");
  } else {
    w.u64(body.clientStartTime, "ClientStartTime");
  }
  body.dialects.forEach((dialect, i) => {
    w.u16(dialect, `Dialects[${i}]`);
  });
  writeContexts(w, body.negotiateContexts);
  return w.toBuffer();
}

/** Decodes a NEGOTIATE request body (MS-SMB2 §2.2.3). */
export function decodeNegotiateRequest(r: ByteReader): NegotiateRequest {
  const what = "NEGOTIATE request";
  checkStructureSize(r, 36, what);
  const count = r.u16(BODY + 2, "DialectCount");
  if (count === 0) throw new Smb2Error("MALFORMED", `${what}: DialectCount 0`);
  const dialects: number[] = [];
  for (let i = 0; i < count; i++) dialects.push(r.u16(BODY + 36 + 2 * i, `Dialects[${i}]`));
  const has311 = dialects.includes(Smb2Dialect.SMB_3_1_1);
  const dialectsEnd = BODY + 36 + 2 * count;
  return {
    kind: "negotiateRequest",
    securityMode: r.u16(BODY + 4, "SecurityMode"),
    capabilities: r.u32(BODY + 8, "Capabilities"),
    clientGuid: r.bytes(BODY + 12, 16, "ClientGuid"),
    dialects,
    clientStartTime: has311 ? 0n : r.u64(BODY + 28, "ClientStartTime"),
    negotiateContexts: has311
      ? readContexts(
          r,
          r.u32(BODY + 28, "NegotiateContextOffset"),
          r.u16(BODY + 32, "Count"),
          dialectsEnd,
          what,
        )
      : [],
  };
}

/** Encodes a NEGOTIATE response body (MS-SMB2 §2.2.4). */
export function encodeNegotiateResponse(body: NegotiateResponse): Buffer {
  const what = "NEGOTIATE response";
  checkGuid(body.serverGuid, `${what}: ServerGuid`);
  const is311 = body.dialectRevision === Smb2Dialect.SMB_3_1_1;
  if (!is311 && body.negotiateContexts.length > 0) {
    throw new Smb2Error("INVALID_ARGUMENT", `${what}: negotiate contexts need dialect 3.1.1`);
  }
  const securityOffset = body.securityBuffer.length > 0 ? BODY + 64 : 0;
  const contextOffset =
    body.negotiateContexts.length > 0 ? align8(BODY + 64 + body.securityBuffer.length) : 0;
  const w = new ByteWriter(what);
  w.u16(65, "StructureSize")
    .u16(body.securityMode, "SecurityMode")
    .u16(body.dialectRevision, "DialectRevision");
  w.u16(is311 ? body.negotiateContexts.length : 0, "NegotiateContextCount");
  w.bytes(body.serverGuid, "ServerGuid").u32(body.capabilities, "Capabilities");
  w.u32(body.maxTransactSize, "MaxTransactSize").u32(body.maxReadSize, "MaxReadSize");
  w.u32(body.maxWriteSize, "MaxWriteSize").u64(body.systemTime, "SystemTime");
  w.u64(body.serverStartTime, "ServerStartTime").u16(securityOffset, "SecurityBufferOffset");
  w.u16(body.securityBuffer.length, "SecurityBufferLength").u32(contextOffset, "NegotiateContextOffset");
  w.bytes(body.securityBuffer, "SecurityBuffer");
  if (body.securityBuffer.length === 0 && body.negotiateContexts.length === 0) w.zeros(1);
  writeContexts(w, body.negotiateContexts);
  return w.toBuffer();
}

/** Decodes a NEGOTIATE response body (MS-SMB2 §2.2.4). */
export function decodeNegotiateResponse(r: ByteReader): NegotiateResponse {
  const what = "NEGOTIATE response";
  const fixedEnd = checkStructureSize(r, 65, what);
  const dialectRevision = r.u16(BODY + 4, "DialectRevision");
  const is311 = dialectRevision === Smb2Dialect.SMB_3_1_1;
  const securityBuffer = r.span(
    r.u16(BODY + 56, "SecurityBufferOffset"),
    r.u16(BODY + 58, "Length"),
    fixedEnd,
    what,
  );
  return {
    kind: "negotiateResponse",
    securityMode: r.u16(BODY + 2, "SecurityMode"),
    dialectRevision,
    serverGuid: r.bytes(BODY + 8, 16, "ServerGuid"),
    capabilities: r.u32(BODY + 24, "Capabilities"),
    maxTransactSize: r.u32(BODY + 28, "MaxTransactSize"),
    maxReadSize: r.u32(BODY + 32, "MaxReadSize"),
    maxWriteSize: r.u32(BODY + 36, "MaxWriteSize"),
    systemTime: r.u64(BODY + 40, "SystemTime"),
    serverStartTime: r.u64(BODY + 48, "ServerStartTime"),
    securityBuffer,
    negotiateContexts: is311
      ? readContexts(r, r.u32(BODY + 60, "NegotiateContextOffset"), r.u16(BODY + 6, "Count"), fixedEnd, what)
      : [],
  };
}
