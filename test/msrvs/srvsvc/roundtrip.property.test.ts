/**
 * decode(encode(x)) deep-equals x for random requests and responses of every srvsvc operation and
 * level, whatever referent numbering the encoder uses (decoders only test referents for zero,
 * ms-srvs-wire §3.2), and the bytes come out the same for the same numbering.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sequentialReferents } from "../../../src/msrvs/ndr/referents.js";
import type { NdrTraceEvent } from "../../../src/msrvs/ndr/trace.js";
import { SRVSVC_OPERATIONS, type SrvsvcOperation } from "../../../src/msrvs/srvsvc/operations.js";
import { FC_RUNS, FC_TIMEOUT } from "../support/fcRuns.js";
import { SRVSVC_ARBITRARIES } from "./arbitraries.js";

const CASES = Object.values(SRVSVC_OPERATIONS).flatMap((operation) => {
  const codec = operation as SrvsvcOperation<unknown, unknown>;
  const arbitraries = SRVSVC_ARBITRARIES[operation.name];
  return [
    [`${operation.name} request`, arbitraries.request, codec.encodeRequest, codec.decodeRequest] as const,
    [`${operation.name} response`, arbitraries.response, codec.encodeResponse, codec.decodeResponse] as const,
  ];
});

describe("srvsvc stub round trips", { timeout: FC_TIMEOUT }, () => {
  it.each(CASES)("%s: decode(encode(x)) = x", (_name, arbitrary, encode, decode) => {
    fc.assert(
      fc.property(arbitrary, fc.integer({ min: 1, max: 0x7fff0000 }), (value, first) => {
        const referents = sequentialReferents(first);
        const stub = encode(value, { referents });
        const trace: NdrTraceEvent[] = [];
        expect(decode(stub, { trace })).toEqual(value);
        const ids = trace.flatMap((event) =>
          event.kind === "pointer" && event.referent !== 0 ? [event.referent] : [],
        );
        expect(ids).toEqual(ids.map((_, index) => referents(index)));
        expect(encode(decode(stub), { referents })).toEqual(stub);
      }),
      { numRuns: FC_RUNS },
    );
  });
});
