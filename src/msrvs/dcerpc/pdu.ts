import { NdrError } from "../ndr/NdrError.js";
import { NdrReader } from "../ndr/NdrReader.js";
import { NdrWriter } from "../ndr/NdrWriter.js";
import {
  type BindAckPdu,
  type BindNakPdu,
  type BindPdu,
  type PduCommon,
  readBindAckBody,
  readBindBody,
  readBindNakBody,
  writeBindAckBody,
  writeBindBody,
  writeBindNakBody,
} from "./bind.js";
import {
  type FaultPdu,
  type RequestPdu,
  type ResponsePdu,
  readFaultBody,
  readRequestBody,
  readResponseBody,
  writeFaultBody,
  writeRequestBody,
  writeResponseBody,
} from "./call.js";
import { COMMON_HEADER_LENGTH, NDR_LITTLE_ENDIAN_DREP, PTYPE } from "./constants.js";
import { DceRpcError } from "./DceRpcError.js";
import { decodePduHeader } from "./header.js";

/** Every PDU this codec reads and writes, told apart by `type` (ms-srvs-wire §2). */
export type Pdu = BindPdu | BindAckPdu | BindNakPdu | RequestPdu | ResponsePdu | FaultPdu;

/** Largest PDU a frag_length (u16) can describe. */
export const MAX_FRAG_LENGTH = 0xffff;

/**
 * Decodes exactly one PDU (one fragment): `bytes.length` must equal its frag_length, auth_length must
 * be 0. Throws DceRpcError (never anything else) for any malformed input.
 */
export function decodePdu(bytes: Uint8Array): Pdu {
  const header = decodePduHeader(bytes);
  if (header.fragLength > bytes.length) {
    throw new DceRpcError(
      "TRUNCATED",
      bytes.length,
      `frag_length ${header.fragLength}, ${bytes.length} bytes`,
    );
  }
  if (header.fragLength < bytes.length) {
    throw new DceRpcError(
      "TRAILING_BYTES",
      header.fragLength,
      `${bytes.length - header.fragLength} bytes after the PDU`,
    );
  }
  if (header.authLength !== 0) {
    throw new DceRpcError(
      "AUTH_NOT_SUPPORTED",
      10,
      `auth_length ${header.authLength}; only auth_length 0 is handled`,
    );
  }
  const common: PduCommon = {
    callId: header.callId,
    pfcFlags: header.pfcFlags,
    rpcVersMinor: header.rpcVersMinor,
  };
  const reader = new NdrReader(bytes);
  reader.bytes(COMMON_HEADER_LENGTH);
  try {
    const pdu = readBody(reader, header.ptype, common);
    if (reader.remaining !== 0) {
      throw new DceRpcError(
        "TRAILING_BYTES",
        reader.offset,
        `${reader.remaining} bytes after the last field`,
      );
    }
    return pdu;
  } catch (error) {
    throw translate(error);
  }
}

/** Encodes one PDU; frag_length is computed, auth_length is 0. Throws DceRpcError INVALID_VALUE. */
export function encodePdu(pdu: Pdu): Uint8Array {
  const writer = new NdrWriter();
  try {
    writer.u8(5);
    writer.u8(pdu.rpcVersMinor, "rpc_vers_minor");
    writer.u8(PTYPE[pdu.type], "ptype");
    writer.u8(pdu.pfcFlags, "pfc_flags");
    writer.bytes(Uint8Array.from(NDR_LITTLE_ENDIAN_DREP));
    writer.u16(0);
    writer.u16(0);
    writer.u32(pdu.callId, "call_id");
    writeBody(writer, pdu);
  } catch (error) {
    throw translate(error);
  }
  const bytes = writer.finish();
  if (bytes.length > MAX_FRAG_LENGTH) {
    throw new DceRpcError(
      "INVALID_VALUE",
      8,
      `a PDU of ${bytes.length} bytes does not fit frag_length; fragment it`,
    );
  }
  new DataView(bytes.buffer).setUint16(8, bytes.length, true);
  return bytes;
}

function readBody(reader: NdrReader, ptype: number, common: PduCommon): Pdu {
  switch (ptype) {
    case PTYPE.bind:
      return readBindBody(reader, common);
    case PTYPE.bind_ack:
      return readBindAckBody(reader, common);
    case PTYPE.bind_nak:
      return readBindNakBody(reader, common);
    case PTYPE.request:
      return readRequestBody(reader, common);
    case PTYPE.response:
      return readResponseBody(reader, common);
    case PTYPE.fault:
      return readFaultBody(reader, common);
    default:
      throw new DceRpcError("UNSUPPORTED_PTYPE", 2, `PTYPE ${ptype} is not handled`);
  }
}

function writeBody(writer: NdrWriter, pdu: Pdu): void {
  switch (pdu.type) {
    case "bind":
      writeBindBody(writer, pdu);
      return;
    case "bind_ack":
      writeBindAckBody(writer, pdu);
      return;
    case "bind_nak":
      writeBindNakBody(writer, pdu);
      return;
    case "request":
      writeRequestBody(writer, pdu);
      return;
    case "response":
      writeResponseBody(writer, pdu);
      return;
    case "fault":
      writeFaultBody(writer, pdu);
      return;
    default:
      throw new DceRpcError(
        "INVALID_VALUE",
        2,
        `unknown PDU type ${String((pdu as { type: unknown }).type)}`,
      );
  }
}

/** The primitives are shared with NDR; their errors are reported as DCE/RPC errors here. */
function translate(error: unknown): unknown {
  if (!(error instanceof NdrError)) return error;
  const code =
    error.code === "TRUNCATED" ? "TRUNCATED" : error.code === "INVALID_VALUE" ? "INVALID_VALUE" : "MALFORMED";
  return new DceRpcError(code, error.offset, error.message);
}
