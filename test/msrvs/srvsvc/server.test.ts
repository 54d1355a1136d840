/**
 * NetrServerGetInfo and NetrRemoteTOD have no captured vectors: their stubs are checked against bytes
 * assembled by hand from the [MS-SRVS] IDL and the NDR rules of ms-srvs-wire §3.
 */
import { describe, expect, it } from "vitest";
import {
  decodeNetrRemoteTODResponse,
  decodeNetrServerGetInfoRequest,
  decodeNetrServerGetInfoResponse,
  encodeNetrRemoteTODRequest,
  encodeNetrRemoteTODResponse,
  encodeNetrServerGetInfoRequest,
  encodeNetrServerGetInfoResponse,
  type NetrRemoteTODResponse,
  type NetrServerGetInfoResponse,
  PLATFORM_ID,
} from "../../../src/msrvs/srvsvc/server.js";

const bytes = (...groups: string[]) =>
  Uint8Array.from(Buffer.from(groups.join("").replace(/\s+/g, ""), "hex"));

describe("NetrServerGetInfo (opnum 21)", () => {
  it("the request is ServerName and Level", () => {
    const stub = bytes("00000000 65000000");
    expect(encodeNetrServerGetInfoRequest({ serverName: null, level: 101 })).toEqual(stub);
    expect(decodeNetrServerGetInfoRequest(stub)).toEqual({ serverName: null, level: 101 });
  });

  it("a level-101 reply: discriminant, pointer, SERVER_INFO_101, its strings, WERROR", () => {
    const response: NetrServerGetInfoResponse = {
      info: {
        level: 101,
        info: {
          platformId: PLATFORM_ID.PLATFORM_ID_NT,
          name: "SRV",
          versionMajor: 10,
          versionMinor: 0,
          type: 0x9003,
          comment: "",
        },
      },
      werror: 0,
    };
    const stub = bytes(
      "65000000 00000200", // discriminant 101, pointer
      "f4010000 04000200 0a000000 00000000 03900000 08000200", // the structure
      "04000000 00000000 04000000 53005200 56000000", // SRV
      "01000000 00000000 01000000 0000 0000", // the empty comment, then padding
      "00000000",
    );
    expect(encodeNetrServerGetInfoResponse(response)).toEqual(stub);
    expect(decodeNetrServerGetInfoResponse(stub)).toEqual(response);
  });

  it("a level-102 reply round-trips with its seven extra fields", () => {
    const response: NetrServerGetInfoResponse = {
      info: {
        level: 102,
        info: {
          platformId: 500,
          name: null,
          versionMajor: 6,
          versionMinor: 1,
          type: 3,
          comment: "c",
          users: 0xffffffff,
          disc: 15,
          hidden: 0,
          announce: 240,
          annDelta: 3000,
          licenses: 0,
          userPath: "c:\\",
        },
      },
      werror: 0,
    };
    const stub = encodeNetrServerGetInfoResponse(response);
    expect(stub.length).toBe(8 + 13 * 4 + 16 + 20 + 4);
    expect(decodeNetrServerGetInfoResponse(stub)).toEqual(response);
  });

  it("an undefined level has no arm", () => {
    const response: NetrServerGetInfoResponse = { info: { level: 999, info: null }, werror: 0x7c };
    expect(encodeNetrServerGetInfoResponse(response)).toEqual(bytes("e7030000 7c000000"));
    expect(decodeNetrServerGetInfoResponse(bytes("e7030000 7c000000"))).toEqual(response);
  });
});

describe("NetrRemoteTOD (opnum 28)", () => {
  it("the request is ServerName only", () => {
    expect(encodeNetrRemoteTODRequest({ serverName: "\\\\s" })).toEqual(
      bytes("00000200 04000000 00000000 04000000 5c005c00 73000000"),
    );
  });

  it("the reply is a unique pointer to TIME_OF_DAY_INFO (12 fields, tod_timezone signed), then WERROR", () => {
    const response: NetrRemoteTODResponse = {
      info: {
        elapsedTime: 0x6543210f,
        msecs: 1000,
        hours: 13,
        mins: 5,
        secs: 59,
        hunds: 99,
        timezone: -60,
        tInterval: 310,
        day: 29,
        month: 11,
        year: 2026,
        weekday: 0,
      },
      werror: 0,
    };
    const stub = bytes(
      "00000200",
      "0f214365 e8030000 0d000000 05000000 3b000000 63000000",
      "c4ffffff 36010000 1d000000 0b000000 ea070000 00000000",
      "00000000",
    );
    expect(encodeNetrRemoteTODResponse(response)).toEqual(stub);
    expect(decodeNetrRemoteTODResponse(stub)).toEqual(response);
    expect(decodeNetrRemoteTODResponse(bytes("00000000 05000000"))).toEqual({ info: null, werror: 5 });
  });
});
