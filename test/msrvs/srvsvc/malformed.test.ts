/**
 * Malformed srvsvc stubs (captured vectors with one field changed) give the NdrError code that names
 * the problem, and values the wire cannot carry are refused by the encoders (ms-srvs-wire §3, §4).
 */
import { describe, expect, it } from "vitest";
import { decodePdu } from "../../../src/msrvs/dcerpc/pdu.js";
import { NdrError } from "../../../src/msrvs/ndr/NdrError.js";
import { encodeNetrFileCloseRequest } from "../../../src/msrvs/srvsvc/files.js";
import {
  decodeNetrSessionEnumRequest,
  decodeNetrSessionEnumResponse,
  encodeNetrSessionEnumRequest,
  encodeNetrSessionEnumResponse,
  type NetrSessionEnumRequest,
  type NetrSessionEnumResponse,
} from "../../../src/msrvs/srvsvc/sessions.js";
import { loadVector } from "../support/vectors.js";

function stub(file: string, changes: Record<number, number> = {}): Uint8Array {
  const pdu = decodePdu(loadVector(file));
  if (pdu.type !== "request" && pdu.type !== "response") throw new Error(file);
  const bytes = pdu.stub.slice();
  for (const [at, value] of Object.entries(changes)) bytes[Number(at)] = value;
  return bytes;
}

function expectNdrError(action: () => unknown, code: NdrError["code"], offset?: number): void {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(NdrError);
  expect((caught as NdrError).code).toBe(code);
  if (offset !== undefined) expect((caught as NdrError).offset).toBe(offset);
}

describe("decoding malformed NetrSessionEnum stubs", () => {
  it("a union discriminant that differs from Level is SWITCH_MISMATCH (§3.5)", () => {
    expectNdrError(
      () => decodeNetrSessionEnumRequest(stub("03-sessenum-l1.req.hex", { 52: 2 })),
      "SWITCH_MISMATCH",
      52,
    );
  });

  it("EntriesRead differing from the array's max_count is COUNT_MISMATCH (§3.4)", () => {
    expectNdrError(
      () => decodeNetrSessionEnumResponse(stub("03-sessenum-l1.resp.hex", { 12: 3 })),
      "COUNT_MISMATCH",
      20,
    );
  });

  it("EntriesRead without a Buffer is COUNT_MISMATCH", () => {
    expectNdrError(
      () => decodeNetrSessionEnumResponse(stub("04-sessenum-l502.resp.hex", { 12: 1 })),
      "COUNT_MISMATCH",
      12,
    );
  });

  it("a huge entry count is COUNT_TOO_LARGE, before any entry is read", () => {
    const huge = stub("03-sessenum-l1.resp.hex", { 15: 0x10, 23: 0x10 });
    expectNdrError(() => decodeNetrSessionEnumResponse(huge), "COUNT_TOO_LARGE", 20);
  });

  it("a string offset, an overlong string, a string past the end", () => {
    expectNdrError(
      () => decodeNetrSessionEnumResponse(stub("03-sessenum-l1.resp.hex", { 124: 1 })),
      "STRING_OFFSET",
      124,
    );
    expectNdrError(
      () => decodeNetrSessionEnumResponse(stub("03-sessenum-l1.resp.hex", { 128: 11 })),
      "ACTUAL_EXCEEDS_MAX",
      128,
    );
    expectNdrError(
      () =>
        decodeNetrSessionEnumResponse(
          stub("03-sessenum-l1.resp.hex", { 120: 0xff, 121: 0xff, 128: 0xff, 129: 0xff }),
        ),
      "COUNT_TOO_LARGE",
      128,
    );
  });

  it("a stub cut inside a string's units, or after its last byte less one, is TRUNCATED or COUNT_TOO_LARGE", () => {
    const whole = stub("03-sessenum-l1.resp.hex");
    expectNdrError(() => decodeNetrSessionEnumResponse(whole.subarray(0, whole.length - 1)), "TRUNCATED");
    expectNdrError(() => decodeNetrSessionEnumResponse(whole.subarray(0, 141)), "COUNT_TOO_LARGE", 128);
  });

  it("trailing bytes are TRAILING_BYTES unless allowed (Samba ignores them, §2.7)", () => {
    const padded = Uint8Array.from([...stub("03-sessenum-l1.req.hex"), 0, 0, 0, 0]);
    expectNdrError(() => decodeNetrSessionEnumRequest(padded), "TRAILING_BYTES", 80);
    expect(decodeNetrSessionEnumRequest(padded, { allowTrailingBytes: true })).toEqual(
      decodeNetrSessionEnumRequest(stub("03-sessenum-l1.req.hex")),
    );
  });

  it("a stub that is not a Uint8Array is INVALID_VALUE", () => {
    expectNdrError(() => decodeNetrSessionEnumRequest([1, 2] as unknown as Uint8Array), "INVALID_VALUE");
  });
});

describe("encoding values the wire cannot carry (INVALID_VALUE)", () => {
  const request: NetrSessionEnumRequest = {
    serverName: null,
    clientName: null,
    userName: null,
    info: { level: 1, container: { entries: null } },
    preferredMaximumLength: 0xffffffff,
    resumeHandle: 0,
  };
  const response: NetrSessionEnumResponse = {
    info: {
      level: 1,
      container: {
        entries: [{ cname: "c", username: "u", numOpens: 1, time: 2, idleTime: 3, userFlags: 0 }],
      },
    },
    totalEntries: 1,
    resumeHandle: 1,
    werror: 0,
  };

  it.each([
    [
      "a container for a level without an arm",
      { ...request, info: { level: 3, container: { entries: [] } } },
    ],
    ["entries that are not an array", { ...request, info: { level: 1, container: { entries: "x" } } }],
    ["a container that is not an object", { ...request, info: { level: 1, container: 7 } }],
    ["a level above 2^32", { ...request, info: { level: 2 ** 32, container: null } }],
    ["a ServerName that is not a string", { ...request, serverName: 5 }],
    ["a ResumeHandle above 2^32-1", { ...request, resumeHandle: 2 ** 32 }],
    ["a negative PreferedMaximumLength", { ...request, preferredMaximumLength: -1 }],
  ])("a request with %s", (_name, value) => {
    expectNdrError(() => encodeNetrSessionEnumRequest(value as NetrSessionEnumRequest), "INVALID_VALUE");
  });

  it.each([
    ["a negative num_opens", { numOpens: -1 }],
    ["a fractional time", { time: 1.5 }],
    ["a username with a NUL", { username: "a\0b" }],
    ["an undefined cname", { cname: undefined }],
  ])("a response entry with %s", (_name, change) => {
    const [entry] = (response.info.container?.entries ?? []) as object[];
    const bad = { ...response, info: { level: 1, container: { entries: [{ ...entry, ...change }] } } };
    expectNdrError(
      () => encodeNetrSessionEnumResponse(bad as unknown as NetrSessionEnumResponse),
      "INVALID_VALUE",
    );
  });

  it("a negative WERROR or FileId", () => {
    expectNdrError(() => encodeNetrSessionEnumResponse({ ...response, werror: -1 }), "INVALID_VALUE");
    expectNdrError(() => encodeNetrFileCloseRequest({ serverName: null, fileId: -5 }), "INVALID_VALUE");
  });
});
