import { describe, expect, it } from "vitest";
import {
  AdsError,
  formatHResult,
  HRESULT,
  HRESULT_CATALOG,
  hresultByValue,
  isHResultSymbol,
  toSignedHResult,
} from "../../src/index.js";

/** Rows of spec §11.1 and §11.2 with the signed decimals the spec prints. */
const SPEC_ROWS: [string, number, number?][] = [
  ["E_ADS_BAD_PATHNAME", 0x80005000, -2147463168],
  ["E_ADS_UNKNOWN_OBJECT", 0x80005004, -2147463164],
  ["E_ADS_PROPERTY_NOT_SUPPORTED", 0x80005006, -2147463162],
  ["E_ADS_OBJECT_UNBOUND", 0x80005009, -2147463159],
  ["E_ADS_PROPERTY_NOT_FOUND", 0x8000500d, -2147463155],
  ["E_ADS_INVALID_FILTER", 0x80005014, -2147463148],
  ["S_ADS_ERRORSOCCURRED", 0x00005011, 20497],
  ["E_NOTIMPL", 0x80004001],
  ["DISP_E_MEMBERNOTFOUND", 0x80020003],
  ["MK_E_SYNTAX", 0x800401e4],
  ["E_ACCESSDENIED", 0x80070005],
  ["ERROR_INVALID_LEVEL", 0x8007007c],
  ["ERROR_LOGON_FAILURE", 0x8007052e],
  ["NERR_NetNameNotFound", 0x80070906],
  ["NERR_ClientNameNotFound", 0x80070908],
  ["NERR_FileIdNotFound", 0x8007090a],
  ["NERR_InvalidComputer", 0x8007092f],
];

describe("HRESULT catalog (spec §11)", () => {
  it.each(SPEC_ROWS)("%s is 0x%s with the signed value VBScript shows", (symbol, hresult, signed) => {
    const row = HRESULT_CATALOG[symbol as keyof typeof HRESULT_CATALOG];
    expect(row.hresult).toBe(hresult);
    expect(HRESULT[symbol as keyof typeof HRESULT]).toBe(hresult);
    if (signed !== undefined) expect(row.number).toBe(signed);
    expect(row.number).toBe(toSignedHResult(hresult));
  });

  it("every Win32-derived code is 0x8007xxxx of its Win32 number; values are unique", () => {
    const values = Object.values(HRESULT_CATALOG).map((row) => row.hresult);
    expect(new Set(values).size).toBe(values.length);
    expect(HRESULT.NERR_ClientNameNotFound & 0xffff).toBe(2312);
    expect(HRESULT.ERROR_LOGON_FAILURE & 0xffff).toBe(1326);
  });

  it("looks codes up by signed or unsigned value, and formats them as Windows does", () => {
    expect(hresultByValue(-2147463168)?.symbol).toBe("E_ADS_BAD_PATHNAME");
    expect(hresultByValue(0x8000500d)?.symbol).toBe("E_ADS_PROPERTY_NOT_FOUND");
    expect(hresultByValue(12345)).toBeUndefined();
    expect(formatHResult(0x8000500d)).toBe("0x8000500D");
    expect(formatHResult(-2147463168)).toBe("0x80005000");
  });

  it("only own catalog keys are symbols: prototype names are not", () => {
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      expect(isHResultSymbol(name)).toBe(false);
    }
    expect(isHResultSymbol("E_NOTIMPL")).toBe(true);
  });
});

describe("AdsError", () => {
  it("carries symbol, unsigned and signed HRESULT, and says them in its message", () => {
    const error = new AdsError("E_ADS_PROPERTY_NOT_FOUND", "Owner");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("AdsError");
    expect(error.code).toBe("E_ADS_PROPERTY_NOT_FOUND");
    expect(error.hresult).toBe(0x8000500d);
    expect(error.number).toBe(-2147463155);
    expect(error.detail).toBe("Owner");
    expect(error.message).toContain("0x8000500D");
    expect(AdsError.is(error, "E_ADS_PROPERTY_NOT_FOUND")).toBe(true);
    expect(AdsError.is(error, "E_NOTIMPL")).toBe(false);
    expect(AdsError.is(new Error("x"))).toBe(false);
  });
});
