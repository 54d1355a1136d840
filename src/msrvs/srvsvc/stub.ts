import { NdrError } from "../ndr/NdrError.js";
import { NdrReader } from "../ndr/NdrReader.js";
import { NdrWriter } from "../ndr/NdrWriter.js";
import type { ReferentStrategy } from "../ndr/referents.js";
import type { NdrTraceEvent } from "../ndr/trace.js";

/** Options of every srvsvc stub encoder. */
export interface EncodeOptions {
  /**
   * How non-NULL pointers are numbered (default 0x00020000, 0x00020004, …; ms-srvs-wire §3.2). To
   * answer like Samba, continue after the request's pointers: `sequentialReferents(0x00020000 + 4 * n)`.
   */
  readonly referents?: ReferentStrategy;
}

/** Options of every srvsvc stub decoder. */
export interface DecodeOptions {
  /** Collects the referent ids, string counts and array conformances read, in wire order. */
  readonly trace?: NdrTraceEvent[];
  /** Accept bytes after the last parameter (Samba does, ms-srvs-wire §2.7); default: TRAILING_BYTES. */
  readonly allowTrailingBytes?: boolean;
}

/** Runs an encoder over a fresh NdrWriter and returns the stub. */
export function encodeStub(
  options: EncodeOptions | undefined,
  write: (writer: NdrWriter) => void,
): Uint8Array {
  const writer = new NdrWriter(options?.referents === undefined ? {} : { referents: options.referents });
  write(writer);
  return writer.finish();
}

/** Runs a decoder over `stub`; by default every byte must be used. Throws only NdrError. */
export function decodeStub<T>(
  stub: Uint8Array,
  options: DecodeOptions | undefined,
  read: (reader: NdrReader) => T,
): T {
  if (!(stub instanceof Uint8Array)) throw new NdrError("INVALID_VALUE", 0, "a stub must be a Uint8Array");
  const reader = new NdrReader(stub, options?.trace === undefined ? {} : { trace: options.trace });
  const value = read(reader);
  if (options?.allowTrailingBytes !== true) reader.expectEnd();
  return value;
}
