/** A malformed SPNEGO token or DER value (RFC 4178, X.690). The SPNEGO codec throws nothing else. */
export class SpnegoError extends Error {
  /** Builds the error; `message` says which part is malformed. */
  constructor(message: string) {
    super(`SPNEGO: ${message}`);
    this.name = "SpnegoError";
  }
}
