import { NtlmFlags } from "./flags.js";
import { NtlmError } from "./NtlmError.js";
import {
  checkLength,
  checkMessageHeader,
  checkU32,
  decodeText,
  encodeText,
  NtlmMessageWriter,
  type PayloadField,
  readFieldDescriptor,
  readPayload,
} from "./wire.js";

/**
 * AUTHENTICATE_MESSAGE, MS-NLMP §2.2.1.3. Strings are UTF-16 when NEGOTIATE_UNICODE is in `flags`.
 * `version` (8 bytes) and `mic` (16 bytes, needs `version`) are optional parts of the fixed header;
 * a decoder finds them from where the first payload starts (64, 72 or 88).
 */
export interface NtlmAuthenticateMessage {
  readonly flags: number;
  readonly lmChallengeResponse: Buffer;
  readonly ntChallengeResponse: Buffer;
  readonly domain: string;
  readonly user: string;
  readonly workstation: string;
  readonly encryptedRandomSessionKey: Buffer;
  readonly version: Buffer | undefined;
  readonly mic: Buffer | undefined;
}

/** Byte offset of the MIC inside an AUTHENTICATE_MESSAGE that carries one (MS-NLMP §2.2.1.3). */
export const MIC_OFFSET = 72;

const FIELD_AT = { lm: 12, nt: 20, domain: 28, user: 36, workstation: 44, sessionKey: 52 } as const;

/**
 * Encodes an AUTHENTICATE_MESSAGE (MS-NLMP §2.2.1.3). Payload order: domain, user, workstation, LM
 * response, NT response, session key (the order of the MS-NLMP §4.2.4.3 example).
 */
export function encodeNtlmAuthenticate(message: NtlmAuthenticateMessage): Buffer {
  checkU32(message.flags, "NegotiateFlags");
  checkLength(message.version, 8, "Version");
  checkLength(message.mic, 16, "MIC");
  if (message.mic !== undefined && message.version === undefined) {
    throw new NtlmError("INVALID_ARGUMENT", "a MIC needs the Version field before it");
  }
  const unicode = (message.flags & NtlmFlags.NEGOTIATE_UNICODE) !== 0;
  const w = new NtlmMessageWriter(3, message.mic ? 88 : message.version ? 72 : 64);
  w.header.writeUInt32LE(message.flags >>> 0, 60);
  message.version?.copy(w.header, 64);
  message.mic?.copy(w.header, MIC_OFFSET);
  w.field(FIELD_AT.domain, encodeText(message.domain, unicode, "DomainName"), "DomainName");
  w.field(FIELD_AT.user, encodeText(message.user, unicode, "UserName"), "UserName");
  w.field(FIELD_AT.workstation, encodeText(message.workstation, unicode, "Workstation"), "Workstation");
  w.field(FIELD_AT.lm, message.lmChallengeResponse, "LmChallengeResponse");
  w.field(FIELD_AT.nt, message.ntChallengeResponse, "NtChallengeResponse");
  w.field(FIELD_AT.sessionKey, message.encryptedRandomSessionKey, "EncryptedRandomSessionKey");
  return w.toBuffer();
}

/** Decodes an AUTHENTICATE_MESSAGE (MS-NLMP §2.2.1.3); malformed input gives an NtlmError. */
export function decodeNtlmAuthenticate(bytes: Buffer): NtlmAuthenticateMessage {
  checkMessageHeader(bytes, 3, 64, "AUTHENTICATE_MESSAGE");
  const fields = Object.fromEntries(
    Object.entries(FIELD_AT).map(([name, at]) => [name, readFieldDescriptor(bytes, at)]),
  ) as Record<keyof typeof FIELD_AT, PayloadField>;
  const used = Object.values(fields).filter((f) => f.length > 0);
  const firstPayload = Math.min(...(used.length > 0 ? used : Object.values(fields)).map((f) => f.offset));
  const headerEnd = firstPayload >= 88 ? 88 : firstPayload >= 72 ? 72 : 64;
  if (bytes.length < headerEnd) throw new NtlmError("TRUNCATED", "AUTHENTICATE_MESSAGE: header cut short");
  const flags = bytes.readUInt32LE(60);
  const unicode = (flags & NtlmFlags.NEGOTIATE_UNICODE) !== 0;
  const text = (name: keyof typeof FIELD_AT, label: string) =>
    decodeText(readPayload(bytes, fields[name], headerEnd, label), unicode, label);
  return {
    flags,
    lmChallengeResponse: readPayload(bytes, fields.lm, headerEnd, "LmChallengeResponse"),
    ntChallengeResponse: readPayload(bytes, fields.nt, headerEnd, "NtChallengeResponse"),
    domain: text("domain", "DomainName"),
    user: text("user", "UserName"),
    workstation: text("workstation", "Workstation"),
    encryptedRandomSessionKey: readPayload(bytes, fields.sessionKey, headerEnd, "EncryptedRandomSessionKey"),
    version: headerEnd >= 72 ? Buffer.from(bytes.subarray(64, 72)) : undefined,
    mic: headerEnd === 88 ? Buffer.from(bytes.subarray(72, 88)) : undefined,
  };
}
