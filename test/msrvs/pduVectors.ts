import { readFileSync } from "node:fs";

const DIR = new URL("../vectors/transport/", import.meta.url);

/** One captured DCE/RPC PDU from test/vectors/transport (hex, whitespace ignored). */
export function loadPdu(name: string): Buffer {
  return Buffer.from(readFileSync(new URL(`${name}.hex`, DIR), "utf8").replace(/\s+/g, ""), "hex");
}

/** A copy of `pdu` with call_id (DCE header offset 12, ms-srvs-wire §2.1) set to `callId`. */
export function withCallId(pdu: Buffer, callId: number): Buffer {
  const copy = Buffer.from(pdu);
  copy.writeUInt32LE(callId, 12);
  return copy;
}

/** The 16-byte DCE/RPC header fields of each fragment of a reply (ms-srvs-wire §2.1). */
export function fragmentsOf(
  reply: Buffer,
): { ptype: number; flags: number; length: number; callId: number }[] {
  const out: { ptype: number; flags: number; length: number; callId: number }[] = [];
  for (let at = 0; at < reply.length; ) {
    const length = reply.readUInt16LE(at + 8);
    out.push({
      ptype: reply[at + 2] as number,
      flags: reply[at + 3] as number,
      length,
      callId: reply.readUInt32LE(at + 12),
    });
    at += length;
  }
  return out;
}
