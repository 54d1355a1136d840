import type { NdrReader } from "../ndr/NdrReader.js";
import type { NdrWriter } from "../ndr/NdrWriter.js";
import { DceRpcError } from "./DceRpcError.js";
import { readSyntaxId, type SyntaxId, writeSyntaxId } from "./syntax.js";

/** Fields every PDU carries in its common header besides PTYPE and lengths (ms-srvs-wire §2.1). */
export interface PduCommon {
  /** call_id. */
  readonly callId: number;
  /** pfc_flags (PFC_* bits); 0x03 for a single-fragment PDU. */
  readonly pfcFlags: number;
  /** rpc_vers_minor (0). */
  readonly rpcVersMinor: number;
}

/** One presentation context offered in a bind (ms-srvs-wire §2.2). */
export interface PresentationContext {
  /** p_cont_id, used by later requests. */
  readonly contextId: number;
  /** The interface (e.g. srvsvc 3.0). */
  readonly abstractSyntax: SyntaxId;
  /** Transfer syntaxes offered (NDR 2.0). */
  readonly transferSyntaxes: readonly SyntaxId[];
}

/** A bind PDU, PTYPE 11 (ms-srvs-wire §2.2). */
export interface BindPdu extends PduCommon {
  /** Discriminant. */
  readonly type: "bind";
  /** Largest fragment the client sends. */
  readonly maxXmitFrag: number;
  /** Largest fragment the client accepts. */
  readonly maxRecvFrag: number;
  /** 0 for a new association group. */
  readonly assocGroupId: number;
  /** The contexts offered, in order. */
  readonly contexts: readonly PresentationContext[];
}

/** The server's answer for one offered context (ms-srvs-wire §2.3). */
export interface ContextResult {
  /** CONTEXT_RESULT: 0 acceptance, 1 user rejection, 2 provider rejection, 3 negotiate ack. */
  readonly result: number;
  /** CONTEXT_REJECT_REASON when rejected, else 0. */
  readonly reason: number;
  /** The accepted transfer syntax (all zero when rejected). */
  readonly transferSyntax: SyntaxId;
}

/** A bind_ack PDU, PTYPE 12 (ms-srvs-wire §2.3). Check each result: a rejection also comes as bind_ack. */
export interface BindAckPdu extends PduCommon {
  /** Discriminant. */
  readonly type: "bind_ack";
  /** Largest fragment the server sends. */
  readonly maxXmitFrag: number;
  /** Largest fragment the server accepts: never send a bigger one. */
  readonly maxRecvFrag: number;
  /** The association group (varies per connection). */
  readonly assocGroupId: number;
  /** Secondary address without its NUL (`\pipe\srvsvc`); null when its length is 0. */
  readonly secondaryAddress: string | null;
  /** One result per offered context, in order. */
  readonly results: readonly ContextResult[];
}

/** A protocol version in a bind_nak. */
export interface ProtocolVersion {
  /** Major version (5). */
  readonly major: number;
  /** Minor version (0). */
  readonly minor: number;
}

/** A bind_nak PDU, PTYPE 13 (ms-srvs-wire §2.4). */
export interface BindNakPdu extends PduCommon {
  /** Discriminant. */
  readonly type: "bind_nak";
  /** provider_reject_reason (BIND_NAK_REASON). */
  readonly rejectReason: number;
  /** Protocol versions the server supports. */
  readonly versions: readonly ProtocolVersion[];
}

/** Writes the body of a bind (after the common header). */
export function writeBindBody(writer: NdrWriter, pdu: BindPdu): void {
  writer.u16(pdu.maxXmitFrag, "max_xmit_frag");
  writer.u16(pdu.maxRecvFrag, "max_recv_frag");
  writer.u32(pdu.assocGroupId, "assoc_group_id");
  writer.u8(pdu.contexts.length, "n_context_elem");
  writer.u8(0);
  writer.u16(0);
  for (const context of pdu.contexts) {
    writer.u16(context.contextId, "p_cont_id");
    writer.u8(context.transferSyntaxes.length, "n_transfer_syn");
    writer.u8(0);
    writeSyntaxId(writer, context.abstractSyntax);
    for (const syntax of context.transferSyntaxes) writeSyntaxId(writer, syntax);
  }
}

/** Reads the body of a bind; `common` comes from the header. */
export function readBindBody(reader: NdrReader, common: PduCommon): BindPdu {
  const maxXmitFrag = reader.u16();
  const maxRecvFrag = reader.u16();
  const assocGroupId = reader.u32();
  const count = reader.u8();
  reader.u8();
  reader.u16();
  const contexts: PresentationContext[] = [];
  for (let i = 0; i < count; i++) {
    const contextId = reader.u16();
    const syntaxCount = reader.u8();
    reader.u8();
    const abstractSyntax = readSyntaxId(reader);
    const transferSyntaxes: SyntaxId[] = [];
    for (let j = 0; j < syntaxCount; j++) transferSyntaxes.push(readSyntaxId(reader));
    contexts.push({ contextId, abstractSyntax, transferSyntaxes });
  }
  return { type: "bind", ...common, maxXmitFrag, maxRecvFrag, assocGroupId, contexts };
}

/** Writes the body of a bind_ack: the secondary address is padded to 4 from the PDU start (§2.3). */
export function writeBindAckBody(writer: NdrWriter, pdu: BindAckPdu): void {
  writer.u16(pdu.maxXmitFrag, "max_xmit_frag");
  writer.u16(pdu.maxRecvFrag, "max_recv_frag");
  writer.u32(pdu.assocGroupId, "assoc_group_id");
  const address = pdu.secondaryAddress;
  if (address === null) {
    writer.u16(0);
  } else {
    if (!isEightBitText(address)) {
      throw new DceRpcError(
        "INVALID_VALUE",
        writer.length,
        "secondary address must be 8-bit text without NUL",
      );
    }
    writer.u16(address.length + 1, "secondary address length");
    writer.bytes(Uint8Array.from(address, (c) => c.charCodeAt(0)));
    writer.u8(0);
  }
  writer.align(4);
  writer.u8(pdu.results.length, "n_results");
  writer.u8(0);
  writer.u16(0);
  for (const result of pdu.results) {
    writer.u16(result.result, "result");
    writer.u16(result.reason, "reason");
    writeSyntaxId(writer, result.transferSyntax);
  }
}

/** Reads the body of a bind_ack; the result list's position depends on the address length (§2.3). */
export function readBindAckBody(reader: NdrReader, common: PduCommon): BindAckPdu {
  const maxXmitFrag = reader.u16();
  const maxRecvFrag = reader.u16();
  const assocGroupId = reader.u32();
  const addressAt = reader.offset;
  const addressLength = reader.u16();
  const addressBytes = reader.bytes(addressLength);
  let secondaryAddress: string | null = null;
  if (addressLength > 0) {
    const nul = addressBytes.indexOf(0);
    if (nul !== addressLength - 1) {
      throw new DceRpcError("MALFORMED", addressAt, "secondary address is not one NUL-terminated string");
    }
    secondaryAddress = String.fromCharCode(...addressBytes.subarray(0, nul));
  }
  reader.align(4);
  const count = reader.u8();
  reader.u8();
  reader.u16();
  const results: ContextResult[] = [];
  for (let i = 0; i < count; i++) {
    const result = reader.u16();
    const reason = reader.u16();
    results.push({ result, reason, transferSyntax: readSyntaxId(reader) });
  }
  return { type: "bind_ack", ...common, maxXmitFrag, maxRecvFrag, assocGroupId, secondaryAddress, results };
}

/** Writes the body of a bind_nak, padded to a multiple of 4 as Samba sends it (§2.4). */
export function writeBindNakBody(writer: NdrWriter, pdu: BindNakPdu): void {
  writer.u16(pdu.rejectReason, "provider_reject_reason");
  writer.u8(pdu.versions.length, "n_protocols");
  for (const version of pdu.versions) {
    writer.u8(version.major, "protocol major version");
    writer.u8(version.minor, "protocol minor version");
  }
  writer.align(4);
}

/** Reads the body of a bind_nak; whatever follows the version list (padding, signature) is skipped. */
export function readBindNakBody(reader: NdrReader, common: PduCommon): BindNakPdu {
  const rejectReason = reader.u16();
  const count = reader.u8();
  const versions: ProtocolVersion[] = [];
  for (let i = 0; i < count; i++) {
    const major = reader.u8();
    versions.push({ major, minor: reader.u8() });
  }
  reader.bytes(reader.remaining);
  return { type: "bind_nak", ...common, rejectReason, versions };
}

/** True for a string of characters 1-255 (the secondary address is 8-bit text ending in one NUL). */
function isEightBitText(value: unknown): value is string {
  if (typeof value !== "string") return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0 || code > 0xff) return false;
  }
  return true;
}
