/**
 * What a srvsvc handler gets: the emulator view, who is calling, and the helpers every operation
 * shares: turning an AdsError into the WERROR the call returns (ms-srvs-wire §4.6), and paging an
 * enumeration by PreferedMaximumLength and ResumeHandle as Windows does ([MS-SRVS] 3.1.4.5).
 */
import { AdsError } from "../../errors/AdsError.js";
import { WERROR } from "../../msrvs/srvsvc/werror.js";
import type { EmulatorView, WireCaller } from "../EmulatorView.js";
import { werrorOf } from "../statusMapping.js";

/** The caller of one srvsvc call. */
export interface SrvsvcCallContext {
  readonly view: EmulatorView;
  readonly caller: WireCaller;
}

/** A failure a handler returns as the call's WERROR (not a fault). */
export class WerrorFailure extends Error {
  /** The WERROR / NET_API_STATUS value. */
  readonly werror: number;

  /** `werror` is the value returned; `detail` is for diagnostics. */
  constructor(werror: number, detail: string) {
    super(detail);
    this.name = "WerrorFailure";
    this.werror = werror;
  }
}

/** Runs `action`; an AdsError of FACILITY_WIN32 becomes a {@link WerrorFailure} with its code. */
export function viaAdsi<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof AdsError) {
      const werror = werrorOf(error);
      if (werror !== undefined) throw new WerrorFailure(werror, error.message);
    }
    throw error;
  }
}

/** Throws ERROR_ACCESS_DENIED unless the caller is an administrator of the server ([MS-SRVS] 3.1.4). */
export function requireAdministrator(context: SrvsvcCallContext, what: string): void {
  if (context.caller.kind !== "account" || !context.caller.account.administrator) {
    throw new WerrorFailure(WERROR.ERROR_ACCESS_DENIED, `${what} needs an administrator`);
  }
}

/** Bytes one string takes in a stub: referent, three counts, UTF-16 text with NUL (ms-srvs-wire §3.3). */
export function stringSize(value: string | null): number {
  return value === null ? 4 : 16 + 2 * (value.length + 1);
}

/** One page of an enumeration. */
export interface Page<T> {
  readonly entries: readonly T[];
  /** ResumeHandle to return: the index after the page, or 0 when the enumeration is complete. */
  readonly resumeHandle: number;
  /** NERR_Success, or ERROR_MORE_DATA when entries remain. */
  readonly werror: number;
}

/**
 * The page starting at `resumeHandle` holding as many entries as fit `preferredMaximumLength` bytes
 * (at least one; 0xFFFFFFFF = all), MS-SRVS 3.1.4.5: ERROR_MORE_DATA and the next index while entries
 * remain, NERR_Success and handle 0 at the end.
 */
export function pageOf<T>(
  all: readonly T[],
  resumeHandle: number | null,
  preferredMaximumLength: number,
  sizeOf: (entry: T) => number,
): Page<T> {
  const start = Math.min(resumeHandle ?? 0, all.length);
  const entries: T[] = [];
  let used = 0;
  for (let i = start; i < all.length; i++) {
    const entry = all[i] as T;
    const size = sizeOf(entry);
    if (entries.length > 0 && preferredMaximumLength !== 0xffffffff && used + size > preferredMaximumLength)
      break;
    entries.push(entry);
    used += size;
  }
  const next = start + entries.length;
  return next < all.length
    ? { entries, resumeHandle: next, werror: WERROR.ERROR_MORE_DATA }
    : { entries, resumeHandle: 0, werror: WERROR.NERR_Success };
}

/** A client or user name filter as NetrSessionEnum/NetrSessionDel take it: leading `\` stripped, empty = none. */
export function nameFilter(value: string | null): string | undefined {
  if (value === null) return undefined;
  const bare = value.replace(/^\\+/, "");
  return bare === "" ? undefined : bare.toUpperCase();
}
