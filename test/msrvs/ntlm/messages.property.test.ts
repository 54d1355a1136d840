import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  decodeNtlmAuthenticate,
  encodeNtlmAuthenticate,
} from "../../../src/msrvs/ntlm/authenticateMessage.js";
import { decodeAvPairs, encodeAvPairs } from "../../../src/msrvs/ntlm/avPairs.js";
import { decodeNtlmChallenge, encodeNtlmChallenge } from "../../../src/msrvs/ntlm/challengeMessage.js";
import { NtlmFlags } from "../../../src/msrvs/ntlm/flags.js";
import { NtlmError } from "../../../src/msrvs/ntlm/NtlmError.js";
import { decodeNtlmNegotiate, encodeNtlmNegotiate } from "../../../src/msrvs/ntlm/negotiateMessage.js";

const bytes = (max: number) => fc.uint8Array({ maxLength: max }).map((a) => Buffer.from(a));
const fixed = (n: number) => fc.uint8Array({ minLength: n, maxLength: n }).map((a) => Buffer.from(a));
const flags = fc.integer({ min: 0, max: 0xffffffff });
const latin1 = fc.string({
  unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)),
  maxLength: 20,
});
const anyText = fc.string({ unit: "binary", maxLength: 20 });
const avPairs = fc.array(fc.record({ id: fc.integer({ min: 1, max: 0xffff }), value: bytes(24) }), {
  maxLength: 5,
});

const negotiate = fc.record({ flags, domain: latin1, workstation: latin1, version: fixed(8) }).map((m) => ({
  ...m,
  version: (m.flags & NtlmFlags.NEGOTIATE_VERSION) !== 0 ? m.version : undefined,
}));
const challenge = fc
  .record({
    flags,
    serverChallenge: fixed(8),
    targetName: anyText,
    latin1Name: latin1,
    targetInfo: avPairs,
    version: fixed(8),
  })
  .map(({ latin1Name, ...m }) => ({
    ...m,
    targetName: (m.flags & NtlmFlags.NEGOTIATE_UNICODE) !== 0 ? m.targetName : latin1Name,
    version: (m.flags & NtlmFlags.NEGOTIATE_VERSION) !== 0 ? m.version : undefined,
  }));
const authenticate = fc
  .record({
    flags,
    lmChallengeResponse: bytes(24),
    ntChallengeResponse: bytes(120),
    domain: anyText,
    user: anyText,
    workstation: anyText,
    latin1Strings: fc.tuple(latin1, latin1, latin1),
    encryptedRandomSessionKey: bytes(16),
    version: fc.option(fixed(8), { nil: undefined }),
    mic: fc.option(fixed(16), { nil: undefined }),
  })
  .map(({ latin1Strings, ...m }) => {
    const unicode = (m.flags & NtlmFlags.NEGOTIATE_UNICODE) !== 0;
    return {
      ...m,
      domain: unicode ? m.domain : latin1Strings[0],
      user: unicode ? m.user : latin1Strings[1],
      workstation: unicode ? m.workstation : latin1Strings[2],
      version: m.mic !== undefined ? (m.version ?? Buffer.alloc(8)) : m.version,
    };
  });

function onlyNtlmErrors(decode: () => unknown): void {
  try {
    decode();
  } catch (error) {
    expect(error).toBeInstanceOf(NtlmError);
  }
}

describe("NTLM message codec (MS-NLMP §2.2.1)", () => {
  test.prop([negotiate])("NEGOTIATE_MESSAGE round trip", (m) => {
    expect(decodeNtlmNegotiate(encodeNtlmNegotiate(m))).toEqual(m);
  });

  test.prop([challenge])("CHALLENGE_MESSAGE round trip (AV pairs included)", (m) => {
    expect(decodeNtlmChallenge(encodeNtlmChallenge(m))).toEqual(m);
  });

  test.prop([authenticate])("AUTHENTICATE_MESSAGE round trip, with and without Version / MIC", (m) => {
    expect(decodeNtlmAuthenticate(encodeNtlmAuthenticate(m))).toEqual(m);
  });

  test.prop([avPairs])("AV pair lists round trip and end with MsvAvEOL", (pairs) => {
    const encoded = encodeAvPairs(pairs);
    expect(encoded.subarray(-4)).toEqual(Buffer.alloc(4));
    expect(decodeAvPairs(encoded)).toEqual(pairs);
  });

  test.prop([fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 1, max: 3 })], { numRuns: 1000 })(
    "random bytes behind a valid signature and type: decoders throw only NtlmError",
    (tail, type) => {
      const message = Buffer.concat([
        Buffer.from("NTLMSSP\0", "latin1"),
        Buffer.from([type, 0, 0, 0]),
        Buffer.from(tail),
      ]);
      onlyNtlmErrors(() => decodeNtlmNegotiate(message));
      onlyNtlmErrors(() => decodeNtlmChallenge(message));
      onlyNtlmErrors(() => decodeNtlmAuthenticate(message));
      onlyNtlmErrors(() => decodeAvPairs(Buffer.from(tail)));
    },
  );

  test.prop([authenticate, fc.nat(), fc.nat()], { numRuns: 500 })(
    "truncated or corrupted AUTHENTICATE messages: only NtlmError",
    (m, cut, at) => {
      const encoded = encodeNtlmAuthenticate(m);
      onlyNtlmErrors(() => decodeNtlmAuthenticate(encoded.subarray(0, cut % encoded.length)));
      const corrupted = Buffer.from(encoded);
      corrupted[12 + (at % (corrupted.length - 12))] = 0xff;
      onlyNtlmErrors(() => decodeNtlmAuthenticate(corrupted));
    },
  );

  it("rejects a wrong signature or message type, and odd UTF-16 lengths", () => {
    const good = encodeNtlmNegotiate({
      flags: 0,
      domain: "WORKGROUP-NAME-PADDING",
      workstation: "",
      version: undefined,
    });
    const badSignature = Buffer.from(good);
    badSignature[0] = 0x4f;
    expect(() => decodeNtlmNegotiate(badSignature)).toThrow(NtlmError);
    expect(() => decodeNtlmChallenge(good)).toThrow(/MessageType 1, expected 2/);
    const challengeBytes = encodeNtlmChallenge({
      flags: NtlmFlags.NEGOTIATE_UNICODE,
      serverChallenge: Buffer.alloc(8),
      targetName: "ab",
      targetInfo: [],
      version: undefined,
    });
    challengeBytes.writeUInt16LE(3, 12);
    expect(() => decodeNtlmChallenge(challengeBytes)).toThrow(/odd UTF-16/);
  });

  it("encoders refuse values that do not fit", () => {
    const base = { flags: 0, domain: "", workstation: "", version: undefined };
    expect(() => encodeNtlmNegotiate({ ...base, flags: -1 })).toThrow(NtlmError);
    expect(() => encodeNtlmNegotiate({ ...base, domain: "\u0100" })).toThrow(/OEM/);
    expect(() => encodeAvPairs([{ id: 0, value: Buffer.alloc(0) }])).toThrow(NtlmError);
    expect(() =>
      encodeNtlmAuthenticate({
        flags: 0,
        lmChallengeResponse: Buffer.alloc(0),
        ntChallengeResponse: Buffer.alloc(0),
        domain: "",
        user: "",
        workstation: "",
        encryptedRandomSessionKey: Buffer.alloc(0),
        version: undefined,
        mic: Buffer.alloc(16),
      }),
    ).toThrow(/MIC needs the Version/);
  });
});
