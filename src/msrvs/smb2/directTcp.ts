import { Smb2Error } from "./Smb2Error.js";

/** Largest length the 3-byte StreamProtocolLength can express (MS-SMB2 §2.1). */
export const DIRECT_TCP_MAX_LENGTH = 0xffffff;

/** Default frame limit of the deframer: 8 MiB + 64 KiB, above any READ/IOCTL this client asks for. */
export const DEFAULT_MAX_FRAME = 8 * 1024 * 1024 + 64 * 1024;

/**
 * Prefixes one SMB2 message (or compound) with the Direct-TCP transport header: a zero byte, then the
 * length as a 24-bit big-endian number (MS-SMB2 §2.1; ms-srvs-wire §1.1).
 */
export function frameMessage(message: Buffer): Buffer {
  if (message.length > DIRECT_TCP_MAX_LENGTH) {
    throw new Smb2Error(
      "FRAME_TOO_LARGE",
      `a ${message.length}-byte message does not fit a Direct-TCP frame`,
    );
  }
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32BE(message.length);
  return Buffer.concat([prefix, message]);
}

/**
 * Reassembles Direct-TCP frames from arbitrary socket chunks (MS-SMB2 §2.1): `push` returns every frame
 * completed by the chunk, in order, however the bytes were split or joined. A non-zero first byte or a
 * length above `maxFrame` is a fatal `Smb2Error` (MALFORMED / FRAME_TOO_LARGE): the stream cannot be
 * resynchronised, so every later `push` throws the same error.
 */
export class DirectTcpDeframer {
  private readonly maxFrame: number;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private failure: Smb2Error | undefined;

  /** `maxFrame` bounds the payload length of one frame (default {@link DEFAULT_MAX_FRAME}). */
  constructor(maxFrame: number = DEFAULT_MAX_FRAME) {
    if (!Number.isInteger(maxFrame) || maxFrame < 1 || maxFrame > DIRECT_TCP_MAX_LENGTH) {
      throw new Smb2Error("INVALID_ARGUMENT", `maxFrame ${maxFrame} outside 1..${DIRECT_TCP_MAX_LENGTH}`);
    }
    this.maxFrame = maxFrame;
  }

  /** Bytes received but not yet returned as a frame. */
  get pendingBytes(): number {
    return this.buffered;
  }

  /** Feeds one chunk; returns the frames (payloads, without the 4-byte prefix) it completed. */
  push(chunk: Buffer): Buffer[] {
    if (this.failure) throw this.failure;
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    const frames: Buffer[] = [];
    while (this.buffered >= 4) {
      const prefix = this.peek(4);
      if (prefix[0] !== 0)
        return this.fail("MALFORMED", `Direct-TCP header starts with 0x${prefix[0]?.toString(16)}`);
      const length = prefix.readUInt32BE(0);
      if (length > this.maxFrame) {
        return this.fail("FRAME_TOO_LARGE", `Direct-TCP frame of ${length} bytes (limit ${this.maxFrame})`);
      }
      if (this.buffered < 4 + length) break;
      frames.push(this.take(4 + length).subarray(4));
    }
    return frames;
  }

  private fail(code: "MALFORMED" | "FRAME_TOO_LARGE", message: string): never {
    this.failure = new Smb2Error(code, message);
    this.chunks = [];
    this.buffered = 0;
    throw this.failure;
  }

  private peek(length: number): Buffer {
    const first = this.chunks[0];
    if (first !== undefined && first.length >= length) return first.subarray(0, length);
    const joined = Buffer.concat(this.chunks, this.buffered);
    this.chunks = [joined];
    return joined.subarray(0, length);
  }

  private take(length: number): Buffer {
    const joined =
      this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.buffered);
    const out = Buffer.from(joined.subarray(0, length));
    const rest = joined.subarray(length);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return out;
  }
}
