import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { AdsError } from "../../src/errors/AdsError.js";
import { HRESULT } from "../../src/errors/hresults.js";
import { DceRpcError } from "../../src/msrvs/dcerpc/DceRpcError.js";
import { NdrError } from "../../src/msrvs/ndr/NdrError.js";
import { NtStatusError } from "../../src/msrvs/smb2/NtStatusError.js";
import { NtStatus } from "../../src/msrvs/smb2/ntStatus.js";
import { Smb2Error } from "../../src/msrvs/smb2/Smb2Error.js";
import {
  adsErrorFrom,
  MSRVS_ERROR_MAP,
  ntStatusHResult,
  werrorHResult,
} from "../../src/provider/msrvs/errorMap.js";
import { SrvsvcRpcError } from "../../src/provider/msrvs/SrvsvcRpcError.js";

const werror = (value: number) => new SrvsvcRpcError("werror", value, "NetrSessionEnum");

describe("the MS-SRVS error map (docs/msrvs-provider.md)", () => {
  it("every WERROR row is HRESULT_FROM_WIN32 of its value: 0x8007xxxx with the same low word", () => {
    const rows = MSRVS_ERROR_MAP.filter((row) => row.source === "WERROR");
    expect(rows.length).toBeGreaterThanOrEqual(13);
    for (const row of rows) {
      expect(HRESULT[row.hresult]).toBe((0x80070000 | (row.value as number)) >>> 0);
      const error = adsErrorFrom(werror(row.value as number), "rpc", "call");
      expect(error.code).toBe(row.hresult);
    }
  });

  it("the WinNT codes of winnt-reference §11.2-§11.3 and samba-provider.md", () => {
    expect(werrorHResult(5)).toBe("E_ACCESSDENIED"); // non-admin, Samba NetSessDel no match
    expect(werrorHResult(2)).toBe("ERROR_FILE_NOT_FOUND"); // Samba NetFileClose unknown id
    expect(werrorHResult(0x7c)).toBe("ERROR_INVALID_LEVEL"); // Samba: session levels 2/10/502
    expect(werrorHResult(0x908)).toBe("NERR_ClientNameNotFound"); // Windows NetSessionDel no match
    expect(werrorHResult(0x90a)).toBe("NERR_FileIdNotFound"); // Windows NetFileClose unknown id
    expect(ntStatusHResult(NtStatus.STATUS_LOGON_FAILURE)).toBe("ERROR_LOGON_FAILURE");
    expect(ntStatusHResult(NtStatus.STATUS_ACCESS_DENIED)).toBe("E_ACCESSDENIED");
    expect(ntStatusHResult(NtStatus.STATUS_BAD_NETWORK_NAME)).toBe("ERROR_BAD_NET_NAME");
    expect(ntStatusHResult(NtStatus.STATUS_OBJECT_NAME_NOT_FOUND)).toBe("RPC_S_SERVER_UNAVAILABLE");
  });

  it("no SMB session (phase logon): ERROR_BAD_NETPATH; a broken one (phase rpc): RPC_S_SERVER_UNAVAILABLE", () => {
    for (const code of ["DISCONNECTED", "TIMEOUT", "PROTOCOL", "MALFORMED"] as const) {
      expect(adsErrorFrom(new Smb2Error(code, "x"), "logon", "connect").code).toBe("ERROR_BAD_NETPATH");
      expect(adsErrorFrom(new Smb2Error(code, "x"), "rpc", "call").code).toBe("RPC_S_SERVER_UNAVAILABLE");
    }
    expect(adsErrorFrom(new Smb2Error("INVALID_ARGUMENT", "x"), "logon", "connect").code).toBe(
      "E_INVALIDARG",
    );
    const logon = adsErrorFrom(
      new NtStatusError(NtStatus.STATUS_LOGON_FAILURE, 1, "SESSION_SETUP"),
      "logon",
      "x",
    );
    expect(logon.code).toBe("ERROR_LOGON_FAILURE");
    expect(logon.hresult).toBe(0x8007052e);
  });

  it("faults: access denied is E_ACCESSDENIED, any other RPC_S_SERVER_UNAVAILABLE naming the fault", () => {
    expect(adsErrorFrom(new SrvsvcRpcError("fault", 5, "x"), "rpc", "call").code).toBe("E_ACCESSDENIED");
    const range = adsErrorFrom(new SrvsvcRpcError("fault", 0x1c010002, "x"), "rpc", "call");
    expect(range.code).toBe("RPC_S_SERVER_UNAVAILABLE");
    expect(range.detail).toContain("nca_s_op_rng_error");
    for (const kind of ["bind-rejected", "protocol"] as const)
      expect(adsErrorFrom(new SrvsvcRpcError(kind, 0, "x"), "rpc", "bind").code).toBe(
        "RPC_S_SERVER_UNAVAILABLE",
      );
    expect(adsErrorFrom(new NdrError("TRUNCATED", 3, "x"), "rpc", "c").code).toBe("RPC_S_SERVER_UNAVAILABLE");
    // INVALID_VALUE comes only from the encoders: an argument the wire cannot carry, not a bad reply.
    expect(adsErrorFrom(new NdrError("INVALID_VALUE", 3, "NUL"), "rpc", "c").code).toBe("E_INVALIDARG");
    expect(adsErrorFrom(new DceRpcError("INVALID_VALUE", 0, "x"), "rpc", "c").code).toBe("E_INVALIDARG");
    expect(adsErrorFrom(new DceRpcError("BAD_VERSION", 0, "x"), "rpc", "c").code).toBe(
      "RPC_S_SERVER_UNAVAILABLE",
    );
  });

  it("an unmapped WERROR or NTSTATUS is E_FAIL naming the value; the operation is kept in the detail", () => {
    const error = adsErrorFrom(werror(0x1234), "rpc", "NetrFileEnum on fs01");
    expect(error.code).toBe("E_FAIL");
    expect(error.detail).toContain("0x00001234");
    expect(error.detail).toContain("NetrFileEnum on fs01");
    expect(adsErrorFrom(new NtStatusError(0xc0000234, 1, "SESSION_SETUP"), "logon", "x").code).toBe("E_FAIL");
  });

  it("values without a usable toString still give an AdsError (found by the property below)", () => {
    for (const thrown of [{ toString: "" }, Object.create(null), Symbol("x"), { message: 5 }])
      expect(adsErrorFrom(thrown, "logon", "x").code).toBe("E_FAIL");
  });

  it("an AdsError passes through unchanged", () => {
    const original = new AdsError("E_NOTIMPL", "x");
    expect(adsErrorFrom(original, "rpc", "y")).toBe(original);
  });

  test.prop(
    [
      fc.anything({ withObjectString: true, withNullPrototype: true }),
      fc.constantFrom("logon" as const, "rpc" as const),
    ],
    { numRuns: 500 },
  )("whatever is thrown, the result is an AdsError with a catalog HRESULT", (thrown, phase) => {
    const error = adsErrorFrom(thrown, phase, "op");
    expect(error).toBeInstanceOf(AdsError);
    expect(HRESULT[error.code]).toBe(error.hresult);
  });

  const mappedWerrors = MSRVS_ERROR_MAP.flatMap((row) =>
    row.source === "WERROR" ? [row.value as number] : [],
  );
  test.prop([fc.oneof(fc.constantFrom(...mappedWerrors), fc.integer({ min: 1, max: 0xffffffff }))])(
    "any WERROR: HRESULT_FROM_WIN32 of it when mapped, else E_FAIL; never a success code",
    (value) => {
      const error = adsErrorFrom(werror(value), "rpc", "op");
      const mapped = MSRVS_ERROR_MAP.some((row) => row.source === "WERROR" && row.value === value);
      expect(error.hresult).toBe(mapped ? (0x80070000 | value) >>> 0 : HRESULT.E_FAIL);
      expect(error.hresult >>> 31).toBe(1);
    },
  );
});
