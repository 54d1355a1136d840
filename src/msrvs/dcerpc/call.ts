import type { NdrReader } from "../ndr/NdrReader.js";
import type { NdrWriter } from "../ndr/NdrWriter.js";
import type { PduCommon } from "./bind.js";
import { PFC_OBJECT_UUID } from "./constants.js";
import { DceRpcError } from "./DceRpcError.js";
import { readUuid, writeUuid } from "./syntax.js";

/** A request PDU, PTYPE 0 (ms-srvs-wire §2.5): one fragment of a call's input stub. */
export interface RequestPdu extends PduCommon {
  /** Discriminant. */
  readonly type: "request";
  /** Stub bytes still to send, this fragment's included. */
  readonly allocHint: number;
  /** p_cont_id from the bind. */
  readonly contextId: number;
  /** Operation number (e.g. 12 NetrSessionEnum). */
  readonly opnum: number;
  /** Object UUID, present exactly when pfc_flags has PFC_OBJECT_UUID (0x80); null otherwise. */
  readonly object: string | null;
  /** This fragment's stub bytes. */
  readonly stub: Uint8Array;
}

/** A response PDU, PTYPE 2 (ms-srvs-wire §2.6): one fragment of a call's output stub. */
export interface ResponsePdu extends PduCommon {
  /** Discriminant. */
  readonly type: "response";
  /** Stub bytes still to come, this fragment's included (a hint only). */
  readonly allocHint: number;
  /** p_cont_id of the call. */
  readonly contextId: number;
  /** cancel_count. */
  readonly cancelCount: number;
  /** This fragment's stub bytes. */
  readonly stub: Uint8Array;
}

/** A fault PDU, PTYPE 3 (ms-srvs-wire §2.7): the call failed at the RPC level. */
export interface FaultPdu extends PduCommon {
  /** Discriminant. */
  readonly type: "fault";
  /** alloc_hint (Samba: 24). */
  readonly allocHint: number;
  /** p_cont_id (Samba: 0 even for an unknown context). */
  readonly contextId: number;
  /** cancel_count. */
  readonly cancelCount: number;
  /** Fault status (FAULT_STATUS), e.g. 0x1c010002 nca_s_op_rng_error. */
  readonly status: number;
  /** Bytes after the fixed 32-byte fault (extended error data); usually empty. */
  readonly stub: Uint8Array;
}

/** Writes the body of a request; PFC_OBJECT_UUID in pfc_flags must agree with `object`. */
export function writeRequestBody(writer: NdrWriter, pdu: RequestPdu): void {
  if ((pdu.object !== null) !== ((pdu.pfcFlags & PFC_OBJECT_UUID) !== 0)) {
    throw new DceRpcError(
      "INVALID_VALUE",
      3,
      "PFC_OBJECT_UUID must be set exactly when an object UUID is given",
    );
  }
  writer.u32(pdu.allocHint, "alloc_hint");
  writer.u16(pdu.contextId, "p_cont_id");
  writer.u16(pdu.opnum, "opnum");
  if (pdu.object !== null) writeUuid(writer, pdu.object);
  writer.bytes(pdu.stub, "stub");
}

/** Reads the body of a request: the stub is everything after the header (no auth trailer). */
export function readRequestBody(reader: NdrReader, common: PduCommon): RequestPdu {
  const allocHint = reader.u32();
  const contextId = reader.u16();
  const opnum = reader.u16();
  const object = (common.pfcFlags & PFC_OBJECT_UUID) !== 0 ? readUuid(reader) : null;
  const stub = reader.bytes(reader.remaining);
  return { type: "request", ...common, allocHint, contextId, opnum, object, stub };
}

/** Writes the body of a response. */
export function writeResponseBody(writer: NdrWriter, pdu: ResponsePdu): void {
  writer.u32(pdu.allocHint, "alloc_hint");
  writer.u16(pdu.contextId, "p_cont_id");
  writer.u8(pdu.cancelCount, "cancel_count");
  writer.u8(0);
  writer.bytes(pdu.stub, "stub");
}

/** Reads the body of a response. */
export function readResponseBody(reader: NdrReader, common: PduCommon): ResponsePdu {
  const allocHint = reader.u32();
  const contextId = reader.u16();
  const cancelCount = reader.u8();
  reader.u8();
  const stub = reader.bytes(reader.remaining);
  return { type: "response", ...common, allocHint, contextId, cancelCount, stub };
}

/** Writes the body of a fault (32 bytes with the header, then `stub`). */
export function writeFaultBody(writer: NdrWriter, pdu: FaultPdu): void {
  writer.u32(pdu.allocHint, "alloc_hint");
  writer.u16(pdu.contextId, "p_cont_id");
  writer.u8(pdu.cancelCount, "cancel_count");
  writer.u8(0);
  writer.u32(pdu.status, "status");
  writer.u32(0);
  writer.bytes(pdu.stub, "stub");
}

/** Reads the body of a fault. */
export function readFaultBody(reader: NdrReader, common: PduCommon): FaultPdu {
  const allocHint = reader.u32();
  const contextId = reader.u16();
  const cancelCount = reader.u8();
  reader.u8();
  const status = reader.u32();
  reader.u32();
  const stub = reader.bytes(reader.remaining);
  return { type: "fault", ...common, allocHint, contextId, cancelCount, status, stub };
}
