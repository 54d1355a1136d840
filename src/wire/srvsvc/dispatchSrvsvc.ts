/**
 * The srvsvc dispatcher of the wire server (ms-srvs-wire §4; [MS-SRVS] 3.1.4): decodes a call's stub
 * with the shared codec, runs its handler, and encodes the answer with referent ids continuing the
 * request's, as Samba numbers them (ms-srvs-wire §3.2). An opnum without a handler faults with
 * nca_s_op_rng_error, a stub that does not decode with nca_s_fault_ndr (§2.7).
 */
import { FAULT_STATUS } from "../../msrvs/dcerpc/faultStatus.js";
import { NdrError } from "../../msrvs/ndr/NdrError.js";
import { FIRST_REFERENT_ID, sequentialReferents } from "../../msrvs/ndr/referents.js";
import type { NdrTraceEvent } from "../../msrvs/ndr/trace.js";
import { SRVSVC_OPNUM } from "../../msrvs/srvsvc/interface.js";
import { SRVSVC_OPERATIONS, srvsvcOperation } from "../../msrvs/srvsvc/operations.js";
import type { RpcOutcome } from "../rpc/RpcAssociation.js";
import { netrFileClose, netrFileEnum } from "./fileCalls.js";
import type { SrvsvcCallContext } from "./SrvsvcCallContext.js";
import { netrRemoteTOD, netrServerGetInfo } from "./serverCalls.js";
import { netrSessionDel, netrSessionEnum } from "./sessionCalls.js";
import { netrShareEnum, netrShareGetInfo } from "./shareCalls.js";

type Handler = (context: SrvsvcCallContext, request: never) => unknown;

/** The handler of each srvsvc operation the server answers, by opnum. */
const HANDLERS = new Map<number, Handler>([
  [SRVSVC_OPNUM.NetrFileEnum, netrFileEnum],
  [SRVSVC_OPNUM.NetrFileClose, netrFileClose],
  [SRVSVC_OPNUM.NetrSessionEnum, netrSessionEnum],
  [SRVSVC_OPNUM.NetrSessionDel, netrSessionDel],
  [SRVSVC_OPNUM.NetrShareEnum, netrShareEnum],
  [SRVSVC_OPNUM.NetrShareGetInfo, netrShareGetInfo],
  [SRVSVC_OPNUM.NetrServerGetInfo, netrServerGetInfo],
  [SRVSVC_OPNUM.NetrRemoteTOD, netrRemoteTOD],
]);

/** The opnums the wire server answers (every one of {@link SRVSVC_OPERATIONS}). */
export const SERVED_OPNUMS: readonly number[] = Object.values(SRVSVC_OPERATIONS).map((op) => op.opnum);

/** Answers one srvsvc call; never throws (an unexpected failure is nca_s_fault_cant_perform). */
export function dispatchSrvsvc(context: SrvsvcCallContext, opnum: number, stub: Uint8Array): RpcOutcome {
  const operation = srvsvcOperation(opnum);
  const handler = HANDLERS.get(opnum);
  if (operation === undefined || handler === undefined) {
    return { fault: FAULT_STATUS.nca_s_op_rng_error, didNotExecute: true };
  }
  const trace: NdrTraceEvent[] = [];
  let request: unknown;
  try {
    request = operation.decodeRequest(stub, { trace, allowTrailingBytes: true });
  } catch (error) {
    if (error instanceof NdrError) return { fault: FAULT_STATUS.nca_s_fault_ndr, didNotExecute: false };
    return { fault: FAULT_STATUS.nca_s_fault_cant_perform, didNotExecute: false };
  }
  try {
    const response = handler(context, request as never);
    const pointers = trace.filter((event) => event.kind === "pointer" && event.referent !== 0).length;
    const referents = sequentialReferents(FIRST_REFERENT_ID + 4 * pointers);
    return { stub: operation.encodeResponse(response, { referents }) };
  } catch {
    return { fault: FAULT_STATUS.nca_s_fault_cant_perform, didNotExecute: false };
  }
}
