import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";
import type { HResultSymbol } from "../../errors/hresults.js";
import { DceRpcError } from "../../msrvs/dcerpc/DceRpcError.js";
import { FAULT_STATUS, faultStatusName } from "../../msrvs/dcerpc/faultStatus.js";
import { NdrError } from "../../msrvs/ndr/NdrError.js";
import { NtStatusError } from "../../msrvs/smb2/NtStatusError.js";
import { formatNtStatus, NtStatus } from "../../msrvs/smb2/ntStatus.js";
import { Smb2Error, type Smb2ErrorCode } from "../../msrvs/smb2/Smb2Error.js";
import { WERROR, werrorName } from "../../msrvs/srvsvc/werror.js";
import { SrvsvcRpcError } from "./SrvsvcRpcError.js";

/**
 * Where a failure happened: `logon` = TCP connect, NEGOTIATE and SESSION_SETUP (no SMB session with
 * the host yet); `rpc` = everything after (TREE_CONNECT IPC$, the srvsvc pipe, bind, the calls).
 */
export type FailurePhase = "logon" | "rpc";

/** One row of the provider's error map (docs/msrvs-provider.md, "Error mapping"). */
export interface ErrorMapRow {
  /** What failed: a srvsvc WERROR, an SMB2 NTSTATUS, a DCE/RPC fault, the RPC layer, or the transport. */
  readonly source: "WERROR" | "NTSTATUS" | "fault" | "rpc" | "transport";
  /** The symbolic name matched (e.g. `ERROR_ACCESS_DENIED`, `STATUS_LOGON_FAILURE`, `DISCONNECTED`). */
  readonly name: string;
  /** The numeric value for WERROR, NTSTATUS and fault rows. */
  readonly value?: number;
  /** For transport rows: the phase the row applies to. */
  readonly phase?: FailurePhase;
  /** The HRESULT the provider raises (what the WinNT provider would, see the docs for the reasoning). */
  readonly hresult: HResultSymbol;
}

const werror = (name: keyof typeof WERROR, hresult: HResultSymbol): ErrorMapRow => ({
  source: "WERROR",
  name,
  value: WERROR[name],
  hresult,
});
const ntStatus = (name: keyof typeof NtStatus, hresult: HResultSymbol): ErrorMapRow => ({
  source: "NTSTATUS",
  name,
  value: NtStatus[name],
  hresult,
});
const transport = (name: Smb2ErrorCode, phase: FailurePhase, hresult: HResultSymbol): ErrorMapRow => ({
  source: "transport",
  name,
  phase,
  hresult,
});

/** Win32 ERROR_NOT_SUPPORTED: Samba's answer to srvsvc calls it does not implement. */
const ERROR_NOT_SUPPORTED = 0x32;

/**
 * The whole map, one row per matched code. WERROR w surfaces as HRESULT_FROM_WIN32(w) = 0x8007xxxx
 * (winnt-reference §11.2; ms-srvs-wire §4.6); NTSTATUS values as the Win32 code Windows maps them to;
 * a call that cannot be completed as RPC_S_SERVER_UNAVAILABLE; no SMB session at all as
 * ERROR_BAD_NETPATH (winnt-reference §11.3). Codes not listed: E_FAIL, naming the value.
 */
export const MSRVS_ERROR_MAP: readonly ErrorMapRow[] = Object.freeze([
  werror("ERROR_FILE_NOT_FOUND", "ERROR_FILE_NOT_FOUND"),
  werror("ERROR_ACCESS_DENIED", "E_ACCESSDENIED"),
  werror("ERROR_NOT_ENOUGH_MEMORY", "ERROR_NOT_ENOUGH_MEMORY"),
  werror("ERROR_INVALID_PARAMETER", "E_INVALIDARG"),
  werror("ERROR_INVALID_LEVEL", "ERROR_INVALID_LEVEL"),
  werror("ERROR_MORE_DATA", "ERROR_MORE_DATA"),
  werror("NERR_BufTooSmall", "NERR_BufTooSmall"),
  werror("NERR_UserNotFound", "NERR_UserNotFound"),
  werror("NERR_NetNameNotFound", "NERR_NetNameNotFound"),
  werror("NERR_ClientNameNotFound", "NERR_ClientNameNotFound"),
  werror("NERR_FileIdNotFound", "NERR_FileIdNotFound"),
  werror("NERR_InvalidComputer", "NERR_InvalidComputer"),
  {
    source: "WERROR",
    name: "ERROR_NOT_SUPPORTED",
    value: ERROR_NOT_SUPPORTED,
    hresult: "ERROR_NOT_SUPPORTED",
  },
  ntStatus("STATUS_LOGON_FAILURE", "ERROR_LOGON_FAILURE"),
  ntStatus("STATUS_ACCOUNT_RESTRICTION", "ERROR_ACCOUNT_RESTRICTION"),
  ntStatus("STATUS_PASSWORD_EXPIRED", "ERROR_PASSWORD_EXPIRED"),
  ntStatus("STATUS_ACCOUNT_DISABLED", "ERROR_ACCOUNT_DISABLED"),
  ntStatus("STATUS_ACCESS_DENIED", "E_ACCESSDENIED"),
  ntStatus("STATUS_NETWORK_ACCESS_DENIED", "E_ACCESSDENIED"),
  ntStatus("STATUS_BAD_NETWORK_NAME", "ERROR_BAD_NET_NAME"),
  ntStatus("STATUS_REQUEST_NOT_ACCEPTED", "ERROR_REQ_NOT_ACCEP"),
  ntStatus("STATUS_OBJECT_NAME_NOT_FOUND", "RPC_S_SERVER_UNAVAILABLE"),
  ntStatus("STATUS_PIPE_NOT_AVAILABLE", "RPC_S_SERVER_UNAVAILABLE"),
  ntStatus("STATUS_PIPE_BUSY", "RPC_S_SERVER_UNAVAILABLE"),
  ntStatus("STATUS_PIPE_DISCONNECTED", "RPC_S_SERVER_UNAVAILABLE"),
  ntStatus("STATUS_PIPE_CLOSING", "RPC_S_SERVER_UNAVAILABLE"),
  ntStatus("STATUS_PIPE_BROKEN", "RPC_S_SERVER_UNAVAILABLE"),
  ntStatus("STATUS_PIPE_EMPTY", "RPC_S_SERVER_UNAVAILABLE"),
  ntStatus("STATUS_INVALID_PIPE_STATE", "RPC_S_SERVER_UNAVAILABLE"),
  ntStatus("STATUS_FILE_CLOSED", "RPC_S_SERVER_UNAVAILABLE"),
  ntStatus("STATUS_END_OF_FILE", "RPC_S_SERVER_UNAVAILABLE"),
  ntStatus("STATUS_USER_SESSION_DELETED", "RPC_S_SERVER_UNAVAILABLE"),
  ntStatus("STATUS_NETWORK_SESSION_EXPIRED", "RPC_S_SERVER_UNAVAILABLE"),
  ntStatus("STATUS_NETWORK_NAME_DELETED", "RPC_S_SERVER_UNAVAILABLE"),
  {
    source: "fault",
    name: "nca_s_fault_access_denied",
    value: FAULT_STATUS.nca_s_fault_access_denied,
    hresult: "E_ACCESSDENIED",
  },
  { source: "fault", name: "any other fault", hresult: "RPC_S_SERVER_UNAVAILABLE" },
  { source: "rpc", name: "bind-rejected", hresult: "RPC_S_SERVER_UNAVAILABLE" },
  { source: "rpc", name: "protocol", hresult: "RPC_S_SERVER_UNAVAILABLE" },
  { source: "rpc", name: "malformed PDU or stub", hresult: "RPC_S_SERVER_UNAVAILABLE" },
  { source: "rpc", name: "unencodable argument", hresult: "E_INVALIDARG" },
  transport("INVALID_ARGUMENT", "logon", "E_INVALIDARG"),
  transport("DISCONNECTED", "logon", "ERROR_BAD_NETPATH"),
  transport("TIMEOUT", "logon", "ERROR_BAD_NETPATH"),
  transport("PROTOCOL", "logon", "ERROR_BAD_NETPATH"),
  transport("MALFORMED", "logon", "ERROR_BAD_NETPATH"),
  transport("TRUNCATED", "logon", "ERROR_BAD_NETPATH"),
  transport("FRAME_TOO_LARGE", "logon", "ERROR_BAD_NETPATH"),
  transport("BAD_SIGNATURE", "logon", "ERROR_BAD_NETPATH"),
  transport("CLOSED", "logon", "ERROR_BAD_NETPATH"),
  transport("INVALID_ARGUMENT", "rpc", "E_INVALIDARG"),
  transport("DISCONNECTED", "rpc", "RPC_S_SERVER_UNAVAILABLE"),
  transport("TIMEOUT", "rpc", "RPC_S_SERVER_UNAVAILABLE"),
  transport("PROTOCOL", "rpc", "RPC_S_SERVER_UNAVAILABLE"),
  transport("MALFORMED", "rpc", "RPC_S_SERVER_UNAVAILABLE"),
  transport("TRUNCATED", "rpc", "RPC_S_SERVER_UNAVAILABLE"),
  transport("FRAME_TOO_LARGE", "rpc", "RPC_S_SERVER_UNAVAILABLE"),
  transport("BAD_SIGNATURE", "rpc", "RPC_S_SERVER_UNAVAILABLE"),
  transport("CLOSED", "rpc", "RPC_S_SERVER_UNAVAILABLE"),
]);

function index(source: ErrorMapRow["source"]): ReadonlyMap<number, HResultSymbol> {
  return new Map(
    MSRVS_ERROR_MAP.filter((row) => row.source === source && row.value !== undefined).map((row) => [
      row.value as number,
      row.hresult,
    ]),
  );
}

const BY_WERROR = index("WERROR");
const BY_NTSTATUS = index("NTSTATUS");
const BY_FAULT = index("fault");
const BY_TRANSPORT = new Map(
  MSRVS_ERROR_MAP.filter((row) => row.source === "transport").map((row) => [
    `${row.phase}:${row.name}`,
    row.hresult,
  ]),
);

const hex = (value: number) => `0x${(value >>> 0).toString(16).padStart(8, "0")}`;

/** The HRESULT for a non-zero WERROR returned by a srvsvc call; E_FAIL for one not in the map. */
export function werrorHResult(value: number): HResultSymbol {
  return BY_WERROR.get(value >>> 0) ?? "E_FAIL";
}

/** The HRESULT for a failing NTSTATUS of an SMB2 request; E_FAIL for one not in the map. */
export function ntStatusHResult(value: number): HResultSymbol {
  return BY_NTSTATUS.get(value >>> 0) ?? "E_FAIL";
}

/**
 * Turns whatever a connect or a call threw into the AdsError the provider raises, using
 * {@link MSRVS_ERROR_MAP}; `what` names the operation (kept in `detail`). An AdsError passes through.
 */
export function adsErrorFrom(error: unknown, phase: FailurePhase, what: string): AdsError {
  if (error instanceof AdsError) return error;
  const because = (reason: string) => `${what}: ${reason}`;
  if (error instanceof SrvsvcRpcError) {
    if (error.kind === "werror") {
      const name =
        werrorName(error.status) ?? (error.status === ERROR_NOT_SUPPORTED ? "ERROR_NOT_SUPPORTED" : "");
      return new AdsError(werrorHResult(error.status), because(`WERROR ${hex(error.status)} ${name}`.trim()));
    }
    if (error.kind === "fault") {
      const name = faultStatusName(error.status) ?? "";
      const code = BY_FAULT.get(error.status) ?? "RPC_S_SERVER_UNAVAILABLE";
      return new AdsError(code, because(`DCE/RPC fault ${hex(error.status)} ${name}`.trim()));
    }
    return new AdsError("RPC_S_SERVER_UNAVAILABLE", because(error.message));
  }
  if (error instanceof NtStatusError) {
    return new AdsError(ntStatusHResult(error.status), because(formatNtStatus(error.status)));
  }
  if (error instanceof Smb2Error) {
    const code = BY_TRANSPORT.get(`${phase}:${error.code}`);
    return new AdsError(
      code ?? (phase === "logon" ? "ERROR_BAD_NETPATH" : "RPC_S_SERVER_UNAVAILABLE"),
      because(error.message),
    );
  }
  if (error instanceof DceRpcError || error instanceof NdrError) {
    // INVALID_VALUE is raised only by the encoders: an argument the wire format cannot carry.
    if (error.code === "INVALID_VALUE")
      return new AdsError("E_INVALIDARG", because(`cannot encode: ${error.message}`));
    return new AdsError("RPC_S_SERVER_UNAVAILABLE", because(`malformed reply: ${error.message}`));
  }
  const reason =
    error instanceof Error && typeof error.message === "string" ? error.message : describeValue(error);
  return new AdsError("E_FAIL", because(reason));
}
