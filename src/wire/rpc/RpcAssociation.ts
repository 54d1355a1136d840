/**
 * One DCE/RPC association on a named pipe, server side (ms-srvs-wire §2; C706 §12): bytes the client
 * writes go in, complete PDUs are answered in order, and the replies queue for the client's reads. A
 * call's fragments are reassembled (§2.8), answered by the dispatcher and fragmented to the negotiated
 * size. Faults as Samba sends them (§2.7): unknown context nca_s_unknown_if, unknown opnum
 * nca_s_op_rng_error (both DID_NOT_EXECUTE), undecodable stub nca_s_fault_ndr. A PDU that cannot be
 * decoded, a bind_nak, or a PTYPE a server never receives breaks the pipe, as Samba drops it.
 */
import { PFC_DID_NOT_EXECUTE, PFC_FIRST_FRAG, PFC_LAST_FRAG, PTYPE } from "../../msrvs/dcerpc/constants.js";
import { DceRpcError } from "../../msrvs/dcerpc/DceRpcError.js";
import { FAULT_STATUS } from "../../msrvs/dcerpc/faultStatus.js";
import { fragmentResponse } from "../../msrvs/dcerpc/fragment.js";
import { decodePduHeader } from "../../msrvs/dcerpc/header.js";
import { decodePdu, encodePdu } from "../../msrvs/dcerpc/pdu.js";
import { FragmentReassembler } from "../../msrvs/dcerpc/reassembler.js";
import { answerBind } from "./bindAnswer.js";

/** What the dispatcher made of one call: an output stub, or a fault status. */
export type RpcOutcome =
  | { readonly stub: Uint8Array }
  | { readonly fault: number; readonly didNotExecute: boolean };

/** Answers one reassembled call. Must not throw. */
export type RpcDispatcher = (opnum: number, stub: Uint8Array) => RpcOutcome;

/** Most bytes a client may have written and not yet had consumed (one PDU is at most 64 KiB). */
const MAX_PENDING_INPUT = 128 * 1024;
/** Largest request stub accepted (srvsvc requests are a few hundred bytes). */
const MAX_REQUEST_STUB = 256 * 1024;

/** See the module comment. */
export class RpcAssociation {
  readonly #dispatch: RpcDispatcher;
  readonly #assocGroupId: number;
  #input: Buffer = Buffer.alloc(0);
  readonly #output: Buffer[] = [];
  #bound = false;
  #contexts = new Set<number>();
  #fragmentSize = 4280;
  #call: FragmentReassembler | undefined;
  #broken = false;

  /** An association answering calls with `dispatch`; `assocGroupId` goes into its bind_ack. */
  constructor(dispatch: RpcDispatcher, assocGroupId: number) {
    this.#dispatch = dispatch;
    this.#assocGroupId = assocGroupId;
  }

  /** True once the pipe is unusable (STATUS_PIPE_DISCONNECTED for every later I/O). */
  get broken(): boolean {
    return this.#broken;
  }

  /** Bytes of replies waiting to be read. */
  get pendingOutput(): number {
    return this.#output.reduce((sum, part) => sum + part.length, 0);
  }

  /** Takes client bytes (a WRITE or an IOCTL input); answers every PDU they complete. */
  write(bytes: Buffer): void {
    if (this.#broken) return;
    if (this.#input.length + bytes.length > MAX_PENDING_INPUT) {
      this.#break();
      return;
    }
    this.#input = Buffer.concat([this.#input, bytes]);
    while (!this.#broken && this.#input.length >= 16) {
      let fragLength: number;
      try {
        fragLength = decodePduHeader(this.#input).fragLength;
      } catch {
        this.#break();
        return;
      }
      if (this.#input.length < fragLength) return;
      const pdu = this.#input.subarray(0, fragLength);
      this.#input = Buffer.from(this.#input.subarray(fragLength));
      this.#receive(pdu);
    }
  }

  /**
   * Reads up to `max` bytes of the next reply (message mode: one PDU at a time, MS-SMB2 §3.3.5.12);
   * `more` says whether bytes of that PDU remain (the caller answers STATUS_BUFFER_OVERFLOW).
   */
  read(max: number): { readonly data: Buffer; readonly more: boolean } {
    const head = this.#output[0];
    if (head === undefined) return { data: Buffer.alloc(0), more: false };
    if (head.length <= max) {
      this.#output.shift();
      return { data: head, more: false };
    }
    this.#output[0] = head.subarray(max);
    return { data: head.subarray(0, max), more: true };
  }

  #break(): void {
    this.#broken = true;
    this.#input = Buffer.alloc(0);
    this.#output.length = 0;
    this.#call = undefined;
  }

  #send(pdu: Uint8Array): void {
    this.#output.push(Buffer.from(pdu));
  }

  #receive(bytes: Buffer): void {
    const ptype = bytes[2];
    if (ptype === PTYPE.bind) {
      this.#bind(bytes);
      return;
    }
    if (ptype !== PTYPE.request) {
      this.#break();
      return;
    }
    try {
      this.#request(bytes);
    } catch (error) {
      if (!(error instanceof DceRpcError)) throw error;
      this.#break();
    }
  }

  #bind(bytes: Buffer): void {
    let pdu: ReturnType<typeof decodePdu>;
    try {
      pdu = decodePdu(bytes);
    } catch {
      this.#break();
      return;
    }
    if (pdu.type !== "bind" || this.#bound) {
      this.#break();
      return;
    }
    const answer = answerBind(pdu, this.#assocGroupId);
    this.#send(encodePdu(answer.reply));
    if (answer.reply.type === "bind_nak") {
      this.#broken = true;
      return;
    }
    this.#bound = true;
    this.#contexts = new Set(answer.acceptedContexts);
    this.#fragmentSize = answer.fragmentSize;
  }

  #request(bytes: Buffer): void {
    if ((bytes[3] ?? 0) & PFC_FIRST_FRAG) this.#call = undefined;
    this.#call ??= new FragmentReassembler({
      expect: "request",
      maxFragLength: Math.max(this.#fragmentSize, 0xffff),
      maxStubLength: MAX_REQUEST_STUB,
    });
    const call = this.#call.push(bytes);
    if (call === null || call.type !== "request") return;
    this.#call = undefined;
    if (!this.#bound || !this.#contexts.has(call.contextId)) {
      this.#fault(call.callId, FAULT_STATUS.nca_s_unknown_if, true);
      return;
    }
    const outcome = this.#dispatch(call.opnum, call.stub);
    if ("fault" in outcome) {
      this.#fault(call.callId, outcome.fault, outcome.didNotExecute);
      return;
    }
    const fragments = fragmentResponse(
      { callId: call.callId, contextId: call.contextId, stub: outcome.stub },
      this.#fragmentSize,
    );
    for (const fragment of fragments) this.#send(fragment);
  }

  #fault(callId: number, status: number, didNotExecute: boolean): void {
    this.#send(
      encodePdu({
        type: "fault",
        callId,
        pfcFlags: PFC_FIRST_FRAG | PFC_LAST_FRAG | (didNotExecute ? PFC_DID_NOT_EXECUTE : 0),
        rpcVersMinor: 0,
        allocHint: 24,
        contextId: 0,
        cancelCount: 0,
        status,
        stub: new Uint8Array(0),
      }),
    );
  }
}
