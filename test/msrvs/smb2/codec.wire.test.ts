import { describe, expect, it } from "vitest";
import {
  decodeCompound,
  decodeMessage,
  encodeMessage,
  splitCompound,
} from "../../../src/msrvs/smb2/codec.js";
import { AccessMask, Fsctl, Smb2Command } from "../../../src/msrvs/smb2/constants.js";
import { makeHeader } from "../../../src/msrvs/smb2/header.js";
import { hasErrorBody } from "../../../src/msrvs/smb2/message.js";
import { NtStatus } from "../../../src/msrvs/smb2/ntStatus.js";
import { Smb2Error } from "../../../src/msrvs/smb2/Smb2Error.js";

const FILE_ID = Buffer.from("0102030405060708090a0b0c0d0e0f10", "hex");
const PDU = Buffer.from("05000b03100000004800000001000000", "hex");

/** The body of an encoded message (after the 64-byte header). */
const bodyOf = (message: Buffer) => message.subarray(64);

function expectSmb2Error(action: () => unknown, code: string): void {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(Smb2Error);
  expect((caught as Smb2Error).code).toBe(code);
}

describe("SMB2 request layouts of ms-srvs-wire §1", () => {
  it("TREE_CONNECT \\\\127.0.0.1\\IPC$: StructureSize 9, PathOffset 0x48, UTF-16LE path (§1.3)", () => {
    const path = "\\\\127.0.0.1\\IPC$";
    const body = bodyOf(
      encodeMessage(makeHeader({ command: 0 }), { kind: "treeConnectRequest", flags: 0, path }),
    );
    expect(body.subarray(0, 8)).toEqual(Buffer.from([9, 0, 0, 0, 0x48, 0, 32, 0]));
    expect(body.subarray(8)).toEqual(Buffer.from(path, "utf16le"));
  });

  it("CREATE srvsvc: the field values and offsets of the §1.4 table", () => {
    const message = encodeMessage(makeHeader({ command: 0 }), {
      kind: "createRequest",
      securityFlags: 0,
      requestedOplockLevel: 0,
      impersonationLevel: 2,
      smbCreateFlags: 0n,
      desiredAccess: AccessMask.PIPE_READ_WRITE,
      fileAttributes: 0,
      shareAccess: 3,
      createDisposition: 1,
      createOptions: 0,
      name: "srvsvc",
      createContexts: Buffer.alloc(0),
    });
    const body = bodyOf(message);
    expect(message.readUInt16LE(12)).toBe(Smb2Command.CREATE);
    expect(body.readUInt16LE(0)).toBe(57);
    expect(body.readUInt32LE(4)).toBe(2);
    expect(body.readUInt32LE(24)).toBe(0x0012019f);
    expect(body.readUInt32LE(32)).toBe(3);
    expect(body.readUInt32LE(36)).toBe(1);
    expect(body.readUInt16LE(44)).toBe(0x78);
    expect(body.readUInt16LE(46)).toBe(12);
    expect(body.readUInt32LE(48)).toBe(0);
    expect(body.subarray(56)).toEqual(Buffer.from("srvsvc", "utf16le"));
  });

  it("IOCTL FSCTL_PIPE_TRANSCEIVE: InputOffset 0x78, MaxOutputResponse, IS_FSCTL, PDU at body 56 (§1.6)", () => {
    const body = bodyOf(
      encodeMessage(makeHeader({ command: 0 }), {
        kind: "ioctlRequest",
        ctlCode: Fsctl.PIPE_TRANSCEIVE,
        fileId: FILE_ID,
        maxInputResponse: 0,
        maxOutputResponse: 4280,
        flags: 1,
        input: PDU,
        output: Buffer.alloc(0),
      }),
    );
    expect(body.readUInt16LE(0)).toBe(57);
    expect(body.readUInt32LE(4)).toBe(0x0011c017);
    expect(body.subarray(8, 24)).toEqual(FILE_ID);
    expect([body.readUInt32LE(24), body.readUInt32LE(28)]).toEqual([0x78, PDU.length]);
    expect([body.readUInt32LE(40), body.readUInt32LE(44), body.readUInt32LE(48)]).toEqual([0, 4280, 1]);
    expect(body.subarray(56)).toEqual(PDU);
  });

  it("WRITE puts the PDU at 0x70; READ sends Padding 0x50 and one zero byte (§1.5)", () => {
    const write = bodyOf(
      encodeMessage(makeHeader({ command: 0 }), {
        kind: "writeRequest",
        offset: 0n,
        fileId: FILE_ID,
        channel: 0,
        remainingBytes: 0,
        flags: 0,
        data: PDU,
        writeChannelInfo: Buffer.alloc(0),
      }),
    );
    expect([write.readUInt16LE(0), write.readUInt16LE(2), write.readUInt32LE(4)]).toEqual([
      49,
      0x70,
      PDU.length,
    ]);
    expect(write.subarray(48)).toEqual(PDU);
    const read = bodyOf(
      encodeMessage(makeHeader({ command: 0 }), {
        kind: "readRequest",
        padding: 0x50,
        flags: 0,
        length: 4280,
        offset: 0n,
        fileId: FILE_ID,
        minimumCount: 0,
        channel: 0,
        remainingBytes: 0,
        readChannelInfo: Buffer.alloc(0),
      }),
    );
    expect(read.length).toBe(49);
    expect([read.readUInt16LE(0), read[2], read.readUInt32LE(4), read[48]]).toEqual([49, 0x50, 4280, 0]);
  });
});

/** A response as Samba sends it: header fields + raw body bytes. */
function response(
  command: number,
  status: number,
  body: Buffer,
  extra: { flags?: number; asyncId?: bigint } = {},
) {
  const header = Buffer.alloc(64);
  Buffer.from([0xfe, 0x53, 0x4d, 0x42]).copy(header);
  header.writeUInt16LE(64, 4);
  header.writeUInt32LE(status, 8);
  header.writeUInt16LE(command, 12);
  header.writeUInt16LE(126, 14);
  header.writeUInt32LE(extra.flags ?? 1, 16);
  header.writeBigUInt64LE(5n, 24);
  if (extra.asyncId !== undefined) header.writeBigUInt64LE(extra.asyncId, 32);
  return Buffer.concat([header, body]);
}

describe("SMB2 responses as Samba sends them (ms-srvs-wire §1.5-§1.8)", () => {
  it("the STATUS_PENDING interim response: async header, 9-byte error body with a meaningless byte (§1.7)", () => {
    const bytes = response(Smb2Command.READ, 0x103, Buffer.from("0900000000000000" + "21", "hex"), {
      flags: 3,
      asyncId: 5n,
    });
    const { header, body } = decodeMessage(bytes);
    expect(header).toMatchObject({
      status: 0x103,
      flags: 3,
      asyncId: 5n,
      treeId: 0,
      credits: 126,
      messageId: 5n,
    });
    expect(body).toEqual({ kind: "errorResponse", errorContextCount: 0, errorData: Buffer.alloc(0) });
  });

  it("IOCTL with STATUS_BUFFER_OVERFLOW keeps its normal body: output at 0x70 (§1.6, §1.8)", () => {
    const reply = Buffer.alloc(1024, 7);
    const fixed = Buffer.alloc(48);
    fixed.writeUInt16LE(49, 0);
    fixed.writeUInt32LE(Fsctl.PIPE_TRANSCEIVE, 4);
    FILE_ID.copy(fixed, 8);
    fixed.writeUInt32LE(0x70, 24);
    fixed.writeUInt32LE(0x70, 32);
    fixed.writeUInt32LE(reply.length, 36);
    const { body } = decodeMessage(
      response(Smb2Command.IOCTL, NtStatus.STATUS_BUFFER_OVERFLOW, Buffer.concat([fixed, reply])),
    );
    expect(body).toEqual({
      kind: "ioctlResponse",
      ctlCode: Fsctl.PIPE_TRANSCEIVE,
      fileId: FILE_ID,
      flags: 0,
      input: Buffer.alloc(0),
      output: reply,
    });
  });

  it("READ response: DataOffset 0x50, DataLength, DataRemaining 0 (§1.5)", () => {
    const fixed = Buffer.from("1100" + "5000" + "03000000" + "00000000" + "00000000", "hex");
    const { body } = decodeMessage(response(Smb2Command.READ, 0, Buffer.concat([fixed, Buffer.from("abc")])));
    expect(body).toEqual({ kind: "readResponse", dataRemaining: 0, flags: 0, data: Buffer.from("abc") });
  });

  it("SESSION_SETUP: MORE_PROCESSING_REQUIRED carries the token; LOGON_FAILURE the error body", () => {
    const token = Buffer.from("NTLMSSP\0");
    const setup = Buffer.concat([Buffer.from("0900000048000800", "hex"), token]);
    expect(decodeMessage(response(Smb2Command.SESSION_SETUP, 0xc0000016, setup)).body).toEqual({
      kind: "sessionSetupResponse",
      sessionFlags: 0,
      securityBuffer: token,
    });
    const failure = response(Smb2Command.SESSION_SETUP, 0xc000006d, Buffer.from("090000000000000000", "hex"));
    expect(decodeMessage(failure).body.kind).toBe("errorResponse");
  });

  it("which responses carry the ERROR body (MS-SMB2 §2.2.2, §3.3.4.4)", () => {
    expect(hasErrorBody(Smb2Command.READ, 0)).toBe(false);
    expect(hasErrorBody(Smb2Command.SESSION_SETUP, NtStatus.STATUS_MORE_PROCESSING_REQUIRED)).toBe(false);
    expect(hasErrorBody(Smb2Command.CREATE, NtStatus.STATUS_MORE_PROCESSING_REQUIRED)).toBe(true);
    expect(hasErrorBody(Smb2Command.IOCTL, NtStatus.STATUS_BUFFER_OVERFLOW)).toBe(false);
    expect(hasErrorBody(Smb2Command.READ, NtStatus.STATUS_BUFFER_OVERFLOW)).toBe(false);
    expect(hasErrorBody(Smb2Command.WRITE, NtStatus.STATUS_BUFFER_OVERFLOW)).toBe(true);
    expect(hasErrorBody(Smb2Command.READ, NtStatus.STATUS_PENDING)).toBe(true);
    expect(hasErrorBody(Smb2Command.TREE_CONNECT, NtStatus.STATUS_BAD_NETWORK_NAME)).toBe(true);
  });
});

describe("malformed input gives a typed Smb2Error", () => {
  const echo = encodeMessage(makeHeader({ command: 0 }), { kind: "echoRequest" });

  it("rejects SMB1 and transform headers, a wrong header StructureSize, and short input", () => {
    const smb1 = Buffer.from(echo);
    smb1[0] = 0xff;
    expectSmb2Error(() => decodeMessage(smb1), "MALFORMED");
    const transform = Buffer.from(echo);
    transform[0] = 0xfd;
    expectSmb2Error(() => decodeMessage(transform), "MALFORMED");
    const badSize = Buffer.from(echo);
    badSize.writeUInt16LE(65, 4);
    expectSmb2Error(() => decodeMessage(badSize), "MALFORMED");
    expectSmb2Error(() => decodeMessage(echo.subarray(0, 63)), "TRUNCATED");
    expectSmb2Error(() => decodeMessage(echo.subarray(0, 66)), "TRUNCATED");
  });

  it("rejects a wrong body StructureSize, an unknown command, an odd UTF-16 length, a buffer inside the fixed part", () => {
    const badBody = Buffer.from(echo);
    badBody.writeUInt16LE(5, 64);
    expectSmb2Error(() => decodeMessage(badBody), "MALFORMED");
    const unknown = Buffer.from(echo);
    unknown.writeUInt16LE(99, 12);
    expectSmb2Error(() => decodeMessage(unknown), "MALFORMED");
    const tree = encodeMessage(makeHeader({ command: 0 }), {
      kind: "treeConnectRequest",
      flags: 0,
      path: "\\\\h\\s",
    });
    const odd = Buffer.from(tree);
    odd.writeUInt16LE(odd.readUInt16LE(64 + 6) - 1, 64 + 6);
    expectSmb2Error(() => decodeMessage(odd), "MALFORMED");
    const inside = Buffer.from(tree);
    inside.writeUInt16LE(0x40, 64 + 4);
    expectSmb2Error(() => decodeMessage(inside), "MALFORMED");
    const beyond = Buffer.from(tree);
    beyond.writeUInt16LE(0xfff0, 64 + 4);
    expectSmb2Error(() => decodeMessage(beyond), "TRUNCATED");
  });

  it("encoders refuse values that do not fit, without throwing anything else", () => {
    expectSmb2Error(
      () => encodeMessage(makeHeader({ command: 0, credits: 70000 }), { kind: "echoRequest" }),
      "INVALID_ARGUMENT",
    );
    expectSmb2Error(
      () => encodeMessage(makeHeader({ command: 0, messageId: -1n }), { kind: "echoRequest" }),
      "INVALID_ARGUMENT",
    );
    expectSmb2Error(
      () =>
        encodeMessage(makeHeader({ command: 0 }), {
          kind: "closeRequest",
          flags: 0,
          fileId: Buffer.alloc(15),
        }),
      "INVALID_ARGUMENT",
    );
    expectSmb2Error(
      () =>
        encodeMessage(makeHeader({ command: 8, flags: 1, status: 0 }), {
          kind: "errorResponse",
          errorContextCount: 0,
          errorData: Buffer.alloc(0),
        }),
      "INVALID_ARGUMENT",
    );
    expectSmb2Error(
      () => encodeMessage(makeHeader({ command: 0, status: 0xc0000022 }), { kind: "echoResponse" }),
      "INVALID_ARGUMENT",
    );
  });
});

describe("compounded responses (MS-SMB2 §3.2.4.1.4)", () => {
  const first = encodeMessage(makeHeader({ command: 0, messageId: 1n }), { kind: "echoResponse" });
  const second = encodeMessage(makeHeader({ command: 0, messageId: 2n }), { kind: "logoffResponse" });

  it("follows 8-aligned NextCommand offsets", () => {
    const padded = Buffer.concat([first, Buffer.alloc(72 - first.length)]);
    padded.writeUInt32LE(72, 20);
    const frame = Buffer.concat([padded, second]);
    expect(splitCompound(frame).length).toBe(2);
    expect(decodeCompound(frame).map((m) => [m.header.messageId, m.body.kind])).toEqual([
      [1n, "echoResponse"],
      [2n, "logoffResponse"],
    ]);
  });

  it("rejects a NextCommand that is misaligned, inside the header, or past the frame", () => {
    for (const next of [68, 8, 4096]) {
      const head = Buffer.from(Buffer.concat([first, Buffer.alloc(8)]));
      head.writeUInt32LE(next, 20);
      expectSmb2Error(() => decodeCompound(Buffer.concat([head, second])), "MALFORMED");
    }
  });
});

describe("LOCK (MS-SMB2 §2.2.26-§2.2.27)", () => {
  it("a request with two elements: StructureSize 48, LockCount, FileId at 8, 24-byte elements from 24", () => {
    const locks = [
      { offset: 0n, length: 10n, flags: 0x12 },
      { offset: 0x1_0000_0000n, length: 1n, flags: 0x04 },
    ];
    const message = encodeMessage(makeHeader({ command: 0 }), {
      kind: "lockRequest",
      lockSequence: 0,
      fileId: FILE_ID,
      locks,
    });
    const body = bodyOf(message);
    expect(message.readUInt16LE(12)).toBe(Smb2Command.LOCK);
    expect(body.length).toBe(24 + 2 * 24);
    expect([body.readUInt16LE(0), body.readUInt16LE(2), body.readUInt32LE(4)]).toEqual([48, 2, 0]);
    expect(body.subarray(8, 24)).toEqual(FILE_ID);
    expect([body.readBigUInt64LE(24), body.readBigUInt64LE(32), body.readUInt32LE(40)]).toEqual([
      0n,
      10n,
      0x12,
    ]);
    expect([body.readBigUInt64LE(48), body.readBigUInt64LE(56), body.readUInt32LE(64)]).toEqual([
      0x1_0000_0000n,
      1n,
      0x04,
    ]);
    expect(decodeMessage(message).body).toEqual({
      kind: "lockRequest",
      lockSequence: 0,
      fileId: FILE_ID,
      locks,
    });
  });

  it("no element, LockCount 0, or fewer elements than LockCount: typed errors", () => {
    const header = makeHeader({ command: 0 });
    expectSmb2Error(
      () => encodeMessage(header, { kind: "lockRequest", lockSequence: 0, fileId: FILE_ID, locks: [] }),
      "INVALID_ARGUMENT",
    );
    const message = encodeMessage(header, {
      kind: "lockRequest",
      lockSequence: 0,
      fileId: FILE_ID,
      locks: [{ offset: 0n, length: 1n, flags: 2 }],
    });
    const zero = Buffer.from(message);
    zero.writeUInt16LE(0, 64 + 2);
    expectSmb2Error(() => decodeMessage(zero), "MALFORMED");
    const short = Buffer.from(message);
    short.writeUInt16LE(3, 64 + 2);
    expectSmb2Error(() => decodeMessage(short), "TRUNCATED");
  });
});
