import { type LevelLayouts, readInfoUnion, writeInfoUnion } from "./levels.js";
import { readStruct, type StructLayout, writeStruct } from "./structLayout.js";
import { type DecodeOptions, decodeStub, type EncodeOptions, encodeStub } from "./stub.js";

/** sv*_platform_id values ([MS-SRVS] 2.2.2.6). */
export const PLATFORM_ID = {
  PLATFORM_ID_DOS: 300,
  PLATFORM_ID_OS2: 400,
  PLATFORM_ID_NT: 500,
  PLATFORM_ID_OSF: 600,
  PLATFORM_ID_VMS: 700,
} as const;

/** SERVER_INFO_100 ([MS-SRVS] 2.2.4.40). */
export interface ServerInfo100 {
  /** sv100_platform_id (PLATFORM_ID). */
  readonly platformId: number;
  /** sv100_name. */
  readonly name: string | null;
}

/** SERVER_INFO_101 ([MS-SRVS] 2.2.4.41). */
export interface ServerInfo101 extends ServerInfo100 {
  /** sv101_version_major. */
  readonly versionMajor: number;
  /** sv101_version_minor. */
  readonly versionMinor: number;
  /** sv101_type (SV_TYPE_* bits). */
  readonly type: number;
  /** sv101_comment. */
  readonly comment: string | null;
}

/** SERVER_INFO_102 ([MS-SRVS] 2.2.4.42). */
export interface ServerInfo102 extends ServerInfo101 {
  /** sv102_users: users allowed. */
  readonly users: number;
  /** sv102_disc: auto-disconnect minutes. */
  readonly disc: number;
  /** sv102_hidden (BOOL). */
  readonly hidden: number;
  /** sv102_announce: seconds between announcements. */
  readonly announce: number;
  /** sv102_anndelta: announce jitter, ms. */
  readonly annDelta: number;
  /** sv102_licenses. */
  readonly licenses: number;
  /** sv102_userpath. */
  readonly userPath: string | null;
}

/** SERVER_INFO union (NetrServerGetInfo out): levels 100, 101, 102 here; others have no arm. */
export type ServerInfoUnion =
  | { readonly level: 100; readonly info: ServerInfo100 | null }
  | { readonly level: 101; readonly info: ServerInfo101 | null }
  | { readonly level: 102; readonly info: ServerInfo102 | null }
  | { readonly level: number; readonly info: null };

/** NetrServerGetInfo (opnum 21) input ([MS-SRVS] 3.1.4.17). */
export interface NetrServerGetInfoRequest {
  /** ServerName. */
  readonly serverName: string | null;
  /** Level: 100, 101 or 102. */
  readonly level: number;
}

/** NetrServerGetInfo (opnum 21) output. */
export interface NetrServerGetInfoResponse {
  /** The level and the server's information. */
  readonly info: ServerInfoUnion;
  /** Return value (WERROR). */
  readonly werror: number;
}

/** TIME_OF_DAY_INFO ([MS-SRVS] 2.2.4.105). */
export interface TimeOfDayInfo {
  /** tod_elapsedt: seconds since 1970-01-01 UTC. */
  readonly elapsedTime: number;
  /** tod_msecs: milliseconds since boot. */
  readonly msecs: number;
  /** tod_hours (UTC). */
  readonly hours: number;
  /** tod_mins. */
  readonly mins: number;
  /** tod_secs. */
  readonly secs: number;
  /** tod_hunds: hundredths of a second. */
  readonly hunds: number;
  /** tod_timezone: minutes from UTC (signed; -1 undefined). */
  readonly timezone: number;
  /** tod_tinterval: clock tick in 0.0001 s. */
  readonly tInterval: number;
  /** tod_day. */
  readonly day: number;
  /** tod_month. */
  readonly month: number;
  /** tod_year. */
  readonly year: number;
  /** tod_weekday: 0 = Sunday. */
  readonly weekday: number;
}

/** NetrRemoteTOD (opnum 28) input ([MS-SRVS] 3.1.4.21). */
export interface NetrRemoteTODRequest {
  /** ServerName. */
  readonly serverName: string | null;
}

/** NetrRemoteTOD (opnum 28) output: BufferPtr (a unique pointer) and the WERROR. */
export interface NetrRemoteTODResponse {
  /** The time of day, or null (NULL pointer, e.g. on error). */
  readonly info: TimeOfDayInfo | null;
  /** Return value (WERROR). */
  readonly werror: number;
}

const SERVER_INFO_100: StructLayout<ServerInfo100> = [
  { key: "platformId", kind: "u32" },
  { key: "name", kind: "string" },
];
const SERVER_INFO_101: StructLayout<ServerInfo101> = [
  ...SERVER_INFO_100,
  { key: "versionMajor", kind: "u32" },
  { key: "versionMinor", kind: "u32" },
  { key: "type", kind: "u32" },
  { key: "comment", kind: "string" },
];
const SERVER_INFO_102: StructLayout<ServerInfo102> = [
  ...SERVER_INFO_101,
  { key: "users", kind: "u32" },
  { key: "disc", kind: "u32" },
  { key: "hidden", kind: "u32" },
  { key: "announce", kind: "u32" },
  { key: "annDelta", kind: "u32" },
  { key: "licenses", kind: "u32" },
  { key: "userPath", kind: "string" },
];
const TIME_OF_DAY_INFO: StructLayout<TimeOfDayInfo> = [
  { key: "elapsedTime", kind: "u32" },
  { key: "msecs", kind: "u32" },
  { key: "hours", kind: "u32" },
  { key: "mins", kind: "u32" },
  { key: "secs", kind: "u32" },
  { key: "hunds", kind: "u32" },
  { key: "timezone", kind: "i32" },
  { key: "tInterval", kind: "u32" },
  { key: "day", kind: "u32" },
  { key: "month", kind: "u32" },
  { key: "year", kind: "u32" },
  { key: "weekday", kind: "u32" },
];

/** The server levels handled here (the IDL has many more). */
const SERVER_LEVELS: LevelLayouts = new Map([
  [100, SERVER_INFO_100],
  [101, SERVER_INFO_101],
  [102, SERVER_INFO_102],
]);

/** Encodes a NetrServerGetInfo request stub. */
export function encodeNetrServerGetInfoRequest(
  request: NetrServerGetInfoRequest,
  options?: EncodeOptions,
): Uint8Array {
  return encodeStub(options, (writer) => {
    writer.uniqueString(request.serverName, "ServerName");
    writer.u32(request.level, "Level");
  });
}

/** Decodes a NetrServerGetInfo request stub. Throws only NdrError. */
export function decodeNetrServerGetInfoRequest(
  stub: Uint8Array,
  options?: DecodeOptions,
): NetrServerGetInfoRequest {
  return decodeStub(stub, options, (reader) => ({ serverName: reader.uniqueString(), level: reader.u32() }));
}

/** Encodes a NetrServerGetInfo response stub: the union's discriminant, its arm, the WERROR. */
export function encodeNetrServerGetInfoResponse(
  response: NetrServerGetInfoResponse,
  options?: EncodeOptions,
): Uint8Array {
  return encodeStub(options, (writer) => {
    writeInfoUnion(writer, SERVER_LEVELS, response.info);
    writer.u32(response.werror, "WERROR");
  });
}

/** Decodes a NetrServerGetInfo response stub. Throws only NdrError. */
export function decodeNetrServerGetInfoResponse(
  stub: Uint8Array,
  options?: DecodeOptions,
): NetrServerGetInfoResponse {
  return decodeStub(stub, options, (reader) => ({
    info: readInfoUnion(reader, SERVER_LEVELS) as ServerInfoUnion,
    werror: reader.u32(),
  }));
}

/** Encodes a NetrRemoteTOD request stub. */
export function encodeNetrRemoteTODRequest(
  request: NetrRemoteTODRequest,
  options?: EncodeOptions,
): Uint8Array {
  return encodeStub(options, (writer) => writer.uniqueString(request.serverName, "ServerName"));
}

/** Decodes a NetrRemoteTOD request stub. Throws only NdrError. */
export function decodeNetrRemoteTODRequest(stub: Uint8Array, options?: DecodeOptions): NetrRemoteTODRequest {
  return decodeStub(stub, options, (reader) => ({ serverName: reader.uniqueString() }));
}

/** Encodes a NetrRemoteTOD response stub: `[out] LPTIME_OF_DAY_INFO*` is a ref to a unique pointer. */
export function encodeNetrRemoteTODResponse(
  response: NetrRemoteTODResponse,
  options?: EncodeOptions,
): Uint8Array {
  return encodeStub(options, (writer) => {
    writer.unique(response.info, (info) => writeStruct(writer, TIME_OF_DAY_INFO, info));
    writer.u32(response.werror, "WERROR");
  });
}

/** Decodes a NetrRemoteTOD response stub. Throws only NdrError. */
export function decodeNetrRemoteTODResponse(
  stub: Uint8Array,
  options?: DecodeOptions,
): NetrRemoteTODResponse {
  return decodeStub(stub, options, (reader) => ({
    info: reader.unique(() => readStruct(reader, TIME_OF_DAY_INFO)) as TimeOfDayInfo | null,
    werror: reader.u32(),
  }));
}
