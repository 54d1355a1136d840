/**
 * The catalog of every HRESULT the emulator can raise: spec §11.1 (ADSI facility codes) and §11.2
 * (COM and Win32-derived codes). One row per code: symbol, unsigned value, short message.
 * The signed decimal (what VBScript's `Err.Number` shows) is derived, never written by hand.
 */

/** One catalog row. */
export interface HResultInfo {
  /** Symbolic name as in the Windows SDK headers (adserr.h, winerror.h, lmerr.h). */
  readonly symbol: HResultSymbol;
  /** Unsigned 32-bit value, e.g. 0x80005000. */
  readonly hresult: number;
  /** Signed 32-bit value as VBScript's `Err.Number` shows it, e.g. -2147463168. */
  readonly number: number;
  /** Short paraphrased message. */
  readonly message: string;
}

/** The catalog rows: symbol → [unsigned HRESULT, message]. */
const rows = {
  // spec §11.1: ADSI-specific codes (facility 5)
  E_ADS_BAD_PATHNAME: [0x80005000, "An invalid ADSI pathname was passed"],
  E_ADS_INVALID_DOMAIN_OBJECT: [0x80005001, "An unknown ADSI domain object was requested"],
  E_ADS_INVALID_USER_OBJECT: [0x80005002, "An unknown ADSI user object was requested"],
  E_ADS_INVALID_COMPUTER_OBJECT: [0x80005003, "An unknown ADSI computer object was requested"],
  E_ADS_UNKNOWN_OBJECT: [0x80005004, "An unknown ADSI object was requested"],
  E_ADS_PROPERTY_NOT_SET: [0x80005005, "The specified ADSI property was not set"],
  E_ADS_PROPERTY_NOT_SUPPORTED: [0x80005006, "The specified ADSI property is not supported"],
  E_ADS_PROPERTY_INVALID: [0x80005007, "The specified ADSI property is invalid"],
  E_ADS_BAD_PARAMETER: [0x80005008, "One or more input parameters are invalid"],
  E_ADS_OBJECT_UNBOUND: [0x80005009, "The specified ADSI object is not bound to a remote resource"],
  E_ADS_PROPERTY_NOT_MODIFIED: [0x8000500a, "The specified ADSI object has not been modified"],
  E_ADS_PROPERTY_MODIFIED: [0x8000500b, "The specified ADSI object has been modified"],
  E_ADS_CANT_CONVERT_DATATYPE: [
    0x8000500c,
    "The data type cannot be converted to/from a native DS data type",
  ],
  E_ADS_PROPERTY_NOT_FOUND: [0x8000500d, "The property cannot be found in the cache"],
  E_ADS_OBJECT_EXISTS: [0x8000500e, "The ADSI object exists"],
  E_ADS_SCHEMA_VIOLATION: [0x8000500f, "The attempted action violates the directory service schema rules"],
  E_ADS_COLUMN_NOT_SET: [0x80005010, "The specified column in the ADSI was not set"],
  S_ADS_ERRORSOCCURRED: [0x00005011, "One or more errors occurred"],
  S_ADS_NOMORE_ROWS: [0x00005012, "The search operation has reached the last row"],
  S_ADS_NOMORE_COLUMNS: [0x00005013, "The search operation has reached the last column"],
  E_ADS_INVALID_FILTER: [0x80005014, "The specified search filter is invalid"],
  // spec §11.2: COM codes
  E_NOTIMPL: [0x80004001, "Not implemented"],
  E_NOINTERFACE: [0x80004002, "No such interface supported"],
  E_FAIL: [0x80004005, "Unspecified error"],
  E_UNEXPECTED: [0x8000ffff, "Catastrophic failure"],
  DISP_E_MEMBERNOTFOUND: [0x80020003, "Member not found"],
  DISP_E_TYPEMISMATCH: [0x80020005, "Type mismatch"],
  DISP_E_UNKNOWNNAME: [0x80020006, "Unknown name"],
  MK_E_SYNTAX: [0x800401e4, "Invalid syntax"],
  // spec §11.2: Win32 and LAN Manager errors as HRESULT_FROM_WIN32
  ERROR_FILE_NOT_FOUND: [0x80070002, "The system cannot find the file specified"],
  E_ACCESSDENIED: [0x80070005, "Access is denied"],
  ERROR_NOT_ENOUGH_MEMORY: [0x80070008, "Not enough memory resources are available to process this command"],
  ERROR_NOT_SUPPORTED: [0x80070032, "The request is not supported"],
  ERROR_BAD_NETPATH: [0x80070035, "The network path was not found"],
  ERROR_BAD_NET_NAME: [0x80070043, "The network name cannot be found"],
  E_INVALIDARG: [0x80070057, "The parameter is incorrect"],
  ERROR_SHARING_PAUSED: [
    0x80070046,
    "The remote server has been paused or is in the process of being started",
  ],
  ERROR_REQ_NOT_ACCEP: [
    0x80070047,
    "No more connections can be made to this remote computer at this time because there are already as many connections as the computer can accept",
  ],
  ERROR_NETNAME_DELETED: [0x80070040, "The specified network name is no longer available"],
  ERROR_INVALID_LEVEL: [0x8007007c, "The system call level is not correct"],
  ERROR_NOT_LOCKED: [0x8007009e, "The segment is already unlocked"],
  ERROR_MORE_DATA: [0x800700ea, "More data is available"],
  ERROR_NO_MORE_ITEMS: [0x80070103, "No more data is available"],
  ERROR_SERVICE_ALREADY_RUNNING: [0x80070420, "An instance of the service is already running"],
  ERROR_SERVICE_DISABLED: [0x80070422, "The service cannot be started because it is disabled"],
  ERROR_SERVICE_DOES_NOT_EXIST: [0x80070424, "The specified service does not exist as an installed service"],
  ERROR_SERVICE_CANNOT_ACCEPT_CTRL: [0x80070425, "The service cannot accept control messages at this time"],
  ERROR_SERVICE_NOT_ACTIVE: [0x80070426, "The service has not been started"],
  ERROR_SESSION_CREDENTIAL_CONFLICT: [
    0x800704c3,
    "Multiple connections to a server by the same user, using more than one user name, are not allowed",
  ],
  ERROR_LOGON_FAILURE: [0x8007052e, "The user name or password is incorrect"],
  ERROR_ACCOUNT_RESTRICTION: [0x8007052f, "Account restrictions are preventing this user from signing in"],
  ERROR_PASSWORD_EXPIRED: [0x80070532, "The password for this account has expired"],
  ERROR_ACCOUNT_DISABLED: [0x80070533, "This user can't sign in because this account is currently disabled"],
  ERROR_NO_SUCH_DOMAIN: [0x8007054b, "The specified domain either does not exist or could not be contacted"],
  ERROR_INVALID_INDEX: [0x80070585, "Invalid index"],
  RPC_S_SERVER_UNAVAILABLE: [0x800706ba, "The RPC server is unavailable"],
  NERR_DuplicateShare: [0x80070846, "The share name is already in use on this server"],
  NERR_BufTooSmall: [0x8007084b, "The API return buffer is too small"],
  NERR_ACFNotFound: [0x800708ab, "The security database could not be found"],
  NERR_GroupNotFound: [0x800708ac, "The group name could not be found"],
  NERR_UserNotFound: [0x800708ad, "The user name could not be found"],
  NERR_NetNameNotFound: [0x80070906, "The share name does not exist"],
  NERR_ClientNameNotFound: [0x80070908, "A session does not exist with that computer name"],
  NERR_FileIdNotFound: [0x8007090a, "There is not an open file with that identification number"],
  NERR_InvalidComputer: [0x8007092f, "This computer name is invalid"],
} as const satisfies Record<string, readonly [number, string]>;

/** Every symbol in the catalog. */
export type HResultSymbol = keyof typeof rows;

/** Converts an unsigned 32-bit HRESULT to the signed value VBScript's `Err.Number` shows. */
export function toSignedHResult(hresult: number): number {
  return hresult | 0;
}

/** Formats an HRESULT as VBScript and Event Viewer show it: `0x8000500D`. */
export function formatHResult(hresult: number): string {
  return `0x${(hresult >>> 0).toString(16).toUpperCase().padStart(8, "0")}`;
}

/** The full catalog, keyed by symbol (a frozen, prototype-free lookup). */
export const HRESULT_CATALOG: Readonly<Record<HResultSymbol, HResultInfo>> = Object.freeze(
  Object.assign(
    Object.create(null) as Record<HResultSymbol, HResultInfo>,
    Object.fromEntries(
      Object.entries(rows).map(([symbol, [hresult, message]]) => [
        symbol,
        Object.freeze({
          symbol: symbol as HResultSymbol,
          hresult,
          number: toSignedHResult(hresult),
          message,
        }),
      ]),
    ),
  ),
);

/** Unsigned HRESULT values by symbol, for assertions: `HRESULT.E_ADS_PROPERTY_NOT_FOUND === 0x8000500d`. */
export const HRESULT: Readonly<Record<HResultSymbol, number>> = Object.freeze(
  Object.fromEntries(Object.entries(rows).map(([symbol, [hresult]]) => [symbol, hresult])) as Record<
    HResultSymbol,
    number
  >,
);

/** Looks up a catalog row by symbol. */
export function hresultInfo(symbol: HResultSymbol): HResultInfo {
  return HRESULT_CATALOG[symbol];
}

/** Looks up a catalog row by unsigned or signed value; undefined when the value is not in the catalog. */
export function hresultByValue(value: number): HResultInfo | undefined {
  const unsigned = value >>> 0;
  return Object.values(HRESULT_CATALOG).find((row) => row.hresult === unsigned);
}

/** True when `symbol` names a code in the catalog (own keys only: `__proto__` is not a symbol). */
export function isHResultSymbol(symbol: string): symbol is HResultSymbol {
  return Object.hasOwn(rows, symbol);
}
