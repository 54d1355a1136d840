import { NdrError } from "./NdrError.js";
import { type ReferentStrategy, sequentialReferents } from "./referents.js";

/** Options of an NdrWriter. */
export interface NdrWriterOptions {
  /** How non-NULL pointers are numbered (default: 0x00020000, 0x00020004, …; ms-srvs-wire §3.2). */
  readonly referents?: ReferentStrategy;
}

type Deferred = () => void;

/**
 * NDR 2.0 encoder for little-endian, 32-bit stubs (ms-srvs-wire §3; C706 chapter 14). Every primitive
 * is aligned to its own size from the start of the stub, with zero padding.
 *
 * Pointers follow §3.2/§3.4: a top-level `unique` pointer is followed by its pointee at once; an
 * embedded pointer (`embeddedUnique`, `embeddedFull`, `embeddedRef`) writes its referent id now and its
 * pointee after the enclosing top-level `construct`, pointees in pointer order, each pointee's own
 * embedded pointees right after it (depth first, as MIDL and Samba's pidl marshal them).
 *
 * Invalid values (a u32 out of range, a string that is not a string or holds a NUL) throw an
 * NdrError with code `INVALID_VALUE`.
 */
export class NdrWriter {
  #bytes = new Uint8Array(256);
  #view = new DataView(this.#bytes.buffer);
  #length = 0;
  #pointerCount = 0;
  #deferred: Deferred[] | null = null;
  readonly #referents: ReferentStrategy;
  readonly #fullIds = new Map<unknown, number>();

  /** Creates an empty writer. */
  constructor(options: NdrWriterOptions = {}) {
    this.#referents = options.referents ?? sequentialReferents();
  }

  /** Bytes written so far. */
  get length(): number {
    return this.#length;
  }

  /** A copy of the bytes written so far. */
  finish(): Uint8Array {
    return this.#bytes.slice(0, this.#length);
  }

  /** Pads with zero bytes up to a multiple of `n`. */
  align(n: 1 | 2 | 4 | 8): void {
    const pad = (n - (this.#length % n)) % n;
    this.#reserve(pad);
    this.#length += pad;
  }

  /** Writes an unsigned 8-bit integer. */
  u8(value: number, what = "u8"): void {
    this.#checkInteger(value, 0, 0xff, what);
    this.#reserve(1);
    this.#view.setUint8(this.#length, value);
    this.#length += 1;
  }

  /** Writes an unsigned 16-bit integer, 2-aligned. */
  u16(value: number, what = "u16"): void {
    this.#checkInteger(value, 0, 0xffff, what);
    this.align(2);
    this.#reserve(2);
    this.#view.setUint16(this.#length, value, true);
    this.#length += 2;
  }

  /** Writes an unsigned 32-bit integer, 4-aligned. */
  u32(value: number, what = "u32"): void {
    this.#checkInteger(value, 0, 0xffffffff, what);
    this.align(4);
    this.#reserve(4);
    this.#view.setUint32(this.#length, value, true);
    this.#length += 4;
  }

  /** Writes a signed 32-bit integer, 4-aligned. */
  i32(value: number, what = "i32"): void {
    this.#checkInteger(value, -0x80000000, 0x7fffffff, what);
    this.align(4);
    this.#reserve(4);
    this.#view.setInt32(this.#length, value, true);
    this.#length += 4;
  }

  /** Writes an unsigned 64-bit integer (hyper), 8-aligned. */
  u64(value: bigint, what = "u64"): void {
    if (typeof value !== "bigint" || value < 0n || value > 0xffffffffffffffffn) {
      throw new NdrError("INVALID_VALUE", this.#length, `${what} is not an unsigned 64-bit bigint`);
    }
    this.align(8);
    this.#reserve(8);
    this.#view.setBigUint64(this.#length, value, true);
    this.#length += 8;
  }

  /** Writes raw bytes (no alignment). */
  bytes(value: Uint8Array, what = "bytes"): void {
    if (!(value instanceof Uint8Array))
      throw new NdrError("INVALID_VALUE", this.#length, `${what} is not bytes`);
    this.#reserve(value.length);
    this.#bytes.set(value, this.#length);
    this.#length += value.length;
  }

  /**
   * Writes one top-level construct (a parameter, or a pointee): `write` emits its scalars, then the
   * pointees its embedded pointers deferred follow, depth first (ms-srvs-wire §3.4).
   */
  construct(write: () => void): void {
    const outer = this.#deferred;
    const mine: Deferred[] = [];
    this.#deferred = mine;
    try {
      write();
    } finally {
      this.#deferred = outer;
    }
    for (const pointee of mine) this.construct(pointee);
  }

  /** A top-level `[unique]` pointer: referent id (0 for null), then the pointee at once (§3.2). */
  unique<T>(value: T | null, writePointee: (value: T) => void): void {
    if (value === null) {
      this.u32(0);
      return;
    }
    this.u32(this.#newReferent());
    this.construct(() => writePointee(value));
  }

  /** An embedded `[unique]` pointer: referent id now, pointee deferred to the end of the construct. */
  embeddedUnique<T>(value: T | null, writePointee: (value: T) => void): void {
    const queue = this.#queue();
    if (value === null) {
      this.u32(0);
      return;
    }
    this.u32(this.#newReferent());
    queue.push(() => writePointee(value));
  }

  /**
   * An embedded full (`[ptr]`) pointer: objects with the same `key` share one referent id and their
   * pointee is sent once, at its first occurrence (C706 §14.3.10).
   */
  embeddedFull<T>(key: unknown, value: T | null, writePointee: (value: T) => void): void {
    const queue = this.#queue();
    if (value === null) {
      this.u32(0);
      return;
    }
    const known = this.#fullIds.get(key);
    if (known !== undefined) {
      this.u32(known);
      return;
    }
    const id = this.#newReferent();
    this.#fullIds.set(key, id);
    this.u32(id);
    queue.push(() => writePointee(value));
  }

  /** An embedded `[ref]` pointer: never NULL; a referent id now, the pointee deferred. */
  embeddedRef<T>(value: T, writePointee: (value: T) => void): void {
    if (value === null || value === undefined) {
      throw new NdrError("INVALID_VALUE", this.#length, "a [ref] pointer cannot be NULL");
    }
    this.embeddedUnique(value, writePointee);
  }

  /** A conformant varying UTF-16 string with its NUL (§3.3): max_count, offset 0, actual_count, units. */
  conformantVaryingString(value: string, what = "string"): void {
    if (typeof value !== "string")
      throw new NdrError("INVALID_VALUE", this.#length, `${what} is not a string`);
    if (value.includes("\0")) {
      throw new NdrError("INVALID_VALUE", this.#length, `${what} contains a NUL character`);
    }
    const count = value.length + 1;
    this.u32(count);
    this.u32(0);
    this.u32(count);
    this.#reserve(2 * count);
    for (let i = 0; i < value.length; i++) {
      this.#view.setUint16(this.#length, value.charCodeAt(i), true);
      this.#length += 2;
    }
    this.#view.setUint16(this.#length, 0, true);
    this.#length += 2;
  }

  /** A top-level `[string, unique] wchar_t*`: NULL or referent + string. */
  uniqueString(value: string | null, what = "string"): void {
    this.unique(value, (text) => this.conformantVaryingString(text, what));
  }

  /** An embedded `[string, unique] wchar_t*`: NULL or referent now, string deferred. */
  embeddedString(value: string | null, what = "string"): void {
    this.embeddedUnique(value, (text) => this.conformantVaryingString(text, what));
  }

  /** A conformant array (§3.4): max_count, then each element's scalars (their pointees follow later). */
  conformantArray<T>(items: readonly T[], writeElement: (item: T) => void): void {
    if (!Array.isArray(items)) throw new NdrError("INVALID_VALUE", this.#length, "array expected");
    this.u32(items.length);
    for (const item of items) writeElement(item);
  }

  /** A conformant byte array: max_count, then the bytes. */
  conformantBytes(value: Uint8Array, what = "bytes"): void {
    if (!(value instanceof Uint8Array))
      throw new NdrError("INVALID_VALUE", this.#length, `${what} is not bytes`);
    this.u32(value.length);
    this.bytes(value, what);
  }

  #queue(): Deferred[] {
    // A programming error in a codec, never caused by input: embedded pointers live inside constructs.
    if (this.#deferred === null) throw new Error("NdrWriter: embedded pointer outside a construct");
    return this.#deferred;
  }

  #newReferent(): number {
    const id = this.#referents(this.#pointerCount);
    this.#pointerCount += 1;
    if (!Number.isInteger(id) || id <= 0 || id > 0xffffffff) {
      throw new NdrError("INVALID_VALUE", this.#length, `referent strategy returned ${String(id)}`);
    }
    return id;
  }

  #checkInteger(value: number, min: number, max: number, what: string): void {
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      throw new NdrError("INVALID_VALUE", this.#length, `${what} must be an integer in [${min}, ${max}]`);
    }
  }

  #reserve(extra: number): void {
    const needed = this.#length + extra;
    if (needed <= this.#bytes.length) return;
    let capacity = this.#bytes.length * 2;
    while (capacity < needed) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = grown;
    this.#view = new DataView(grown.buffer);
  }
}
