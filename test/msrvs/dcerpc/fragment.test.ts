/**
 * Fragmentation and reassembly (ms-srvs-wire §2.5, §2.8): Samba's two-fragment reply (vector 23) is
 * rebuilt and re-split byte for byte; random stubs survive split-then-reassemble; every way a fragment
 * can be out of place is a DceRpcError that leaves the reassembler untouched.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PFC_FIRST_FRAG, PFC_LAST_FRAG } from "../../../src/msrvs/dcerpc/constants.js";
import { DceRpcError } from "../../../src/msrvs/dcerpc/DceRpcError.js";
import { fragmentRequest, fragmentResponse } from "../../../src/msrvs/dcerpc/fragment.js";
import { decodePdu } from "../../../src/msrvs/dcerpc/pdu.js";
import { FragmentReassembler } from "../../../src/msrvs/dcerpc/reassembler.js";
import { FC_RUNS, FC_TIMEOUT } from "../support/fcRuns.js";
import { loadVector } from "../support/vectors.js";

const FRAG1 = loadVector("23-fileenum-l3-fragmented.resp.frag1.hex");
const FRAG2 = loadVector("23-fileenum-l3-fragmented.resp.frag2.hex");

function expectDceRpcError(action: () => unknown, code: DceRpcError["code"]): void {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DceRpcError);
  expect((caught as DceRpcError).code).toBe(code);
}

describe("Samba's fragmented reply (vector 23)", () => {
  it("reassembles into one 7824-byte stub, then refuses more fragments", () => {
    const reassembler = new FragmentReassembler({ expect: "response", callId: 2, maxFragLength: 4280 });
    expect(reassembler.push(FRAG1)).toBeNull();
    expect(reassembler.stubLength).toBe(4256);
    const call = reassembler.push(FRAG2);
    expect(call?.type).toBe("response");
    expect(call?.type === "response" && call.stub.length).toBe(7824);
    expect(reassembler.complete).toBe(true);
    expectDceRpcError(() => reassembler.push(FRAG2), "CALL_COMPLETE");
  });

  it("re-splitting the stub for max_xmit_frag 4280 gives Samba's two fragments byte for byte", () => {
    const reassembler = new FragmentReassembler({ expect: "response" });
    reassembler.push(FRAG1);
    const call = reassembler.push(FRAG2);
    if (call?.type !== "response") throw new Error("no response");
    expect(fragmentResponse({ callId: 2, contextId: 0, stub: call.stub }, 4280)).toEqual([FRAG1, FRAG2]);
  });
});

describe("FragmentReassembler rejects fragments out of place, leaving its state as it was", () => {
  it("a fragment without FIRST_FRAG first, then the right ones", () => {
    const reassembler = new FragmentReassembler({ expect: "response" });
    expectDceRpcError(() => reassembler.push(FRAG2), "MISSING_FIRST_FRAG");
    expect(reassembler.push(FRAG1)).toBeNull();
    expectDceRpcError(() => reassembler.push(FRAG1), "UNEXPECTED_FIRST_FRAG");
    expectDceRpcError(() => reassembler.push(FRAG2.subarray(0, 100)), "TRUNCATED");
    expect(reassembler.stubLength).toBe(4256);
    expect(reassembler.push(FRAG2)?.type).toBe("response");
  });

  it("another call_id: the expected one, or the first fragment's", () => {
    expectDceRpcError(
      () => new FragmentReassembler({ expect: "response", callId: 3 }).push(FRAG1),
      "UNEXPECTED_CALL_ID",
    );
    const reassembler = new FragmentReassembler({ expect: "response" });
    reassembler.push(FRAG1);
    const [, other] = fragmentResponse({ callId: 7, contextId: 0, stub: new Uint8Array(5000) }, 4280);
    expectDceRpcError(() => reassembler.push(other ?? new Uint8Array()), "UNEXPECTED_CALL_ID");
  });

  it("another PTYPE; a fault ends a response but not a request", () => {
    const [request] = fragmentRequest({ callId: 2, contextId: 0, opnum: 9, stub: new Uint8Array(8) }, 4280);
    expectDceRpcError(
      () => new FragmentReassembler({ expect: "response" }).push(request ?? FRAG1),
      "UNEXPECTED_PTYPE",
    );
    expectDceRpcError(() => new FragmentReassembler({ expect: "request" }).push(FRAG1), "UNEXPECTED_PTYPE");
    const fault = loadVector("18-fault-opnum99.resp.hex");
    expectDceRpcError(() => new FragmentReassembler({ expect: "request" }).push(fault), "UNEXPECTED_PTYPE");
    const client = new FragmentReassembler({ expect: "response", callId: 19 });
    const ended = client.push(fault);
    expect(ended?.type === "fault" && ended.fault.status).toBe(0x1c010002);
    expect(client.complete).toBe(true);
  });

  it("a context or opnum that changes mid-call", () => {
    const stub = new Uint8Array(100);
    const [first] = fragmentRequest({ callId: 5, contextId: 0, opnum: 12, stub }, 64);
    const [, otherContext] = fragmentRequest({ callId: 5, contextId: 1, opnum: 12, stub }, 64);
    const [, otherOpnum] = fragmentRequest({ callId: 5, contextId: 0, opnum: 13, stub }, 64);
    const server = new FragmentReassembler({ expect: "request" });
    expect(server.push(first ?? stub)).toBeNull();
    expectDceRpcError(() => server.push(otherContext ?? stub), "CONTEXT_MISMATCH");
    expectDceRpcError(() => server.push(otherOpnum ?? stub), "OPNUM_MISMATCH");
    expect(server.stubLength).toBe(40);
  });

  it("fragments or stubs over the limits", () => {
    expectDceRpcError(
      () => new FragmentReassembler({ expect: "response", maxFragLength: 4279 }).push(FRAG1),
      "TOO_LARGE",
    );
    const small = new FragmentReassembler({ expect: "response", maxStubLength: 5000 });
    small.push(FRAG1);
    expectDceRpcError(() => small.push(FRAG2), "TOO_LARGE");
  });
});

describe("fragmentation (ms-srvs-wire §2.5, §2.8)", { timeout: FC_TIMEOUT }, () => {
  it("rejects a max fragment length with no room for 8 stub bytes, or above 65535", () => {
    const call = { callId: 1, contextId: 0, opnum: 12, stub: new Uint8Array(10) };
    expectDceRpcError(() => fragmentRequest(call, 31), "INVALID_VALUE");
    expectDceRpcError(
      () => fragmentRequest({ ...call, object: "00112233-4455-6677-8899-aabbccddeeff" }, 47),
      "INVALID_VALUE",
    );
    expectDceRpcError(() => fragmentResponse(call, 65536), "INVALID_VALUE");
    expect(fragmentRequest(call, 32).length).toBe(2);
  });

  it("an empty stub is one fragment with both flags and alloc_hint 0 (vector 18)", () => {
    const [only, ...rest] = fragmentRequest(
      { callId: 19, contextId: 0, opnum: 99, stub: new Uint8Array() },
      4280,
    );
    expect(rest).toEqual([]);
    expect(only).toEqual(loadVector("18-fault-opnum99.req.hex"));
  });

  it("split then reassembled, any stub comes back whole; every fragment obeys §2.5", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 12000 }),
        fc.integer({ min: 48, max: 6000 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.option(
          fc.uuid().map((uuid) => uuid.toLowerCase()),
          { nil: null },
        ),
        (stub, maxFrag, callId, opnum, object) => {
          const fragments = fragmentRequest({ callId, contextId: 3, opnum, stub, object }, maxFrag);
          const server = new FragmentReassembler({ expect: "request", maxFragLength: maxFrag });
          let call = null;
          let sent = 0;
          fragments.forEach((fragment, i) => {
            expect(fragment.length).toBeLessThanOrEqual(maxFrag);
            const pdu = decodePdu(fragment);
            if (pdu.type !== "request") throw new Error("not a request");
            expect(pdu.pfcFlags & PFC_FIRST_FRAG).toBe(i === 0 ? PFC_FIRST_FRAG : 0);
            expect(pdu.pfcFlags & PFC_LAST_FRAG).toBe(i === fragments.length - 1 ? PFC_LAST_FRAG : 0);
            expect(pdu.allocHint).toBe(stub.length - sent);
            if (i < fragments.length - 1) expect(pdu.stub.length % 8).toBe(0);
            sent += pdu.stub.length;
            call = server.push(fragment);
            expect(call === null).toBe(i < fragments.length - 1);
          });
          expect(call).toEqual({ type: "request", callId, contextId: 3, opnum, object, stub });
        },
      ),
      { numRuns: FC_RUNS },
    );
  });

  it("responses too: split for the client's max_recv_frag, reassembled by the client", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 12000 }),
        fc.integer({ min: 32, max: 6000 }),
        (stub, maxFrag) => {
          const client = new FragmentReassembler({ expect: "response", callId: 4 });
          const fragments = fragmentResponse({ callId: 4, contextId: 0, stub, cancelCount: 1 }, maxFrag);
          const results = fragments.map((fragment) => client.push(fragment));
          expect(Math.max(...fragments.map((fragment) => fragment.length))).toBeLessThanOrEqual(maxFrag);
          expect(results.at(-1)).toEqual({ type: "response", callId: 4, contextId: 0, cancelCount: 1, stub });
          expect(results.slice(0, -1).every((result) => result === null)).toBe(true);
        },
      ),
      { numRuns: FC_RUNS },
    );
  });
});
