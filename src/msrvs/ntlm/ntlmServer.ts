/**
 * The server side of NTLM (MS-NLMP §3.2): the CHALLENGE_MESSAGE answering a client's NEGOTIATE, and the
 * verification of the NTLMv2 response in its AUTHENTICATE_MESSAGE (§3.2.5.1.2, §3.3.2). NTLMv1
 * responses are refused, as a server with LmCompatibilityLevel 5 refuses them. Randomness (the server
 * challenge) comes from the caller.
 */
import { timingSafeEqual } from "node:crypto";
import { MIC_OFFSET, type NtlmAuthenticateMessage } from "./authenticateMessage.js";
import { AvId, type AvPair, decodeAvPairs } from "./avPairs.js";
import { encodeNtlmChallenge } from "./challengeMessage.js";
import { NtlmFlags } from "./flags.js";
import { NtlmError } from "./NtlmError.js";
import { decodeNtlmNegotiate } from "./negotiateMessage.js";
import { computeMic, hmacMd5, ntowfv2 } from "./ntlmv2.js";
import { rc4 } from "./rc4.js";

/** The flags a server may grant (MS-NLMP §2.2.2.5); the CHALLENGE carries their intersection with the client's. */
export const SERVER_NTLM_FLAGS =
  (NtlmFlags.NEGOTIATE_UNICODE |
    NtlmFlags.REQUEST_TARGET |
    NtlmFlags.NEGOTIATE_SIGN |
    NtlmFlags.NEGOTIATE_NTLM |
    NtlmFlags.NEGOTIATE_ALWAYS_SIGN |
    NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY |
    NtlmFlags.NEGOTIATE_128 |
    NtlmFlags.NEGOTIATE_KEY_EXCH |
    NtlmFlags.NEGOTIATE_56) >>>
  0;

/** Who the server is, for the CHALLENGE's TargetName and TargetInfo (MS-NLMP §2.2.1.2). */
export interface NtlmServerIdentity {
  /** NetBIOS name of the domain or workgroup (TargetName, MsvAvNbDomainName). */
  readonly domain: string;
  /** NetBIOS name of the server (MsvAvNbComputerName). */
  readonly computer: string;
  /** Whether `domain` is a domain (TARGET_TYPE_DOMAIN) or a workgroup (TARGET_TYPE_SERVER). */
  readonly isDomain: boolean;
}

/** VERSION the server sends (MS-NLMP §2.2.2.10): 10.0 build 0, NTLM revision 15. */
const SERVER_VERSION = Buffer.from([10, 0, 0, 0, 0, 0, 0, 0x0f]);

const text = (value: string) => Buffer.from(value, "utf16le");

/**
 * The CHALLENGE_MESSAGE for a client's NEGOTIATE_MESSAGE (MS-NLMP §3.2.5.1.1): the granted flags are the
 * client's intersected with {@link SERVER_NTLM_FLAGS}, plus Unicode, target info and the target type.
 * No MsvAvTimestamp is sent, so clients need not send a MIC. Throws NtlmError for a malformed NEGOTIATE.
 */
export function createNtlmChallenge(
  negotiate: Buffer,
  identity: NtlmServerIdentity,
  serverChallenge: Buffer,
): Buffer {
  const requested = decodeNtlmNegotiate(negotiate).flags;
  const flags =
    ((requested & SERVER_NTLM_FLAGS) |
      NtlmFlags.NEGOTIATE_UNICODE |
      NtlmFlags.NEGOTIATE_TARGET_INFO |
      (requested & NtlmFlags.NEGOTIATE_VERSION) |
      (identity.isDomain ? NtlmFlags.TARGET_TYPE_DOMAIN : NtlmFlags.TARGET_TYPE_SERVER)) >>>
    0;
  const targetInfo: AvPair[] = [
    { id: AvId.MsvAvNbDomainName, value: text(identity.domain) },
    { id: AvId.MsvAvNbComputerName, value: text(identity.computer) },
    { id: AvId.MsvAvDnsDomainName, value: text(identity.domain.toLowerCase()) },
    { id: AvId.MsvAvDnsComputerName, value: text(identity.computer.toLowerCase()) },
  ];
  return encodeNtlmChallenge({
    flags,
    serverChallenge,
    targetName: identity.domain,
    targetInfo,
    version: (flags & NtlmFlags.NEGOTIATE_VERSION) !== 0 ? SERVER_VERSION : undefined,
  });
}

/** True for an anonymous AUTHENTICATE_MESSAGE (MS-NLMP §3.2.5.1.2: empty user and NT response). */
export function isAnonymousAuthenticate(message: NtlmAuthenticateMessage): boolean {
  return message.user === "" && message.ntChallengeResponse.length === 0;
}

/** What the three NTLM messages of one logon are, for {@link verifyNtlmv2Authenticate}. */
export interface NtlmExchange {
  readonly negotiate: Buffer;
  readonly challenge: Buffer;
  readonly serverChallenge: Buffer;
  /** The AUTHENTICATE_MESSAGE as received, and decoded. */
  readonly authenticate: Buffer;
  readonly message: NtlmAuthenticateMessage;
}

/**
 * Verifies the NTLMv2 response of `exchange` with an account's password (MS-NLMP §3.3.2): NTProofStr
 * must equal HMAC_MD5(NTOWFv2(password, user, domain), ServerChallenge + temp) for the domain the client
 * sent (or, as Windows and Samba also try, the empty and upper-cased domain). Returns the
 * ExportedSessionKey (the SMB2 session key, §3.2.5.1.2 with KEY_EXCH) or undefined when the password
 * does not match, the response is NTLMv1, or a MIC is announced and wrong.
 */
export function verifyNtlmv2Authenticate(exchange: NtlmExchange, password: string): Buffer | undefined {
  const { message } = exchange;
  const response = message.ntChallengeResponse;
  if (response.length < 16 + 28) return undefined;
  const proof = response.subarray(0, 16);
  const temp = response.subarray(16);
  const domains = [...new Set([message.domain, "", message.domain.toUpperCase()])];
  for (const domain of domains) {
    const key = ntowfv2(password, message.user, domain);
    const expected = hmacMd5(key, exchange.serverChallenge, temp);
    if (!timingSafeEqual(expected, proof)) continue;
    const sessionBaseKey = hmacMd5(key, proof);
    const keyExchange = (message.flags & NtlmFlags.NEGOTIATE_KEY_EXCH) !== 0;
    const exported =
      keyExchange && message.encryptedRandomSessionKey.length === 16
        ? rc4(sessionBaseKey, message.encryptedRandomSessionKey)
        : sessionBaseKey;
    return micIsValid(exchange, temp, exported) ? exported : undefined;
  }
  return undefined;
}

/** A MIC is required when the client's AV pairs say so (MsvAvFlags bit 0x2, MS-NLMP §2.2.2.1). */
function micIsValid(exchange: NtlmExchange, temp: Buffer, exportedSessionKey: Buffer): boolean {
  let pairs: AvPair[];
  try {
    pairs = decodeAvPairs(temp.subarray(28));
  } catch (error) {
    if (error instanceof NtlmError) return false;
    throw error;
  }
  const avFlags = pairs.find((pair) => pair.id === AvId.MsvAvFlags)?.value;
  const announced = avFlags?.length === 4 && (avFlags.readUInt32LE(0) & 0x2) !== 0;
  if (!announced) return true;
  const mic = exchange.message.mic;
  if (mic === undefined) return false;
  const zeroed = Buffer.from(exchange.authenticate);
  zeroed.fill(0, MIC_OFFSET, MIC_OFFSET + 16);
  const expected = computeMic(exportedSessionKey, exchange.negotiate, exchange.challenge, zeroed);
  return timingSafeEqual(expected, mic);
}
