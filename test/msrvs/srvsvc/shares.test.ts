/**
 * NetrShareEnum and NetrShareGetInfo have no captured vectors: their stubs are checked against bytes
 * assembled by hand from the [MS-SRVS] IDL and the NDR rules of ms-srvs-wire §3.
 */
import { describe, expect, it } from "vitest";
import { NdrError } from "../../../src/msrvs/ndr/NdrError.js";
import { sequentialReferents } from "../../../src/msrvs/ndr/referents.js";
import {
  decodeNetrShareEnumResponse,
  decodeNetrShareGetInfoRequest,
  decodeNetrShareGetInfoResponse,
  encodeNetrShareEnumRequest,
  encodeNetrShareEnumResponse,
  encodeNetrShareGetInfoRequest,
  encodeNetrShareGetInfoResponse,
  type NetrShareEnumResponse,
  type NetrShareGetInfoResponse,
  SHARE_TYPE,
} from "../../../src/msrvs/srvsvc/shares.js";

/** Bytes from hex written in u32-sized groups for readability. */
const bytes = (...groups: string[]) =>
  Uint8Array.from(Buffer.from(groups.join("").replace(/\s+/g, ""), "hex"));

describe("NetrShareGetInfo (opnum 16)", () => {
  it("the request's NetName is a [ref] string: its counts follow ServerName directly, with no referent", () => {
    const request = { serverName: "\\\\srv", netName: "data", level: 2 };
    const stub = bytes(
      "00000200 06000000 00000000 06000000 5c005c00 73007200 76000000", // ServerName \\srv
      "05000000 00000000 05000000 64006100 74006100 0000 0000", // NetName data, 2 pad bytes
      "02000000", // Level
    );
    expect(encodeNetrShareGetInfoRequest(request)).toEqual(stub);
    expect(decodeNetrShareGetInfoRequest(stub)).toEqual(request);
  });

  it("the response is the union discriminant, a unique pointer to SHARE_INFO_1 and the WERROR", () => {
    const response: NetrShareGetInfoResponse = {
      info: {
        level: 1,
        info: {
          netName: "IPC$",
          type: (SHARE_TYPE.STYPE_IPC | SHARE_TYPE.STYPE_SPECIAL) >>> 0,
          remark: "IPC",
        },
      },
      werror: 0,
    };
    const stub = bytes(
      "01000000 00000200", // discriminant 1, pointer to the structure
      "04000200 03000080 08000200", // shi1_netname, shi1_type, shi1_remark
      "05000000 00000000 05000000 49005000 43002400 0000 0000", // IPC$ + pad
      "04000000 00000000 04000000 49005000 43000000", // IPC
      "00000000", // WERROR
    );
    expect(encodeNetrShareGetInfoResponse(response)).toEqual(stub);
    expect(decodeNetrShareGetInfoResponse(stub)).toEqual(response);
  });

  it("SHARE_INFO_502 carries the descriptor's length, then its bytes as a conformant array", () => {
    const response: NetrShareGetInfoResponse = {
      info: {
        level: 502,
        info: {
          netName: null,
          type: 0,
          remark: null,
          permissions: 0,
          maxUses: 0xffffffff,
          currentUses: 2,
          path: null,
          password: null,
          securityDescriptor: Uint8Array.of(1, 2, 3),
        },
      },
      werror: 0,
    };
    const stub = bytes(
      "f6010000 00000200",
      "00000000 00000000 00000000 00000000 ffffffff 02000000 00000000 00000000", // netname .. passwd
      "03000000 04000200", // shi502_reserved = 3, descriptor pointer
      "03000000 010203 00", // conformance, bytes, pad
      "00000000",
    );
    expect(encodeNetrShareGetInfoResponse(response)).toEqual(stub);
    expect(decodeNetrShareGetInfoResponse(stub)).toEqual(response);
    const wrongCount = stub.slice();
    wrongCount[40] = 4;
    expect(() => decodeNetrShareGetInfoResponse(wrongCount)).toThrow(/COUNT_MISMATCH/);
  });

  it("a descriptor length with a NULL descriptor is COUNT_MISMATCH", () => {
    const stub = bytes("f6010000 00000200", "00000000".repeat(8), "05000000 00000000", "00000000");
    expect(() => decodeNetrShareGetInfoResponse(stub)).toThrow(NdrError);
    expect(() => decodeNetrShareGetInfoResponse(stub)).toThrow(/COUNT_MISMATCH/);
  });

  it("u32 fields are unsigned: a flag combination must be made unsigned with >>> 0 (| gives a signed number)", () => {
    const info = { netName: "IPC$", type: SHARE_TYPE.STYPE_IPC | SHARE_TYPE.STYPE_SPECIAL, remark: null };
    expect(info.type).toBeLessThan(0);
    expect(() => encodeNetrShareGetInfoResponse({ info: { level: 1, info }, werror: 0 })).toThrow(
      /INVALID_VALUE/,
    );
  });

  it("an error answer: a NULL pointer for a defined level, no arm at all for an undefined one", () => {
    const nullInfo: NetrShareGetInfoResponse = { info: { level: 2, info: null }, werror: 0x906 };
    expect(encodeNetrShareGetInfoResponse(nullInfo)).toEqual(bytes("02000000 00000000 06090000"));
    const noArm: NetrShareGetInfoResponse = { info: { level: 7, info: null }, werror: 0x7c };
    expect(encodeNetrShareGetInfoResponse(noArm)).toEqual(bytes("07000000 7c000000"));
    expect(decodeNetrShareGetInfoResponse(bytes("07000000 7c000000"))).toEqual(noArm);
  });
});

describe("NetrShareEnum (opnum 15)", () => {
  it("the request is ServerName, SHARE_ENUM_STRUCT, PreferedMaximumLength, ResumeHandle", () => {
    const stub = encodeNetrShareEnumRequest({
      serverName: null,
      info: { level: 1, container: { entries: null } },
      preferredMaximumLength: 0xffffffff,
      resumeHandle: 0,
    });
    expect(stub).toEqual(
      bytes("00000000 01000000 01000000 00000200 00000000 00000000 ffffffff 04000200 00000000"),
    );
  });

  it("a level-0 reply: container, array, names after the fixed parts", () => {
    const response: NetrShareEnumResponse = {
      info: { level: 0, container: { entries: [{ netName: "a" }, { netName: "bc" }] } },
      totalEntries: 2,
      resumeHandle: null,
      werror: 0,
    };
    const stub = bytes(
      "00000000 00000000 0c000200", // Level, discriminant, container pointer
      "02000000 10000200", // EntriesRead, Buffer
      "02000000 14000200 18000200", // max_count, shi0_netname pointers
      "02000000 00000000 02000000 61000000",
      "03000000 00000000 03000000 62006300 0000 0000",
      "02000000 00000000 00000000", // TotalEntries, NULL ResumeHandle, WERROR
    );
    expect(encodeNetrShareEnumResponse(response, { referents: sequentialReferents(0x0002000c) })).toEqual(
      stub,
    );
    expect(decodeNetrShareEnumResponse(stub)).toEqual(response);
  });
});
