/**
 * No input bytes crash a srvsvc stub decoder: arbitrary bytes, every truncation and random bit flips of
 * every captured stub, and mutations of random valid stubs all decode or throw an NdrError, nothing
 * else (no RangeError, no TypeError). Whatever does decode is canonical: it re-encodes to bytes that
 * decode to the same value.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodePdu } from "../../../src/msrvs/dcerpc/pdu.js";
import { FragmentReassembler } from "../../../src/msrvs/dcerpc/reassembler.js";
import { NdrError } from "../../../src/msrvs/ndr/NdrError.js";
import {
  SRVSVC_OPERATIONS,
  type SrvsvcOperation,
  srvsvcOperation,
} from "../../../src/msrvs/srvsvc/operations.js";
import type { DecodeOptions, EncodeOptions } from "../../../src/msrvs/srvsvc/stub.js";
import { FC_RUNS, FC_TIMEOUT } from "../support/fcRuns.js";
import { INDEX, loadVector } from "../support/vectors.js";
import { SRVSVC_ARBITRARIES } from "./arbitraries.js";

interface Direction {
  readonly name: string;
  readonly encode: (value: unknown, options?: EncodeOptions) => Uint8Array;
  readonly decode: (stub: Uint8Array, options?: DecodeOptions) => unknown;
}

function directions(operation: SrvsvcOperation<unknown, unknown>): [Direction, Direction] {
  return [
    { name: `${operation.name} request`, encode: operation.encodeRequest, decode: operation.decodeRequest },
    {
      name: `${operation.name} response`,
      encode: operation.encodeResponse,
      decode: operation.decodeResponse,
    },
  ];
}

const OPERATIONS = Object.values(SRVSVC_OPERATIONS) as SrvsvcOperation<unknown, unknown>[];
const DIRECTIONS = OPERATIONS.flatMap(directions);

/** Every captured srvsvc stub with the decoder that reads it. */
const CAPTURED = INDEX.flatMap((entry) => {
  const request = entry.decoded.request;
  const response = entry.decoded.response;
  const operation = srvsvcOperation(request?.opnum ?? response?.opnum_of_request ?? -1);
  if (operation === undefined || (response !== undefined && response.args === undefined)) return [];
  const pdu = decodePdu(loadVector(entry.file));
  if (pdu.type !== "request" && pdu.type !== "response") return [];
  const [asRequest, asResponse] = directions(operation);
  return [{ file: entry.file, stub: pdu.stub, direction: pdu.type === "request" ? asRequest : asResponse }];
});
const reassembler = new FragmentReassembler({ expect: "response" });
reassembler.push(loadVector("23-fileenum-l3-fragmented.resp.frag1.hex"));
const fragmented = reassembler.push(loadVector("23-fileenum-l3-fragmented.resp.frag2.hex"));
if (fragmented?.type === "response") {
  CAPTURED.push({
    file: "23 reassembled",
    stub: fragmented.stub,
    direction: directions(SRVSVC_OPERATIONS.NetrFileEnum as SrvsvcOperation<unknown, unknown>)[1],
  });
}

/** Decodes; an NdrError is fine, anything else fails the test; a value must be canonical. */
function decodeOrNdrError(direction: Direction, bytes: Uint8Array): void {
  let value: unknown;
  try {
    value = direction.decode(bytes);
  } catch (error) {
    if (!(error instanceof NdrError)) throw error;
    return;
  }
  expect(direction.decode(direction.encode(value))).toEqual(value);
}

function flip(bytes: Uint8Array, flips: readonly (readonly [number, number])[]): Uint8Array {
  const copy = bytes.slice();
  if (copy.length === 0) return copy;
  for (const [position, bit] of flips) {
    const at = position % copy.length;
    copy[at] = (copy[at] ?? 0) ^ (1 << bit);
  }
  return copy;
}

const flips = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 8 });

describe("srvsvc decoders against hostile bytes", { timeout: FC_TIMEOUT }, () => {
  it("covers every captured srvsvc stub: 28 requests, 23 responses and the reassembled 2-fragment reply", () => {
    expect(CAPTURED.length).toBe(52);
  });

  it.each(DIRECTIONS.map((direction) => [direction.name, direction] as const))(
    "%s: arbitrary bytes decode or give an NdrError",
    (_name, direction) => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 160 }), (bytes) => decodeOrNdrError(direction, bytes)),
        { numRuns: FC_RUNS },
      );
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(0, 1, 2, 3, 4, 0xff, 0x80, 0x02), { maxLength: 160 }),
          (values) => decodeOrNdrError(direction, Uint8Array.from(values)),
        ),
        { numRuns: FC_RUNS },
      );
    },
  );

  it("every truncation of every captured stub decodes or gives an NdrError", () => {
    for (const { stub, direction } of CAPTURED) {
      for (let length = 0; length < stub.length; length++)
        decodeOrNdrError(direction, stub.subarray(0, length));
    }
  });

  it("bit flips of captured stubs decode or give an NdrError", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CAPTURED), flips, ({ stub, direction }, where) =>
        decodeOrNdrError(direction, flip(stub, where)),
      ),
      { numRuns: FC_RUNS * 5 },
    );
  });

  it.each(OPERATIONS.map((operation) => [operation.name, operation] as const))(
    "%s: truncated and bit-flipped random valid stubs decode or give an NdrError",
    (name, operation) => {
      const [asRequest, asResponse] = directions(operation);
      const arbitraries = SRVSVC_ARBITRARIES[name];
      const cases = [
        [asRequest, arbitraries.request],
        [asResponse, arbitraries.response],
      ] as const;
      for (const [direction, arbitrary] of cases) {
        fc.assert(
          fc.property(arbitrary, flips, fc.nat(), (value, where, cut) => {
            const stub = direction.encode(value);
            decodeOrNdrError(direction, flip(stub, where));
            decodeOrNdrError(direction, stub.subarray(0, cut % (stub.length + 1)));
          }),
          { numRuns: FC_RUNS },
        );
      }
    },
  );
});
