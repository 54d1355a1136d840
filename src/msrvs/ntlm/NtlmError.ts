/**
 * A malformed NTLM message, or a value an NTLM encoder cannot write (MS-NLMP §2.2). Decoders of this
 * folder throw nothing else. `code` is TRUNCATED, MALFORMED or INVALID_ARGUMENT.
 */
export class NtlmError extends Error {
  /** What kind of failure this is. */
  readonly code: "TRUNCATED" | "MALFORMED" | "INVALID_ARGUMENT";

  /** Builds the error; `message` names the field. */
  constructor(code: "TRUNCATED" | "MALFORMED" | "INVALID_ARGUMENT", message: string) {
    super(`${code}: ${message}`);
    this.name = "NtlmError";
    this.code = code;
  }
}
