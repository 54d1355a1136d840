import type { BindPdu } from "../dcerpc/bind.js";
import { PFC_FIRST_FRAG, PFC_LAST_FRAG } from "../dcerpc/constants.js";
import { NDR_TRANSFER_SYNTAX, type SyntaxId } from "../dcerpc/syntax.js";

/** The srvsvc interface `4b324fc8-1670-01d3-1278-5a47bf6ee188` v3.0 (ms-srvs-wire §4.1). */
export const SRVSVC_SYNTAX: SyntaxId = { uuid: "4b324fc8-1670-01d3-1278-5a47bf6ee188", major: 3, minor: 0 };

/** Operation numbers of the srvsvc calls this codec handles (ms-srvs-wire §4.1; [MS-SRVS] 3.1.4). */
export const SRVSVC_OPNUM = {
  NetrFileEnum: 9,
  NetrFileClose: 11,
  NetrSessionEnum: 12,
  NetrSessionDel: 13,
  NetrShareEnum: 15,
  NetrShareGetInfo: 16,
  NetrServerGetInfo: 21,
  NetrRemoteTOD: 28,
} as const;

/** The fragment size Samba's and Windows' clients offer (ms-srvs-wire §2.2). */
export const DEFAULT_MAX_FRAG = 4280;

/**
 * The bind a client sends first (ms-srvs-wire §2.2): one context, id 0, srvsvc 3.0 over NDR 2.0,
 * a new association group; with the defaults it is byte for byte `01-bind.req`.
 */
export function srvsvcBindPdu(callId: number, maxFrag: number = DEFAULT_MAX_FRAG): BindPdu {
  return {
    type: "bind",
    callId,
    pfcFlags: PFC_FIRST_FRAG | PFC_LAST_FRAG,
    rpcVersMinor: 0,
    maxXmitFrag: maxFrag,
    maxRecvFrag: maxFrag,
    assocGroupId: 0,
    contexts: [{ contextId: 0, abstractSyntax: SRVSVC_SYNTAX, transferSyntaxes: [NDR_TRANSFER_SYNTAX] }],
  };
}
