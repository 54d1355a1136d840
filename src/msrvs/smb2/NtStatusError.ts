import { formatNtStatus, type NtStatusName, ntStatusName } from "./ntStatus.js";
import { Smb2Error } from "./Smb2Error.js";

/**
 * A server answered a request with a failing NTSTATUS (MS-SMB2 §3.2.5.1). `status` is the unsigned
 * value, `statusName` its symbol when known (e.g. `STATUS_LOGON_FAILURE`), `command` the SMB2 command.
 */
export class NtStatusError extends Smb2Error {
  /** Unsigned 32-bit NTSTATUS, e.g. 0xc000006d. */
  readonly status: number;
  /** Symbolic name, or undefined for a status missing from the table. */
  readonly statusName: NtStatusName | undefined;
  /** SMB2 command code of the failed request (MS-SMB2 §2.2.1). */
  readonly command: number;

  /** Builds the error for `status` returned to `command`; `what` names the operation. */
  constructor(status: number, command: number, what: string) {
    super("NT_STATUS", `${what} failed with ${formatNtStatus(status)}`);
    this.name = "NtStatusError";
    this.status = status >>> 0;
    this.statusName = ntStatusName(status);
    this.command = command;
  }

  /** True when `error` is an NtStatusError, optionally with the given status name. */
  static isStatus(error: unknown, name?: NtStatusName): error is NtStatusError {
    return error instanceof NtStatusError && (name === undefined || error.statusName === name);
  }
}
