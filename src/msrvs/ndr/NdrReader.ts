import { NdrError } from "./NdrError.js";
import type { NdrTraceEvent } from "./trace.js";

/** Options of an NdrReader. */
export interface NdrReaderOptions {
  /** When given, every referent id, string count and array conformance read is appended here. */
  readonly trace?: NdrTraceEvent[];
}

type Deferred = () => void;

interface FullPointee {
  readonly kind: string;
  ready: boolean;
  value: unknown;
  readonly waiters: ((value: unknown) => void)[];
}

/**
 * NDR 2.0 decoder for little-endian, 32-bit stubs (ms-srvs-wire §3), the mirror of NdrWriter.
 * It never throws anything but NdrError: every read is bounds-checked, and every count is compared
 * with the bytes left (times the smallest wire size of one element) before anything is allocated.
 * Padding bytes are skipped without being checked (§3.1).
 */
export class NdrReader {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  readonly #trace: NdrTraceEvent[] | undefined;
  readonly #full = new Map<number, FullPointee>();
  #offset = 0;
  #deferred: Deferred[] | null = null;

  /** Reads `bytes` (not copied) from offset 0. */
  constructor(bytes: Uint8Array, options: NdrReaderOptions = {}) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#trace = options.trace;
  }

  /** Current byte offset. */
  get offset(): number {
    return this.#offset;
  }

  /** Bytes not read yet. */
  get remaining(): number {
    return this.#bytes.length - this.#offset;
  }

  /** Skips padding up to a multiple of `n`. */
  align(n: 1 | 2 | 4 | 8): void {
    const pad = (n - (this.#offset % n)) % n;
    this.#need(pad, "alignment padding");
    this.#offset += pad;
  }

  /** Reads an unsigned 8-bit integer. */
  u8(): number {
    this.#need(1, "u8");
    const value = this.#view.getUint8(this.#offset);
    this.#offset += 1;
    return value;
  }

  /** Reads a 2-aligned unsigned 16-bit integer. */
  u16(): number {
    this.align(2);
    this.#need(2, "u16");
    const value = this.#view.getUint16(this.#offset, true);
    this.#offset += 2;
    return value;
  }

  /** Reads a 4-aligned unsigned 32-bit integer. */
  u32(): number {
    this.align(4);
    this.#need(4, "u32");
    const value = this.#view.getUint32(this.#offset, true);
    this.#offset += 4;
    return value;
  }

  /** Reads a 4-aligned signed 32-bit integer. */
  i32(): number {
    this.align(4);
    this.#need(4, "i32");
    const value = this.#view.getInt32(this.#offset, true);
    this.#offset += 4;
    return value;
  }

  /** Reads an 8-aligned unsigned 64-bit integer (hyper). */
  u64(): bigint {
    this.align(8);
    this.#need(8, "u64");
    const value = this.#view.getBigUint64(this.#offset, true);
    this.#offset += 8;
    return value;
  }

  /** Reads `count` raw bytes (a copy). */
  bytes(count: number): Uint8Array {
    this.#need(count, "bytes");
    const value = this.#bytes.slice(this.#offset, this.#offset + count);
    this.#offset += count;
    return value;
  }

  /** Reads one top-level construct, then the pointees its embedded pointers deferred (§3.4). */
  construct<T>(read: () => T): T {
    const outer = this.#deferred;
    const mine: Deferred[] = [];
    this.#deferred = mine;
    let value: T;
    try {
      value = read();
    } finally {
      this.#deferred = outer;
    }
    for (const pointee of mine) this.construct(pointee);
    return value;
  }

  /** A top-level `[unique]` pointer: null for a zero referent, else the pointee read at once. */
  unique<T>(read: () => T): T | null {
    return this.#referent() === 0 ? null : this.construct(read);
  }

  /** An embedded `[unique]` pointer: `assign` gets null now, or the pointee once the construct ends. */
  embeddedUnique<T>(read: () => T, assign: (value: T | null) => void): void {
    const queue = this.#queue();
    if (this.#referent() === 0) {
      assign(null);
      return;
    }
    queue.push(() => assign(read()));
  }

  /** An embedded `[ref]` pointer: a zero referent is an error (NULL_REF_POINTER). */
  embeddedRef<T>(read: () => T, assign: (value: T) => void): void {
    const at = this.#offset;
    const queue = this.#queue();
    if (this.#referent() === 0) throw new NdrError("NULL_REF_POINTER", at, "a [ref] pointer was NULL");
    queue.push(() => assign(read()));
  }

  /**
   * An embedded full (`[ptr]`) pointer: the first occurrence of a referent id carries the pointee,
   * later ones share it. Reusing an id for another `kind` of object is BAD_POINTER.
   */
  embeddedFull<T>(kind: string, read: () => T, assign: (value: T | null) => void): void {
    const queue = this.#queue();
    const at = this.#offset;
    const id = this.#referent();
    if (id === 0) {
      assign(null);
      return;
    }
    const known = this.#full.get(id);
    if (known !== undefined) {
      if (known.kind !== kind) {
        throw new NdrError("BAD_POINTER", at, `referent ${hex(id)} was a ${known.kind}, reused as a ${kind}`);
      }
      if (known.ready) assign(known.value as T);
      else known.waiters.push((value) => assign(value as T));
      return;
    }
    const entry: FullPointee = { kind, ready: false, value: undefined, waiters: [] };
    this.#full.set(id, entry);
    queue.push(() => {
      const value = read();
      entry.value = value;
      entry.ready = true;
      assign(value);
      for (const waiter of entry.waiters) waiter(value);
    });
  }

  /** A conformant varying UTF-16 `[string]` (§3.3), its NUL stripped. */
  conformantVaryingString(): string {
    this.align(4);
    const at = this.#offset;
    const maxCount = this.u32();
    const offset = this.u32();
    const actualCount = this.u32();
    this.#trace?.push({ kind: "string", at, maxCount, offset, actualCount });
    if (offset !== 0) throw new NdrError("STRING_OFFSET", at + 4, `string offset ${offset}, expected 0`);
    if (actualCount > maxCount) {
      throw new NdrError("ACTUAL_EXCEEDS_MAX", at + 8, `actual_count ${actualCount} > max_count ${maxCount}`);
    }
    if (actualCount > this.remaining / 2) {
      throw new NdrError(
        "COUNT_TOO_LARGE",
        at + 8,
        `${actualCount} UTF-16 units, ${this.remaining} bytes left`,
      );
    }
    if (actualCount === 0)
      throw new NdrError("STRING_NOT_TERMINATED", at + 8, "empty [string] without its NUL");
    const start = this.#offset;
    const units: number[] = new Array(actualCount - 1);
    for (let i = 0; i < actualCount - 1; i++) {
      const unit = this.#view.getUint16(start + 2 * i, true);
      if (unit === 0) throw new NdrError("STRING_EMBEDDED_NUL", start + 2 * i, "NUL inside a [string]");
      units[i] = unit;
    }
    const last = start + 2 * (actualCount - 1);
    if (this.#view.getUint16(last, true) !== 0) {
      throw new NdrError("STRING_NOT_TERMINATED", last, "the last unit of a [string] is not NUL");
    }
    this.#offset = start + 2 * actualCount;
    return unitsToString(units);
  }

  /** A top-level `[string, unique] wchar_t*`. */
  uniqueString(): string | null {
    return this.unique(() => this.conformantVaryingString());
  }

  /** An embedded `[string, unique] wchar_t*`; `assign` gets the value. */
  embeddedString(assign: (value: string | null) => void): void {
    this.embeddedUnique(() => this.conformantVaryingString(), assign);
  }

  /**
   * A conformant array (§3.4): max_count, then the elements' scalars. `minElementSize` (the smallest
   * wire size of one element's scalars) caps the count against the bytes left; `expectedCount`, when
   * given, is the `size_is` value the conformance must equal.
   */
  conformantArray<T>(minElementSize: number, readElement: () => T, expectedCount?: number): T[] {
    const maxCount = this.#conformance(Math.max(1, minElementSize), expectedCount);
    const items: T[] = [];
    for (let i = 0; i < maxCount; i++) items.push(readElement());
    return items;
  }

  /** A conformant byte array: max_count, then that many bytes. */
  conformantBytes(expectedCount?: number): Uint8Array {
    return this.bytes(this.#conformance(1, expectedCount));
  }

  /** Fails with TRAILING_BYTES unless every byte has been read. */
  expectEnd(): void {
    if (this.remaining !== 0) {
      throw new NdrError("TRAILING_BYTES", this.#offset, `${this.remaining} bytes after the last parameter`);
    }
  }

  #conformance(minElementSize: number, expectedCount: number | undefined): number {
    this.align(4);
    const at = this.#offset;
    const maxCount = this.u32();
    this.#trace?.push({ kind: "array", at, maxCount });
    if (expectedCount !== undefined && maxCount !== expectedCount) {
      throw new NdrError("COUNT_MISMATCH", at, `array max_count ${maxCount}, size_is says ${expectedCount}`);
    }
    if (maxCount > this.remaining / minElementSize) {
      throw new NdrError("COUNT_TOO_LARGE", at, `${maxCount} elements, ${this.remaining} bytes left`);
    }
    return maxCount;
  }

  #referent(): number {
    this.align(4);
    const at = this.#offset;
    const referent = this.u32();
    this.#trace?.push({ kind: "pointer", at, referent });
    return referent;
  }

  #queue(): Deferred[] {
    // A programming error in a codec, never caused by input: embedded pointers live inside constructs.
    if (this.#deferred === null) throw new Error("NdrReader: embedded pointer outside a construct");
    return this.#deferred;
  }

  #need(count: number, what: string): void {
    if (count > this.remaining) {
      throw new NdrError("TRUNCATED", this.#offset, `${what} needs ${count} bytes, ${this.remaining} left`);
    }
  }
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, "0")}`;
}

/** Builds a string from UTF-16 code units exactly (lone surrogates kept), in bounded chunks. */
function unitsToString(units: readonly number[]): string {
  let text = "";
  for (let i = 0; i < units.length; i += 4096) text += String.fromCharCode(...units.slice(i, i + 4096));
  return text;
}
