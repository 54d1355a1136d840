import { describe, expect, it } from "vitest";
import { WERROR, werrorName } from "../../../src/msrvs/srvsvc/werror.js";
import { hex, INDEX } from "../support/vectors.js";

describe("WERROR names (ms-srvs-wire §4.6)", () => {
  it("names every WERROR the captured responses carry", () => {
    const seen = new Set(
      INDEX.flatMap((entry) =>
        entry.decoded.response?.args?.werror ? [hex(entry.decoded.response.args.werror)] : [],
      ),
    );
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 2, 5, 0x7c]);
    expect([...seen].map(werrorName).sort()).toEqual([
      "ERROR_ACCESS_DENIED",
      "ERROR_FILE_NOT_FOUND",
      "ERROR_INVALID_LEVEL",
      "NERR_Success",
    ]);
  });

  it("has the [MS-ERREF] values of the codes Windows sends instead", () => {
    expect([
      WERROR.ERROR_MORE_DATA,
      WERROR.NERR_BufTooSmall,
      WERROR.NERR_ClientNameNotFound,
      WERROR.NERR_FileIdNotFound,
    ]).toEqual([0xea, 0x84b, 0x908, 0x90a]);
    expect(werrorName(0x908)).toBe("NERR_ClientNameNotFound");
    expect(werrorName(0x12345)).toBeUndefined();
    expect(new Set(Object.values(WERROR)).size).toBe(Object.keys(WERROR).length);
  });
});
