/**
 * Every captured PDU (test/vectors/srvsvc) decodes to what index.json says, and encodes back to the
 * very same bytes (ms-srvs-wire §2).
 */
import { describe, expect, it } from "vitest";
import { decodePduHeader } from "../../../src/msrvs/dcerpc/header.js";
import { decodePdu, encodePdu } from "../../../src/msrvs/dcerpc/pdu.js";
import type { SyntaxId } from "../../../src/msrvs/dcerpc/syntax.js";
import { HEX_FILES, hex, INDEX, loadVector, type VectorEntry } from "../support/vectors.js";

const version = (syntax: { readonly major: number; readonly minor: number }) =>
  `${syntax.major}.${syntax.minor}`;
/** index.json's transfer_version is the p_syntax_id_t's u32 version: major + (minor << 16). */
const u32Version = (syntax: SyntaxId) => syntax.major + syntax.minor * 0x10000;

function expectPduMatches(entry: VectorEntry, bytes: Uint8Array): void {
  const pdu = decodePdu(bytes);
  const { decoded } = entry;
  if (decoded.bind) {
    expect(pdu.type).toBe("bind");
    if (pdu.type !== "bind") return;
    const { bind } = decoded;
    expect([pdu.maxXmitFrag, pdu.maxRecvFrag, pdu.assocGroupId]).toEqual([
      bind.max_xmit_frag,
      bind.max_recv_frag,
      hex(bind.assoc_group_id),
    ]);
    expect(pdu.contexts.length).toBe(bind.n_context_elem);
    expect(
      pdu.contexts.map((context) => ({
        p_cont_id: context.contextId,
        n_transfer_syn: context.transferSyntaxes.length,
        abstract_syntax: context.abstractSyntax.uuid,
        abstract_version: version(context.abstractSyntax),
        transfer_syntax: context.transferSyntaxes[0]?.uuid,
        transfer_version: context.transferSyntaxes[0] && u32Version(context.transferSyntaxes[0]),
      })),
    ).toEqual(bind.contexts);
  } else if (decoded.bind_ack) {
    expect(pdu.type).toBe("bind_ack");
    if (pdu.type !== "bind_ack") return;
    const ack = decoded.bind_ack;
    expect([pdu.maxXmitFrag, pdu.maxRecvFrag, pdu.assocGroupId]).toEqual([
      ack.max_xmit_frag,
      ack.max_recv_frag,
      hex(ack.assoc_group_id),
    ]);
    expect(pdu.secondaryAddress).toBe(ack.sec_addr);
    expect((pdu.secondaryAddress ?? "").length + 1).toBe(ack.sec_addr_length);
    expect(Math.ceil((26 + ack.sec_addr_length) / 4) * 4).toBe(ack.pad_to);
    expect(pdu.results.length).toBe(ack.n_results);
    expect(
      pdu.results.map((result) => ({
        result: result.result,
        reason: result.reason,
        transfer_syntax: result.transferSyntax.uuid,
        transfer_version: u32Version(result.transferSyntax),
      })),
    ).toEqual(ack.results);
  } else if (decoded.bind_nak) {
    expect(pdu.type).toBe("bind_nak");
    if (pdu.type !== "bind_nak") return;
    const nak = decoded.bind_nak;
    expect(pdu.rejectReason).toBe(nak.provider_reject_reason);
    expect(pdu.versions.map(version)).toEqual(nak.versions);
    expect(nak.n_protocols).toBe(pdu.versions.length);
    expect(bytes.length - (16 + 3 + 2 * pdu.versions.length)).toBe(nak.trailing_pad_bytes);
  } else if (decoded.request) {
    expect(pdu.type).toBe("request");
    if (pdu.type !== "request") return;
    const { request } = decoded;
    expect([pdu.allocHint, pdu.contextId, pdu.opnum, pdu.stub.length, pdu.object]).toEqual([
      request.alloc_hint,
      request.p_cont_id,
      request.opnum,
      request.stub_length,
      null,
    ]);
  } else if (decoded.response) {
    expect(pdu.type).toBe("response");
    if (pdu.type !== "response") return;
    const { response } = decoded;
    expect([pdu.allocHint, pdu.contextId, pdu.cancelCount, bytes[23], pdu.stub.length]).toEqual([
      response.alloc_hint,
      response.p_cont_id,
      response.cancel_count,
      response.reserved,
      response.stub_length,
    ]);
  } else if (decoded.fault) {
    expect(pdu.type).toBe("fault");
    if (pdu.type !== "fault") return;
    const { fault } = decoded;
    expect([pdu.allocHint, pdu.contextId, pdu.cancelCount, pdu.status, pdu.stub.length]).toEqual([
      fault.alloc_hint,
      fault.p_cont_id,
      fault.cancel_count,
      hex(fault.status),
      0,
    ]);
    expect([bytes[23], new DataView(bytes.buffer).getUint32(28, true)]).toEqual([
      fault.reserved,
      hex(fault.reserved2),
    ]);
  } else {
    throw new Error(`${entry.file}: no decoded PDU body in index.json`);
  }
}

describe("captured PDUs (ms-srvs-wire §2, vectors README)", () => {
  it("index.json describes every .hex file, with its length", () => {
    expect(INDEX.map((entry) => entry.file).sort()).toEqual(HEX_FILES);
    for (const entry of INDEX) expect(loadVector(entry.file).length).toBe(entry.bytes);
  });

  describe.each(INDEX.map((entry) => [entry.file, entry] as const))("%s", (_file, entry) => {
    const bytes = loadVector(entry.file);

    it("has the header index.json gives", () => {
      const header = decodePduHeader(bytes);
      const expected = entry.decoded.header;
      expect({
        rpc_vers: header.rpcVers,
        rpc_vers_minor: header.rpcVersMinor,
        ptype: header.ptype,
        pfc_flags: `0x${header.pfcFlags.toString(16).padStart(2, "0")}`,
        drep: Buffer.from(bytes.subarray(4, 8)).toString("hex"),
        frag_length: header.fragLength,
        auth_length: header.authLength,
        call_id: header.callId,
      }).toEqual(expected);
    });

    it("decodes to the PDU fields index.json gives", () => {
      expectPduMatches(entry, bytes);
    });

    it("encodes back to the same bytes", () => {
      expect(encodePdu(decodePdu(bytes))).toEqual(bytes);
    });
  });
});
