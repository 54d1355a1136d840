import type { FileServiceState, OpenFileState } from "../../engine/state.js";
import { foldName } from "../../names/foldName.js";
import type { FidelityProfile } from "../../profile/FidelityProfile.js";

/** Locks per file path of one (immutable) file-service state, built once per state. */
const locksByPath = new WeakMap<FileServiceState, ReadonlyMap<string, number>>();

function totals(fileService: FileServiceState): ReadonlyMap<string, number> {
  let map = locksByPath.get(fileService);
  if (!map) {
    const built = new Map<string, number>();
    for (const file of fileService.files.values()) {
      const key = foldName(file.path);
      built.set(key, (built.get(key) ?? 0) + file.locks);
    }
    map = built;
    locksByPath.set(fileService, map);
  }
  return map;
}

/**
 * A Resource's LockCount (`fi3_num_locks`, spec §7, §12.4): the locks taken through this open, or, when
 * the profile counts per file (`lockCountScope: "file"`, what Samba reports: the byte-range locks on the
 * file through all its opens), those of every open of the same path. O(1) after one O(files) pass per
 * state.
 */
export function lockCountOf(
  fileService: FileServiceState,
  file: OpenFileState,
  profile: FidelityProfile,
): number {
  if (profile.lockCountScope === "open") return file.locks;
  return totals(fileService).get(foldName(file.path)) ?? file.locks;
}
