/**
 * Why a DCE/RPC PDU could not be decoded, encoded or reassembled (ms-srvs-wire §2).
 *
 * Decoding: `TRUNCATED` (fewer bytes than the PDU needs), `TRAILING_BYTES` (bytes after frag_length or
 * after a PDU's last field), `BAD_VERSION` (rpc_vers is not 5), `UNSUPPORTED_DREP` (not little-endian
 * ASCII IEEE, `10 00 00 00`), `BAD_FRAG_LENGTH` (frag_length shorter than the PDU's fixed part),
 * `AUTH_NOT_SUPPORTED` (auth_length is not 0), `UNSUPPORTED_PTYPE` (a PTYPE this codec does not
 * handle), `MALFORMED` (a field that contradicts the format, e.g. an unterminated secondary address).
 * Encoding: `INVALID_VALUE`. Reassembly (§2.8): `UNEXPECTED_PTYPE`, `UNEXPECTED_CALL_ID`,
 * `MISSING_FIRST_FRAG`, `UNEXPECTED_FIRST_FRAG`, `CONTEXT_MISMATCH`, `OPNUM_MISMATCH`, `CALL_COMPLETE`
 * (a fragment after the last one), `TOO_LARGE` (a fragment or the whole stub over the set limit).
 */
export type DceRpcErrorCode =
  | "TRUNCATED"
  | "TRAILING_BYTES"
  | "BAD_VERSION"
  | "UNSUPPORTED_DREP"
  | "BAD_FRAG_LENGTH"
  | "AUTH_NOT_SUPPORTED"
  | "UNSUPPORTED_PTYPE"
  | "MALFORMED"
  | "INVALID_VALUE"
  | "UNEXPECTED_PTYPE"
  | "UNEXPECTED_CALL_ID"
  | "MISSING_FIRST_FRAG"
  | "UNEXPECTED_FIRST_FRAG"
  | "CONTEXT_MISMATCH"
  | "OPNUM_MISMATCH"
  | "CALL_COMPLETE"
  | "TOO_LARGE";

/**
 * The only error the DCE/RPC PDU codec, fragmenter and reassembler throw: a stable `code` and the byte
 * `offset` in the PDU where the problem was found.
 */
export class DceRpcError extends Error {
  /** What went wrong, as a stable symbol. */
  readonly code: DceRpcErrorCode;
  /** Byte offset in the PDU (fragment) where the problem was found. */
  readonly offset: number;

  /** Builds the error; the message includes the code and offset. */
  constructor(code: DceRpcErrorCode, offset: number, detail: string) {
    super(`DCE/RPC ${code} at byte ${offset}: ${detail}`);
    this.name = "DceRpcError";
    this.code = code;
    this.offset = offset;
  }

  /** True when `error` is a DceRpcError, optionally with the given code. */
  static is(error: unknown, code?: DceRpcErrorCode): error is DceRpcError {
    return error instanceof DceRpcError && (code === undefined || error.code === code);
  }
}
