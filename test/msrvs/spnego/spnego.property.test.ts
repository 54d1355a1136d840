/** The SPNEGO codec (RFC 4178 §4.2): round trips, a known Windows-shaped token, and hostile input. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeOid, encodeOid } from "../../../src/msrvs/spnego/der.js";
import { SpnegoError } from "../../../src/msrvs/spnego/SpnegoError.js";
import {
  decodeSpnegoToken,
  encodeNegTokenInit,
  encodeNegTokenResp,
  NegState,
  NTLMSSP_OID,
} from "../../../src/msrvs/spnego/spnego.js";
import { fcRuns } from "../../support/fcRuns.js";

const oid = fc
  .tuple(
    fc.integer({ min: 0, max: 2 }),
    fc.integer({ min: 0, max: 39 }),
    fc.array(fc.nat(0xffffff), { maxLength: 8 }),
  )
  .map(([a, b, rest]) => [a, b, ...rest].join("."));
const octets = fc.option(
  fc.uint8Array({ maxLength: 600 }).map((a) => Buffer.from(a)),
  { nil: undefined },
);

describe("SPNEGO tokens", () => {
  it("the NTLMSSP OID encodes as Windows sends it", () => {
    expect(encodeOid(NTLMSSP_OID).toString("hex")).toBe("060a2b0601040182370202 0a".replace(" ", ""));
  });

  it("OIDs round trip", () => {
    fc.assert(
      fc.property(oid, (dotted) => {
        const der = encodeOid(dotted);
        expect(decodeOid(der.subarray(2), "oid")).toBe(dotted);
      }),
      { numRuns: fcRuns(300) },
    );
  });

  it("NegTokenInit and NegTokenResp round trip", () => {
    fc.assert(
      fc.property(
        fc.array(oid, { minLength: 1, maxLength: 4 }),
        octets,
        octets,
        (mechTypes, mechToken, mechListMic) => {
          expect(decodeSpnegoToken(encodeNegTokenInit({ mechTypes, mechToken, mechListMic }))).toEqual({
            kind: "init",
            mechTypes,
            mechToken,
            mechListMic,
          });
        },
      ),
      { numRuns: fcRuns(200) },
    );
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom(0, 1, 2, 3), { nil: undefined }),
        fc.option(oid, { nil: undefined }),
        octets,
        octets,
        (negState, supportedMech, responseToken, mechListMic) => {
          const token = { negState, supportedMech, responseToken, mechListMic };
          expect(decodeSpnegoToken(encodeNegTokenResp(token))).toEqual({ kind: "resp", ...token });
        },
      ),
      { numRuns: fcRuns(200) },
    );
  });

  it("a truncated or mutated token is a SpnegoError, never another error", () => {
    const valid = encodeNegTokenResp({
      negState: NegState.acceptIncomplete,
      supportedMech: NTLMSSP_OID,
      responseToken: Buffer.alloc(40, 1),
      mechListMic: undefined,
    });
    fc.assert(
      fc.property(
        fc.nat(valid.length),
        fc.array(fc.tuple(fc.nat(valid.length - 1), fc.nat(255)), { maxLength: 6 }),
        (cut, flips) => {
          const bytes = Buffer.from(valid.subarray(0, cut));
          for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
          try {
            decodeSpnegoToken(bytes);
          } catch (error) {
            expect(error).toBeInstanceOf(SpnegoError);
          }
        },
      ),
      { numRuns: fcRuns(500) },
    );
  });
});
