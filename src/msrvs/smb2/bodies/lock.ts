import { type ByteReader, ByteWriter, checkFileId } from "../bytes.js";
import { Smb2Error } from "../Smb2Error.js";
import { BODY, checkStructureSize } from "./structure.js";

/** SMB2_LOCK_ELEMENT Flags (MS-SMB2 §2.2.26.1). */
export const LockFlags = {
  SHARED_LOCK: 0x01,
  EXCLUSIVE_LOCK: 0x02,
  UNLOCK: 0x04,
  FAIL_IMMEDIATELY: 0x10,
} as const;

/** One byte range to lock or unlock (SMB2_LOCK_ELEMENT, MS-SMB2 §2.2.26.1). */
export interface LockElement {
  readonly offset: bigint;
  readonly length: bigint;
  /** LockFlags bits. */
  readonly flags: number;
}

/** LOCK request body, MS-SMB2 §2.2.26: at least one element. */
export interface LockRequest {
  readonly kind: "lockRequest";
  /** LockSequenceNumber (4 bits) and LockSequenceIndex (28 bits), as one u32; 0 outside resilient handles. */
  readonly lockSequence: number;
  readonly fileId: Buffer;
  readonly locks: readonly LockElement[];
}

/** Size of one SMB2_LOCK_ELEMENT. */
const ELEMENT = 24;

/** Encodes a LOCK request body (MS-SMB2 §2.2.26); an empty lock list is INVALID_ARGUMENT. */
export function encodeLockRequest(body: LockRequest): Buffer {
  checkFileId(body.fileId, "LOCK request");
  if (!Array.isArray(body.locks) || body.locks.length === 0 || body.locks.length > 0xffff) {
    throw new Smb2Error("INVALID_ARGUMENT", "LOCK request: 1 to 65535 lock elements");
  }
  const w = new ByteWriter("LOCK request");
  w.u16(48, "StructureSize").u16(body.locks.length, "LockCount").u32(body.lockSequence, "LockSequence");
  w.bytes(body.fileId, "FileId", 16);
  for (const lock of body.locks) {
    w.u64(lock.offset, "Offset").u64(lock.length, "Length").u32(lock.flags, "Flags").u32(0, "Reserved");
  }
  return w.toBuffer();
}

/** Decodes a LOCK request body (MS-SMB2 §2.2.26); LockCount 0 is MALFORMED. */
export function decodeLockRequest(r: ByteReader): LockRequest {
  checkStructureSize(r, 48, "LOCK request");
  const count = r.u16(BODY + 2, "LockCount");
  if (count === 0) throw new Smb2Error("MALFORMED", "LOCK request: LockCount 0");
  r.need(BODY + 24, count * ELEMENT, "LOCK request Locks");
  const locks: LockElement[] = [];
  for (let i = 0, at = BODY + 24; i < count; i++, at += ELEMENT) {
    locks.push({
      offset: r.u64(at, "Offset"),
      length: r.u64(at + 8, "Length"),
      flags: r.u32(at + 16, "Flags"),
    });
  }
  return {
    kind: "lockRequest",
    lockSequence: r.u32(BODY + 4, "LockSequence"),
    fileId: r.bytes(BODY + 8, 16, "FileId"),
    locks,
  };
}
