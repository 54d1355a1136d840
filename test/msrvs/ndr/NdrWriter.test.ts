import { describe, expect, it } from "vitest";
import { NdrError } from "../../../src/msrvs/ndr/NdrError.js";
import { NdrWriter } from "../../../src/msrvs/ndr/NdrWriter.js";
import { listedReferents, sequentialReferents } from "../../../src/msrvs/ndr/referents.js";

const hexOf = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

function expectNdrError(action: () => unknown, code: NdrError["code"]): NdrError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(NdrError);
  expect((caught as NdrError).code).toBe(code);
  return caught as NdrError;
}

describe("NdrWriter primitives (ms-srvs-wire §3.1)", () => {
  it("writes little-endian integers, each aligned to its size with zero padding", () => {
    const w = new NdrWriter();
    w.u8(0xab);
    w.u16(0x1234);
    w.u32(0xdeadbeef);
    w.u8(1);
    w.u64(0x0102030405060708n);
    w.i32(-2);
    expect(hexOf(w.finish())).toBe("ab003412efbeadde01000000000000000807060504030201feffffff");
  });

  it("grows past its initial buffer without losing bytes", () => {
    const w = new NdrWriter();
    for (let i = 0; i < 1000; i++) w.u32(i);
    const bytes = w.finish();
    expect(bytes.length).toBe(4000);
    expect(new DataView(bytes.buffer).getUint32(4 * 999, true)).toBe(999);
  });

  it.each([
    ["u8 256", (w: NdrWriter) => w.u8(256)],
    ["u16 -1", (w: NdrWriter) => w.u16(-1)],
    ["u32 2^32", (w: NdrWriter) => w.u32(2 ** 32)],
    ["u32 1.5", (w: NdrWriter) => w.u32(1.5)],
    ["u32 NaN", (w: NdrWriter) => w.u32(Number.NaN)],
    ["u32 of a string", (w: NdrWriter) => w.u32("1" as unknown as number)],
    ["i32 2^31", (w: NdrWriter) => w.i32(2 ** 31)],
    ["u64 -1n", (w: NdrWriter) => w.u64(-1n)],
    ["u64 2^64", (w: NdrWriter) => w.u64(2n ** 64n)],
    ["a string with a NUL", (w: NdrWriter) => w.conformantVaryingString("a\0b")],
    ["a string that is not a string", (w: NdrWriter) => w.conformantVaryingString(5 as unknown as string)],
    ["bytes that are not bytes", (w: NdrWriter) => w.bytes([1, 2] as unknown as Uint8Array)],
  ])("rejects %s with INVALID_VALUE", (_name, write) => {
    expectNdrError(() => write(new NdrWriter()), "INVALID_VALUE");
  });
});

describe("NdrWriter strings and pointers (ms-srvs-wire §3.2-§3.4)", () => {
  it("a top-level unique string is referent, max/offset/actual counts, UTF-16LE and the NUL (§5.1 ServerName)", () => {
    const w = new NdrWriter();
    w.uniqueString("\\\\127.0.0.1");
    expect(hexOf(w.finish())).toBe(
      `00000200${"0c000000"}${"00000000"}${"0c000000"}5c005c003100320037002e0030002e0030002e0031000000`,
    );
  });

  it("NULL is a zero referent and does not use up a referent id", () => {
    const w = new NdrWriter();
    w.uniqueString(null);
    w.uniqueString("");
    expect(hexOf(w.finish())).toBe("00000000000002000100000000000000010000000000");
  });

  it("pads a string of odd length before the next u32 (§5.2: two pad bytes after `sadmin`)", () => {
    const w = new NdrWriter();
    w.conformantVaryingString("sadmin");
    w.u32(4);
    expect(hexOf(w.finish())).toBe("0700000000000000070000007300610064006d0069006e000000000004000000");
  });

  it("defers embedded pointees to the end of the construct, depth first, in pointer order", () => {
    const w = new NdrWriter();
    w.construct(() => {
      w.embeddedUnique({ inner: "x" }, (value) => w.embeddedString(value.inner));
      w.embeddedString("y");
      w.u32(0xaaaaaaaa);
    });
    w.u32(0xbbbbbbbb);
    const words = hexOf(w.finish()).match(/.{8}/g);
    expect(words).toEqual([
      "00000200", // referent of the structure
      "04000200", // referent of "y"
      "aaaaaaaa", // the rest of the construct's scalars
      "08000200", // the structure's own scalars: the referent of "x"
      "02000000", // "x" follows the structure that points to it ...
      "00000000",
      "02000000",
      "78000000", // 'x', NUL
      "02000000", // ... and "y" comes after that
      "00000000",
      "02000000",
      "79000000",
      "bbbbbbbb", // the next parameter
    ]);
  });

  it("a conformant array of structures sends all fixed parts, then each element's pointees in order", () => {
    const w = new NdrWriter({ referents: sequentialReferents(0x00020010) });
    w.construct(() =>
      w.conformantArray(["a", "b"], (item) => {
        w.embeddedString(item);
        w.u32(7);
      }),
    );
    expect(hexOf(w.finish()).match(/.{8}/g)).toEqual([
      "02000000",
      "10000200",
      "07000000",
      "14000200",
      "07000000",
      "02000000",
      "00000000",
      "02000000",
      "61000000",
      "02000000",
      "00000000",
      "02000000",
      "62000000",
    ]);
  });

  it("numbers referents with the chosen strategy", () => {
    const listed = new NdrWriter({ referents: listedReferents([0x11, 0x22]) });
    for (const text of ["a", "b", "c"]) listed.uniqueString(text);
    const ids = [0, 20, 40].map((at) => new DataView(listed.finish().buffer).getUint32(at, true));
    expect(ids).toEqual([0x11, 0x22, 0x26]);
    const samba = new NdrWriter({ referents: sequentialReferents(0x0002000c) });
    samba.unique(1, (v) => samba.u32(v));
    expect(hexOf(samba.finish())).toBe("0c00020001000000");
  });

  it("rejects a strategy that yields 0 or a non-u32 referent", () => {
    expectNdrError(() => new NdrWriter({ referents: () => 0 }).unique(1, () => {}), "INVALID_VALUE");
    expectNdrError(() => new NdrWriter({ referents: () => 2 ** 32 }).unique(1, () => {}), "INVALID_VALUE");
  });

  it("full pointers share one referent id and send the pointee once", () => {
    const w = new NdrWriter();
    const shared = { text: "s" };
    w.construct(() => {
      w.embeddedFull(shared, shared, (value) => w.conformantVaryingString(value.text));
      w.embeddedFull(shared, shared, (value) => w.conformantVaryingString(value.text));
      w.embeddedFull("other", null, () => {});
    });
    expect(hexOf(w.finish()).match(/.{8}/g)).toEqual([
      "00000200",
      "00000200",
      "00000000",
      "02000000",
      "00000000",
      "02000000",
      "73000000",
    ]);
  });

  it("a [ref] pointer cannot be NULL; conformant bytes carry their count", () => {
    const w = new NdrWriter();
    w.construct(() => expectNdrError(() => w.embeddedRef(null, () => {}), "INVALID_VALUE"));
    w.conformantBytes(Uint8Array.of(1, 2, 3));
    expect(hexOf(w.finish())).toBe("03000000010203");
  });

  it("an embedded pointer outside any construct is a programming error, not an NdrError", () => {
    expect(() => new NdrWriter().embeddedString("x")).toThrow(/outside a construct/);
  });
});
