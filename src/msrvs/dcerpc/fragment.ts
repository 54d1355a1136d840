import { CALL_HEADER_LENGTH, PFC_FIRST_FRAG, PFC_LAST_FRAG, PFC_OBJECT_UUID } from "./constants.js";
import { DceRpcError } from "./DceRpcError.js";
import { encodePdu, MAX_FRAG_LENGTH } from "./pdu.js";

/** One call's input, before fragmentation. */
export interface RequestCall {
  /** call_id shared by every fragment. */
  readonly callId: number;
  /** p_cont_id from the bind. */
  readonly contextId: number;
  /** Operation number. */
  readonly opnum: number;
  /** The whole NDR input stub. */
  readonly stub: Uint8Array;
  /** Optional object UUID (sets PFC_OBJECT_UUID). */
  readonly object?: string | null;
}

/** One call's output, before fragmentation. */
export interface ResponseCall {
  /** call_id of the request answered. */
  readonly callId: number;
  /** p_cont_id of the request answered. */
  readonly contextId: number;
  /** The whole NDR output stub. */
  readonly stub: Uint8Array;
  /** cancel_count (default 0). */
  readonly cancelCount?: number;
}

/**
 * Splits a request into PDUs of at most `maxFragLength` bytes (the peer's max_recv_frag from the
 * bind_ack), ms-srvs-wire §2.5: same call_id, context and opnum in each; FIRST_FRAG on the first,
 * LAST_FRAG on the last; alloc_hint = stub bytes still to send; stub split on multiples of 8.
 */
export function fragmentRequest(call: RequestCall, maxFragLength: number): Uint8Array[] {
  const object = call.object ?? null;
  const headerLength = CALL_HEADER_LENGTH + (object === null ? 0 : 16);
  return chunks(call.stub, maxFragLength, headerLength).map(({ stub, flags, allocHint }) =>
    encodePdu({
      type: "request",
      callId: call.callId,
      pfcFlags: flags | (object === null ? 0 : PFC_OBJECT_UUID),
      rpcVersMinor: 0,
      allocHint,
      contextId: call.contextId,
      opnum: call.opnum,
      object,
      stub,
    }),
  );
}

/**
 * Splits a response into PDUs of at most `maxFragLength` bytes (the client's max_recv_frag),
 * ms-srvs-wire §2.8: as Samba does, alloc_hint is the stub bytes still to come, this fragment's included,
 * and every non-last fragment carries the largest multiple of 8 stub bytes that fits.
 */
export function fragmentResponse(call: ResponseCall, maxFragLength: number): Uint8Array[] {
  return chunks(call.stub, maxFragLength, CALL_HEADER_LENGTH).map(({ stub, flags, allocHint }) =>
    encodePdu({
      type: "response",
      callId: call.callId,
      pfcFlags: flags,
      rpcVersMinor: 0,
      allocHint,
      contextId: call.contextId,
      cancelCount: call.cancelCount ?? 0,
      stub,
    }),
  );
}

interface Chunk {
  readonly stub: Uint8Array;
  readonly flags: number;
  readonly allocHint: number;
}

function chunks(stub: Uint8Array, maxFragLength: number, headerLength: number): Chunk[] {
  if (!(stub instanceof Uint8Array)) throw new DceRpcError("INVALID_VALUE", 0, "stub must be bytes");
  if (!Number.isInteger(maxFragLength) || maxFragLength > MAX_FRAG_LENGTH) {
    throw new DceRpcError("INVALID_VALUE", 8, `max fragment length ${maxFragLength} is not a u16`);
  }
  const room = Math.floor((maxFragLength - headerLength) / 8) * 8;
  if (room < 8) {
    throw new DceRpcError(
      "INVALID_VALUE",
      8,
      `max fragment length ${maxFragLength} leaves no room for stub data`,
    );
  }
  const result: Chunk[] = [];
  let offset = 0;
  do {
    const end = Math.min(stub.length, offset + room);
    const flags = (offset === 0 ? PFC_FIRST_FRAG : 0) | (end === stub.length ? PFC_LAST_FRAG : 0);
    result.push({ stub: stub.subarray(offset, end), flags, allocHint: stub.length - offset });
    offset = end;
  } while (offset < stub.length);
  return result;
}
