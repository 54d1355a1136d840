/**
 * Routes one decoded SMB2 request to its handler (MS-SMB2 §3.3.5.2): checks the connection state the
 * command needs (negotiated, a valid SessionId) first, and reports the request to the emulator as
 * client activity on the connection's session (IdleTime starts again from 0, docs/time-and-events.md).
 */
import { Smb2Command } from "../../msrvs/smb2/constants.js";
import type { Smb2Message } from "../../msrvs/smb2/message.js";
import { NtStatus } from "../../msrvs/smb2/ntStatus.js";
import type { ConnectionState } from "./connectionState.js";
import { close, create, ioctl, lock, read, write } from "./openCommands.js";
import { fail, type Reply } from "./reply.js";
import { echo, logoff, negotiate, sessionSetup, treeConnect, treeDisconnect } from "./sessionCommands.js";

type Handler = (state: ConnectionState, message: Smb2Message) => Reply;

const HANDLERS = new Map<number, Handler>([
  [Smb2Command.NEGOTIATE, negotiate],
  [Smb2Command.SESSION_SETUP, sessionSetup],
  [Smb2Command.LOGOFF, logoff],
  [Smb2Command.TREE_CONNECT, treeConnect],
  [Smb2Command.TREE_DISCONNECT, treeDisconnect],
  [Smb2Command.CREATE, create],
  [Smb2Command.CLOSE, close],
  [Smb2Command.READ, read],
  [Smb2Command.WRITE, write],
  [Smb2Command.IOCTL, ioctl],
  [Smb2Command.LOCK, lock],
  [Smb2Command.ECHO, echo],
]);

/** Commands answered without a session (§3.3.5.2.9). */
const SESSIONLESS = new Set<number>([Smb2Command.NEGOTIATE, Smb2Command.SESSION_SETUP, Smb2Command.ECHO]);

/** Whether the server has a handler for `command` (others get STATUS_NOT_SUPPORTED unread). */
export function isHandled(command: number): boolean {
  return HANDLERS.has(command);
}

/** Reports client activity to the emulator, at most once per virtual instant. */
function touch(state: ConnectionState): void {
  const session = state.session;
  if (session?.handle === undefined) return;
  const { emu } = state.server.view;
  const now = emu.clock.now();
  if (now === session.lastActivity) return;
  session.lastActivity = now;
  try {
    emu.inject.activity(session.handle);
  } catch {
    // the session ended meanwhile; the connection is being dropped
  }
}

/** Answers one request whose body decoded. */
export function dispatchCommand(state: ConnectionState, message: Smb2Message): Reply {
  const command = message.header.command;
  const handler = HANDLERS.get(command);
  if (handler === undefined) return fail(NtStatus.STATUS_NOT_SUPPORTED);
  const inSession = state.session !== undefined && state.session.id === message.header.sessionId;
  if (!SESSIONLESS.has(command) && !inSession) return fail(NtStatus.STATUS_USER_SESSION_DELETED);
  if (inSession && command !== Smb2Command.SESSION_SETUP) touch(state);
  return handler(state, message);
}
