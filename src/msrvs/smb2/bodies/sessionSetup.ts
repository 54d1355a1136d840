import { type ByteReader, ByteWriter } from "../bytes.js";
import { BODY, checkStructureSize } from "./structure.js";

/** SESSION_SETUP request body, MS-SMB2 §2.2.5. `securityBuffer` is the GSS/NTLMSSP token. */
export interface SessionSetupRequest {
  readonly kind: "sessionSetupRequest";
  readonly flags: number;
  readonly securityMode: number;
  readonly capabilities: number;
  readonly channel: number;
  readonly previousSessionId: bigint;
  readonly securityBuffer: Buffer;
}

/** SESSION_SETUP response body, MS-SMB2 §2.2.6. */
export interface SessionSetupResponse {
  readonly kind: "sessionSetupResponse";
  readonly sessionFlags: number;
  readonly securityBuffer: Buffer;
}

/** Encodes a SESSION_SETUP request body (MS-SMB2 §2.2.5); the token starts at header offset 0x58. */
export function encodeSessionSetupRequest(body: SessionSetupRequest): Buffer {
  const w = new ByteWriter("SESSION_SETUP request");
  w.u16(25, "StructureSize").u8(body.flags, "Flags").u8(body.securityMode, "SecurityMode");
  w.u32(body.capabilities, "Capabilities").u32(body.channel, "Channel");
  w.u16(body.securityBuffer.length > 0 ? BODY + 24 : 0, "SecurityBufferOffset");
  w.u16(body.securityBuffer.length, "SecurityBufferLength").u64(body.previousSessionId, "PreviousSessionId");
  w.bytes(body.securityBuffer, "SecurityBuffer");
  if (body.securityBuffer.length === 0) w.zeros(1);
  return w.toBuffer();
}

/** Decodes a SESSION_SETUP request body (MS-SMB2 §2.2.5). */
export function decodeSessionSetupRequest(r: ByteReader): SessionSetupRequest {
  const what = "SESSION_SETUP request";
  const fixedEnd = checkStructureSize(r, 25, what);
  return {
    kind: "sessionSetupRequest",
    flags: r.u8(BODY + 2, "Flags"),
    securityMode: r.u8(BODY + 3, "SecurityMode"),
    capabilities: r.u32(BODY + 4, "Capabilities"),
    channel: r.u32(BODY + 8, "Channel"),
    previousSessionId: r.u64(BODY + 16, "PreviousSessionId"),
    securityBuffer: r.span(
      r.u16(BODY + 12, "SecurityBufferOffset"),
      r.u16(BODY + 14, "Length"),
      fixedEnd,
      what,
    ),
  };
}

/** Encodes a SESSION_SETUP response body (MS-SMB2 §2.2.6); the token starts at header offset 0x48. */
export function encodeSessionSetupResponse(body: SessionSetupResponse): Buffer {
  const w = new ByteWriter("SESSION_SETUP response");
  w.u16(9, "StructureSize").u16(body.sessionFlags, "SessionFlags");
  w.u16(body.securityBuffer.length > 0 ? BODY + 8 : 0, "SecurityBufferOffset");
  w.u16(body.securityBuffer.length, "SecurityBufferLength").bytes(body.securityBuffer, "SecurityBuffer");
  if (body.securityBuffer.length === 0) w.zeros(1);
  return w.toBuffer();
}

/** Decodes a SESSION_SETUP response body (MS-SMB2 §2.2.6). */
export function decodeSessionSetupResponse(r: ByteReader): SessionSetupResponse {
  const what = "SESSION_SETUP response";
  const fixedEnd = checkStructureSize(r, 9, what);
  return {
    kind: "sessionSetupResponse",
    sessionFlags: r.u16(BODY + 2, "SessionFlags"),
    securityBuffer: r.span(
      r.u16(BODY + 4, "SecurityBufferOffset"),
      r.u16(BODY + 6, "Length"),
      fixedEnd,
      what,
    ),
  };
}
