import { nameKey } from "../state.js";
import { defineFileServiceTransition } from "../store.js";
import { type OpenFileArgs, openFileIn } from "./files.js";
import { connectShareIn, requireSession } from "./sessions.js";

/**
 * A client opens a file through a share (SMB TREE_CONNECT when not yet connected, then CREATE; spec
 * §12.6), as one change: if the open fails, the tree connect is not kept either. The open is client
 * activity. Returns the file id.
 */
export const clientOpenFile = defineFileServiceTransition<OpenFileArgs & { readonly share: string }, number>(
  "file.clientOpen",
  (edit, args, context) => {
    const session = requireSession(edit, args.sessionId, context.profile);
    if (!session.shares.includes(nameKey(args.share))) connectShareIn(edit, args, context);
    return openFileIn(edit, args, context, true);
  },
);
