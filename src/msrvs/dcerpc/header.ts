import { COMMON_HEADER_LENGTH, NDR_LITTLE_ENDIAN_DREP } from "./constants.js";
import { DceRpcError } from "./DceRpcError.js";

/** The 16-byte common header of every connection-oriented PDU (ms-srvs-wire §2.1). */
export interface PduHeader {
  /** rpc_vers: always 5 (checked). */
  readonly rpcVers: number;
  /** rpc_vers_minor: 0 in practice; reported, not checked (Samba answers other values with bind_nak). */
  readonly rpcVersMinor: number;
  /** PTYPE (see PTYPE). */
  readonly ptype: number;
  /** pfc_flags (PFC_* bits). */
  readonly pfcFlags: number;
  /** frag_length: the whole PDU, header included. */
  readonly fragLength: number;
  /** auth_length: 0 on the srvsvc pipe. */
  readonly authLength: number;
  /** call_id. */
  readonly callId: number;
}

/**
 * Decodes the common header at the start of `bytes` (which may hold more, or less, than one PDU
 * after the header): checks rpc_vers 5, drep `10 00 00 00` and frag_length ≥ 16, so a transport
 * can learn how many bytes the fragment has. Throws DceRpcError.
 */
export function decodePduHeader(bytes: Uint8Array): PduHeader {
  if (bytes.length < COMMON_HEADER_LENGTH) {
    throw new DceRpcError("TRUNCATED", bytes.length, `a PDU header needs 16 bytes, got ${bytes.length}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rpcVers = view.getUint8(0);
  if (rpcVers !== 5) throw new DceRpcError("BAD_VERSION", 0, `rpc_vers ${rpcVers}, expected 5`);
  for (let i = 0; i < 4; i++) {
    if (bytes[4 + i] !== NDR_LITTLE_ENDIAN_DREP[i]) {
      throw new DceRpcError("UNSUPPORTED_DREP", 4 + i, "packed_drep is not 10 00 00 00 (little-endian)");
    }
  }
  const fragLength = view.getUint16(8, true);
  if (fragLength < COMMON_HEADER_LENGTH) {
    throw new DceRpcError("BAD_FRAG_LENGTH", 8, `frag_length ${fragLength} is shorter than the header`);
  }
  return {
    rpcVers,
    rpcVersMinor: view.getUint8(1),
    ptype: view.getUint8(2),
    pfcFlags: view.getUint8(3),
    fragLength,
    authLength: view.getUint16(10, true),
    callId: view.getUint32(12, true),
  };
}

/**
 * How many bytes the PDU starting at `bytes` has (its frag_length), or undefined while fewer than 16
 * bytes are available. For transports reading a byte stream (ms-srvs-wire §1.9).
 */
export function peekFragLength(bytes: Uint8Array): number | undefined {
  return bytes.length < COMMON_HEADER_LENGTH ? undefined : decodePduHeader(bytes).fragLength;
}
