import { CONTEXT_RESULT } from "../../msrvs/dcerpc/constants.js";
import { fragmentRequest } from "../../msrvs/dcerpc/fragment.js";
import { decodePdu, encodePdu } from "../../msrvs/dcerpc/pdu.js";
import { FragmentReassembler } from "../../msrvs/dcerpc/reassembler.js";
import { DEFAULT_MAX_FRAG, srvsvcBindPdu } from "../../msrvs/srvsvc/interface.js";
import type { RpcPipe } from "./rpcPipe.js";
import { SrvsvcRpcError } from "./SrvsvcRpcError.js";

/** The presentation context id of the one srvsvc context the channel binds. */
const CONTEXT_ID = 0;

/** Splits a reply made of whole fragments (the pipe guarantees it) into single PDUs. */
function splitFragments(reply: Buffer): Buffer[] {
  const fragments: Buffer[] = [];
  for (let at = 0; at < reply.length; ) {
    if (reply.length - at < 16) throw new SrvsvcRpcError("protocol", 0, "reply ends inside a PDU header");
    const length = reply.readUInt16LE(at + 8);
    if (length < 16 || at + length > reply.length)
      throw new SrvsvcRpcError("protocol", 0, `fragment of ${length} bytes at ${at} does not fit the reply`);
    fragments.push(reply.subarray(at, at + length));
    at += length;
  }
  return fragments;
}

/**
 * One DCE/RPC association with srvsvc over a pipe (ms-srvs-wire §2): the bind, then calls one at a
 * time, each request fragmented to the server's max_recv_frag (§2.5) and each reply reassembled and
 * checked (§2.8). A fault is `SrvsvcRpcError("fault")`; a malformed reply throws DceRpcError and
 * leaves the channel `broken` (the next reply could belong to this call).
 */
export class SrvsvcChannel {
  private readonly pipe: RpcPipe;
  private nextCallId = 2;
  private maxSendFrag = DEFAULT_MAX_FRAG;
  private tail: Promise<unknown> = Promise.resolve();
  private desynchronized = false;

  private constructor(pipe: RpcPipe) {
    this.pipe = pipe;
  }

  /**
   * Binds srvsvc 3.0 over NDR on `pipe` with call_id 1 (ms-srvs-wire §2.2-2.4). A bind_nak or a refused
   * context is `SrvsvcRpcError("bind-rejected")`. The pipe is not closed on failure.
   */
  static async bind(pipe: RpcPipe): Promise<SrvsvcChannel> {
    const channel = new SrvsvcChannel(pipe);
    const [ack, ...rest] = splitFragments(await pipe.transceive(Buffer.from(encodePdu(srvsvcBindPdu(1)))));
    if (ack === undefined || rest.length > 0)
      throw new SrvsvcRpcError("protocol", 0, "the bind reply is not one PDU");
    const pdu = decodePdu(ack);
    if (pdu.type === "bind_nak") throw new SrvsvcRpcError("bind-rejected", pdu.rejectReason, "bind_nak");
    if (pdu.type !== "bind_ack" || pdu.callId !== 1)
      throw new SrvsvcRpcError("protocol", 0, `a ${pdu.type} (call_id ${pdu.callId}) answered the bind`);
    const [result] = pdu.results;
    if (pdu.results.length !== 1 || result?.result !== CONTEXT_RESULT.acceptance) {
      throw new SrvsvcRpcError("bind-rejected", result?.reason ?? 0, "the srvsvc context was not accepted");
    }
    channel.maxSendFrag = Math.min(pdu.maxRecvFrag, DEFAULT_MAX_FRAG);
    return channel;
  }

  /** True when the pipe failed, or a reply could not be matched to its call: open a new channel. */
  get broken(): boolean {
    return this.desynchronized || this.pipe.failed;
  }

  /** The pipe the channel runs on. */
  get transport(): RpcPipe {
    return this.pipe;
  }

  /** Sends one call (`opnum`, NDR input `stub`) and resolves with the reassembled output stub. */
  call(opnum: number, stub: Uint8Array): Promise<Uint8Array> {
    const run = () => this.exchange(opnum, stub);
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async exchange(opnum: number, stub: Uint8Array): Promise<Uint8Array> {
    const callId = this.nextCallId;
    this.nextCallId = (this.nextCallId + 1) >>> 0 || 2;
    const fragments = fragmentRequest({ callId, contextId: CONTEXT_ID, opnum, stub }, this.maxSendFrag);
    try {
      for (const fragment of fragments.slice(0, -1)) await this.pipe.write(Buffer.from(fragment));
      const reply = await this.pipe.transceive(Buffer.from(fragments.at(-1) as Uint8Array));
      const reassembler = new FragmentReassembler({
        expect: "response",
        callId,
        maxFragLength: DEFAULT_MAX_FRAG,
      });
      const parts = splitFragments(reply);
      for (const [i, fragment] of parts.entries()) {
        const call = reassembler.push(fragment);
        if (call === null) continue;
        if (i !== parts.length - 1) throw new SrvsvcRpcError("protocol", 0, "bytes after the last fragment");
        if (call.type === "fault") throw new SrvsvcRpcError("fault", call.fault.status, `opnum ${opnum}`);
        if (call.type !== "response" || call.contextId !== CONTEXT_ID)
          throw new SrvsvcRpcError(
            "protocol",
            0,
            `opnum ${opnum}: reply on context ${call.type === "response" ? call.contextId : "?"}`,
          );
        return call.stub;
      }
      throw new SrvsvcRpcError("protocol", 0, `opnum ${opnum}: the reply has no last fragment`);
    } catch (error) {
      if (!SrvsvcRpcError.is(error, "fault")) this.desynchronized = true;
      throw error;
    }
  }
}
