import { type ByteReader, ByteWriter, checkFileId } from "../bytes.js";
import { align8, BODY, checkStructureSize } from "./structure.js";

/**
 * IOCTL request body, MS-SMB2 §2.2.31 (ms-srvs-wire §1.6): with FSCTL_PIPE_TRANSCEIVE, `input` is the
 * PDU written to the pipe and `maxOutputResponse` bounds the reply bytes returned.
 */
export interface IoctlRequest {
  readonly kind: "ioctlRequest";
  readonly ctlCode: number;
  readonly fileId: Buffer;
  readonly maxInputResponse: number;
  readonly maxOutputResponse: number;
  readonly flags: number;
  readonly input: Buffer;
  readonly output: Buffer;
}

/** IOCTL response body, MS-SMB2 §2.2.32: `output` holds the reply bytes. */
export interface IoctlResponse {
  readonly kind: "ioctlResponse";
  readonly ctlCode: number;
  readonly fileId: Buffer;
  readonly flags: number;
  readonly input: Buffer;
  readonly output: Buffer;
}

/** Encodes an IOCTL request body (MS-SMB2 §2.2.31); input at header offset 0x78, output 8-aligned after. */
export function encodeIoctlRequest(body: IoctlRequest): Buffer {
  checkFileId(body.fileId, "IOCTL request");
  const inputOffset = BODY + 56;
  const outputOffset = align8(inputOffset + body.input.length);
  const w = new ByteWriter("IOCTL request");
  w.u16(57, "StructureSize").u16(0, "Reserved").u32(body.ctlCode, "CtlCode").bytes(body.fileId, "FileId", 16);
  w.u32(body.input.length > 0 ? inputOffset : 0, "InputOffset").u32(body.input.length, "InputCount");
  w.u32(body.maxInputResponse, "MaxInputResponse");
  w.u32(body.output.length > 0 ? outputOffset : 0, "OutputOffset").u32(body.output.length, "OutputCount");
  w.u32(body.maxOutputResponse, "MaxOutputResponse").u32(body.flags, "Flags").u32(0, "Reserved2");
  w.bytes(body.input, "Input");
  if (body.output.length > 0) w.align(8, BODY).bytes(body.output, "Output");
  if (w.length === 56) w.zeros(1);
  return w.toBuffer();
}

/** Decodes an IOCTL request body (MS-SMB2 §2.2.31). */
export function decodeIoctlRequest(r: ByteReader): IoctlRequest {
  const what = "IOCTL request";
  const fixedEnd = checkStructureSize(r, 57, what);
  return {
    kind: "ioctlRequest",
    ctlCode: r.u32(BODY + 4, "CtlCode"),
    fileId: r.bytes(BODY + 8, 16, "FileId"),
    maxInputResponse: r.u32(BODY + 32, "MaxInputResponse"),
    maxOutputResponse: r.u32(BODY + 44, "MaxOutputResponse"),
    flags: r.u32(BODY + 48, "Flags"),
    input: r.span(r.u32(BODY + 24, "InputOffset"), r.u32(BODY + 28, "InputCount"), fixedEnd, what),
    output: r.span(r.u32(BODY + 36, "OutputOffset"), r.u32(BODY + 40, "OutputCount"), fixedEnd, what),
  };
}

/** Encodes an IOCTL response body (MS-SMB2 §2.2.32); buffers from header offset 0x70. */
export function encodeIoctlResponse(body: IoctlResponse): Buffer {
  checkFileId(body.fileId, "IOCTL response");
  const inputOffset = BODY + 48;
  const outputOffset = body.input.length > 0 ? align8(inputOffset + body.input.length) : inputOffset;
  const w = new ByteWriter("IOCTL response");
  w.u16(49, "StructureSize").u16(0, "Reserved").u32(body.ctlCode, "CtlCode").bytes(body.fileId, "FileId", 16);
  w.u32(inputOffset, "InputOffset").u32(body.input.length, "InputCount");
  w.u32(outputOffset, "OutputOffset").u32(body.output.length, "OutputCount");
  w.u32(body.flags, "Flags").u32(0, "Reserved2").bytes(body.input, "Input");
  if (body.output.length > 0) w.align(8, BODY).bytes(body.output, "Output");
  if (w.length === 48) w.zeros(1);
  return w.toBuffer();
}

/** Decodes an IOCTL response body (MS-SMB2 §2.2.32). */
export function decodeIoctlResponse(r: ByteReader): IoctlResponse {
  const what = "IOCTL response";
  const fixedEnd = checkStructureSize(r, 49, what);
  return {
    kind: "ioctlResponse",
    ctlCode: r.u32(BODY + 4, "CtlCode"),
    fileId: r.bytes(BODY + 8, 16, "FileId"),
    flags: r.u32(BODY + 40, "Flags"),
    input: r.span(r.u32(BODY + 24, "InputOffset"), r.u32(BODY + 28, "InputCount"), fixedEnd, what),
    output: r.span(r.u32(BODY + 32, "OutputOffset"), r.u32(BODY + 36, "OutputCount"), fixedEnd, what),
  };
}
