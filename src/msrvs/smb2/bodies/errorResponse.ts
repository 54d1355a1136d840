import { type ByteReader, ByteWriter } from "../bytes.js";
import { Smb2Error } from "../Smb2Error.js";
import { BODY, checkStructureSize } from "./structure.js";

/**
 * SMB2 ERROR response body, MS-SMB2 §2.2.2 (also the STATUS_PENDING interim body, ms-srvs-wire §1.7).
 * `errorData` holds ByteCount bytes; with ByteCount 0 the one padding byte on the wire is dropped.
 */
export interface ErrorResponse {
  readonly kind: "errorResponse";
  readonly errorContextCount: number;
  readonly errorData: Buffer;
}

/** Encodes an ERROR response body (MS-SMB2 §2.2.2). */
export function encodeErrorResponse(body: ErrorResponse): Buffer {
  const w = new ByteWriter("ERROR response");
  w.u16(9, "StructureSize").u8(body.errorContextCount, "ErrorContextCount").u8(0, "Reserved");
  w.u32(body.errorData.length, "ByteCount").bytes(body.errorData, "ErrorData");
  if (body.errorData.length === 0) w.zeros(1);
  return w.toBuffer();
}

/** Decodes an ERROR response body (MS-SMB2 §2.2.2); ByteCount must fit the message. */
export function decodeErrorResponse(r: ByteReader): ErrorResponse {
  checkStructureSize(r, 9, "ERROR response");
  const byteCount = r.u32(BODY + 4, "ByteCount");
  if (byteCount > r.buf.length) throw new Smb2Error("TRUNCATED", `ERROR response: ByteCount ${byteCount}`);
  return {
    kind: "errorResponse",
    errorContextCount: r.u8(BODY + 2, "ErrorContextCount"),
    errorData: r.bytes(BODY + 8, byteCount, "ErrorData"),
  };
}
