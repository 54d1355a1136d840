/**
 * What went wrong at the DCE/RPC or srvsvc level of a call, before it becomes an AdsError
 * (errorMap.ts):
 * - `werror`: the operation ran and returned a non-zero WERROR (`status`, ms-srvs-wire §4.6);
 * - `fault`: the server answered with a fault PDU (`status` a fault status, ms-srvs-wire §2.7);
 * - `bind-rejected`: bind_nak, or a bind_ack refusing the srvsvc context (`status` the reason, §2.3-2.4);
 * - `protocol`: a reply that is not what the call allows (wrong PTYPE, entries of another level, a
 *   paging loop that makes no progress); `status` is 0.
 */
export type SrvsvcRpcErrorKind = "werror" | "fault" | "bind-rejected" | "protocol";

/** A failure of one srvsvc call that the transport delivered intact. */
export class SrvsvcRpcError extends Error {
  /** Which kind of failure. */
  readonly kind: SrvsvcRpcErrorKind;
  /** The WERROR, fault status or rejection reason (unsigned); 0 for `protocol`. */
  readonly status: number;

  /** Builds the error; `detail` names the call. */
  constructor(kind: SrvsvcRpcErrorKind, status: number, detail: string) {
    super(`${kind} 0x${(status >>> 0).toString(16).padStart(8, "0")}: ${detail}`);
    this.name = "SrvsvcRpcError";
    this.kind = kind;
    this.status = status >>> 0;
  }

  /** True when `error` is a SrvsvcRpcError, optionally of the given kind. */
  static is(error: unknown, kind?: SrvsvcRpcErrorKind): error is SrvsvcRpcError {
    return error instanceof SrvsvcRpcError && (kind === undefined || error.kind === kind);
  }
}
