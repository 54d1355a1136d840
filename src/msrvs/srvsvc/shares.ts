import {
  type EnumContainer,
  type LevelLayouts,
  readEnumStruct,
  readInfoUnion,
  writeEnumStruct,
  writeInfoUnion,
} from "./levels.js";
import type { StructLayout } from "./structLayout.js";
import { type DecodeOptions, decodeStub, type EncodeOptions, encodeStub } from "./stub.js";

/**
 * shi*_type values ([MS-SRVS] 2.2.2.4): a base type, possibly with flag bits. Combine them unsigned,
 * `(STYPE_IPC | STYPE_SPECIAL) >>> 0`: JavaScript's `|` alone gives a negative number, which a u32
 * field rejects.
 */
export const SHARE_TYPE = {
  STYPE_DISKTREE: 0x00000000,
  STYPE_PRINTQ: 0x00000001,
  STYPE_DEVICE: 0x00000002,
  STYPE_IPC: 0x00000003,
  STYPE_CLUSTER_FS: 0x02000000,
  STYPE_CLUSTER_SOFS: 0x04000000,
  STYPE_CLUSTER_DFS: 0x08000000,
  STYPE_TEMPORARY: 0x40000000,
  STYPE_SPECIAL: 0x80000000,
} as const;

/** SHARE_INFO_0 ([MS-SRVS] 2.2.4.22). */
export interface ShareInfo0 {
  /** shi0_netname. */
  readonly netName: string | null;
}

/** SHARE_INFO_1 ([MS-SRVS] 2.2.4.23). */
export interface ShareInfo1 {
  /** shi1_netname. */
  readonly netName: string | null;
  /** shi1_type (SHARE_TYPE). */
  readonly type: number;
  /** shi1_remark. */
  readonly remark: string | null;
}

/** SHARE_INFO_2 ([MS-SRVS] 2.2.4.24). */
export interface ShareInfo2 extends ShareInfo1 {
  /** shi2_permissions (share-level security only). */
  readonly permissions: number;
  /** shi2_max_uses (0xFFFFFFFF = unlimited). */
  readonly maxUses: number;
  /** shi2_current_uses. */
  readonly currentUses: number;
  /** shi2_path, the local path. */
  readonly path: string | null;
  /** shi2_passwd (share-level security only). */
  readonly password: string | null;
}

/** SHARE_INFO_502_I ([MS-SRVS] 2.2.4.26): level 2 plus a self-relative security descriptor. */
export interface ShareInfo502 extends ShareInfo2 {
  /** The descriptor bytes (shi502_reserved is their count on the wire), or null. */
  readonly securityDescriptor: Uint8Array | null;
}

/** SHARE_ENUM_STRUCT: levels 0, 1, 2, 502; any other level has no arm (ms-srvs-wire §3.5). */
export type ShareEnumStruct =
  | { readonly level: 0; readonly container: EnumContainer<ShareInfo0> | null }
  | { readonly level: 1; readonly container: EnumContainer<ShareInfo1> | null }
  | { readonly level: 2; readonly container: EnumContainer<ShareInfo2> | null }
  | { readonly level: 502; readonly container: EnumContainer<ShareInfo502> | null }
  | { readonly level: number; readonly container: null };

/** SHARE_INFO union (NetrShareGetInfo out): levels 0, 1, 2, 502; others have no arm. */
export type ShareInfoUnion =
  | { readonly level: 0; readonly info: ShareInfo0 | null }
  | { readonly level: 1; readonly info: ShareInfo1 | null }
  | { readonly level: 2; readonly info: ShareInfo2 | null }
  | { readonly level: 502; readonly info: ShareInfo502 | null }
  | { readonly level: number; readonly info: null };

/** NetrShareEnum (opnum 15) input ([MS-SRVS] 3.1.4.8). */
export interface NetrShareEnumRequest {
  /** ServerName. */
  readonly serverName: string | null;
  /** The level and a container (send `{ entries: null }`). */
  readonly info: ShareEnumStruct;
  /** PreferedMaximumLength; 0xFFFFFFFF = everything. */
  readonly preferredMaximumLength: number;
  /** ResumeHandle, or null for a NULL pointer. */
  readonly resumeHandle: number | null;
}

/** NetrShareEnum (opnum 15) output. */
export interface NetrShareEnumResponse {
  /** The level and the entries read. */
  readonly info: ShareEnumStruct;
  /** TotalEntries. */
  readonly totalEntries: number;
  /** ResumeHandle (null if the request's was NULL). */
  readonly resumeHandle: number | null;
  /** Return value (WERROR). */
  readonly werror: number;
}

/** NetrShareGetInfo (opnum 16) input ([MS-SRVS] 3.1.4.10). */
export interface NetrShareGetInfoRequest {
  /** ServerName. */
  readonly serverName: string | null;
  /** NetName: the share, a `[ref, string]` (never NULL). */
  readonly netName: string;
  /** Level: 0, 1, 2 or 502. */
  readonly level: number;
}

/** NetrShareGetInfo (opnum 16) output. */
export interface NetrShareGetInfoResponse {
  /** The level and the share's information. */
  readonly info: ShareInfoUnion;
  /** Return value (WERROR; 0x906 NERR_NetNameNotFound for an unknown share). */
  readonly werror: number;
}

const SHARE_INFO_0: StructLayout<ShareInfo0> = [{ key: "netName", kind: "string" }];
const SHARE_INFO_1: StructLayout<ShareInfo1> = [
  { key: "netName", kind: "string" },
  { key: "type", kind: "u32" },
  { key: "remark", kind: "string" },
];
const SHARE_INFO_2: StructLayout<ShareInfo2> = [
  ...SHARE_INFO_1,
  { key: "permissions", kind: "u32" },
  { key: "maxUses", kind: "u32" },
  { key: "currentUses", kind: "u32" },
  { key: "path", kind: "string" },
  { key: "password", kind: "string" },
];
const SHARE_INFO_502: StructLayout<ShareInfo502> = [
  ...SHARE_INFO_2,
  { key: "securityDescriptor", kind: "securityDescriptor" },
];

/** The share levels handled here (the IDL also has 501 and 1004-1501). */
const SHARE_LEVELS: LevelLayouts = new Map([
  [0, SHARE_INFO_0],
  [1, SHARE_INFO_1],
  [2, SHARE_INFO_2],
  [502, SHARE_INFO_502],
]);

/** Encodes a NetrShareEnum request stub. */
export function encodeNetrShareEnumRequest(
  request: NetrShareEnumRequest,
  options?: EncodeOptions,
): Uint8Array {
  return encodeStub(options, (writer) => {
    writer.uniqueString(request.serverName, "ServerName");
    writeEnumStruct(writer, SHARE_LEVELS, request.info);
    writer.u32(request.preferredMaximumLength, "PreferedMaximumLength");
    writer.unique(request.resumeHandle, (handle) => writer.u32(handle, "ResumeHandle"));
  });
}

/** Decodes a NetrShareEnum request stub. Throws only NdrError. */
export function decodeNetrShareEnumRequest(stub: Uint8Array, options?: DecodeOptions): NetrShareEnumRequest {
  return decodeStub(stub, options, (reader) => ({
    serverName: reader.uniqueString(),
    info: readEnumStruct(reader, SHARE_LEVELS) as ShareEnumStruct,
    preferredMaximumLength: reader.u32(),
    resumeHandle: reader.unique(() => reader.u32()),
  }));
}

/** Encodes a NetrShareEnum response stub. */
export function encodeNetrShareEnumResponse(
  response: NetrShareEnumResponse,
  options?: EncodeOptions,
): Uint8Array {
  return encodeStub(options, (writer) => {
    writeEnumStruct(writer, SHARE_LEVELS, response.info);
    writer.u32(response.totalEntries, "TotalEntries");
    writer.unique(response.resumeHandle, (handle) => writer.u32(handle, "ResumeHandle"));
    writer.u32(response.werror, "WERROR");
  });
}

/** Decodes a NetrShareEnum response stub. Throws only NdrError. */
export function decodeNetrShareEnumResponse(
  stub: Uint8Array,
  options?: DecodeOptions,
): NetrShareEnumResponse {
  return decodeStub(stub, options, (reader) => ({
    info: readEnumStruct(reader, SHARE_LEVELS) as ShareEnumStruct,
    totalEntries: reader.u32(),
    resumeHandle: reader.unique(() => reader.u32()),
    werror: reader.u32(),
  }));
}

/** Encodes a NetrShareGetInfo request stub: NetName is a `[ref]` string, so it has no referent id. */
export function encodeNetrShareGetInfoRequest(
  request: NetrShareGetInfoRequest,
  options?: EncodeOptions,
): Uint8Array {
  return encodeStub(options, (writer) => {
    writer.uniqueString(request.serverName, "ServerName");
    writer.conformantVaryingString(request.netName, "NetName");
    writer.u32(request.level, "Level");
  });
}

/** Decodes a NetrShareGetInfo request stub. Throws only NdrError. */
export function decodeNetrShareGetInfoRequest(
  stub: Uint8Array,
  options?: DecodeOptions,
): NetrShareGetInfoRequest {
  return decodeStub(stub, options, (reader) => ({
    serverName: reader.uniqueString(),
    netName: reader.conformantVaryingString(),
    level: reader.u32(),
  }));
}

/** Encodes a NetrShareGetInfo response stub: the union's discriminant, its arm, the WERROR. */
export function encodeNetrShareGetInfoResponse(
  response: NetrShareGetInfoResponse,
  options?: EncodeOptions,
): Uint8Array {
  return encodeStub(options, (writer) => {
    writeInfoUnion(writer, SHARE_LEVELS, response.info);
    writer.u32(response.werror, "WERROR");
  });
}

/** Decodes a NetrShareGetInfo response stub. Throws only NdrError. */
export function decodeNetrShareGetInfoResponse(
  stub: Uint8Array,
  options?: DecodeOptions,
): NetrShareGetInfoResponse {
  return decodeStub(stub, options, (reader) => ({
    info: readInfoUnion(reader, SHARE_LEVELS) as ShareInfoUnion,
    werror: reader.u32(),
  }));
}
