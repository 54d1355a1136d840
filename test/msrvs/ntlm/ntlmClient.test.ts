import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { decodeNtlmAuthenticate } from "../../../src/msrvs/ntlm/authenticateMessage.js";
import { AvId, type AvPair, decodeAvPairs } from "../../../src/msrvs/ntlm/avPairs.js";
import { encodeNtlmChallenge } from "../../../src/msrvs/ntlm/challengeMessage.js";
import { CLIENT_NTLM_FLAGS, NtlmFlags } from "../../../src/msrvs/ntlm/flags.js";
import { NtlmError } from "../../../src/msrvs/ntlm/NtlmError.js";
import { decodeNtlmNegotiate } from "../../../src/msrvs/ntlm/negotiateMessage.js";
import { createNtlmAuthenticate, createNtlmNegotiate } from "../../../src/msrvs/ntlm/ntlmClient.js";
import { computeMic, hmacMd5, ntowfv2 } from "../../../src/msrvs/ntlm/ntlmv2.js";
import { rc4 } from "../../../src/msrvs/ntlm/rc4.js";

const SERVER_TIME = Buffer.from("0090d336b734c301", "hex");
const CREDENTIALS = { user: "alice", password: "Al1ce-pw!", domain: "FS01", workstation: "WS" };

function challengeWith(
  targetInfo: AvPair[],
  flags = CLIENT_NTLM_FLAGS | NtlmFlags.TARGET_TYPE_SERVER,
): Buffer {
  return encodeNtlmChallenge({
    flags: flags >>> 0,
    serverChallenge: Buffer.from("1122334455667788", "hex"),
    targetName: "FS01",
    targetInfo,
    version: Buffer.from([6, 1, 0, 0, 0, 0, 0, 15]),
  });
}

const BASE_INFO: AvPair[] = [
  { id: AvId.MsvAvNbDomainName, value: Buffer.from("FS01", "utf16le") },
  { id: AvId.MsvAvNbComputerName, value: Buffer.from("FS01", "utf16le") },
];

/** What a server does with the AUTHENTICATE_MESSAGE (MS-NLMP §3.2.5.1.2), written independently. */
function serverVerify(negotiate: Buffer, challenge: Buffer, authenticate: Buffer, password: string) {
  const message = decodeNtlmAuthenticate(authenticate);
  const key = ntowfv2(password, message.user, message.domain);
  const proof = message.ntChallengeResponse.subarray(0, 16);
  const blob = message.ntChallengeResponse.subarray(16);
  const expectedProof = hmacMd5(key, challenge.subarray(24, 32), blob);
  const sessionBaseKey = hmacMd5(key, proof);
  const sessionKey = message.encryptedRandomSessionKey.length
    ? rc4(sessionBaseKey, message.encryptedRandomSessionKey)
    : sessionBaseKey;
  let micOk: boolean | undefined;
  if (message.mic) {
    const zeroed = Buffer.from(authenticate);
    zeroed.fill(0, 72, 88);
    micOk = computeMic(sessionKey, negotiate, challenge, zeroed).equals(message.mic);
  }
  return { message, proofOk: proof.equals(expectedProof), sessionKey, micOk, blob };
}

describe("the NTLMv2 client (MS-NLMP §3.1.5.1)", () => {
  it("offers Unicode, NTLM with extended session security, key exchange, 128-bit keys and the version", () => {
    const negotiate = decodeNtlmNegotiate(createNtlmNegotiate());
    for (const flag of [
      NtlmFlags.NEGOTIATE_UNICODE,
      NtlmFlags.NEGOTIATE_NTLM,
      NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY,
      NtlmFlags.NEGOTIATE_KEY_EXCH,
      NtlmFlags.NEGOTIATE_128,
    ]) {
      expect(negotiate.flags & flag).toBe(flag);
    }
    expect(negotiate.flags & NtlmFlags.NEGOTIATE_LM_KEY).toBe(0);
    expect(negotiate.version).toBeDefined();
  });

  test.prop([fc.uint8Array({ minLength: 8, maxLength: 8 }), fc.uint8Array({ minLength: 16, maxLength: 16 })])(
    "with a server timestamp: the server's time, Z(24) as LM response, MsvAvFlags 0x2 and a MIC that verifies",
    (clientChallenge, randomSessionKey) => {
      const negotiate = createNtlmNegotiate();
      const challenge = challengeWith([...BASE_INFO, { id: AvId.MsvAvTimestamp, value: SERVER_TIME }]);
      const entropy = {
        clientChallenge: Buffer.from(clientChallenge),
        randomSessionKey: Buffer.from(randomSessionKey),
        now: () => {
          throw new Error("the host clock must not be read when the server sent a timestamp");
        },
      };
      const result = createNtlmAuthenticate(negotiate, challenge, CREDENTIALS, entropy);
      const check = serverVerify(negotiate, challenge, result.message, CREDENTIALS.password);
      expect(check.proofOk).toBe(true);
      expect(check.micOk).toBe(true);
      expect(check.sessionKey).toEqual(Buffer.from(randomSessionKey));
      expect(result.sessionKey).toEqual(Buffer.from(randomSessionKey));
      expect(check.message.lmChallengeResponse).toEqual(Buffer.alloc(24));
      expect(check.blob.subarray(8, 16)).toEqual(SERVER_TIME);
      expect(check.blob.subarray(16, 24)).toEqual(Buffer.from(clientChallenge));
      const pairs = decodeAvPairs(check.blob.subarray(28));
      expect(pairs.find((p) => p.id === AvId.MsvAvFlags)?.value.readUInt32LE(0)).toBe(2);
      expect(pairs.filter((p) => p.id !== AvId.MsvAvFlags)).toEqual([
        ...BASE_INFO,
        { id: AvId.MsvAvTimestamp, value: SERVER_TIME },
      ]);
      expect(check.message).toMatchObject({ user: "alice", domain: "FS01", workstation: "WS" });
    },
  );

  it("without a server timestamp: the injected clock, an LMv2 response, no MIC", () => {
    const negotiate = createNtlmNegotiate();
    const challenge = challengeWith(BASE_INFO);
    const result = createNtlmAuthenticate(negotiate, challenge, CREDENTIALS, {
      clientChallenge: Buffer.alloc(8, 1),
      randomSessionKey: Buffer.alloc(16, 2),
      now: () => 0x01c334b736d39000n,
    });
    const check = serverVerify(negotiate, challenge, result.message, CREDENTIALS.password);
    expect(check.proofOk).toBe(true);
    expect(check.message.mic).toBeUndefined();
    expect(check.blob.readBigUInt64LE(8)).toBe(0x01c334b736d39000n);
    expect(check.message.lmChallengeResponse.subarray(16)).toEqual(Buffer.alloc(8, 1));
  });

  it("a wrong password gives a proof the server rejects", () => {
    const negotiate = createNtlmNegotiate();
    const challenge = challengeWith(BASE_INFO);
    const result = createNtlmAuthenticate(
      negotiate,
      challenge,
      { ...CREDENTIALS, password: "wrong" },
      {
        clientChallenge: Buffer.alloc(8),
        randomSessionKey: Buffer.alloc(16),
        now: () => 0n,
      },
    );
    expect(serverVerify(negotiate, challenge, result.message, CREDENTIALS.password).proofOk).toBe(false);
  });

  it("without KEY_EXCH from the server, the session key is the session base key and none is sent", () => {
    const negotiate = createNtlmNegotiate();
    const challenge = challengeWith(BASE_INFO, CLIENT_NTLM_FLAGS & ~NtlmFlags.NEGOTIATE_KEY_EXCH);
    const result = createNtlmAuthenticate(negotiate, challenge, CREDENTIALS, {
      clientChallenge: Buffer.alloc(8),
      randomSessionKey: Buffer.alloc(16, 9),
      now: () => 0n,
    });
    const check = serverVerify(negotiate, challenge, result.message, CREDENTIALS.password);
    expect(check.message.encryptedRandomSessionKey).toEqual(Buffer.alloc(0));
    expect(result.sessionKey).toEqual(check.sessionKey);
    expect(result.sessionKey).not.toEqual(Buffer.alloc(16, 9));
  });

  it("refuses an NTLMv1-only challenge and a non-Unicode one with NtlmError", () => {
    const entropy = { clientChallenge: Buffer.alloc(8), randomSessionKey: Buffer.alloc(16), now: () => 0n };
    const v1 = challengeWith(BASE_INFO, CLIENT_NTLM_FLAGS & ~NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY);
    expect(() => createNtlmAuthenticate(createNtlmNegotiate(), v1, CREDENTIALS, entropy)).toThrow(NtlmError);
    const oem = challengeWith(
      BASE_INFO,
      (CLIENT_NTLM_FLAGS & ~NtlmFlags.NEGOTIATE_UNICODE) | NtlmFlags.NEGOTIATE_OEM,
    );
    expect(() => createNtlmAuthenticate(createNtlmNegotiate(), oem, CREDENTIALS, entropy)).toThrow(/Unicode/);
    expect(() =>
      createNtlmAuthenticate(createNtlmNegotiate(), Buffer.from("junk"), CREDENTIALS, entropy),
    ).toThrow(NtlmError);
  });
});
