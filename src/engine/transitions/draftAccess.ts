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
