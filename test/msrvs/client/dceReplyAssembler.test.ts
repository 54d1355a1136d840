import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { DceReplyAssembler } from "../../../src/msrvs/client/dceReplyAssembler.js";
import { hostEntropy } from "../../../src/msrvs/client/hostEntropy.js";
import { Smb2Error } from "../../../src/msrvs/smb2/Smb2Error.js";
import { loadPdu } from "../pduVectors.js";

const FRAG1 = loadPdu("23-fileenum-l3-fragmented.resp.frag1");
const FRAG2 = loadPdu("23-fileenum-l3-fragmented.resp.frag2");
const FAULT = loadPdu("18-fault-opnum99.resp");
const WHOLE = Buffer.concat([FRAG1, FRAG2]);

function chunks(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % bytes.length))].sort((a, b) => a - b);
  return [...points, bytes.length].map((end, i, all) =>
    bytes.subarray(i === 0 ? 0 : (all[i - 1] as number), end),
  );
}

describe("DceReplyAssembler (ms-srvs-wire §1.9)", () => {
  test.prop([fc.array(fc.nat(), { maxLength: 30 })])(
    "the captured two-fragment reply is complete exactly when its last byte arrives, however it is cut",
    (cuts) => {
      const assembler = new DceReplyAssembler();
      const parts = chunks(WHOLE, cuts);
      parts.forEach((part, i) => {
        assembler.push(part);
        expect(assembler.complete).toBe(i === parts.length - 1);
      });
      expect(assembler.reply()).toEqual(WHOLE);
    },
  );

  it("a single-fragment reply (FIRST|LAST) completes at once; fragment 1 alone does not", () => {
    const single = new DceReplyAssembler();
    single.push(FAULT);
    expect(single.complete).toBe(true);
    const first = new DceReplyAssembler();
    first.push(FRAG1);
    expect(first.complete).toBe(false);
    expect(() => first.reply()).toThrow(Smb2Error);
  });

  it("rejects bytes after the last fragment, a wrong rpc_vers, big-endian drep and a frag_length below 16", () => {
    const after = new DceReplyAssembler();
    expect(() => after.push(Buffer.concat([FAULT, Buffer.from([5])]))).toThrow(
      expect.objectContaining({ code: "PROTOCOL" }),
    );
    const cases = [
      (b: Buffer) => b.writeUInt8(4, 0),
      (b: Buffer) => b.writeUInt8(0x00, 4),
      (b: Buffer) => b.writeUInt16LE(15, 8),
    ];
    for (const corrupt of cases) {
      const bytes = Buffer.from(FAULT);
      corrupt(bytes);
      expect(() => new DceReplyAssembler().push(bytes)).toThrow(
        expect.objectContaining({ code: "PROTOCOL" }),
      );
    }
  });
});

describe("hostEntropy (the only host reads of the client)", () => {
  it("gives fresh random bytes and the current FILETIME", () => {
    expect(hostEntropy.randomBytes(16)).toHaveLength(16);
    expect(hostEntropy.randomBytes(16)).not.toEqual(hostEntropy.randomBytes(16));
    const fileTimeNow = BigInt(Date.now() + 11644473600000) * 10000n;
    const delta = hostEntropy.now() - fileTimeNow;
    expect(delta >= 0n && delta < 10_000_000n * 60n).toBe(true);
  });
});
