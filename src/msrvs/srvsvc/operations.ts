import * as files from "./files.js";
import { SRVSVC_OPNUM } from "./interface.js";
import * as server from "./server.js";
import * as sessions from "./sessions.js";
import * as shares from "./shares.js";
import type { DecodeOptions, EncodeOptions } from "./stub.js";

/** The four stub codecs of one srvsvc operation: both directions, both sides (client and server). */
export interface SrvsvcOperation<Request, Response> {
  /** [MS-SRVS] name, e.g. `NetrSessionEnum`. */
  readonly name: keyof typeof SRVSVC_OPNUM;
  /** Operation number. */
  readonly opnum: number;
  /** Request value → stub. */
  encodeRequest(request: Request, options?: EncodeOptions): Uint8Array;
  /** Stub → request value (throws NdrError). */
  decodeRequest(stub: Uint8Array, options?: DecodeOptions): Request;
  /** Response value → stub. */
  encodeResponse(response: Response, options?: EncodeOptions): Uint8Array;
  /** Stub → response value (throws NdrError). */
  decodeResponse(stub: Uint8Array, options?: DecodeOptions): Response;
}

/** Every srvsvc operation this codec handles, by name (for a client, and for a server's dispatch). */
export const SRVSVC_OPERATIONS = {
  NetrFileEnum: {
    name: "NetrFileEnum",
    opnum: SRVSVC_OPNUM.NetrFileEnum,
    encodeRequest: files.encodeNetrFileEnumRequest,
    decodeRequest: files.decodeNetrFileEnumRequest,
    encodeResponse: files.encodeNetrFileEnumResponse,
    decodeResponse: files.decodeNetrFileEnumResponse,
  } satisfies SrvsvcOperation<files.NetrFileEnumRequest, files.NetrFileEnumResponse>,
  NetrFileClose: {
    name: "NetrFileClose",
    opnum: SRVSVC_OPNUM.NetrFileClose,
    encodeRequest: files.encodeNetrFileCloseRequest,
    decodeRequest: files.decodeNetrFileCloseRequest,
    encodeResponse: files.encodeNetrFileCloseResponse,
    decodeResponse: files.decodeNetrFileCloseResponse,
  } satisfies SrvsvcOperation<files.NetrFileCloseRequest, files.NetrFileCloseResponse>,
  NetrSessionEnum: {
    name: "NetrSessionEnum",
    opnum: SRVSVC_OPNUM.NetrSessionEnum,
    encodeRequest: sessions.encodeNetrSessionEnumRequest,
    decodeRequest: sessions.decodeNetrSessionEnumRequest,
    encodeResponse: sessions.encodeNetrSessionEnumResponse,
    decodeResponse: sessions.decodeNetrSessionEnumResponse,
  } satisfies SrvsvcOperation<sessions.NetrSessionEnumRequest, sessions.NetrSessionEnumResponse>,
  NetrSessionDel: {
    name: "NetrSessionDel",
    opnum: SRVSVC_OPNUM.NetrSessionDel,
    encodeRequest: sessions.encodeNetrSessionDelRequest,
    decodeRequest: sessions.decodeNetrSessionDelRequest,
    encodeResponse: sessions.encodeNetrSessionDelResponse,
    decodeResponse: sessions.decodeNetrSessionDelResponse,
  } satisfies SrvsvcOperation<sessions.NetrSessionDelRequest, sessions.NetrSessionDelResponse>,
  NetrShareEnum: {
    name: "NetrShareEnum",
    opnum: SRVSVC_OPNUM.NetrShareEnum,
    encodeRequest: shares.encodeNetrShareEnumRequest,
    decodeRequest: shares.decodeNetrShareEnumRequest,
    encodeResponse: shares.encodeNetrShareEnumResponse,
    decodeResponse: shares.decodeNetrShareEnumResponse,
  } satisfies SrvsvcOperation<shares.NetrShareEnumRequest, shares.NetrShareEnumResponse>,
  NetrShareGetInfo: {
    name: "NetrShareGetInfo",
    opnum: SRVSVC_OPNUM.NetrShareGetInfo,
    encodeRequest: shares.encodeNetrShareGetInfoRequest,
    decodeRequest: shares.decodeNetrShareGetInfoRequest,
    encodeResponse: shares.encodeNetrShareGetInfoResponse,
    decodeResponse: shares.decodeNetrShareGetInfoResponse,
  } satisfies SrvsvcOperation<shares.NetrShareGetInfoRequest, shares.NetrShareGetInfoResponse>,
  NetrServerGetInfo: {
    name: "NetrServerGetInfo",
    opnum: SRVSVC_OPNUM.NetrServerGetInfo,
    encodeRequest: server.encodeNetrServerGetInfoRequest,
    decodeRequest: server.decodeNetrServerGetInfoRequest,
    encodeResponse: server.encodeNetrServerGetInfoResponse,
    decodeResponse: server.decodeNetrServerGetInfoResponse,
  } satisfies SrvsvcOperation<server.NetrServerGetInfoRequest, server.NetrServerGetInfoResponse>,
  NetrRemoteTOD: {
    name: "NetrRemoteTOD",
    opnum: SRVSVC_OPNUM.NetrRemoteTOD,
    encodeRequest: server.encodeNetrRemoteTODRequest,
    decodeRequest: server.decodeNetrRemoteTODRequest,
    encodeResponse: server.encodeNetrRemoteTODResponse,
    decodeResponse: server.decodeNetrRemoteTODResponse,
  } satisfies SrvsvcOperation<server.NetrRemoteTODRequest, server.NetrRemoteTODResponse>,
} as const;

const BY_OPNUM = new Map<number, SrvsvcOperation<unknown, unknown>>(
  Object.values(SRVSVC_OPERATIONS).map((operation) => [
    operation.opnum,
    operation as SrvsvcOperation<unknown, unknown>,
  ]),
);

/** The operation with this opnum, or undefined (a server answers that with nca_s_op_rng_error). */
export function srvsvcOperation(opnum: number): SrvsvcOperation<unknown, unknown> | undefined {
  return BY_OPNUM.get(opnum);
}
