/**
 * Table-driven over every captured srvsvc request and response (test/vectors/srvsvc): the stub decodes
 * to index.json's values, with the same referent ids, string counts and array conformances, and
 * re-encodes to the very same bytes. Requests are encoded with the default referent numbering
 * (0x00020000 upward); responses continue after the request's non-NULL pointers, as Samba does
 * (ms-srvs-wire §3.2).
 */
import { describe, expect, it } from "vitest";
import { fragmentResponse } from "../../../src/msrvs/dcerpc/fragment.js";
import { decodePdu, encodePdu } from "../../../src/msrvs/dcerpc/pdu.js";
import { FragmentReassembler } from "../../../src/msrvs/dcerpc/reassembler.js";
import { NdrError } from "../../../src/msrvs/ndr/NdrError.js";
import { sequentialReferents } from "../../../src/msrvs/ndr/referents.js";
import type { NdrTraceEvent } from "../../../src/msrvs/ndr/trace.js";
import { srvsvcOperation } from "../../../src/msrvs/srvsvc/operations.js";
import { hex, INDEX, loadVector, requestFileOf } from "../support/vectors.js";
import { expectedRequest, expectedResponse, wireFacts } from "./indexProjection.js";

function stubOf(file: string): Uint8Array {
  const pdu = decodePdu(loadVector(file));
  if (pdu.type !== "request" && pdu.type !== "response") throw new Error(`${file} is a ${pdu.type}`);
  return pdu.stub;
}

function traceFacts(trace: readonly NdrTraceEvent[]) {
  return {
    pointers: trace.flatMap((event) => (event.kind === "pointer" ? [event.referent] : [])),
    strings: trace.flatMap((event) =>
      event.kind === "string"
        ? [{ max: event.maxCount, offset: event.offset, actual: event.actualCount }]
        : [],
    ),
    arrays: trace.flatMap((event) => (event.kind === "array" ? [event.maxCount] : [])),
  };
}

/** Samba numbers a reply's referents after the request's non-NULL pointers (ms-srvs-wire §3.2). */
function replyReferentBase(requestFile: string, opnum: number): number {
  const trace: NdrTraceEvent[] = [];
  srvsvcOperation(opnum)?.decodeRequest(stubOf(requestFile), { trace });
  return 0x00020000 + 4 * traceFacts(trace).pointers.filter((referent) => referent !== 0).length;
}

const REQUESTS = INDEX.filter((entry) => entry.decoded.request !== undefined);
const RESPONSES = INDEX.filter((entry) => entry.decoded.response?.args !== undefined);

describe("srvsvc request vectors (ms-srvs-wire §4)", () => {
  describe.each(REQUESTS.map((entry) => [entry.file, entry] as const))("%s", (file, entry) => {
    const request = entry.decoded.request;
    if (request === undefined) throw new Error("filtered on requests");
    const operation = srvsvcOperation(request.opnum);
    const { args } = request;

    if (args.undecodable !== undefined) {
      it("is a stub cut short: decoding fails with NdrError TRUNCATED", () => {
        expect(() => operation?.decodeRequest(stubOf(file))).toThrow(NdrError);
        expect(() => operation?.decodeRequest(stubOf(file))).toThrow(/TRUNCATED/);
      });
      return;
    }
    if (operation === undefined) {
      it("has an opnum srvsvc does not define, and an empty stub", () => {
        expect(request.opnum).toBe(99);
        expect(stubOf(file).length).toBe(args.raw_stub_len);
      });
      return;
    }

    it("decodes to index.json's arguments, referent ids and string counts", () => {
      const trace: NdrTraceEvent[] = [];
      const stub = stubOf(file);
      expect(operation.decodeRequest(stub, { trace })).toEqual(expectedRequest(request.opnum, args));
      expect(traceFacts(trace)).toEqual(wireFacts(args));
      expect(stub.length).toBe(args.stub_bytes_used);
    });

    it("re-encodes to the same stub and the same PDU", () => {
      const bytes = loadVector(file);
      const pdu = decodePdu(bytes);
      if (pdu.type !== "request") throw new Error("not a request");
      const stub = operation.encodeRequest(operation.decodeRequest(pdu.stub));
      expect(stub).toEqual(pdu.stub);
      expect(encodePdu({ ...pdu, stub })).toEqual(bytes);
    });
  });
});

describe("srvsvc response vectors (ms-srvs-wire §4, §5.2)", () => {
  describe.each(RESPONSES.map((entry) => [entry.file, entry] as const))("%s", (file, entry) => {
    const response = entry.decoded.response;
    if (response?.args === undefined) throw new Error("filtered on responses with arguments");
    const opnum = response.opnum_of_request;
    const args = response.args;
    const operation = srvsvcOperation(opnum);
    if (operation === undefined) throw new Error(`no codec for opnum ${opnum}`);

    it("decodes to index.json's output arguments, referent ids and string counts", () => {
      const trace: NdrTraceEvent[] = [];
      const stub = stubOf(file);
      expect(operation.decodeResponse(stub, { trace })).toEqual(expectedResponse(opnum, args));
      expect(traceFacts(trace)).toEqual(wireFacts(args));
      expect(stub.length).toBe(args.stub_bytes_used);
    });

    it("re-encodes byte for byte with Samba's referent numbering", () => {
      const bytes = loadVector(file);
      const pdu = decodePdu(bytes);
      if (pdu.type !== "response") throw new Error("not a response");
      const referents = sequentialReferents(replyReferentBase(requestFileOf(file), opnum));
      const stub = operation.encodeResponse(operation.decodeResponse(pdu.stub), { referents });
      expect(stub).toEqual(pdu.stub);
      expect(encodePdu({ ...pdu, stub })).toEqual(bytes);
    });
  });

  describe("23-fileenum-l3-fragmented (a reply in two fragments)", () => {
    const frag1 = loadVector("23-fileenum-l3-fragmented.resp.frag1.hex");
    const frag2 = loadVector("23-fileenum-l3-fragmented.resp.frag2.hex");
    const reassembled = INDEX.find((entry) => entry.reassembled !== undefined)?.reassembled;
    const reassembler = new FragmentReassembler({ expect: "response", callId: 2 });
    reassembler.push(frag1);
    const call = reassembler.push(frag2);
    const stub = call?.type === "response" ? call.stub : new Uint8Array();
    const operation = srvsvcOperation(9);

    it("the reassembled stub decodes to index.json's 42 open files", () => {
      if (reassembled === undefined || operation === undefined) throw new Error("missing data");
      const trace: NdrTraceEvent[] = [];
      const decoded = operation.decodeResponse(stub, { trace });
      expect(stub.length).toBe(reassembled.stub_length);
      expect(decoded).toEqual(expectedResponse(9, reassembled.args));
      expect(traceFacts(trace)).toEqual(wireFacts(reassembled.args));
      expect(hex(reassembled.args.werror ?? "")).toBe(0);
    });

    it("re-encoding and fragmenting for 4280 bytes gives Samba's two fragments", () => {
      if (operation === undefined) throw new Error("no NetrFileEnum codec");
      const referents = sequentialReferents(replyReferentBase("23-fileenum-l3-fragmented.req.hex", 9));
      const again = operation.encodeResponse(operation.decodeResponse(stub), { referents });
      expect(fragmentResponse({ callId: 2, contextId: 0, stub: again }, 4280)).toEqual([frag1, frag2]);
    });
  });
});
