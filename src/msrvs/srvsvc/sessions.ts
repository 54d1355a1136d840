import { type EnumContainer, type LevelLayouts, readEnumStruct, writeEnumStruct } from "./levels.js";
import type { StructLayout } from "./structLayout.js";
import { type DecodeOptions, decodeStub, type EncodeOptions, encodeStub } from "./stub.js";

/** SESSION_INFO_0 (ms-srvs-wire §4.2). */
export interface SessionInfo0 {
  /** Client computer name or address, without `\\`. */
  readonly cname: string | null;
}

/** SESSION_INFO_1 (ms-srvs-wire §4.2, worked example §5). */
export interface SessionInfo1 {
  /** Client computer name or address, without `\\`. */
  readonly cname: string | null;
  /** Account name. */
  readonly username: string | null;
  /** Files, devices and pipes open in the session. */
  readonly numOpens: number;
  /** Seconds since the session was set up. */
  readonly time: number;
  /** Seconds idle. */
  readonly idleTime: number;
  /** 0x1 SESS_GUEST, 0x2 SESS_NOENCRYPTION. */
  readonly userFlags: number;
}

/** SESSION_INFO_2: level 1 plus the client type. */
export interface SessionInfo2 extends SessionInfo1 {
  /** Client type string. */
  readonly cltypeName: string | null;
}

/** SESSION_INFO_10. */
export interface SessionInfo10 {
  /** Client computer name or address. */
  readonly cname: string | null;
  /** Account name. */
  readonly username: string | null;
  /** Seconds since the session was set up. */
  readonly time: number;
  /** Seconds idle. */
  readonly idleTime: number;
}

/** SESSION_INFO_502: level 2 plus the transport name. */
export interface SessionInfo502 extends SessionInfo2 {
  /** Transport name. */
  readonly transport: string | null;
}

/**
 * SESSION_ENUM_STRUCT (ms-srvs-wire §4.2): the level and its container. A level without a case in the
 * IDL has no arm on the wire (Samba's empty default, vector 34) and is written `{ level, container: null }`.
 */
export type SessionEnumStruct =
  | { readonly level: 0; readonly container: EnumContainer<SessionInfo0> | null }
  | { readonly level: 1; readonly container: EnumContainer<SessionInfo1> | null }
  | { readonly level: 2; readonly container: EnumContainer<SessionInfo2> | null }
  | { readonly level: 10; readonly container: EnumContainer<SessionInfo10> | null }
  | { readonly level: 502; readonly container: EnumContainer<SessionInfo502> | null }
  | { readonly level: number; readonly container: null };

/** NetrSessionEnum (opnum 12) input (ms-srvs-wire §4.2). */
export interface NetrSessionEnumRequest {
  /** ServerName, e.g. `\\127.0.0.1` (ignored by servers). */
  readonly serverName: string | null;
  /** ClientName filter (`\\`-prefixed on Windows); null = all clients. */
  readonly clientName: string | null;
  /** UserName filter; null = all users. */
  readonly userName: string | null;
  /** The level and a container (send `{ entries: null }`). */
  readonly info: SessionEnumStruct;
  /** PreferedMaximumLength (sic in the IDL); 0xFFFFFFFF = everything. */
  readonly preferredMaximumLength: number;
  /** ResumeHandle: 0 on the first call, null to send a NULL pointer. */
  readonly resumeHandle: number | null;
}

/** NetrSessionEnum (opnum 12) output (ms-srvs-wire §4.2). */
export interface NetrSessionEnumResponse {
  /** The level and the entries read. */
  readonly info: SessionEnumStruct;
  /** TotalEntries. */
  readonly totalEntries: number;
  /** ResumeHandle (null if the request's was NULL). */
  readonly resumeHandle: number | null;
  /** Return value (WERROR; 0 success, 0xEA more data). */
  readonly werror: number;
}

/** NetrSessionDel (opnum 13) input (ms-srvs-wire §4.3). Send both names: NULL matches everything. */
export interface NetrSessionDelRequest {
  /** ServerName. */
  readonly serverName: string | null;
  /** ClientName (`\\`-prefixed). */
  readonly clientName: string | null;
  /** UserName. */
  readonly userName: string | null;
}

/** NetrSessionDel (opnum 13) output: the WERROR only. */
export interface NetrSessionDelResponse {
  /** Return value (WERROR). */
  readonly werror: number;
}

const SESSION_INFO_0: StructLayout<SessionInfo0> = [{ key: "cname", kind: "string" }];
const SESSION_INFO_1: StructLayout<SessionInfo1> = [
  { key: "cname", kind: "string" },
  { key: "username", kind: "string" },
  { key: "numOpens", kind: "u32" },
  { key: "time", kind: "u32" },
  { key: "idleTime", kind: "u32" },
  { key: "userFlags", kind: "u32" },
];
const SESSION_INFO_2: StructLayout<SessionInfo2> = [...SESSION_INFO_1, { key: "cltypeName", kind: "string" }];
const SESSION_INFO_10: StructLayout<SessionInfo10> = [
  { key: "cname", kind: "string" },
  { key: "username", kind: "string" },
  { key: "time", kind: "u32" },
  { key: "idleTime", kind: "u32" },
];
const SESSION_INFO_502: StructLayout<SessionInfo502> = [
  ...SESSION_INFO_2,
  { key: "transport", kind: "string" },
];

/** The session levels the IDL defines, with their entry layouts (ms-srvs-wire §4.2 table). */
const SESSION_LEVELS: LevelLayouts = new Map([
  [0, SESSION_INFO_0],
  [1, SESSION_INFO_1],
  [2, SESSION_INFO_2],
  [10, SESSION_INFO_10],
  [502, SESSION_INFO_502],
]);

/** Encodes a NetrSessionEnum request stub (ms-srvs-wire §4.2, §5.1). */
export function encodeNetrSessionEnumRequest(
  request: NetrSessionEnumRequest,
  options?: EncodeOptions,
): Uint8Array {
  return encodeStub(options, (writer) => {
    writer.uniqueString(request.serverName, "ServerName");
    writer.uniqueString(request.clientName, "ClientName");
    writer.uniqueString(request.userName, "UserName");
    writeEnumStruct(writer, SESSION_LEVELS, request.info);
    writer.u32(request.preferredMaximumLength, "PreferedMaximumLength");
    writer.unique(request.resumeHandle, (handle) => writer.u32(handle, "ResumeHandle"));
  });
}

/** Decodes a NetrSessionEnum request stub. Throws only NdrError. */
export function decodeNetrSessionEnumRequest(
  stub: Uint8Array,
  options?: DecodeOptions,
): NetrSessionEnumRequest {
  return decodeStub(stub, options, (reader) => ({
    serverName: reader.uniqueString(),
    clientName: reader.uniqueString(),
    userName: reader.uniqueString(),
    info: readEnumStruct(reader, SESSION_LEVELS) as SessionEnumStruct,
    preferredMaximumLength: reader.u32(),
    resumeHandle: reader.unique(() => reader.u32()),
  }));
}

/** Encodes a NetrSessionEnum response stub (ms-srvs-wire §4.2, §5.2). */
export function encodeNetrSessionEnumResponse(
  response: NetrSessionEnumResponse,
  options?: EncodeOptions,
): Uint8Array {
  return encodeStub(options, (writer) => {
    writeEnumStruct(writer, SESSION_LEVELS, response.info);
    writer.u32(response.totalEntries, "TotalEntries");
    writer.unique(response.resumeHandle, (handle) => writer.u32(handle, "ResumeHandle"));
    writer.u32(response.werror, "WERROR");
  });
}

/** Decodes a NetrSessionEnum response stub. Throws only NdrError. */
export function decodeNetrSessionEnumResponse(
  stub: Uint8Array,
  options?: DecodeOptions,
): NetrSessionEnumResponse {
  return decodeStub(stub, options, (reader) => ({
    info: readEnumStruct(reader, SESSION_LEVELS) as SessionEnumStruct,
    totalEntries: reader.u32(),
    resumeHandle: reader.unique(() => reader.u32()),
    werror: reader.u32(),
  }));
}

/** Encodes a NetrSessionDel request stub (ms-srvs-wire §4.3). */
export function encodeNetrSessionDelRequest(
  request: NetrSessionDelRequest,
  options?: EncodeOptions,
): Uint8Array {
  return encodeStub(options, (writer) => {
    writer.uniqueString(request.serverName, "ServerName");
    writer.uniqueString(request.clientName, "ClientName");
    writer.uniqueString(request.userName, "UserName");
  });
}

/** Decodes a NetrSessionDel request stub. Throws only NdrError. */
export function decodeNetrSessionDelRequest(
  stub: Uint8Array,
  options?: DecodeOptions,
): NetrSessionDelRequest {
  return decodeStub(stub, options, (reader) => ({
    serverName: reader.uniqueString(),
    clientName: reader.uniqueString(),
    userName: reader.uniqueString(),
  }));
}

/** Encodes a NetrSessionDel response stub (the WERROR). */
export function encodeNetrSessionDelResponse(
  response: NetrSessionDelResponse,
  options?: EncodeOptions,
): Uint8Array {
  return encodeStub(options, (writer) => writer.u32(response.werror, "WERROR"));
}

/** Decodes a NetrSessionDel response stub. Throws only NdrError. */
export function decodeNetrSessionDelResponse(
  stub: Uint8Array,
  options?: DecodeOptions,
): NetrSessionDelResponse {
  return decodeStub(stub, options, (reader) => ({ werror: reader.u32() }));
}
