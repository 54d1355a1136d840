/**
 * NTSTATUS values an SMB2 client meets on the way to `\PIPE\srvsvc` (MS-ERREF §2.3; ms-srvs-wire §1.10).
 * Values are unsigned 32-bit numbers, e.g. 0xc000006d.
 */
export const NtStatus = {
  STATUS_SUCCESS: 0x00000000,
  STATUS_UNSUCCESSFUL: 0xc0000001,
  STATUS_PENDING: 0x00000103,
  STATUS_NOTIFY_ENUM_DIR: 0x0000010c,
  STATUS_BUFFER_OVERFLOW: 0x80000005,
  STATUS_NO_MORE_FILES: 0x80000006,
  STATUS_INVALID_PARAMETER: 0xc000000d,
  STATUS_NO_SUCH_FILE: 0xc000000f,
  STATUS_END_OF_FILE: 0xc0000011,
  STATUS_MORE_PROCESSING_REQUIRED: 0xc0000016,
  STATUS_ACCESS_DENIED: 0xc0000022,
  STATUS_BUFFER_TOO_SMALL: 0xc0000023,
  STATUS_OBJECT_NAME_INVALID: 0xc0000033,
  STATUS_OBJECT_NAME_NOT_FOUND: 0xc0000034,
  STATUS_OBJECT_NAME_COLLISION: 0xc0000035,
  STATUS_OBJECT_PATH_NOT_FOUND: 0xc000003a,
  STATUS_SHARING_VIOLATION: 0xc0000043,
  STATUS_LOCK_NOT_GRANTED: 0xc0000055,
  STATUS_LOGON_FAILURE: 0xc000006d,
  STATUS_ACCOUNT_RESTRICTION: 0xc000006e,
  STATUS_PASSWORD_EXPIRED: 0xc0000071,
  STATUS_ACCOUNT_DISABLED: 0xc0000072,
  STATUS_RANGE_NOT_LOCKED: 0xc000007e,
  STATUS_INSUFFICIENT_RESOURCES: 0xc000009a,
  STATUS_PIPE_NOT_AVAILABLE: 0xc00000ac,
  STATUS_INVALID_PIPE_STATE: 0xc00000ad,
  STATUS_PIPE_BUSY: 0xc00000ae,
  STATUS_PIPE_DISCONNECTED: 0xc00000b0,
  STATUS_PIPE_CLOSING: 0xc00000b1,
  STATUS_PIPE_LISTENING: 0xc00000b3,
  STATUS_INVALID_READ_MODE: 0xc00000b4,
  STATUS_FILE_IS_A_DIRECTORY: 0xc00000ba,
  STATUS_NOT_SUPPORTED: 0xc00000bb,
  STATUS_NETWORK_NAME_DELETED: 0xc00000c9,
  STATUS_NETWORK_ACCESS_DENIED: 0xc00000ca,
  STATUS_BAD_NETWORK_NAME: 0xc00000cc,
  STATUS_SHARING_PAUSED: 0xc00000cf,
  STATUS_REQUEST_NOT_ACCEPTED: 0xc00000d0,
  STATUS_PIPE_EMPTY: 0xc00000d9,
  STATUS_CANCELLED: 0xc0000120,
  STATUS_FILE_CLOSED: 0xc0000128,
  STATUS_PIPE_BROKEN: 0xc000014b,
  STATUS_FS_DRIVER_REQUIRED: 0xc000019c,
  STATUS_USER_SESSION_DELETED: 0xc0000203,
  STATUS_INVALID_DEVICE_REQUEST: 0xc0000010,
  STATUS_NETWORK_SESSION_EXPIRED: 0xc000035c,
  STATUS_SMB_BAD_CLUSTER_DIALECT: 0xc05d0001,
} as const;

/** One of the names in {@link NtStatus}. */
export type NtStatusName = keyof typeof NtStatus;

const namesByValue = new Map<number, NtStatusName>(
  (Object.entries(NtStatus) as [NtStatusName, number][]).map(([name, value]) => [value, name]),
);

/** The symbolic name of `status`, or `undefined` when it is not in {@link NtStatus}. */
export function ntStatusName(status: number): NtStatusName | undefined {
  return namesByValue.get(status >>> 0);
}

/** `0xc000006d STATUS_LOGON_FAILURE` (or just the hex value for an unknown status). */
export function formatNtStatus(status: number): string {
  const hex = `0x${(status >>> 0).toString(16).padStart(8, "0")}`;
  const name = ntStatusName(status);
  return name === undefined ? hex : `${hex} ${name}`;
}

/** True for the error severity (the two top bits set, 0xC0000000), MS-ERREF §2.3. */
export function isNtError(status: number): boolean {
  return status >>> 30 === 3;
}
