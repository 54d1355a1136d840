import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { decodeCompound, decodeMessage, encodeMessage } from "../../../src/msrvs/smb2/codec.js";
import { Smb2Error } from "../../../src/msrvs/smb2/Smb2Error.js";
import { anyMessage } from "./arbitraries.js";

/** Runs `decode` and returns what it threw; anything but an Smb2Error fails the property. */
function onlySmb2Errors(decode: () => unknown): void {
  try {
    decode();
  } catch (error) {
    expect(error).toBeInstanceOf(Smb2Error);
  }
}

describe("SMB2 codec properties (MS-SMB2 §2.2)", () => {
  test.prop([anyMessage], { numRuns: 600 })(
    "decode(encode(header, body)) gives both back",
    ({ header, body }) => {
      const decoded = decodeMessage(encodeMessage(header, body));
      expect(decoded.body).toEqual(body);
      expect(decoded.header).toEqual(header);
    },
  );

  test.prop([anyMessage])(
    "encoding is deterministic and re-encoding the decoded message is byte-identical",
    ({ header, body }) => {
      const bytes = encodeMessage(header, body);
      const decoded = decodeMessage(bytes);
      expect(encodeMessage(decoded.header, decoded.body)).toEqual(bytes);
    },
  );

  test.prop([fc.uint8Array({ maxLength: 300 })], { numRuns: 1000 })(
    "random bytes: decoders throw only Smb2Error",
    (raw) => {
      onlySmb2Errors(() => decodeMessage(Buffer.from(raw)));
      onlySmb2Errors(() => decodeCompound(Buffer.from(raw)));
    },
  );

  test.prop(
    [anyMessage, fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 })],
    {
      numRuns: 1500,
    },
  )(
    "truncated or corrupted valid messages: decoders throw only Smb2Error",
    ({ header, body }, cut, flips) => {
      const bytes = encodeMessage(header, body);
      onlySmb2Errors(() => decodeMessage(bytes.subarray(0, cut % (bytes.length + 1))));
      const corrupted = Buffer.from(bytes);
      for (const [at, value] of flips) corrupted[64 + (at % Math.max(1, corrupted.length - 64))] = value;
      onlySmb2Errors(() => decodeMessage(corrupted));
      onlySmb2Errors(() => decodeCompound(corrupted));
    },
  );

  test.prop([anyMessage, fc.nat()])(
    "a strict prefix of a message decodes to the same body (only a trailing pad byte lost) or fails TRUNCATED/MALFORMED",
    ({ header, body }, n) => {
      const bytes = encodeMessage(header, body);
      const prefix = bytes.subarray(0, n % bytes.length);
      try {
        expect(decodeMessage(prefix).body).toEqual(body);
        expect(prefix.length).toBe(bytes.length - 1);
      } catch (error) {
        expect(error).toBeInstanceOf(Smb2Error);
        expect(["TRUNCATED", "MALFORMED"]).toContain((error as Smb2Error).code);
      }
    },
  );
});
