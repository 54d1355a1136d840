import type { FaultPdu } from "./call.js";
import { PFC_FIRST_FRAG, PFC_LAST_FRAG } from "./constants.js";
import { DceRpcError } from "./DceRpcError.js";
import { decodePdu } from "./pdu.js";

/** Options of a FragmentReassembler. */
export interface ReassemblerOptions {
  /** Which call PDUs make up the call: requests (a server) or responses (a client; a fault also ends it). */
  readonly expect: "request" | "response";
  /** The call_id every fragment must carry; when omitted, the first fragment's is taken. */
  readonly callId?: number;
  /** Largest fragment accepted (the negotiated max_xmit_frag / max_recv_frag); default 65535. */
  readonly maxFragLength?: number;
  /** Largest total stub accepted; default 16 MiB. */
  readonly maxStubLength?: number;
}

/** A complete call, once its LAST_FRAG fragment has arrived. */
export type ReassembledCall =
  | {
      readonly type: "request";
      readonly callId: number;
      readonly contextId: number;
      readonly opnum: number;
      readonly object: string | null;
      readonly stub: Uint8Array;
    }
  | {
      readonly type: "response";
      readonly callId: number;
      readonly contextId: number;
      readonly cancelCount: number;
      readonly stub: Uint8Array;
    }
  | { readonly type: "fault"; readonly callId: number; readonly fault: FaultPdu };

interface FirstFragment {
  readonly callId: number;
  readonly contextId: number;
  readonly opnum: number;
  readonly object: string | null;
  readonly cancelCount: number;
}

/**
 * Rebuilds one call's stub from its fragments (ms-srvs-wire §2.8), one `push` per fragment. Checks
 * every fragment (a complete PDU, auth_length 0, the expected PTYPE and call_id, FIRST_FRAG only on the
 * first, the same context and opnum, size limits) before changing any state: a rejected fragment
 * throws DceRpcError and leaves the reassembler as it was. alloc_hint is never trusted for allocation.
 */
export class FragmentReassembler {
  readonly #expect: "request" | "response";
  readonly #maxFragLength: number;
  readonly #maxStubLength: number;
  #callId: number | undefined;
  #first: FirstFragment | undefined;
  #parts: Uint8Array[] = [];
  #stubLength = 0;
  #complete = false;

  /** A reassembler for one call. */
  constructor(options: ReassemblerOptions) {
    this.#expect = options.expect;
    this.#callId = options.callId;
    this.#maxFragLength = options.maxFragLength ?? 0xffff;
    this.#maxStubLength = options.maxStubLength ?? 16 * 1024 * 1024;
  }

  /** True once the call is complete (a further push throws CALL_COMPLETE). */
  get complete(): boolean {
    return this.#complete;
  }

  /** Stub bytes received so far. */
  get stubLength(): number {
    return this.#stubLength;
  }

  /** Adds one fragment (exactly one PDU); returns the call once complete, else null. */
  push(fragment: Uint8Array): ReassembledCall | null {
    if (this.#complete)
      throw new DceRpcError("CALL_COMPLETE", 0, "the call already received its last fragment");
    if (fragment.length > this.#maxFragLength) {
      throw new DceRpcError("TOO_LARGE", 8, `fragment of ${fragment.length} bytes > ${this.#maxFragLength}`);
    }
    const pdu = decodePdu(fragment);
    const callId = this.#callId ?? pdu.callId;
    if (pdu.callId !== callId)
      throw new DceRpcError("UNEXPECTED_CALL_ID", 12, `call_id ${pdu.callId}, expected ${callId}`);
    if (pdu.type === "fault" && this.#expect === "response") {
      this.#finish(callId);
      return { type: "fault", callId, fault: pdu };
    }
    if (pdu.type !== this.#expect)
      throw new DceRpcError("UNEXPECTED_PTYPE", 2, `a ${pdu.type} PDU during a ${this.#expect}`);
    const isFirst = (pdu.pfcFlags & PFC_FIRST_FRAG) !== 0;
    const first: FirstFragment = {
      callId,
      contextId: pdu.contextId,
      opnum: pdu.type === "request" ? pdu.opnum : 0,
      object: pdu.type === "request" ? pdu.object : null,
      cancelCount: pdu.type === "response" ? pdu.cancelCount : 0,
    };
    if (this.#first === undefined && !isFirst)
      throw new DceRpcError("MISSING_FIRST_FRAG", 3, "the first fragment lacks FIRST_FRAG");
    if (this.#first !== undefined) {
      if (isFirst) throw new DceRpcError("UNEXPECTED_FIRST_FRAG", 3, "FIRST_FRAG in the middle of a call");
      if (first.contextId !== this.#first.contextId)
        throw new DceRpcError("CONTEXT_MISMATCH", 20, "p_cont_id changed mid-call");
      if (first.opnum !== this.#first.opnum)
        throw new DceRpcError("OPNUM_MISMATCH", 22, "opnum changed mid-call");
    }
    if (this.#stubLength + pdu.stub.length > this.#maxStubLength) {
      throw new DceRpcError("TOO_LARGE", 24, `stub would exceed ${this.#maxStubLength} bytes`);
    }
    this.#callId = callId;
    this.#first ??= first;
    this.#parts.push(pdu.stub);
    this.#stubLength += pdu.stub.length;
    if ((pdu.pfcFlags & PFC_LAST_FRAG) === 0) return null;
    this.#finish(callId);
    return this.#result(this.#first);
  }

  #finish(callId: number): void {
    this.#callId = callId;
    this.#complete = true;
  }

  #result(first: FirstFragment): ReassembledCall {
    const stub = new Uint8Array(this.#stubLength);
    let offset = 0;
    for (const part of this.#parts) {
      stub.set(part, offset);
      offset += part.length;
    }
    this.#parts = [];
    if (this.#expect === "request") {
      const { callId, contextId, opnum, object } = first;
      return { type: "request", callId, contextId, opnum, object, stub };
    }
    return {
      type: "response",
      callId: first.callId,
      contextId: first.contextId,
      cancelCount: first.cancelCount,
      stub,
    };
  }
}
