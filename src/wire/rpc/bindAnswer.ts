/**
 * The server's answer to a bind (ms-srvs-wire §2.2-2.4; C706 §12.6.4.3; MS-RPCE §3.3.1.5.3): which of
 * the offered presentation contexts it accepts, the fragment size, and when it refuses the whole bind.
 */
import type { BindAckPdu, BindNakPdu, BindPdu, ContextResult } from "../../msrvs/dcerpc/bind.js";
import {
  BIND_NAK_REASON,
  CONTEXT_REJECT_REASON,
  CONTEXT_RESULT,
  PFC_FIRST_FRAG,
  PFC_LAST_FRAG,
} from "../../msrvs/dcerpc/constants.js";
import { NDR_TRANSFER_SYNTAX, type SyntaxId } from "../../msrvs/dcerpc/syntax.js";
import { SRVSVC_SYNTAX } from "../../msrvs/srvsvc/interface.js";

const NULL_SYNTAX: SyntaxId = { uuid: "00000000-0000-0000-0000-000000000000", major: 0, minor: 0 };

/** The first 8 bytes of the bind-time feature negotiation transfer syntax UUID (MS-RPCE §3.3.1.5.3). */
const FEATURE_NEGOTIATION_PREFIX = "6cb71c2c-9812-4540-";

const sameSyntax = (a: SyntaxId, b: SyntaxId) =>
  a.uuid === b.uuid && a.major === b.major && a.minor === b.minor;

/**
 * The fragment size both directions use, as Samba chooses it (ms-srvs-wire §2.3): min(max_xmit_frag,
 * max_recv_frag) of the client, at least 2048, at most 5840, rounded down to a multiple of 8.
 */
export function negotiatedFragmentSize(bind: Pick<BindPdu, "maxXmitFrag" | "maxRecvFrag">): number {
  const size = Math.min(5840, Math.max(2048, Math.min(bind.maxXmitFrag, bind.maxRecvFrag)));
  return size - (size % 8);
}

/** The result for one offered context: srvsvc 3.0 over NDR 2.0 is accepted, feature negotiation acknowledged. */
function contextResult(abstract: SyntaxId, transfers: readonly SyntaxId[]): ContextResult {
  if (transfers.some((syntax) => syntax.uuid.startsWith(FEATURE_NEGOTIATION_PREFIX))) {
    return { result: CONTEXT_RESULT.negotiate_ack, reason: 0, transferSyntax: NULL_SYNTAX };
  }
  if (!sameSyntax(abstract, SRVSVC_SYNTAX)) {
    return {
      result: CONTEXT_RESULT.provider_rejection,
      reason: CONTEXT_REJECT_REASON.abstract_syntax_not_supported,
      transferSyntax: NULL_SYNTAX,
    };
  }
  if (!transfers.some((syntax) => sameSyntax(syntax, NDR_TRANSFER_SYNTAX))) {
    return {
      result: CONTEXT_RESULT.provider_rejection,
      reason: CONTEXT_REJECT_REASON.proposed_transfer_syntaxes_not_supported,
      transferSyntax: NULL_SYNTAX,
    };
  }
  return { result: CONTEXT_RESULT.acceptance, reason: 0, transferSyntax: NDR_TRANSFER_SYNTAX };
}

/** What answering a bind decided: the PDU to send and the context ids now usable. */
export interface BindAnswer {
  readonly reply: BindAckPdu | BindNakPdu;
  readonly acceptedContexts: readonly number[];
  readonly fragmentSize: number;
}

/**
 * Answers a bind (or, with `type` alter_context_resp semantics left to the caller, an alter_context):
 * rpc_vers_minor other than 0 gets a bind_nak "protocol version not supported" listing 5.0, as Samba
 * sends it (vector 30); otherwise a bind_ack with one result per context (vectors 01, 24, 26, 27).
 */
export function answerBind(bind: BindPdu, assocGroupId: number): BindAnswer {
  const common = { callId: bind.callId, pfcFlags: PFC_FIRST_FRAG | PFC_LAST_FRAG, rpcVersMinor: 0 };
  const fragmentSize = negotiatedFragmentSize(bind);
  if (bind.rpcVersMinor !== 0) {
    return {
      reply: {
        type: "bind_nak",
        ...common,
        rejectReason: BIND_NAK_REASON.protocol_version_not_supported,
        versions: [{ major: 5, minor: 0 }],
      },
      acceptedContexts: [],
      fragmentSize,
    };
  }
  const results = bind.contexts.map((context) =>
    contextResult(context.abstractSyntax, context.transferSyntaxes),
  );
  return {
    reply: {
      type: "bind_ack",
      ...common,
      maxXmitFrag: fragmentSize,
      maxRecvFrag: fragmentSize,
      assocGroupId,
      secondaryAddress: "\\pipe\\srvsvc",
      results,
    },
    acceptedContexts: bind.contexts
      .filter((_, i) => results[i]?.result === CONTEXT_RESULT.acceptance)
      .map((context) => context.contextId),
    fragmentSize,
  };
}
