import { type ByteReader, ByteWriter, checkFileId } from "../bytes.js";
import { BODY, checkStructureSize } from "./structure.js";

/** CLOSE request body, MS-SMB2 §2.2.15. */
export interface CloseRequest {
  readonly kind: "closeRequest";
  readonly flags: number;
  readonly fileId: Buffer;
}

/** CLOSE response body, MS-SMB2 §2.2.16 (attributes are zero unless POSTQUERY_ATTRIB was asked). */
export interface CloseResponse {
  readonly kind: "closeResponse";
  readonly flags: number;
  readonly creationTime: bigint;
  readonly lastAccessTime: bigint;
  readonly lastWriteTime: bigint;
  readonly changeTime: bigint;
  readonly allocationSize: bigint;
  readonly endOfFile: bigint;
  readonly fileAttributes: number;
}

/** Encodes a CLOSE request body (MS-SMB2 §2.2.15). */
export function encodeCloseRequest(body: CloseRequest): Buffer {
  checkFileId(body.fileId, "CLOSE request");
  const w = new ByteWriter("CLOSE request");
  w.u16(24, "StructureSize").u16(body.flags, "Flags").u32(0, "Reserved").bytes(body.fileId, "FileId", 16);
  return w.toBuffer();
}

/** Decodes a CLOSE request body (MS-SMB2 §2.2.15). */
export function decodeCloseRequest(r: ByteReader): CloseRequest {
  checkStructureSize(r, 24, "CLOSE request");
  return { kind: "closeRequest", flags: r.u16(BODY + 2, "Flags"), fileId: r.bytes(BODY + 8, 16, "FileId") };
}

/** Encodes a CLOSE response body (MS-SMB2 §2.2.16). */
export function encodeCloseResponse(body: CloseResponse): Buffer {
  const w = new ByteWriter("CLOSE response");
  w.u16(60, "StructureSize").u16(body.flags, "Flags").u32(0, "Reserved");
  w.u64(body.creationTime, "CreationTime").u64(body.lastAccessTime, "LastAccessTime");
  w.u64(body.lastWriteTime, "LastWriteTime").u64(body.changeTime, "ChangeTime");
  w.u64(body.allocationSize, "AllocationSize").u64(body.endOfFile, "EndofFile");
  w.u32(body.fileAttributes, "FileAttributes");
  return w.toBuffer();
}

/** Decodes a CLOSE response body (MS-SMB2 §2.2.16). */
export function decodeCloseResponse(r: ByteReader): CloseResponse {
  checkStructureSize(r, 60, "CLOSE response");
  return {
    kind: "closeResponse",
    flags: r.u16(BODY + 2, "Flags"),
    creationTime: r.u64(BODY + 8, "CreationTime"),
    lastAccessTime: r.u64(BODY + 16, "LastAccessTime"),
    lastWriteTime: r.u64(BODY + 24, "LastWriteTime"),
    changeTime: r.u64(BODY + 32, "ChangeTime"),
    allocationSize: r.u64(BODY + 40, "AllocationSize"),
    endOfFile: r.u64(BODY + 48, "EndofFile"),
    fileAttributes: r.u32(BODY + 56, "FileAttributes"),
  };
}
