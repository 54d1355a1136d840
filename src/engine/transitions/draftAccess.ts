import type { Draft } from "immer";
import { AdsError } from "../../errors/AdsError.js";
import type { DirectoryState, FileServiceState, NameKey, ServiceState } from "../state.js";

/**
 * Draft lookups for transitions. The facade has already resolved the keys, so a missing entry here is
 * a bug in the caller, reported as a RangeError rather than an HRESULT.
 */
export function draftService(
  draft: Draft<DirectoryState>,
  computer: NameKey,
  service: NameKey,
): Draft<ServiceState> {
  const found = draft.computers.get(computer)?.services.get(service);
  if (!found) throw new RangeError(`transition on missing service ${computer}/${service}`);
  return found;
}

/** The file-service part of a service draft. */
export function draftFileService(
  draft: Draft<DirectoryState>,
  computer: NameKey,
  service: NameKey,
): Draft<FileServiceState> {
  const found = draftService(draft, computer, service).fileService;
  if (!found)
    throw new RangeError(`transition on a service that is not a file service: ${computer}/${service}`);
  return found;
}

/** Validates a MaxUserCount (shares, spec §9.3; file services, spec §8.4): -1 = unlimited, else ≥ 0. */
export function checkMaxUserCount(value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < -1)) {
    throw new AdsError(
      "E_INVALIDARG",
      `MaxUserCount must be -1 (unlimited) or a non-negative integer, got ${value}`,
    );
  }
}

/** Largest auto-disconnect minutes: 35,791 minutes is the largest whole-minute DWORD in milliseconds. */
export const MAX_AUTO_DISCONNECT_MINUTES = 35_791;

/** Validates auto-disconnect minutes (spec §12.7): -1 (SV_NODISC, off) or 0..{@link MAX_AUTO_DISCONNECT_MINUTES}. */
export function checkAutoDisconnectMinutes(value: number | undefined): void {
  if (
    value !== undefined &&
    (!Number.isInteger(value) || value < -1 || value > MAX_AUTO_DISCONNECT_MINUTES)
  ) {
    throw new AdsError(
      "E_INVALIDARG",
      `auto-disconnect minutes must be -1 (off) or an integer 0..${MAX_AUTO_DISCONNECT_MINUTES}, got ${String(value)}`,
    );
  }
}

/**
 * A new MaxUserCount may not fall below the sessions already using the share or server: the fixture
 * format holds the same rule, so every state stays exportable (docs/behaviour.md). -1 (no limit) fits.
 */
export function checkRoomFor(inUse: number, maxUserCount: number | undefined, what: string): void {
  if (maxUserCount !== undefined && maxUserCount !== -1 && maxUserCount < inUse) {
    throw new AdsError(
      "E_INVALIDARG",
      `${what} has ${inUse} sessions; MaxUserCount ${maxUserCount} is below that`,
    );
  }
}
