import { createHmac, timingSafeEqual } from "node:crypto";
import { SMB2_HEADER_SIZE } from "./constants.js";
import { Smb2Error } from "./Smb2Error.js";

const SIGNATURE_OFFSET = 48;

function hmacSignature(message: Buffer, signingKey: Buffer): Buffer {
  if (message.length < SMB2_HEADER_SIZE) {
    throw new Smb2Error("TRUNCATED", `cannot sign a ${message.length}-byte message`);
  }
  const zeroed = Buffer.from(message);
  zeroed.fill(0, SIGNATURE_OFFSET, SIGNATURE_OFFSET + 16);
  return createHmac("sha256", signingKey).update(zeroed).digest().subarray(0, 16);
}

/**
 * Signs one encoded SMB 2.0.2 / 2.1 message (its header must already carry the SIGNED flag): the
 * signature is the first 16 bytes of HMAC-SHA256(SessionKey, message with a zero signature),
 * MS-SMB2 §3.1.4.1. Returns a signed copy.
 */
export function signSmb2Message(message: Buffer, signingKey: Buffer): Buffer {
  const signed = Buffer.from(message);
  hmacSignature(message, signingKey).copy(signed, SIGNATURE_OFFSET);
  return signed;
}

/** True when the message's signature verifies with `signingKey` (MS-SMB2 §3.2.5.1.3, dialects 2.x). */
export function verifySmb2Signature(message: Buffer, signingKey: Buffer): boolean {
  const expected = hmacSignature(message, signingKey);
  return timingSafeEqual(expected, message.subarray(SIGNATURE_OFFSET, SIGNATURE_OFFSET + 16));
}
