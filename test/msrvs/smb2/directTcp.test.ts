import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { DirectTcpDeframer, frameMessage } from "../../../src/msrvs/smb2/directTcp.js";
import { Smb2Error } from "../../../src/msrvs/smb2/Smb2Error.js";

/** Splits `bytes` at the given cut points (any order, duplicates allowed). */
function split(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.subarray(from, point));
    from = point;
  }
  return chunks;
}

const payloads = fc.array(
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
  { maxLength: 8 },
);

describe("Direct-TCP framing (MS-SMB2 §2.1)", () => {
  it("prefixes a zero byte and the 24-bit big-endian length", () => {
    expect(frameMessage(Buffer.from("abc"))).toEqual(Buffer.from([0, 0, 0, 3, 0x61, 0x62, 0x63]));
    expect(frameMessage(Buffer.alloc(0x012345)).subarray(0, 4)).toEqual(Buffer.from([0, 0x01, 0x23, 0x45]));
  });

  it("refuses a message longer than 0xFFFFFF bytes", () => {
    expect(() => frameMessage(Buffer.alloc(0x1000000))).toThrow(Smb2Error);
  });

  test.prop([payloads, fc.array(fc.nat(), { maxLength: 20 })], { numRuns: 400 })(
    "however the stream is cut into chunks, the same frames come out in order (partial and multiple frames)",
    (messages, cuts) => {
      const stream = Buffer.concat(messages.map(frameMessage));
      const deframer = new DirectTcpDeframer();
      const out = split(stream, cuts).flatMap((chunk) => deframer.push(chunk));
      expect(out).toEqual(messages);
      expect(deframer.pendingBytes).toBe(0);
    },
  );

  test.prop([payloads, fc.nat()])(
    "an incomplete tail stays buffered until the rest arrives",
    (messages, cut) => {
      const stream = Buffer.concat([...messages, Buffer.from("tail")].map(frameMessage));
      const deframer = new DirectTcpDeframer();
      const at = stream.length - 1 - (cut % 8);
      const first = deframer.push(stream.subarray(0, at));
      expect(first).toEqual(messages);
      expect(deframer.pendingBytes).toBe(at - Buffer.concat(messages.map(frameMessage)).length);
      expect(deframer.push(stream.subarray(at))).toEqual([Buffer.from("tail")]);
    },
  );

  it("rejects an oversize frame as soon as its header arrives, and stays failed", () => {
    const deframer = new DirectTcpDeframer(1000);
    expect(deframer.push(frameMessage(Buffer.alloc(1000)))).toHaveLength(1);
    const header = Buffer.from([0, 0, 0x03, 0xe9]);
    expect(() => deframer.push(header)).toThrow(expect.objectContaining({ code: "FRAME_TOO_LARGE" }));
    expect(() => deframer.push(frameMessage(Buffer.from("ok")))).toThrow(
      expect.objectContaining({ code: "FRAME_TOO_LARGE" }),
    );
  });

  it("rejects a header whose first byte is not zero (e.g. a NetBIOS session message type)", () => {
    const deframer = new DirectTcpDeframer();
    expect(() => deframer.push(Buffer.from([0x85, 0, 0, 0]))).toThrow(
      expect.objectContaining({ code: "MALFORMED" }),
    );
  });

  test.prop([fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 10 })], { numRuns: 500 })(
    "arbitrary bytes: push returns frames or throws an Smb2Error, never anything else",
    (chunks) => {
      const deframer = new DirectTcpDeframer(4096);
      for (const chunk of chunks) {
        try {
          for (const frame of deframer.push(Buffer.from(chunk)))
            expect(frame.length).toBeLessThanOrEqual(4096);
        } catch (error) {
          expect(error).toBeInstanceOf(Smb2Error);
        }
      }
    },
  );

  it("refuses a nonsensical frame limit", () => {
    expect(() => new DirectTcpDeframer(0)).toThrow(Smb2Error);
    expect(() => new DirectTcpDeframer(0x1000000)).toThrow(Smb2Error);
  });
});
