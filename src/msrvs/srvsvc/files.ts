import { type EnumContainer, type LevelLayouts, readEnumStruct, writeEnumStruct } from "./levels.js";
import type { StructLayout } from "./structLayout.js";
import { type DecodeOptions, decodeStub, type EncodeOptions, encodeStub } from "./stub.js";

/** FILE_INFO_2 (ms-srvs-wire §4.4). */
export interface FileInfo2 {
  /** fi2_id: the handle NetrFileClose takes. */
  readonly id: number;
}

/** FILE_INFO_3 (ms-srvs-wire §4.4). */
export interface FileInfo3 {
  /** fi3_id: the handle NetrFileClose takes. */
  readonly id: number;
  /** 0x1 read, 0x2 write, 0x4 create, 0x8 execute, 0x10 delete, 0x20 attributes, 0x40 permissions. */
  readonly permissions: number;
  /** Locks held. */
  readonly numLocks: number;
  /** Path of the open file on the server. */
  readonly pathName: string | null;
  /** Account that opened it. */
  readonly userName: string | null;
}

/** FILE_ENUM_STRUCT (ms-srvs-wire §4.4): levels 2 and 3; any other level has no arm. */
export type FileEnumStruct =
  | { readonly level: 2; readonly container: EnumContainer<FileInfo2> | null }
  | { readonly level: 3; readonly container: EnumContainer<FileInfo3> | null }
  | { readonly level: number; readonly container: null };

/** NetrFileEnum (opnum 9) input (ms-srvs-wire §4.4). */
export interface NetrFileEnumRequest {
  /** ServerName. */
  readonly serverName: string | null;
  /** BasePath filter (Windows: path prefix); null = all. */
  readonly basePath: string | null;
  /** UserName filter; null = all users. */
  readonly userName: string | null;
  /** The level and a container (send `{ entries: null }`). */
  readonly info: FileEnumStruct;
  /** PreferedMaximumLength; 0xFFFFFFFF = everything. */
  readonly preferredMaximumLength: number;
  /** ResumeHandle, or null for a NULL pointer. */
  readonly resumeHandle: number | null;
}

/** NetrFileEnum (opnum 9) output. */
export interface NetrFileEnumResponse {
  /** The level and the entries read. */
  readonly info: FileEnumStruct;
  /** TotalEntries. */
  readonly totalEntries: number;
  /** ResumeHandle (null if the request's was NULL). */
  readonly resumeHandle: number | null;
  /** Return value (WERROR). */
  readonly werror: number;
}

/** NetrFileClose (opnum 11) input (ms-srvs-wire §4.5). */
export interface NetrFileCloseRequest {
  /** ServerName. */
  readonly serverName: string | null;
  /** The fi3_id / fi2_id of the open to close. */
  readonly fileId: number;
}

/** NetrFileClose (opnum 11) output: the WERROR only. */
export interface NetrFileCloseResponse {
  /** Return value (WERROR; Samba 2 / Windows 0x90A for an id not open). */
  readonly werror: number;
}

const FILE_INFO_2: StructLayout<FileInfo2> = [{ key: "id", kind: "u32" }];
const FILE_INFO_3: StructLayout<FileInfo3> = [
  { key: "id", kind: "u32" },
  { key: "permissions", kind: "u32" },
  { key: "numLocks", kind: "u32" },
  { key: "pathName", kind: "string" },
  { key: "userName", kind: "string" },
];

/** The file levels the IDL defines (ms-srvs-wire §4.4 table). */
const FILE_LEVELS: LevelLayouts = new Map([
  [2, FILE_INFO_2],
  [3, FILE_INFO_3],
]);

/** Encodes a NetrFileEnum request stub (ms-srvs-wire §4.4). */
export function encodeNetrFileEnumRequest(request: NetrFileEnumRequest, options?: EncodeOptions): Uint8Array {
  return encodeStub(options, (writer) => {
    writer.uniqueString(request.serverName, "ServerName");
    writer.uniqueString(request.basePath, "BasePath");
    writer.uniqueString(request.userName, "UserName");
    writeEnumStruct(writer, FILE_LEVELS, request.info);
    writer.u32(request.preferredMaximumLength, "PreferedMaximumLength");
    writer.unique(request.resumeHandle, (handle) => writer.u32(handle, "ResumeHandle"));
  });
}

/** Decodes a NetrFileEnum request stub. Throws only NdrError. */
export function decodeNetrFileEnumRequest(stub: Uint8Array, options?: DecodeOptions): NetrFileEnumRequest {
  return decodeStub(stub, options, (reader) => ({
    serverName: reader.uniqueString(),
    basePath: reader.uniqueString(),
    userName: reader.uniqueString(),
    info: readEnumStruct(reader, FILE_LEVELS) as FileEnumStruct,
    preferredMaximumLength: reader.u32(),
    resumeHandle: reader.unique(() => reader.u32()),
  }));
}

/** Encodes a NetrFileEnum response stub (ms-srvs-wire §4.4). */
export function encodeNetrFileEnumResponse(
  response: NetrFileEnumResponse,
  options?: EncodeOptions,
): Uint8Array {
  return encodeStub(options, (writer) => {
    writeEnumStruct(writer, FILE_LEVELS, response.info);
    writer.u32(response.totalEntries, "TotalEntries");
    writer.unique(response.resumeHandle, (handle) => writer.u32(handle, "ResumeHandle"));
    writer.u32(response.werror, "WERROR");
  });
}

/** Decodes a NetrFileEnum response stub. Throws only NdrError. */
export function decodeNetrFileEnumResponse(stub: Uint8Array, options?: DecodeOptions): NetrFileEnumResponse {
  return decodeStub(stub, options, (reader) => ({
    info: readEnumStruct(reader, FILE_LEVELS) as FileEnumStruct,
    totalEntries: reader.u32(),
    resumeHandle: reader.unique(() => reader.u32()),
    werror: reader.u32(),
  }));
}

/** Encodes a NetrFileClose request stub (ms-srvs-wire §4.5). */
export function encodeNetrFileCloseRequest(
  request: NetrFileCloseRequest,
  options?: EncodeOptions,
): Uint8Array {
  return encodeStub(options, (writer) => {
    writer.uniqueString(request.serverName, "ServerName");
    writer.u32(request.fileId, "FileId");
  });
}

/** Decodes a NetrFileClose request stub. Throws only NdrError. */
export function decodeNetrFileCloseRequest(stub: Uint8Array, options?: DecodeOptions): NetrFileCloseRequest {
  return decodeStub(stub, options, (reader) => ({ serverName: reader.uniqueString(), fileId: reader.u32() }));
}

/** Encodes a NetrFileClose response stub (the WERROR). */
export function encodeNetrFileCloseResponse(
  response: NetrFileCloseResponse,
  options?: EncodeOptions,
): Uint8Array {
  return encodeStub(options, (writer) => writer.u32(response.werror, "WERROR"));
}

/** Decodes a NetrFileClose response stub. Throws only NdrError. */
export function decodeNetrFileCloseResponse(
  stub: Uint8Array,
  options?: DecodeOptions,
): NetrFileCloseResponse {
  return decodeStub(stub, options, (reader) => ({ werror: reader.u32() }));
}
