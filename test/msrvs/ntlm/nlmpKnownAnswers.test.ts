import { describe, expect, it } from "vitest";
import {
  decodeNtlmAuthenticate,
  encodeNtlmAuthenticate,
} from "../../../src/msrvs/ntlm/authenticateMessage.js";
import { AvId } from "../../../src/msrvs/ntlm/avPairs.js";
import { decodeNtlmChallenge, encodeNtlmChallenge } from "../../../src/msrvs/ntlm/challengeMessage.js";
import { computeNtlmv2, encryptSessionKey, ntowfv1, ntowfv2 } from "../../../src/msrvs/ntlm/ntlmv2.js";

/**
 * MS-NLMP §4.2.4 "NTLMv2 Authentication" example: User "User", UserDom "Domain", Passwd "Password",
 * server "Server", workstation "COMPUTER", RandomSessionKey 0x55 x16, Time 0, ClientChallenge 0xaa x8,
 * ServerChallenge 0123456789abcdef. Expected values as published there (§4.2.4.1 - §4.2.4.3).
 */
const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ""), "hex");
const SERVER_CHALLENGE = hex("0123456789abcdef");
const CLIENT_CHALLENGE = Buffer.alloc(8, 0xaa);
const TIME = Buffer.alloc(8);
const RANDOM_SESSION_KEY = Buffer.alloc(16, 0x55);
/** §4.2.4: the CHALLENGE_MESSAGE (flags 0xe28a8233, target "Server", AV pairs NbDomain + NbComputer). */
const CHALLENGE = hex(`
  4e544c4d53535000 02000000 0c000c00 38000000 33828ae2 0123456789abcdef 0000000000000000
  24002400 44000000 0600701700000 00f 530065007200760065007200
  02000c0044006f006d00610069006e00 01000c005300650072007600650072000000 0000`);
/** §4.2.4.3: the AUTHENTICATE_MESSAGE. */
const AUTHENTICATE = hex(`
  4e544c4d53535000 03000000 18001800 6c000000 54005400 84000000 0c000c00 48000000
  08000800 54000000 10001000 5c000000 10001000 d8000000 358288e2 0501280a0000000f
  44006f006d00610069006e00 5500730065007200 43004f004d005000550054004500520
  0 86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa 68cd0ab851e51c96aabc927bebef6a1c
  0101000000000000 0000000000000000 aaaaaaaaaaaaaaaa 00000000
  02000c0044006f006d00610069006e0001000c005300650072007600650072000000000000000000
  c5dad2544fc9799094ce1ce90bc9d03e`);

describe("MS-NLMP §4.2.4 NTLMv2 known answers", () => {
  const responseKey = ntowfv2("Password", "User", "Domain");
  const challenge = decodeNtlmChallenge(CHALLENGE);
  const targetInfo = CHALLENGE.subarray(0x44, 0x44 + 36);
  const result = computeNtlmv2({
    responseKey,
    serverChallenge: SERVER_CHALLENGE,
    clientChallenge: CLIENT_CHALLENGE,
    timestamp: TIME,
    targetInfo,
  });

  it("§4.2.2.1.2 / §4.2.4.1.1: NTOWFv1 and NTOWFv2 (user upper-cased, domain not)", () => {
    expect(ntowfv1("Password").toString("hex")).toBe("a4f49c406510bdcab6824ee7c30fd852");
    expect(responseKey.toString("hex")).toBe("0c868a403bfd7a93a3001ef22ef02e3f");
    expect(ntowfv2("Password", "USER", "Domain")).toEqual(responseKey);
    expect(ntowfv2("Password", "User", "DOMAIN")).not.toEqual(responseKey);
  });

  it("the CHALLENGE_MESSAGE decodes to the example's values and re-encodes byte for byte", () => {
    expect(challenge.flags).toBe(0xe28a8233);
    expect(challenge.serverChallenge).toEqual(SERVER_CHALLENGE);
    expect(challenge.targetName).toBe("Server");
    expect(challenge.targetInfo).toEqual([
      { id: AvId.MsvAvNbDomainName, value: Buffer.from("Domain", "utf16le") },
      { id: AvId.MsvAvNbComputerName, value: Buffer.from("Server", "utf16le") },
    ]);
    expect(challenge.version).toEqual(hex("0600701700000 00f"));
    expect(encodeNtlmChallenge(challenge)).toEqual(CHALLENGE);
  });

  it("§4.2.4.1.2: SessionBaseKey; §4.2.4.2.1: LMv2 response; §4.2.4.2.2: NTProofStr and NTLMv2 response", () => {
    expect(result.sessionBaseKey.toString("hex")).toBe("8de40ccadbc14a82f15cb0ad0de95ca3");
    expect(result.lmChallengeResponse.toString("hex")).toBe(
      "86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa",
    );
    expect(result.ntProofStr.toString("hex")).toBe("68cd0ab851e51c96aabc927bebef6a1c");
    expect(result.ntChallengeResponse).toEqual(AUTHENTICATE.subarray(0x84, 0x84 + 0x54));
  });

  it("§4.2.4.2.3: EncryptedRandomSessionKey = RC4K(SessionBaseKey, RandomSessionKey)", () => {
    expect(encryptSessionKey(result.sessionBaseKey, RANDOM_SESSION_KEY).toString("hex")).toBe(
      "c5dad2544fc9799094ce1ce90bc9d03e",
    );
  });

  it("§4.2.4.3: the AUTHENTICATE_MESSAGE decodes to the example's fields and re-encodes byte for byte", () => {
    const decoded = decodeNtlmAuthenticate(AUTHENTICATE);
    expect(decoded).toEqual({
      flags: 0xe2888235,
      lmChallengeResponse: result.lmChallengeResponse,
      ntChallengeResponse: result.ntChallengeResponse,
      domain: "Domain",
      user: "User",
      workstation: "COMPUTER",
      encryptedRandomSessionKey: encryptSessionKey(result.sessionBaseKey, RANDOM_SESSION_KEY),
      version: hex("0501280a0000000f"),
      mic: undefined,
    });
    expect(encodeNtlmAuthenticate(decoded)).toEqual(AUTHENTICATE);
  });
});
