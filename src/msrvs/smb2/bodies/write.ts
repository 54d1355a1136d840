import { type ByteReader, ByteWriter, checkFileId } from "../bytes.js";
import { BODY, checkStructureSize } from "./structure.js";

/** WRITE request body, MS-SMB2 §2.2.21 (ms-srvs-wire §1.5). */
export interface WriteRequest {
  readonly kind: "writeRequest";
  readonly offset: bigint;
  readonly fileId: Buffer;
  readonly channel: number;
  readonly remainingBytes: number;
  readonly flags: number;
  readonly data: Buffer;
  readonly writeChannelInfo: Buffer;
}

/** WRITE response body, MS-SMB2 §2.2.22: `count` bytes were written. */
export interface WriteResponse {
  readonly kind: "writeResponse";
  readonly count: number;
  readonly remaining: number;
}

/** Encodes a WRITE request body (MS-SMB2 §2.2.21); the data start at header offset 0x70. */
export function encodeWriteRequest(body: WriteRequest): Buffer {
  checkFileId(body.fileId, "WRITE request");
  const dataOffset = BODY + 48;
  const infoOffset = body.writeChannelInfo.length > 0 ? dataOffset + body.data.length : 0;
  const w = new ByteWriter("WRITE request");
  w.u16(49, "StructureSize").u16(dataOffset, "DataOffset").u32(body.data.length, "Length");
  w.u64(body.offset, "Offset").bytes(body.fileId, "FileId", 16).u32(body.channel, "Channel");
  w.u32(body.remainingBytes, "RemainingBytes").u16(infoOffset, "WriteChannelInfoOffset");
  w.u16(body.writeChannelInfo.length, "WriteChannelInfoLength").u32(body.flags, "Flags");
  w.bytes(body.data, "Buffer").bytes(body.writeChannelInfo, "WriteChannelInfo");
  if (w.length === 48) w.zeros(1);
  return w.toBuffer();
}

/** Decodes a WRITE request body (MS-SMB2 §2.2.21). */
export function decodeWriteRequest(r: ByteReader): WriteRequest {
  const what = "WRITE request";
  const fixedEnd = checkStructureSize(r, 49, what);
  return {
    kind: "writeRequest",
    offset: r.u64(BODY + 8, "Offset"),
    fileId: r.bytes(BODY + 16, 16, "FileId"),
    channel: r.u32(BODY + 32, "Channel"),
    remainingBytes: r.u32(BODY + 36, "RemainingBytes"),
    flags: r.u32(BODY + 44, "Flags"),
    data: r.span(r.u16(BODY + 2, "DataOffset"), r.u32(BODY + 4, "Length"), fixedEnd, what),
    writeChannelInfo: r.span(
      r.u16(BODY + 40, "WriteChannelInfoOffset"),
      r.u16(BODY + 42, "Len"),
      fixedEnd,
      what,
    ),
  };
}

/** Encodes a WRITE response body (MS-SMB2 §2.2.22). */
export function encodeWriteResponse(body: WriteResponse): Buffer {
  const w = new ByteWriter("WRITE response");
  w.u16(17, "StructureSize").u16(0, "Reserved").u32(body.count, "Count").u32(body.remaining, "Remaining");
  w.u16(0, "WriteChannelInfoOffset").u16(0, "WriteChannelInfoLength").zeros(1);
  return w.toBuffer();
}

/** Decodes a WRITE response body (MS-SMB2 §2.2.22). */
export function decodeWriteResponse(r: ByteReader): WriteResponse {
  checkStructureSize(r, 17, "WRITE response");
  return { kind: "writeResponse", count: r.u32(BODY + 4, "Count"), remaining: r.u32(BODY + 8, "Remaining") };
}
