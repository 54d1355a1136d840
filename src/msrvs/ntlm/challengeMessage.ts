import { type AvPair, decodeAvPairs, encodeAvPairs } from "./avPairs.js";
import { NtlmFlags } from "./flags.js";
import { NtlmError } from "./NtlmError.js";
import {
  checkLength,
  checkMessageHeader,
  checkU32,
  decodeText,
  encodeText,
  NtlmMessageWriter,
  readFieldDescriptor,
  readPayload,
} from "./wire.js";

/**
 * CHALLENGE_MESSAGE, MS-NLMP §2.2.1.2. `targetName` is UTF-16 when NEGOTIATE_UNICODE is in `flags`,
 * else OEM; `targetInfo` is the AV pair list (without its EOL); `version` is on the wire iff
 * NEGOTIATE_VERSION is set.
 */
export interface NtlmChallengeMessage {
  readonly flags: number;
  readonly serverChallenge: Buffer;
  readonly targetName: string;
  readonly targetInfo: readonly AvPair[];
  readonly version: Buffer | undefined;
}

/** Encodes a CHALLENGE_MESSAGE (MS-NLMP §2.2.1.2). */
export function encodeNtlmChallenge(message: NtlmChallengeMessage): Buffer {
  checkU32(message.flags, "NegotiateFlags");
  checkLength(message.serverChallenge, 8, "ServerChallenge");
  checkLength(message.version, 8, "Version");
  const unicode = (message.flags & NtlmFlags.NEGOTIATE_UNICODE) !== 0;
  const hasVersion = (message.flags & NtlmFlags.NEGOTIATE_VERSION) !== 0;
  const w = new NtlmMessageWriter(2, hasVersion ? 56 : 48);
  w.header.writeUInt32LE(message.flags >>> 0, 20);
  message.serverChallenge.copy(w.header, 24);
  if (hasVersion) (message.version ?? Buffer.alloc(8)).copy(w.header, 48);
  w.field(12, encodeText(message.targetName, unicode, "TargetName"), "TargetName");
  w.field(
    40,
    message.targetInfo.length > 0 ? encodeAvPairs(message.targetInfo) : Buffer.alloc(0),
    "TargetInfo",
  );
  return w.toBuffer();
}

/** Decodes a CHALLENGE_MESSAGE (MS-NLMP §2.2.1.2); malformed input gives an NtlmError. */
export function decodeNtlmChallenge(bytes: Buffer): NtlmChallengeMessage {
  checkMessageHeader(bytes, 2, 48, "CHALLENGE_MESSAGE");
  const flags = bytes.readUInt32LE(20);
  const unicode = (flags & NtlmFlags.NEGOTIATE_UNICODE) !== 0;
  const hasVersion = (flags & NtlmFlags.NEGOTIATE_VERSION) !== 0;
  const headerEnd = hasVersion ? 56 : 48;
  if (bytes.length < headerEnd) throw new NtlmError("TRUNCATED", "CHALLENGE_MESSAGE: Version missing");
  const targetName = readPayload(bytes, readFieldDescriptor(bytes, 12), headerEnd, "TargetName");
  return {
    flags,
    serverChallenge: Buffer.from(bytes.subarray(24, 32)),
    targetName: decodeText(targetName, unicode, "TargetName"),
    targetInfo: decodeAvPairs(readPayload(bytes, readFieldDescriptor(bytes, 40), headerEnd, "TargetInfo")),
    version: hasVersion ? Buffer.from(bytes.subarray(48, 56)) : undefined,
  };
}
