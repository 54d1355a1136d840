import { NtlmFlags } from "./flags.js";
import {
  checkLength,
  checkMessageHeader,
  checkU32,
  encodeText,
  NtlmMessageWriter,
  readFieldDescriptor,
  readPayload,
} from "./wire.js";

/**
 * NEGOTIATE_MESSAGE, MS-NLMP §2.2.1.1. `version` (8 bytes) is on the wire iff NEGOTIATE_VERSION is in
 * `flags`; `domain` and `workstation` are OEM strings (empty unless the *_SUPPLIED flags are set).
 */
export interface NtlmNegotiateMessage {
  readonly flags: number;
  readonly domain: string;
  readonly workstation: string;
  readonly version: Buffer | undefined;
}

/** Encodes a NEGOTIATE_MESSAGE (MS-NLMP §2.2.1.1). */
export function encodeNtlmNegotiate(message: NtlmNegotiateMessage): Buffer {
  checkU32(message.flags, "NegotiateFlags");
  const hasVersion = (message.flags & NtlmFlags.NEGOTIATE_VERSION) !== 0;
  checkLength(message.version, 8, "Version");
  const w = new NtlmMessageWriter(1, hasVersion ? 40 : 32);
  w.header.writeUInt32LE(message.flags >>> 0, 12);
  if (hasVersion) (message.version ?? Buffer.alloc(8)).copy(w.header, 32);
  w.field(16, encodeText(message.domain, false, "DomainName"), "DomainName");
  w.field(24, encodeText(message.workstation, false, "Workstation"), "Workstation");
  return w.toBuffer();
}

/** Decodes a NEGOTIATE_MESSAGE (MS-NLMP §2.2.1.1); malformed input gives an NtlmError. */
export function decodeNtlmNegotiate(bytes: Buffer): NtlmNegotiateMessage {
  checkMessageHeader(bytes, 1, 32, "NEGOTIATE_MESSAGE");
  const flags = bytes.readUInt32LE(12);
  const hasVersion = (flags & NtlmFlags.NEGOTIATE_VERSION) !== 0;
  checkMessageHeader(bytes, 1, hasVersion ? 40 : 32, "NEGOTIATE_MESSAGE");
  const headerEnd = hasVersion ? 40 : 32;
  return {
    flags,
    domain: readPayload(bytes, readFieldDescriptor(bytes, 16), headerEnd, "DomainName").toString("latin1"),
    workstation: readPayload(bytes, readFieldDescriptor(bytes, 24), headerEnd, "Workstation").toString(
      "latin1",
    ),
    version: hasVersion ? Buffer.from(bytes.subarray(32, 40)) : undefined,
  };
}
