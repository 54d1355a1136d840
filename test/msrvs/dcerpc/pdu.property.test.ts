/**
 * Property tests of the PDU codec (ms-srvs-wire §2): random PDUs of every type survive encode then
 * decode; arbitrary bytes, every truncation and random bit flips of every captured PDU give a PDU or a
 * DceRpcError, nothing else, and whatever decodes re-encodes to something that decodes the same.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DceRpcError } from "../../../src/msrvs/dcerpc/DceRpcError.js";
import { decodePdu, encodePdu, type Pdu } from "../../../src/msrvs/dcerpc/pdu.js";
import { FragmentReassembler } from "../../../src/msrvs/dcerpc/reassembler.js";
import { FC_RUNS, FC_TIMEOUT } from "../support/fcRuns.js";
import { HEX_FILES, loadVector } from "../support/vectors.js";

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const uuid = fc.uuid().map((text) => text.toLowerCase());
const syntax = fc.record({ uuid, major: u16, minor: u16 });
const common = { callId: u32, rpcVersMinor: u8 };
const stub = fc.uint8Array({ maxLength: 300 });

const pdu: fc.Arbitrary<Pdu> = fc.oneof(
  fc.record({
    type: fc.constant("bind" as const),
    ...common,
    pfcFlags: u8,
    maxXmitFrag: u16,
    maxRecvFrag: u16,
    assocGroupId: u32,
    contexts: fc.array(
      fc.record({
        contextId: u16,
        abstractSyntax: syntax,
        transferSyntaxes: fc.array(syntax, { maxLength: 3 }),
      }),
      { maxLength: 3 },
    ),
  }),
  fc.record({
    type: fc.constant("bind_ack" as const),
    ...common,
    pfcFlags: u8,
    maxXmitFrag: u16,
    maxRecvFrag: u16,
    assocGroupId: u32,
    secondaryAddress: fc.option(
      fc
        .array(fc.integer({ min: 1, max: 0xff }), { maxLength: 20 })
        .map((codes) => String.fromCharCode(...codes)),
      { nil: null },
    ),
    results: fc.array(fc.record({ result: u16, reason: u16, transferSyntax: syntax }), { maxLength: 3 }),
  }),
  fc.record({
    type: fc.constant("bind_nak" as const),
    ...common,
    pfcFlags: u8,
    rejectReason: u16,
    versions: fc.array(fc.record({ major: u8, minor: u8 }), { maxLength: 4 }),
  }),
  fc
    .record({
      ...common,
      flags: u8,
      allocHint: u32,
      contextId: u16,
      opnum: u16,
      object: fc.option(uuid, { nil: null }),
      stub,
    })
    .map(({ flags, ...rest }) => ({
      type: "request" as const,
      ...rest,
      pfcFlags: (flags & 0x7f) | (rest.object === null ? 0 : 0x80),
    })),
  fc.record({
    type: fc.constant("response" as const),
    ...common,
    pfcFlags: u8,
    allocHint: u32,
    contextId: u16,
    cancelCount: u8,
    stub,
  }),
  fc.record({
    type: fc.constant("fault" as const),
    ...common,
    pfcFlags: u8,
    allocHint: u32,
    contextId: u16,
    cancelCount: u8,
    status: u32,
    stub,
  }),
);

const VECTORS = HEX_FILES.map(loadVector);

/** Decodes; a DceRpcError is fine, anything else fails; a decoded PDU must survive encode/decode. */
function decodeOrTypedError(bytes: Uint8Array): void {
  let decoded: Pdu;
  try {
    decoded = decodePdu(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(DceRpcError);
    return;
  }
  expect(decodePdu(encodePdu(decoded))).toEqual(decoded);
}

describe("PDU codec properties", { timeout: FC_TIMEOUT }, () => {
  it("decode(encode(pdu)) equals pdu for every PDU type", () => {
    fc.assert(
      fc.property(pdu, (value) => {
        expect(decodePdu(encodePdu(value))).toEqual(value);
      }),
      { numRuns: FC_RUNS },
    );
  });

  it("arbitrary bytes decode or give a DceRpcError", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), decodeOrTypedError), { numRuns: FC_RUNS });
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 200 }), (bytes) => {
        bytes.set([5, bytes[1] ?? 0, bytes[2] ?? 0, bytes[3] ?? 0, 0x10, 0, 0, 0]);
        new DataView(bytes.buffer).setUint16(8, bytes.length, true);
        bytes[10] = 0;
        bytes[11] = 0;
        decodeOrTypedError(bytes);
      }),
      { numRuns: FC_RUNS },
    );
  });

  it("every truncation of every captured PDU is a DceRpcError", () => {
    for (const bytes of VECTORS) {
      for (let length = 0; length < bytes.length; length++) {
        expect(() => decodePdu(bytes.subarray(0, length))).toThrow(DceRpcError);
      }
    }
  });

  it("bit flips of captured PDUs decode or give a DceRpcError", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VECTORS),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 6 }),
        (vector, flips) => {
          const bytes = vector.slice();
          for (const [position, bit] of flips) {
            const at = position % bytes.length;
            bytes[at] = (bytes[at] ?? 0) ^ (1 << bit);
          }
          decodeOrTypedError(bytes);
          try {
            new FragmentReassembler({ expect: "response" }).push(bytes);
          } catch (error) {
            expect(error).toBeInstanceOf(DceRpcError);
          }
        },
      ),
      { numRuns: FC_RUNS },
    );
  });
});
