import { describe, expect, it } from "vitest";
import { NdrError } from "../../../src/msrvs/ndr/NdrError.js";
import { NdrReader } from "../../../src/msrvs/ndr/NdrReader.js";
import type { NdrTraceEvent } from "../../../src/msrvs/ndr/trace.js";

/** Bytes from space-separated little-endian u32 words written as hex, plus optional raw hex. */
function words(...parts: string[]): Uint8Array {
  return Uint8Array.from(Buffer.from(parts.join("").replace(/\s+/g, ""), "hex"));
}

function expectNdrError(action: () => unknown, code: NdrError["code"], offset?: number): NdrError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(NdrError);
  expect((caught as NdrError).code).toBe(code);
  if (offset !== undefined) expect((caught as NdrError).offset).toBe(offset);
  return caught as NdrError;
}

describe("NdrReader primitives (ms-srvs-wire §3.1)", () => {
  it("reads little-endian integers, skipping alignment padding whatever its content", () => {
    const r = new NdrReader(words("ab ff 3412 efbeadde 01 ffffffffffffff 0807060504030201 feffffff"));
    expect([r.u8(), r.u16(), r.u32(), r.u8(), r.u64(), r.i32()]).toEqual([
      0xab,
      0x1234,
      0xdeadbeef,
      1,
      0x0102030405060708n,
      -2,
    ]);
    expect(r.remaining).toBe(0);
    r.expectEnd();
  });

  it.each([
    ["u8", "", (r: NdrReader) => r.u8(), 0],
    ["u16", "01", (r: NdrReader) => r.u16(), 0],
    ["u32 after padding", "01 000000 0000", (r: NdrReader) => r.u8() + r.u32(), 4],
    ["padding itself", "01 00", (r: NdrReader) => r.u8() + r.u32(), 1],
    ["u64", "01000000", (r: NdrReader) => r.u64(), 0],
    ["bytes", "0102", (r: NdrReader) => r.bytes(3), 0],
  ])("a truncated %s is TRUNCATED at the offset where it fails", (_name, hex, read, offset) => {
    expectNdrError(() => read(new NdrReader(words(hex))), "TRUNCATED", offset);
  });

  it("bytes left over are TRAILING_BYTES unless the caller stops checking", () => {
    const r = new NdrReader(words("01000000 02"));
    r.u32();
    expectNdrError(() => r.expectEnd(), "TRAILING_BYTES", 4);
  });
});

describe("NdrReader strings (ms-srvs-wire §3.3)", () => {
  it("reads a conformant varying string and strips its NUL", () => {
    const r = new NdrReader(words("04000000 00000000 04000000 62006f0062000000"));
    expect(r.conformantVaryingString()).toBe("bob");
    r.expectEnd();
  });

  it("accepts max_count larger than actual_count", () => {
    expect(new NdrReader(words("09000000 00000000 02000000 78000000")).conformantVaryingString()).toBe("x");
  });

  it("keeps lone surrogates and other odd code units exactly", () => {
    expect(
      new NdrReader(words("04000000 00000000 04000000 00d8ffff41000000")).conformantVaryingString(),
    ).toBe("\ud800\uffffA");
  });

  it.each([
    ["a non-zero offset", "04000000 01000000 03000000 62006f000000", "STRING_OFFSET", 4],
    ["actual_count > max_count", "02000000 00000000 03000000 62006f000000", "ACTUAL_EXCEEDS_MAX", 8],
    ["actual_count 0", "00000000 00000000 00000000", "STRING_NOT_TERMINATED", 8],
    ["no NUL at the end", "02000000 00000000 02000000 62006f00", "STRING_NOT_TERMINATED", 14],
    ["a NUL inside", "03000000 00000000 03000000 620000006f00", "STRING_EMBEDDED_NUL", 14],
    ["a count past the end", "ffffff7f 00000000 ffffff7f 6200", "COUNT_TOO_LARGE", 8],
    ["an odd byte count left for the units", "02000000 00000000 02000000 620000", "COUNT_TOO_LARGE", 8],
    ["missing counts", "02000000 00000000", "TRUNCATED", 8],
  ])("rejects %s", (_name, hex, code, offset) => {
    expectNdrError(
      () => new NdrReader(words(hex)).conformantVaryingString(),
      code as NdrError["code"],
      offset,
    );
  });

  it("records referents and string counts in the trace", () => {
    const trace: NdrTraceEvent[] = [];
    const r = new NdrReader(words("00000200 02000000 00000000 02000000 78000000 00000000"), { trace });
    expect(r.uniqueString()).toBe("x");
    expect(r.uniqueString()).toBeNull();
    expect(trace).toEqual([
      { kind: "pointer", at: 0, referent: 0x00020000 },
      { kind: "string", at: 4, maxCount: 2, offset: 0, actualCount: 2 },
      { kind: "pointer", at: 20, referent: 0 },
    ]);
  });
});

describe("NdrReader pointers and arrays (ms-srvs-wire §3.2, §3.4)", () => {
  it("fills embedded pointees after the construct, depth first", () => {
    const r = new NdrReader(
      words(
        "00000200 04000200 aaaaaaaa 08000200",
        "02000000 00000000 02000000 78000000",
        "02000000 00000000 02000000 79000000",
      ),
    );
    const seen: Record<string, string | null> = {};
    const scalar = r.construct(() => {
      r.embeddedUnique(
        () => r.embeddedString((x) => (seen.x = x)),
        () => {},
      );
      r.embeddedString((y) => (seen.y = y));
      return r.u32();
    });
    expect(scalar).toBe(0xaaaaaaaa);
    expect(seen).toEqual({ x: "x", y: "y" });
    r.expectEnd();
  });

  it("a conformant array whose max_count disagrees with its size_is is COUNT_MISMATCH", () => {
    expectNdrError(
      () => new NdrReader(words("03000000 01000000")).conformantArray(4, () => 0, 2),
      "COUNT_MISMATCH",
      0,
    );
  });

  it("a huge max_count is COUNT_TOO_LARGE before anything is allocated", () => {
    const reads: number[] = [];
    expectNdrError(
      () => new NdrReader(words("ffffffff 01000000")).conformantArray(4, () => reads.push(1)),
      "COUNT_TOO_LARGE",
      0,
    );
    expect(reads).toEqual([]);
    expectNdrError(() => new NdrReader(words("05000000 0102")).conformantBytes(), "COUNT_TOO_LARGE", 0);
  });

  it("reads conformant bytes", () => {
    expect(new NdrReader(words("03000000 010203")).conformantBytes(3)).toEqual(Uint8Array.of(1, 2, 3));
  });

  it("a dangling pointer (non-NULL, its pointee missing) is TRUNCATED where the pointee should start", () => {
    expectNdrError(() => new NdrReader(words("00000200")).uniqueString(), "TRUNCATED", 4);
    const r = new NdrReader(words("00000200 04000200 02000000 00000000 02000000 78000000"));
    expectNdrError(
      () => r.construct(() => [r.embeddedString(() => {}), r.embeddedString(() => {})]),
      "TRUNCATED",
      24,
    );
  });

  it("a NULL [ref] pointer is NULL_REF_POINTER", () => {
    const r = new NdrReader(words("00000000"));
    expectNdrError(
      () =>
        r.construct(() =>
          r.embeddedRef(
            () => 0,
            () => {},
          ),
        ),
      "NULL_REF_POINTER",
      0,
    );
  });

  it("full pointers: a repeated referent shares the first pointee; another kind is BAD_POINTER", () => {
    const r = new NdrReader(words("00000200 00000200 00000000 02000000 00000000 02000000 73000000"));
    const got: (string | null)[] = [];
    r.construct(() => {
      for (let i = 0; i < 3; i++)
        r.embeddedFull(
          "string",
          () => r.conformantVaryingString(),
          (v) => got.push(v),
        );
    });
    expect(got).toEqual([null, "s", "s"]);
    const bad = new NdrReader(words("00000200 00000200 02000000 00000000 02000000 73000000"));
    expectNdrError(
      () =>
        bad.construct(() => {
          bad.embeddedFull(
            "string",
            () => bad.conformantVaryingString(),
            () => {},
          );
          bad.embeddedFull(
            "number",
            () => bad.u32(),
            () => {},
          );
        }),
      "BAD_POINTER",
      4,
    );
  });
});
