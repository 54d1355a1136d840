import { createHmac } from "node:crypto";
import { md4 } from "./md4.js";
import { NtlmError } from "./NtlmError.js";
import { rc4 } from "./rc4.js";

/** HMAC_MD5(K, M), MS-NLMP §6 (node:crypto provides HMAC-MD5 under OpenSSL 3). */
export function hmacMd5(key: Buffer, ...data: Buffer[]): Buffer {
  const hmac = createHmac("md5", key);
  for (const part of data) hmac.update(part);
  return hmac.digest();
}

/** NTOWFv1 = MD4(UNICODE(Passwd)), the NT hash, MS-NLMP §3.3.1. */
export function ntowfv1(password: string): Buffer {
  return md4(Buffer.from(password, "utf16le"));
}

/**
 * NTOWFv2 = HMAC_MD5(MD4(UNICODE(Passwd)), UNICODE(Uppercase(User) + UserDom)), MS-NLMP §3.3.2
 * (the domain keeps its case). Known answer: MS-NLMP §4.2.4.1.1.
 */
export function ntowfv2(password: string, user: string, domain: string): Buffer {
  return hmacMd5(ntowfv1(password), Buffer.from(user.toUpperCase() + domain, "utf16le"));
}

/** Inputs of the NTLMv2 response computation, MS-NLMP §3.3.2. */
export interface Ntlmv2Input {
  /** ResponseKeyNT = ResponseKeyLM = NTOWFv2(...). */
  readonly responseKey: Buffer;
  /** CHALLENGE_MESSAGE.ServerChallenge, 8 bytes. */
  readonly serverChallenge: Buffer;
  /** The client's random 8 bytes. */
  readonly clientChallenge: Buffer;
  /** FILETIME as 8 little-endian bytes (the server's MsvAvTimestamp when it sent one). */
  readonly timestamp: Buffer;
  /** The encoded AV pair list placed in the response ("ServerName" in §3.3.2), EOL included. */
  readonly targetInfo: Buffer;
}

/** What NTLMv2 computes, MS-NLMP §3.3.2. */
export interface Ntlmv2Result {
  /** NTProofStr = HMAC_MD5(ResponseKeyNT, ServerChallenge + temp). */
  readonly ntProofStr: Buffer;
  /** NtChallengeResponse = NTProofStr + temp (NTLMv2_RESPONSE, §2.2.2.8). */
  readonly ntChallengeResponse: Buffer;
  /** LmChallengeResponse = HMAC_MD5(ResponseKeyLM, ServerChallenge + ClientChallenge) + ClientChallenge. */
  readonly lmChallengeResponse: Buffer;
  /** SessionBaseKey = HMAC_MD5(ResponseKeyNT, NTProofStr); also the KeyExchangeKey for NTLMv2 (§3.4.5.1). */
  readonly sessionBaseKey: Buffer;
}

function checkBytes(value: Buffer, length: number, name: string): void {
  if (!Buffer.isBuffer(value) || value.length !== length) {
    throw new NtlmError("INVALID_ARGUMENT", `${name} must be ${length} bytes`);
  }
}

/**
 * The NTLMv2 responses and session base key, MS-NLMP §3.3.2:
 * temp = 0x01 0x01 Z(6) Time ClientChallenge Z(4) ServerName Z(4). Known answers: §4.2.4.2.
 */
export function computeNtlmv2(input: Ntlmv2Input): Ntlmv2Result {
  checkBytes(input.responseKey, 16, "ResponseKey");
  checkBytes(input.serverChallenge, 8, "ServerChallenge");
  checkBytes(input.clientChallenge, 8, "ClientChallenge");
  checkBytes(input.timestamp, 8, "Timestamp");
  const temp = Buffer.concat([
    Buffer.from([1, 1]),
    Buffer.alloc(6),
    input.timestamp,
    input.clientChallenge,
    Buffer.alloc(4),
    input.targetInfo,
    Buffer.alloc(4),
  ]);
  const ntProofStr = hmacMd5(input.responseKey, input.serverChallenge, temp);
  return {
    ntProofStr,
    ntChallengeResponse: Buffer.concat([ntProofStr, temp]),
    lmChallengeResponse: Buffer.concat([
      hmacMd5(input.responseKey, input.serverChallenge, input.clientChallenge),
      input.clientChallenge,
    ]),
    sessionBaseKey: hmacMd5(input.responseKey, ntProofStr),
  };
}

/**
 * EncryptedRandomSessionKey = RC4K(KeyExchangeKey, ExportedSessionKey), MS-NLMP §3.1.5.1.2 (with
 * NEGOTIATE_KEY_EXCH). Known answer: §4.2.4.2.3.
 */
export function encryptSessionKey(keyExchangeKey: Buffer, exportedSessionKey: Buffer): Buffer {
  checkBytes(keyExchangeKey, 16, "KeyExchangeKey");
  checkBytes(exportedSessionKey, 16, "ExportedSessionKey");
  return rc4(keyExchangeKey, exportedSessionKey);
}

/**
 * MIC = HMAC_MD5(ExportedSessionKey, NEGOTIATE + CHALLENGE + AUTHENTICATE with a zero MIC),
 * MS-NLMP §3.1.5.1.2.
 */
export function computeMic(
  exportedSessionKey: Buffer,
  negotiate: Buffer,
  challenge: Buffer,
  authenticate: Buffer,
) {
  return hmacMd5(exportedSessionKey, negotiate, challenge, authenticate);
}
