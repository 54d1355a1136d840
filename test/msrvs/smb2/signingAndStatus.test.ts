import { createHmac } from "node:crypto";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { encodeMessage } from "../../../src/msrvs/smb2/codec.js";
import { Smb2Flags } from "../../../src/msrvs/smb2/constants.js";
import { makeHeader } from "../../../src/msrvs/smb2/header.js";
import { NtStatusError } from "../../../src/msrvs/smb2/NtStatusError.js";
import { formatNtStatus, isNtError, NtStatus, ntStatusName } from "../../../src/msrvs/smb2/ntStatus.js";
import { signSmb2Message, verifySmb2Signature } from "../../../src/msrvs/smb2/signing.js";

const KEY = Buffer.from("000102030405060708090a0b0c0d0e0f", "hex");
const message = encodeMessage(makeHeader({ command: 0, flags: Smb2Flags.SIGNED, messageId: 9n }), {
  kind: "echoRequest",
});

describe("SMB 2.x signing (MS-SMB2 §3.1.4.1)", () => {
  it("the signature is the first 16 bytes of HMAC-SHA256 over the message with a zero signature", () => {
    const signed = signSmb2Message(message, KEY);
    const expected = createHmac("sha256", KEY).update(message).digest().subarray(0, 16);
    expect(signed.subarray(48, 64)).toEqual(expected);
    expect(signed.subarray(0, 48)).toEqual(message.subarray(0, 48));
    expect(verifySmb2Signature(signed, KEY)).toBe(true);
  });

  test.prop([fc.nat(), fc.integer({ min: 1, max: 255 })])(
    "any changed byte, or another key, fails verification",
    (at, delta) => {
      const signed = signSmb2Message(message, KEY);
      const tampered = Buffer.from(signed);
      const index = at % tampered.length;
      tampered[index] = ((tampered[index] as number) + delta) & 0xff;
      expect(verifySmb2Signature(tampered, KEY)).toBe(false);
      expect(verifySmb2Signature(signed, Buffer.alloc(16, 1))).toBe(false);
    },
  );
});

describe("NTSTATUS values (MS-ERREF §2.3; ms-srvs-wire §1.10)", () => {
  it("names the statuses met on the way to the pipe", () => {
    expect(ntStatusName(0xc000006d)).toBe("STATUS_LOGON_FAILURE");
    expect(ntStatusName(0xc00000cc)).toBe("STATUS_BAD_NETWORK_NAME");
    expect(ntStatusName(0xc0000034)).toBe("STATUS_OBJECT_NAME_NOT_FOUND");
    expect(ntStatusName(0xc00000b0)).toBe("STATUS_PIPE_DISCONNECTED");
    expect(ntStatusName(0x103)).toBe("STATUS_PENDING");
    expect(ntStatusName(0x80000005)).toBe("STATUS_BUFFER_OVERFLOW");
    expect(ntStatusName(0x12345678)).toBeUndefined();
    expect(formatNtStatus(0xc0000022)).toBe("0xc0000022 STATUS_ACCESS_DENIED");
    expect(formatNtStatus(-1)).toBe("0xffffffff");
    expect([isNtError(NtStatus.STATUS_ACCESS_DENIED), isNtError(0x80000005), isNtError(0x103)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("every name maps to a distinct value", () => {
    const values = Object.values(NtStatus);
    expect(new Set(values).size).toBe(values.length);
  });

  it("NtStatusError carries the unsigned status, its name and the command", () => {
    const error = new NtStatusError(0xc000006d | 0, 1, "SESSION_SETUP");
    expect(error).toMatchObject({
      code: "NT_STATUS",
      status: 0xc000006d,
      statusName: "STATUS_LOGON_FAILURE",
      command: 1,
    });
    expect(error.message).toContain("0xc000006d STATUS_LOGON_FAILURE");
    expect(NtStatusError.isStatus(error, "STATUS_LOGON_FAILURE")).toBe(true);
    expect(NtStatusError.isStatus(error, "STATUS_ACCESS_DENIED")).toBe(false);
  });
});
