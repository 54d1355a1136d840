import { nameKey } from "../state.js";
import { defineTransition } from "../store.js";
import { draftFileService } from "./draftAccess.js";
import { type OpenFileArgs, openFile } from "./files.js";
import { connectShare, requireSession } from "./sessions.js";

/**
 * A client opens a file through a share (SMB TREE_CONNECT when not yet connected, then CREATE; spec
 * §12.6), as one change: if the open fails, the tree connect is not kept either. The open is client
 * activity. Returns the file id.
 */
export const clientOpenFile = defineTransition<OpenFileArgs & { readonly share: string }, number>(
  "file.clientOpen",
  (draft, args, context) => {
    const fileService = draftFileService(draft, args.computer, args.service);
    const session = requireSession(fileService, args.sessionId, context.profile);
    if (!session.shares.includes(nameKey(args.share))) connectShare.recipe(draft, args, context);
    return openFile.recipe(draft, { ...args, byClient: true }, context);
  },
);
