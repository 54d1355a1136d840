/**
 * Why an NDR stub could not be decoded (or a value could not be encoded). ms-srvs-wire §3.
 *
 * - `TRUNCATED`: the stub ends before a value that must be there.
 * - `COUNT_TOO_LARGE`: a count or length claims more elements than the remaining bytes can hold
 *   (checked before anything is allocated).
 * - `STRING_OFFSET`: a conformant varying string with a non-zero offset (§3.3).
 * - `ACTUAL_EXCEEDS_MAX`: a varying array whose actual_count is larger than its max_count.
 * - `STRING_NOT_TERMINATED`: a `[string]` whose last transmitted unit is not the NUL terminator.
 * - `STRING_EMBEDDED_NUL`: a `[string]` with a NUL before its terminator.
 * - `COUNT_MISMATCH`: a conformance that disagrees with the field it is sized by (`size_is`).
 * - `SWITCH_MISMATCH`: a union discriminant that differs from the level it must repeat (§3.5).
 * - `NULL_REF_POINTER`: a `[ref]` pointer sent as NULL.
 * - `BAD_POINTER`: a full pointer's referent id reused for a different kind of object.
 * - `TRAILING_BYTES`: bytes left over after the last parameter.
 * - `INVALID_VALUE`: (encoding) a value the wire format cannot carry, e.g. a u32 out of range.
 */
export type NdrErrorCode =
  | "TRUNCATED"
  | "COUNT_TOO_LARGE"
  | "STRING_OFFSET"
  | "ACTUAL_EXCEEDS_MAX"
  | "STRING_NOT_TERMINATED"
  | "STRING_EMBEDDED_NUL"
  | "COUNT_MISMATCH"
  | "SWITCH_MISMATCH"
  | "NULL_REF_POINTER"
  | "BAD_POINTER"
  | "TRAILING_BYTES"
  | "INVALID_VALUE";

/**
 * The only error the NDR reader and writer throw: a stable `code` and the stub byte `offset` where the
 * problem was found. Decoding never throws anything else, whatever the input bytes.
 */
export class NdrError extends Error {
  /** What went wrong, as a stable symbol. */
  readonly code: NdrErrorCode;
  /** Byte offset in the stub where the problem was found. */
  readonly offset: number;

  /** Builds the error; the message includes the code and offset. */
  constructor(code: NdrErrorCode, offset: number, detail: string) {
    super(`NDR ${code} at byte ${offset}: ${detail}`);
    this.name = "NdrError";
    this.code = code;
    this.offset = offset;
  }

  /** True when `error` is an NdrError, optionally with the given code. */
  static is(error: unknown, code?: NdrErrorCode): error is NdrError {
    return error instanceof NdrError && (code === undefined || error.code === code);
  }
}
