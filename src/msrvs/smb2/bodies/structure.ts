import type { ByteReader } from "../bytes.js";
import { SMB2_HEADER_SIZE } from "../constants.js";
import { Smb2Error } from "../Smb2Error.js";

/** Offset of every body: right after the 64-byte header (MS-SMB2 §2.2). */
export const BODY = SMB2_HEADER_SIZE;

/**
 * Checks the body's StructureSize (MS-SMB2 §2.2: the fixed part plus one when a variable part
 * follows) and that the fixed part is present. Returns the offset just past the fixed part.
 */
export function checkStructureSize(r: ByteReader, expected: number, what: string): number {
  const size = r.u16(BODY, `${what} StructureSize`);
  if (size !== expected) {
    throw new Smb2Error("MALFORMED", `${what}: StructureSize ${size}, expected ${expected}`);
  }
  const fixed = expected & ~1;
  r.need(BODY, fixed, `${what} fixed part`);
  return BODY + fixed;
}

/** Rounds `value` up to a multiple of 8 (MS-SMB2 alignment of contexts and compounded messages). */
export function align8(value: number): number {
  return (value + 7) & ~7;
}
