import { encodeNtlmAuthenticate, MIC_OFFSET } from "./authenticateMessage.js";
import { AvId, type AvPair, encodeAvPairs } from "./avPairs.js";
import { decodeNtlmChallenge, type NtlmChallengeMessage } from "./challengeMessage.js";
import { CLIENT_NTLM_FLAGS, NtlmFlags } from "./flags.js";
import { NtlmError } from "./NtlmError.js";
import { encodeNtlmNegotiate } from "./negotiateMessage.js";
import { computeMic, computeNtlmv2, encryptSessionKey, ntowfv2 } from "./ntlmv2.js";

/** Who signs in (MS-NLMP §3.1.1: User, UserDom, Passwd). */
export interface NtlmCredentials {
  readonly user: string;
  readonly password: string;
  /** UserDom; empty for a local account of a standalone server. */
  readonly domain: string;
  /** Workstation name sent in the AUTHENTICATE_MESSAGE (may be empty). */
  readonly workstation?: string;
}

/**
 * Where the client's randomness and time come from. NTLM code never reads the host: a real transport
 * passes host randomness here, tests pass fixed bytes.
 */
export interface NtlmEntropy {
  /** 8 random bytes: the ClientChallenge. */
  readonly clientChallenge: Buffer;
  /** 16 random bytes: the ExportedSessionKey sent encrypted when KEY_EXCH is negotiated. */
  readonly randomSessionKey: Buffer;
  /** The current time as a FILETIME, used only when the server sent no MsvAvTimestamp. */
  readonly now: () => bigint;
}

/** The result of the client's second step. */
export interface NtlmAuthenticateResult {
  /** The AUTHENTICATE_MESSAGE to send. */
  readonly message: Buffer;
  /** ExportedSessionKey: the SMB2 session key (MS-SMB2 §3.2.5.3.1) and NTLM's signing base. */
  readonly sessionKey: Buffer;
  /** The decoded challenge the server sent. */
  readonly challenge: NtlmChallengeMessage;
}

/** VERSION field this client sends (MS-NLMP §2.2.2.10): 10.0 build 0, NTLM revision 15. */
const CLIENT_VERSION = Buffer.from([10, 0, 0, 0, 0, 0, 0, 0x0f]);

/** Builds the client's NEGOTIATE_MESSAGE with {@link CLIENT_NTLM_FLAGS} (MS-NLMP §3.1.5.1.1). */
export function createNtlmNegotiate(): Buffer {
  return encodeNtlmNegotiate({
    flags: CLIENT_NTLM_FLAGS,
    domain: "",
    workstation: "",
    version: CLIENT_VERSION,
  });
}

/**
 * The client's answer to a CHALLENGE_MESSAGE, MS-NLMP §3.1.5.1.2, NTLMv2 only: the timestamp is the
 * server's MsvAvTimestamp when present (then the LM response is Z(24) and a MIC is sent, with
 * MsvAvFlags 0x2 added to the target info), else `entropy.now()`. With KEY_EXCH negotiated the
 * session key is `entropy.randomSessionKey`, sent RC4-encrypted; otherwise the session base key.
 * A challenge that does not offer extended session security (NTLMv1 only) is refused.
 */
export function createNtlmAuthenticate(
  negotiateMessage: Buffer,
  challengeMessage: Buffer,
  credentials: NtlmCredentials,
  entropy: NtlmEntropy,
): NtlmAuthenticateResult {
  const challenge = decodeNtlmChallenge(challengeMessage);
  if ((challenge.flags & NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY) === 0) {
    throw new NtlmError("MALFORMED", "server did not offer extended session security (NTLMv2)");
  }
  const flags = (CLIENT_NTLM_FLAGS & challenge.flags) >>> 0;
  const unicode = (flags & NtlmFlags.NEGOTIATE_UNICODE) !== 0;
  if (!unicode) throw new NtlmError("MALFORMED", "server did not accept Unicode strings");
  const keyExchange = (flags & NtlmFlags.NEGOTIATE_KEY_EXCH) !== 0;
  const serverTime = challenge.targetInfo.find((p) => p.id === AvId.MsvAvTimestamp);
  const timestamp = Buffer.alloc(8);
  if (serverTime !== undefined && serverTime.value.length === 8) serverTime.value.copy(timestamp);
  else timestamp.writeBigUInt64LE(BigInt.asUintN(64, entropy.now()));
  const withMic = serverTime !== undefined;
  const pairs: AvPair[] = challenge.targetInfo.filter((p) => p.id !== AvId.MsvAvFlags);
  if (withMic) {
    const previous = challenge.targetInfo.find((p) => p.id === AvId.MsvAvFlags)?.value;
    const avFlags = Buffer.alloc(4);
    avFlags.writeUInt32LE(((previous?.length === 4 ? previous.readUInt32LE(0) : 0) | 0x2) >>> 0);
    pairs.push({ id: AvId.MsvAvFlags, value: avFlags });
  }
  const v2 = computeNtlmv2({
    responseKey: ntowfv2(credentials.password, credentials.user, credentials.domain),
    serverChallenge: challenge.serverChallenge,
    clientChallenge: entropy.clientChallenge,
    timestamp,
    targetInfo: encodeAvPairs(pairs),
  });
  const sessionKey = keyExchange ? Buffer.from(entropy.randomSessionKey) : v2.sessionBaseKey;
  const fields = {
    flags,
    lmChallengeResponse: withMic ? Buffer.alloc(24) : v2.lmChallengeResponse,
    ntChallengeResponse: v2.ntChallengeResponse,
    domain: credentials.domain,
    user: credentials.user,
    workstation: credentials.workstation ?? "",
    encryptedRandomSessionKey: keyExchange
      ? encryptSessionKey(v2.sessionBaseKey, sessionKey)
      : Buffer.alloc(0),
    version: CLIENT_VERSION,
    mic: withMic ? Buffer.alloc(16) : undefined,
  };
  let message = encodeNtlmAuthenticate(fields);
  if (withMic) {
    message = Buffer.from(message);
    computeMic(sessionKey, negotiateMessage, challengeMessage, message).copy(message, MIC_OFFSET);
  }
  return { message, sessionKey, challenge };
}
