import { NtlmError } from "./NtlmError.js";

/** "NTLMSSP\0", the Signature of every NTLM message (MS-NLMP §2.2.1). */
export const NTLMSSP_SIGNATURE = Buffer.from("NTLMSSP\0", "latin1");

/** Checks the signature and MessageType of an NTLM message, MS-NLMP §2.2.1. */
export function checkMessageHeader(message: Buffer, type: number, minLength: number, what: string): void {
  if (!Buffer.isBuffer(message) || message.length < minLength) {
    throw new NtlmError("TRUNCATED", `${what}: ${message?.length ?? 0} bytes, needs at least ${minLength}`);
  }
  if (!message.subarray(0, 8).equals(NTLMSSP_SIGNATURE))
    throw new NtlmError("MALFORMED", `${what}: bad signature`);
  const actual = message.readUInt32LE(8);
  if (actual !== type) throw new NtlmError("MALFORMED", `${what}: MessageType ${actual}, expected ${type}`);
}

/** One (Len, MaxLen, BufferOffset) field of an NTLM message (MS-NLMP §2.2.1.1). */
export interface PayloadField {
  readonly length: number;
  readonly offset: number;
}

/** Reads the 8-byte field descriptor at `at` (the message must hold it). */
export function readFieldDescriptor(message: Buffer, at: number): PayloadField {
  return { length: message.readUInt16LE(at), offset: message.readUInt32LE(at + 4) };
}

/**
 * The bytes a field points to: an empty field gives an empty Buffer; otherwise the range must lie in
 * the message and not start before `headerEnd` (a payload cannot overlap the fixed part).
 */
export function readPayload(message: Buffer, field: PayloadField, headerEnd: number, name: string): Buffer {
  if (field.length === 0) return Buffer.alloc(0);
  if (field.offset < headerEnd || field.offset + field.length > message.length) {
    throw new NtlmError(
      field.offset < headerEnd ? "MALFORMED" : "TRUNCATED",
      `${name}: ${field.length} bytes at offset ${field.offset} outside ${headerEnd}..${message.length}`,
    );
  }
  return Buffer.from(message.subarray(field.offset, field.offset + field.length));
}

/** Text of a payload: UTF-16LE when `unicode` (odd length is MALFORMED), else OEM read as latin1. */
export function decodeText(bytes: Buffer, unicode: boolean, name: string): string {
  if (!unicode) return bytes.toString("latin1");
  if (bytes.length % 2 !== 0) throw new NtlmError("MALFORMED", `${name}: odd UTF-16 length ${bytes.length}`);
  return bytes.toString("utf16le");
}

/** Bytes of a text field: UTF-16LE when `unicode`, else latin1 (which must represent every character). */
export function encodeText(text: string, unicode: boolean, name: string): Buffer {
  if (unicode) return Buffer.from(text, "utf16le");
  const bytes = Buffer.from(text, "latin1");
  if (bytes.toString("latin1") !== text) throw new NtlmError("INVALID_ARGUMENT", `${name} is not OEM text`);
  return bytes;
}

/**
 * Lays out an NTLM message: a fixed header of `headerLength` bytes (written by the caller through
 * `header`) followed by the payloads in the order added, each described by its 8-byte field.
 */
export class NtlmMessageWriter {
  /** The fixed part; callers write flags, challenge, version, etc. into it. */
  readonly header: Buffer;
  private readonly payloads: Buffer[] = [];
  private offset: number;

  /** Starts a message of `type` with a fixed part of `headerLength` bytes. */
  constructor(type: number, headerLength: number) {
    this.header = Buffer.alloc(headerLength);
    NTLMSSP_SIGNATURE.copy(this.header);
    this.header.writeUInt32LE(type, 8);
    this.offset = headerLength;
  }

  /** Appends `bytes` to the payload and writes its descriptor at header offset `at`. */
  field(at: number, bytes: Buffer, name: string): void {
    if (bytes.length > 0xffff)
      throw new NtlmError("INVALID_ARGUMENT", `${name}: ${bytes.length} bytes is too long`);
    this.header.writeUInt16LE(bytes.length, at);
    this.header.writeUInt16LE(bytes.length, at + 2);
    this.header.writeUInt32LE(this.offset, at + 4);
    this.payloads.push(bytes);
    this.offset += bytes.length;
  }

  /** The whole message. */
  toBuffer(): Buffer {
    return Buffer.concat([this.header, ...this.payloads]);
  }
}

/** Checks an optional 8-byte VERSION (MS-NLMP §2.2.2.10) or 16-byte MIC value. */
export function checkLength(value: Buffer | undefined, length: number, name: string): void {
  if (value !== undefined && (!Buffer.isBuffer(value) || value.length !== length)) {
    throw new NtlmError("INVALID_ARGUMENT", `${name} must be ${length} bytes`);
  }
}

/** Checks a u32 value such as NegotiateFlags. */
export function checkU32(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new NtlmError("INVALID_ARGUMENT", `${name} = ${value} is not a u32`);
  }
}
