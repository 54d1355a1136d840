import { AdsError } from "../../errors/AdsError.js";
import { foldName } from "../../names/foldName.js";
import { idleQueueOf } from "../idleQueue.js";
import { changedSession } from "../records.js";
import { type FileServiceState, type NameKey, nameKey, type Writable } from "../state.js";
import { defineTransition } from "../store.js";
import { checkMaxUserCount, checkRoomFor, draftFileService } from "./draftAccess.js";
import { requirePath, requireShareName } from "./valueRules.js";

/** The writable properties of a share (spec §9.3). */
export interface ShareSettings {
  readonly Path?: string;
  readonly Description?: string | undefined;
  readonly MaxUserCount?: number;
}

/** Where a share lives. */
export interface ShareAddress {
  readonly computer: NameKey;
  readonly service: NameKey;
  readonly share: string;
}

/**
 * NetShareAdd: `Create("FileShare", name)` + SetInfo (spec §9.3, §14 item 11). Path is required
 * (profile `shareWithoutPathError`); an existing name fails with the profile's duplicate code.
 */
export const createShare = defineTransition<ShareAddress & { readonly settings: ShareSettings }>(
  "share.create",
  (draft, { computer, service, share, settings }, { profile, record }) => {
    const fileService = draftFileService(draft, computer, service);
    requireShareName(share);
    const key = nameKey(share);
    if (fileService.shares.has(key))
      throw new AdsError(profile.duplicateShareError, `share ${share} already exists`);
    if (settings.Path === undefined)
      throw new AdsError(profile.shareWithoutPathError, `share ${share} needs a Path`);
    requirePath(settings.Path, "share Path");
    checkMaxUserCount(settings.MaxUserCount);
    fileService.shares.set(key, {
      name: share,
      Path: settings.Path,
      ...(settings.Description === undefined ? {} : { Description: settings.Description }),
      MaxUserCount: settings.MaxUserCount ?? -1,
      currentUses: 0,
    });
    record({ kind: "share.created", computer, service, share });
  },
);

/** NetShareSetInfo: SetInfo on an existing share (spec §9.3). */
export const updateShare = defineTransition<ShareAddress & { readonly settings: ShareSettings }>(
  "share.update",
  (draft, { computer, service, share, settings }, { record }) => {
    const current = draftFileService(draft, computer, service).shares.get(nameKey(share));
    if (!current) throw new AdsError("NERR_NetNameNotFound", `no share ${share}`);
    checkMaxUserCount(settings.MaxUserCount);
    if (settings.Path !== undefined) requirePath(settings.Path, "share Path");
    checkRoomFor(current.currentUses, settings.MaxUserCount, `share ${current.name}`);
    if (settings.Path !== undefined) current.Path = settings.Path;
    if ("Description" in settings) current.Description = settings.Description;
    if (settings.MaxUserCount !== undefined) current.MaxUserCount = settings.MaxUserCount;
    record({ kind: "share.changed", computer, service, share: current.name });
  },
);

/** Whether `path` lies under the share directory `sharePath` (case-insensitive as Windows names, `\` separators). */
export function isUnderSharePath(path: string, sharePath: string): boolean {
  if (sharePath === "") return false;
  const prefix = foldName(sharePath.endsWith("\\") ? sharePath : `${sharePath}\\`);
  return foldName(path).startsWith(prefix);
}

/**
 * NetShareDel: `Delete("FileShare", name)` removes the share at once (spec §4, §14 item 12) and
 * disconnects every connection to it: connected sessions lose that tree connect and the files they
 * hold open under the share's path are closed (an SMB tree disconnect closes its opens). The sessions
 * stay connected to the server. Only a share with connections makes the server's sessions be scanned.
 */
export const deleteShare = defineTransition<ShareAddress>(
  "share.delete",
  (draft, { computer, service, share }, { record }) => {
    const fileService = draftFileService(draft, computer, service);
    const key = nameKey(share);
    const current = fileService.shares.get(key);
    if (!current) throw new AdsError("NERR_NetNameNotFound", `no share ${share}`);
    if (current.currentUses > 0) {
      const target = fileService as Writable<FileServiceState>;
      const base = target.sessions;
      let { sessions, files } = target;
      base.forEach((connected) => {
        if (!connected.shares.includes(key)) return;
        const closing = connected.fileIds.filter((id) => {
          const file = files.get(id);
          return file !== undefined && isUnderSharePath(file.path, current.Path);
        });
        const after = changedSession(connected, {
          shares: connected.shares.filter((k) => k !== key),
          fileIds: connected.fileIds.filter((id) => !closing.includes(id)),
        });
        sessions = sessions.set(connected.id, after);
        for (const id of closing) {
          const file = files.get(id);
          files = files.delete(id);
          if (file)
            record({ kind: "file.closed", computer, service, file, session: after, reason: "shareDeleted" });
        }
      });
      target.sessions = sessions;
      target.files = files;
      target.idleQueue = idleQueueOf(sessions);
    }
    const name = current.name;
    fileService.shares.delete(key);
    record({ kind: "share.deleted", computer, service, share: name });
  },
);
