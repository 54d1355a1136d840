/**
 * Why an SMB2 operation failed. Codec codes describe malformed bytes or unencodable values; transport
 * codes describe the connection. `NT_STATUS` is used by {@link NtStatusError}.
 */
export type Smb2ErrorCode =
  /** The bytes end before a field or buffer they announce (MS-SMB2 §2.2). */
  | "TRUNCATED"
  /** A field holds a value the format forbids (bad ProtocolId, StructureSize, offset, alignment…). */
  | "MALFORMED"
  /** A value given to an encoder does not fit its field (negative, too large, wrong length). */
  | "INVALID_ARGUMENT"
  /** A Direct-TCP frame announces more bytes than the configured maximum (MS-SMB2 §2.1). */
  | "FRAME_TOO_LARGE"
  /** The peer answered something the protocol does not allow at this point. */
  | "PROTOCOL"
  /** A response signature did not verify (MS-SMB2 §3.2.5.1.3). */
  | "BAD_SIGNATURE"
  /** The server ended the TCP connection, or the socket failed, while calls were pending. */
  | "DISCONNECTED"
  /** The connection was closed by this client. */
  | "CLOSED"
  /** A call got no final response within its timeout. */
  | "TIMEOUT"
  /** A server answered with a failing NTSTATUS. */
  | "NT_STATUS";

/**
 * The only error the SMB2 codec, the Direct-TCP deframer and the SMB2 client throw or reject with.
 * Test with `instanceof Smb2Error` and `code`.
 */
export class Smb2Error extends Error {
  /** What kind of failure this is. */
  readonly code: Smb2ErrorCode;

  /** Builds the error; `message` says which field or call failed and why. */
  constructor(code: Smb2ErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = "Smb2Error";
    this.code = code;
  }

  /** True when `error` is an Smb2Error, optionally with the given code. */
  static is(error: unknown, code?: Smb2ErrorCode): error is Smb2Error {
    return error instanceof Smb2Error && (code === undefined || error.code === code);
  }
}
