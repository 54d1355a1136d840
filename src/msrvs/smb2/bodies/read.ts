import { type ByteReader, ByteWriter, checkFileId } from "../bytes.js";
import { BODY, checkStructureSize } from "./structure.js";

/** READ request body, MS-SMB2 §2.2.19 (ms-srvs-wire §1.5). */
export interface ReadRequest {
  readonly kind: "readRequest";
  readonly padding: number;
  readonly flags: number;
  readonly length: number;
  readonly offset: bigint;
  readonly fileId: Buffer;
  readonly minimumCount: number;
  readonly channel: number;
  readonly remainingBytes: number;
  readonly readChannelInfo: Buffer;
}

/** READ response body, MS-SMB2 §2.2.20: the bytes read and DataRemaining. */
export interface ReadResponse {
  readonly kind: "readResponse";
  readonly dataRemaining: number;
  readonly flags: number;
  readonly data: Buffer;
}

/** Encodes a READ request body (MS-SMB2 §2.2.19); the variable part is never empty. */
export function encodeReadRequest(body: ReadRequest): Buffer {
  checkFileId(body.fileId, "READ request");
  const info = body.readChannelInfo;
  const w = new ByteWriter("READ request");
  w.u16(49, "StructureSize").u8(body.padding, "Padding").u8(body.flags, "Flags").u32(body.length, "Length");
  w.u64(body.offset, "Offset").bytes(body.fileId, "FileId", 16).u32(body.minimumCount, "MinimumCount");
  w.u32(body.channel, "Channel").u32(body.remainingBytes, "RemainingBytes");
  w.u16(info.length > 0 ? BODY + 48 : 0, "ReadChannelInfoOffset").u16(info.length, "ReadChannelInfoLength");
  w.bytes(info, "ReadChannelInfo");
  if (info.length === 0) w.zeros(1);
  return w.toBuffer();
}

/** Decodes a READ request body (MS-SMB2 §2.2.19). */
export function decodeReadRequest(r: ByteReader): ReadRequest {
  const what = "READ request";
  const fixedEnd = checkStructureSize(r, 49, what);
  return {
    kind: "readRequest",
    padding: r.u8(BODY + 2, "Padding"),
    flags: r.u8(BODY + 3, "Flags"),
    length: r.u32(BODY + 4, "Length"),
    offset: r.u64(BODY + 8, "Offset"),
    fileId: r.bytes(BODY + 16, 16, "FileId"),
    minimumCount: r.u32(BODY + 32, "MinimumCount"),
    channel: r.u32(BODY + 36, "Channel"),
    remainingBytes: r.u32(BODY + 40, "RemainingBytes"),
    readChannelInfo: r.span(
      r.u16(BODY + 44, "ReadChannelInfoOffset"),
      r.u16(BODY + 46, "Length"),
      fixedEnd,
      what,
    ),
  };
}

/** Encodes a READ response body (MS-SMB2 §2.2.20); the data start at header offset 0x50. */
export function encodeReadResponse(body: ReadResponse): Buffer {
  const w = new ByteWriter("READ response");
  w.u16(17, "StructureSize")
    .u8(body.data.length > 0 ? BODY + 16 : 0, "DataOffset")
    .u8(0, "Reserved");
  w.u32(body.data.length, "DataLength").u32(body.dataRemaining, "DataRemaining").u32(body.flags, "Flags");
  w.bytes(body.data, "Buffer");
  if (body.data.length === 0) w.zeros(1);
  return w.toBuffer();
}

/** Decodes a READ response body (MS-SMB2 §2.2.20). */
export function decodeReadResponse(r: ByteReader): ReadResponse {
  const what = "READ response";
  const fixedEnd = checkStructureSize(r, 17, what);
  return {
    kind: "readResponse",
    dataRemaining: r.u32(BODY + 8, "DataRemaining"),
    flags: r.u32(BODY + 12, "Flags"),
    data: r.span(r.u8(BODY + 2, "DataOffset"), r.u32(BODY + 4, "DataLength"), fixedEnd, what),
  };
}
