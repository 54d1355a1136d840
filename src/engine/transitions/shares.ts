import { AdsError } from "../../errors/AdsError.js";
import { foldName } from "../../names/foldName.js";
import { trieDelete, trieGet, trieSet, trieValues } from "../idTrie.js";
import { type NameKey, nameKey, type SessionState } from "../state.js";
import { defineTransition } from "../store.js";
import { checkMaxUserCount, draftFileService } from "./draftAccess.js";

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
  (draft, { computer, service, share, settings }, { profile }) => {
    const fileService = draftFileService(draft, computer, service);
    const key = nameKey(share);
    if (fileService.shares.has(key))
      throw new AdsError(profile.duplicateShareError, `share ${share} already exists`);
    if (settings.Path === undefined)
      throw new AdsError(profile.shareWithoutPathError, `share ${share} needs a Path`);
    checkMaxUserCount(settings.MaxUserCount);
    fileService.shares.set(key, {
      name: share,
      Path: settings.Path,
      ...(settings.Description === undefined ? {} : { Description: settings.Description }),
      MaxUserCount: settings.MaxUserCount ?? -1,
      currentUses: 0,
    });
  },
);

/** NetShareSetInfo: SetInfo on an existing share (spec §9.3). */
export const updateShare = defineTransition<ShareAddress & { readonly settings: ShareSettings }>(
  "share.update",
  (draft, { computer, service, share, settings }) => {
    const current = draftFileService(draft, computer, service).shares.get(nameKey(share));
    if (!current) throw new AdsError("NERR_NetNameNotFound", `no share ${share}`);
    checkMaxUserCount(settings.MaxUserCount);
    if (settings.Path !== undefined) current.Path = settings.Path;
    if ("Description" in settings) current.Description = settings.Description;
    if (settings.MaxUserCount !== undefined) current.MaxUserCount = settings.MaxUserCount;
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
  (draft, { computer, service, share }) => {
    const fileService = draftFileService(draft, computer, service);
    const key = nameKey(share);
    const current = fileService.shares.get(key);
    if (!current) throw new AdsError("NERR_NetNameNotFound", `no share ${share}`);
    if (current.currentUses > 0) {
      for (const session of [...trieValues<SessionState>(fileService.sessions)]) {
        if (!session.shares.includes(key)) continue;
        const closing = session.fileIds.filter((id) => {
          const file = trieGet(fileService.files, id);
          return file !== undefined && isUnderSharePath(file.path, current.Path);
        });
        for (const id of closing) trieDelete(fileService.files, id);
        trieSet(fileService.sessions, session.id, {
          ...session,
          shares: session.shares.filter((k) => k !== key),
          fileIds: session.fileIds.filter((id) => !closing.includes(id)),
        });
      }
    }
    fileService.shares.delete(key);
  },
);
