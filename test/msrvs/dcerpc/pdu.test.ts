import { describe, expect, it } from "vitest";
import type { BindAckPdu } from "../../../src/msrvs/dcerpc/bind.js";
import type { RequestPdu } from "../../../src/msrvs/dcerpc/call.js";
import { PFC_FIRST_FRAG, PFC_LAST_FRAG, PFC_OBJECT_UUID } from "../../../src/msrvs/dcerpc/constants.js";
import { DceRpcError } from "../../../src/msrvs/dcerpc/DceRpcError.js";
import { FAULT_STATUS, faultStatusName } from "../../../src/msrvs/dcerpc/faultStatus.js";
import { peekFragLength } from "../../../src/msrvs/dcerpc/header.js";
import { decodePdu, encodePdu } from "../../../src/msrvs/dcerpc/pdu.js";
import { loadVector } from "../support/vectors.js";

function expectDceRpcError(action: () => unknown, code: DceRpcError["code"], offset?: number): void {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DceRpcError);
  expect((caught as DceRpcError).code).toBe(code);
  if (offset !== undefined) expect((caught as DceRpcError).offset).toBe(offset);
}

/** A copy of a vector with some bytes changed. */
function patched(file: string, changes: Record<number, number>): Uint8Array {
  const bytes = loadVector(file);
  for (const [at, value] of Object.entries(changes)) bytes[Number(at)] = value;
  return bytes;
}

describe("decodePdu rejects malformed PDUs (ms-srvs-wire §2.1)", () => {
  it.each([
    ["fewer than 16 bytes", loadVector("01-bind.req.hex").subarray(0, 15), "TRUNCATED", 15],
    ["rpc_vers 4", patched("01-bind.req.hex", { 0: 4 }), "BAD_VERSION", 0],
    ["big-endian drep", patched("01-bind.req.hex", { 4: 0x00 }), "UNSUPPORTED_DREP", 4],
    ["EBCDIC drep", patched("01-bind.req.hex", { 4: 0x11 }), "UNSUPPORTED_DREP", 4],
    ["non-zero reserved drep byte", patched("01-bind.req.hex", { 6: 1 }), "UNSUPPORTED_DREP", 6],
    ["frag_length shorter than the header", patched("01-bind.req.hex", { 8: 15 }), "BAD_FRAG_LENGTH", 8],
    ["frag_length longer than the bytes", patched("01-bind.req.hex", { 8: 73 }), "TRUNCATED", 72],
    ["frag_length shorter than the bytes", patched("01-bind.req.hex", { 8: 71 }), "TRAILING_BYTES", 71],
    ["auth_length 8", patched("02-sessenum-l0.req.hex", { 10: 8 }), "AUTH_NOT_SUPPORTED", 10],
    ["PTYPE 14 (alter_context)", patched("01-bind.req.hex", { 2: 14 }), "UNSUPPORTED_PTYPE", 2],
    ["PTYPE 200", patched("01-bind.req.hex", { 2: 200 }), "UNSUPPORTED_PTYPE", 2],
    ["a bind with one context too many", patched("01-bind.req.hex", { 24: 2 }), "TRUNCATED"],
    ["a bind_ack whose address runs past the end", patched("01-bind.ack.hex", { 24: 200 }), "TRUNCATED"],
    ["a bind_ack address without its NUL", patched("01-bind.ack.hex", { 38: 0x41 }), "MALFORMED", 24],
    ["a bind_ack address with a NUL inside", patched("01-bind.ack.hex", { 30: 0 }), "MALFORMED", 24],
    ["a bind_ack with a result missing", patched("01-bind.ack.hex", { 40: 2 }), "TRUNCATED"],
    ["a fault cut short", patched("18-fault-opnum99.resp.hex", { 8: 28 }).subarray(0, 28), "TRUNCATED"],
    [
      "a request without its opnum",
      patched("18-fault-opnum99.req.hex", { 8: 22 }).subarray(0, 22),
      "TRUNCATED",
    ],
    [
      "a request announcing an object UUID it lacks",
      patched("18-fault-opnum99.req.hex", { 3: 0x83 }),
      "TRUNCATED",
    ],
    [
      "a bind_ack with bytes after its results",
      Uint8Array.from([...patched("01-bind.ack.hex", { 8: 69 }), 0]),
      "TRAILING_BYTES",
      68,
    ],
  ])("%s", (_name, bytes, code, offset?: number) => {
    expectDceRpcError(() => decodePdu(bytes), code as DceRpcError["code"], offset);
  });

  it("peekFragLength tells a transport how long the PDU is, or undefined before 16 bytes", () => {
    const bytes = loadVector("23-fileenum-l3-fragmented.resp.frag1.hex");
    expect(peekFragLength(bytes.subarray(0, 15))).toBeUndefined();
    expect(peekFragLength(bytes.subarray(0, 16))).toBe(4280);
    expectDceRpcError(() => peekFragLength(patched("01-bind.req.hex", { 0: 6 })), "BAD_VERSION");
  });
});

describe("encodePdu (ms-srvs-wire §2.2-§2.7)", () => {
  it("writes and reads a request with an object UUID (PFC_OBJECT_UUID)", () => {
    const request: RequestPdu = {
      type: "request",
      callId: 9,
      pfcFlags: PFC_FIRST_FRAG | PFC_LAST_FRAG | PFC_OBJECT_UUID,
      rpcVersMinor: 0,
      allocHint: 4,
      contextId: 1,
      opnum: 21,
      object: "00112233-4455-6677-8899-aabbccddeeff",
      stub: Uint8Array.of(1, 2, 3, 4),
    };
    const bytes = encodePdu(request);
    expect(bytes.length).toBe(44);
    expect(Buffer.from(bytes.subarray(24, 40)).toString("hex")).toBe("33221100554477668899aabbccddeeff");
    expect(decodePdu(bytes)).toEqual(request);
  });

  it("an empty secondary address (null) is a zero length followed by padding", () => {
    const ack: BindAckPdu = {
      ...(decodePdu(loadVector("01-bind.ack.hex")) as BindAckPdu),
      secondaryAddress: null,
    };
    const bytes = encodePdu(ack);
    expect(bytes.length).toBe(68 - 12);
    expect(decodePdu(bytes)).toEqual(ack);
  });

  it.each([
    ["an object UUID without PFC_OBJECT_UUID", { object: "00112233-4455-6677-8899-aabbccddeeff" }],
    ["PFC_OBJECT_UUID without an object UUID", { pfcFlags: 0x83 }],
    ["a malformed object UUID", { object: "not-a-uuid", pfcFlags: 0x83 }],
    ["an opnum above 65535", { opnum: 0x10000 }],
    ["a stub too big for one fragment", { stub: new Uint8Array(65536) }],
    ["a negative call_id", { callId: -1 }],
  ])("rejects %s with INVALID_VALUE", (_name, change) => {
    const base = decodePdu(loadVector("02-sessenum-l0.req.hex")) as RequestPdu;
    expectDceRpcError(() => encodePdu({ ...base, ...change } as RequestPdu), "INVALID_VALUE");
  });

  it("rejects a secondary address that is not 8-bit text", () => {
    const ack = decodePdu(loadVector("01-bind.ack.hex")) as BindAckPdu;
    expectDceRpcError(() => encodePdu({ ...ack, secondaryAddress: "\\pipe\\sr\u0100" }), "INVALID_VALUE");
    expectDceRpcError(() => encodePdu({ ...ack, secondaryAddress: "a\0b" }), "INVALID_VALUE");
  });
});

describe("fault status names (ms-srvs-wire §2.7)", () => {
  it("names the statuses Samba sent", () => {
    const statuses = [
      "18-fault-opnum99.resp.hex",
      "25-request-on-rejected-context.resp.hex",
      "32-fault-bad-stub.resp.hex",
    ].map((file) => {
      const pdu = decodePdu(loadVector(file));
      return pdu.type === "fault" ? faultStatusName(pdu.status) : pdu.type;
    });
    expect(statuses).toEqual(["nca_s_op_rng_error", "nca_s_unknown_if", "nca_s_fault_ndr"]);
  });

  it("has the values of [MS-RPCE] for the codes a client should name, and no duplicates", () => {
    expect(FAULT_STATUS.nca_s_op_rng_error).toBe(0x1c010002);
    expect(FAULT_STATUS.nca_proto_error).toBe(0x1c01000b);
    expect(FAULT_STATUS.nca_s_fault_invalid_tag).toBe(0x1c000006);
    expect(new Set(Object.values(FAULT_STATUS)).size).toBe(Object.keys(FAULT_STATUS).length);
    expect(faultStatusName(0x12345678)).toBeUndefined();
  });
});
