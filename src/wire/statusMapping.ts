/**
 * How the emulator's failures travel on the wire: an AdsError's HRESULT becomes the WERROR a srvsvc
 * call returns (HRESULT_FROM_WIN32 inverted, winnt-reference §11.2; ms-srvs-wire §4.6) or the NTSTATUS
 * an SMB2 command fails with (MS-ERREF §2.3). The inverse of the provider's error map.
 */
import { AdsError } from "../errors/AdsError.js";
import type { HResultSymbol } from "../errors/hresults.js";
import { NtStatus } from "../msrvs/smb2/ntStatus.js";

/** The WERROR for an AdsError: the low 16 bits of a FACILITY_WIN32 HRESULT (0x8007xxxx), else undefined. */
export function werrorOf(error: AdsError): number | undefined {
  const hresult = error.hresult >>> 0;
  return hresult >>> 16 === 0x8007 ? hresult & 0xffff : undefined;
}

/** The NTSTATUS a session setup or tree connect fails with for the emulator's refusal (MS-ERREF §2.3.1). */
const NT_STATUS_BY_CODE: Partial<Record<HResultSymbol, number>> = {
  ERROR_LOGON_FAILURE: NtStatus.STATUS_LOGON_FAILURE,
  ERROR_SHARING_PAUSED: NtStatus.STATUS_SHARING_PAUSED,
  ERROR_REQ_NOT_ACCEP: NtStatus.STATUS_REQUEST_NOT_ACCEPTED,
  ERROR_BAD_NET_NAME: NtStatus.STATUS_BAD_NETWORK_NAME,
  E_ACCESSDENIED: NtStatus.STATUS_ACCESS_DENIED,
};

/** The NTSTATUS for any thrown value: the table above for an AdsError, else STATUS_UNSUCCESSFUL. */
export function ntStatusOf(error: unknown): number {
  return (
    (error instanceof AdsError ? NT_STATUS_BY_CODE[error.code] : undefined) ?? NtStatus.STATUS_UNSUCCESSFUL
  );
}
