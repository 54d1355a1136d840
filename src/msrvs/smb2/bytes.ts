import { Smb2Error } from "./Smb2Error.js";

/**
 * Bounds-checked little-endian reads at absolute offsets of one SMB2 message. Every read past the end
 * throws `Smb2Error("TRUNCATED")` naming `what`, so decoders never throw a RangeError.
 */
export class ByteReader {
  /** The bytes being read (one SMB2 message, header included). */
  readonly buf: Buffer;
  private readonly what: string;

  /** Reads `buf`; `what` names the structure in error messages. */
  constructor(buf: Buffer, what: string) {
    this.buf = buf;
    this.what = what;
  }

  /** Throws TRUNCATED unless `length` bytes exist at `offset`. */
  need(offset: number, length: number, field: string): void {
    if (offset < 0 || length < 0 || offset + length > this.buf.length) {
      throw new Smb2Error(
        "TRUNCATED",
        `${this.what}: ${field} needs ${length} bytes at offset ${offset}, message has ${this.buf.length}`,
      );
    }
  }

  /** Unsigned 8-bit value at `offset`. */
  u8(offset: number, field: string): number {
    this.need(offset, 1, field);
    return this.buf.readUInt8(offset);
  }

  /** Unsigned little-endian 16-bit value at `offset`. */
  u16(offset: number, field: string): number {
    this.need(offset, 2, field);
    return this.buf.readUInt16LE(offset);
  }

  /** Unsigned little-endian 32-bit value at `offset`. */
  u32(offset: number, field: string): number {
    this.need(offset, 4, field);
    return this.buf.readUInt32LE(offset);
  }

  /** Unsigned little-endian 64-bit value at `offset`. */
  u64(offset: number, field: string): bigint {
    this.need(offset, 8, field);
    return this.buf.readBigUInt64LE(offset);
  }

  /** A copy of `length` bytes at `offset` (a copy, so callers may keep it after the frame is reused). */
  bytes(offset: number, length: number, field: string): Buffer {
    this.need(offset, length, field);
    return Buffer.from(this.buf.subarray(offset, offset + length));
  }

  /**
   * The buffer an (offset, length) pair of the message points to. A zero length gives an empty buffer
   * whatever the offset; otherwise the range must lie inside the message and not before `minOffset`
   * (the end of the fixed part, so a buffer cannot overlap the fields that describe it).
   */
  span(offset: number, length: number, minOffset: number, field: string): Buffer {
    if (length === 0) return Buffer.alloc(0);
    if (offset < minOffset) {
      throw new Smb2Error(
        "MALFORMED",
        `${this.what}: ${field} offset ${offset} points inside the fixed part`,
      );
    }
    return this.bytes(offset, length, field);
  }

  /** UTF-16LE text of an (offset, length) pair; an odd byte length is MALFORMED. */
  utf16(offset: number, length: number, minOffset: number, field: string): string {
    if (length % 2 !== 0) {
      throw new Smb2Error("MALFORMED", `${this.what}: ${field} has an odd UTF-16 byte length ${length}`);
    }
    return this.span(offset, length, minOffset, field).toString("utf16le");
  }
}

/**
 * Little-endian writer that appends fields in order and checks every value fits its field
 * (`Smb2Error("INVALID_ARGUMENT")` otherwise), so encoders reject bad input with a typed error.
 */
export class ByteWriter {
  private readonly parts: Buffer[] = [];
  private size = 0;
  private readonly what: string;

  /** Writes a structure named `what` in error messages. */
  constructor(what: string) {
    this.what = what;
  }

  /** Bytes written so far. */
  get length(): number {
    return this.size;
  }

  private push(part: Buffer): this {
    this.parts.push(part);
    this.size += part.length;
    return this;
  }

  private checkInt(value: number, bits: number, field: string): void {
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** bits) {
      throw new Smb2Error("INVALID_ARGUMENT", `${this.what}: ${field} = ${value} is not a u${bits}`);
    }
  }

  /** Appends an unsigned 8-bit value. */
  u8(value: number, field: string): this {
    this.checkInt(value, 8, field);
    return this.push(Buffer.of(value));
  }

  /** Appends an unsigned little-endian 16-bit value. */
  u16(value: number, field: string): this {
    this.checkInt(value, 16, field);
    const b = Buffer.alloc(2);
    b.writeUInt16LE(value);
    return this.push(b);
  }

  /** Appends an unsigned little-endian 32-bit value. */
  u32(value: number, field: string): this {
    this.checkInt(value, 32, field);
    const b = Buffer.alloc(4);
    b.writeUInt32LE(value);
    return this.push(b);
  }

  /** Appends an unsigned little-endian 64-bit value. */
  u64(value: bigint, field: string): this {
    if (typeof value !== "bigint" || value < 0n || value >= 1n << 64n) {
      throw new Smb2Error("INVALID_ARGUMENT", `${this.what}: ${field} = ${String(value)} is not a u64`);
    }
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(value);
    return this.push(b);
  }

  /** Appends raw bytes; with `exactLength`, their length must be exactly that. */
  bytes(value: Buffer, field: string, exactLength?: number): this {
    if (!Buffer.isBuffer(value)) {
      throw new Smb2Error("INVALID_ARGUMENT", `${this.what}: ${field} is not a Buffer`);
    }
    if (exactLength !== undefined && value.length !== exactLength) {
      throw new Smb2Error(
        "INVALID_ARGUMENT",
        `${this.what}: ${field} must be ${exactLength} bytes, got ${value.length}`,
      );
    }
    return this.push(Buffer.from(value));
  }

  /** Appends `count` zero bytes. */
  zeros(count: number): this {
    return this.push(Buffer.alloc(count));
  }

  /** Appends zero bytes until the length (plus `base`) is a multiple of `alignment`. */
  align(alignment: number, base = 0): this {
    const rem = (base + this.size) % alignment;
    return rem === 0 ? this : this.zeros(alignment - rem);
  }

  /** The bytes written, as one Buffer. */
  toBuffer(): Buffer {
    return Buffer.concat(this.parts, this.size);
  }
}

/** UTF-16LE bytes of `text` (each code unit as is, so lone surrogates survive a round trip). */
export function utf16le(text: string): Buffer {
  return Buffer.from(text, "utf16le");
}

/** Checks `fileId` is a 16-byte Buffer (MS-SMB2 §2.2.14.1), else INVALID_ARGUMENT. */
export function checkFileId(fileId: Buffer, what: string): void {
  if (!Buffer.isBuffer(fileId) || fileId.length !== 16) {
    throw new Smb2Error("INVALID_ARGUMENT", `${what}: FileId must be a 16-byte Buffer`);
  }
}
