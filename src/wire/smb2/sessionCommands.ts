/**
 * NEGOTIATE, SESSION_SETUP, LOGOFF, TREE_CONNECT, TREE_DISCONNECT and ECHO of the wire server
 * (MS-SMB2 §3.3.5.3-3.3.5.8). Dialects 2.0.2 and 2.1 (HMAC-SHA256 signing, §3.1.4.1): every client here
 * offers one of them. A successful SESSION_SETUP opens the connection's session in the emulator
 * (`emu.inject.openSession`), so it shows in Sessions() with its user and client address.
 */

import { AdsError } from "../../errors/AdsError.js";
import {
  Smb2Dialect,
  Smb2SecurityMode,
  Smb2SessionFlags,
  Smb2ShareType,
} from "../../msrvs/smb2/constants.js";
import type { Smb2Message } from "../../msrvs/smb2/message.js";
import { NtStatus } from "../../msrvs/smb2/ntStatus.js";
import { encodeNegTokenInit, NTLMSSP_OID } from "../../msrvs/spnego/spnego.js";
import type { SessionHandle } from "../../runtime/inject/handles.js";
import { ntStatusOf } from "../statusMapping.js";
import { type ConnectionState, LIMITS } from "./connectionState.js";
import { closeTreeOpens } from "./openCommands.js";
import { fail, type Reply } from "./reply.js";
import { ServerAuthentication } from "./ServerAuthentication.js";

/** Largest READ, WRITE and IOCTL transfer the server offers (64 KiB, no LARGE_MTU). */
export const MAX_TRANSFER = 65536;

/** Milliseconds between 1601-01-01 and 1970-01-01, for FILETIME (MS-DTYP §2.3.3). */
const FILETIME_EPOCH_MS = 11_644_473_600_000n;

/** NEGOTIATE (§3.3.5.3.1): 2.1 when offered, else 2.0.2; the SPNEGO hint lists NTLMSSP (MS-SPNG §3.2.5.2). */
export function negotiate(state: ConnectionState, message: Smb2Message): Reply {
  if (message.body.kind !== "negotiateRequest") return fail(NtStatus.STATUS_INVALID_PARAMETER);
  const offered = message.body.dialects;
  const dialect = offered.includes(Smb2Dialect.SMB_2_1)
    ? Smb2Dialect.SMB_2_1
    : offered.includes(Smb2Dialect.SMB_2_0_2)
      ? Smb2Dialect.SMB_2_0_2
      : undefined;
  if (state.dialect !== undefined || dialect === undefined) return fail(NtStatus.STATUS_NOT_SUPPORTED);
  state.dialect = dialect;
  state.clientRequiresSigning = (message.body.securityMode & Smb2SecurityMode.SIGNING_REQUIRED) !== 0;
  const now = BigInt(state.server.view.emu.clock.now());
  return {
    status: NtStatus.STATUS_SUCCESS,
    body: {
      kind: "negotiateResponse",
      securityMode:
        Smb2SecurityMode.SIGNING_ENABLED |
        (state.server.requireSigning ? Smb2SecurityMode.SIGNING_REQUIRED : 0),
      dialectRevision: dialect,
      serverGuid: state.server.serverGuid,
      capabilities: 0,
      maxTransactSize: MAX_TRANSFER,
      maxReadSize: MAX_TRANSFER,
      maxWriteSize: MAX_TRANSFER,
      systemTime: (now + FILETIME_EPOCH_MS) * 10_000n,
      serverStartTime: 0n,
      securityBuffer: encodeNegTokenInit({
        mechTypes: [NTLMSSP_OID],
        mechToken: undefined,
        mechListMic: undefined,
      }),
      negotiateContexts: [],
    },
  };
}

/** Opens the connection's session in the emulator; undefined while the file service is stopped. */
function openEmulatorSession(
  state: ConnectionState,
  qualified: string | undefined,
): SessionHandle | undefined {
  const { view } = state.server;
  try {
    return view.emu.inject.openSession({
      server: view.computerName,
      user: qualified ?? "Guest",
      client: state.clientAddress,
      guest: qualified === undefined,
      transport: "\\Device\\NetbiosSmb",
    });
  } catch (error) {
    if (error instanceof AdsError && error.code === view.emu.profile.serverNotRunningError) return undefined;
    throw error;
  }
}

/** SESSION_SETUP (§3.3.5.5): one session per connection; re-authentication is not offered. */
export function sessionSetup(state: ConnectionState, message: Smb2Message): Reply {
  const { body, header } = message;
  if (body.kind !== "sessionSetupRequest") return fail(NtStatus.STATUS_INVALID_PARAMETER);
  if (state.dialect === undefined) return fail(NtStatus.STATUS_INVALID_PARAMETER);
  if (state.session !== undefined) return fail(NtStatus.STATUS_REQUEST_NOT_ACCEPTED);
  if (header.sessionId === 0n) {
    state.pending = {
      id: state.server.nextSessionId(),
      auth: new ServerAuthentication(state.server.view, state.server.serverChallenge()),
    };
  } else if (state.pending?.id !== header.sessionId) {
    return fail(NtStatus.STATUS_USER_SESSION_DELETED);
  }
  const pending = state.pending;
  if (pending === undefined) return fail(NtStatus.STATUS_USER_SESSION_DELETED);
  const step = pending.auth.step(body.securityBuffer);
  if (step.kind === "continue") {
    return {
      status: NtStatus.STATUS_MORE_PROCESSING_REQUIRED,
      sessionId: pending.id,
      body: { kind: "sessionSetupResponse", sessionFlags: 0, securityBuffer: step.token },
    };
  }
  state.pending = undefined;
  if (step.kind === "failed") return { status: step.status, sessionId: pending.id };
  let handle: SessionHandle | undefined;
  try {
    handle = openEmulatorSession(
      state,
      step.caller.kind === "account" ? step.caller.account.qualified : undefined,
    );
  } catch (error) {
    return { status: ntStatusOf(error), sessionId: pending.id };
  }
  const signingRequired =
    step.sessionKey !== undefined &&
    (state.server.requireSigning ||
      state.clientRequiresSigning ||
      (body.securityMode & Smb2SecurityMode.SIGNING_REQUIRED) !== 0);
  state.session = {
    id: pending.id,
    caller: step.caller,
    signingKey: step.sessionKey,
    signingRequired,
    handle,
    lastActivity: state.server.view.emu.clock.now(),
  };
  const sessionFlags =
    step.caller.kind === "guest"
      ? step.anonymous
        ? Smb2SessionFlags.IS_NULL
        : Smb2SessionFlags.IS_GUEST
      : 0;
  return {
    status: NtStatus.STATUS_SUCCESS,
    sessionId: pending.id,
    body: { kind: "sessionSetupResponse", sessionFlags, securityBuffer: step.token },
    ...(signingRequired && step.sessionKey !== undefined ? { signingKey: step.sessionKey } : {}),
  };
}

/** Ends the connection's session: its opens, trees, and its session in the emulator (reason `client`). */
export function endSession(state: ConnectionState): void {
  const session = state.session;
  state.session = undefined;
  for (const treeId of [...state.trees.keys()]) closeTreeOpens(state, treeId);
  state.trees.clear();
  const handle = session?.handle;
  if (session !== undefined) session.handle = undefined;
  if (handle === undefined) return;
  try {
    state.server.view.emu.inject.closeSession(handle);
  } catch {
    // the emulator already ended it (removed, auto-disconnected, service stopped)
  }
}

/** LOGOFF (§3.3.5.6). */
export function logoff(state: ConnectionState, message: Smb2Message): Reply {
  if (message.body.kind !== "logoffRequest") return fail(NtStatus.STATUS_INVALID_PARAMETER);
  endSession(state);
  return { status: NtStatus.STATUS_SUCCESS, body: { kind: "logoffResponse" } };
}

/** TREE_CONNECT (§3.3.5.7): `\\server\IPC$` always; a disk share of the fixture when the session has one. */
export function treeConnect(state: ConnectionState, message: Smb2Message): Reply {
  const { body } = message;
  if (body.kind !== "treeConnectRequest") return fail(NtStatus.STATUS_INVALID_PARAMETER);
  if (state.trees.size >= LIMITS.maxTrees) return fail(NtStatus.STATUS_INSUFFICIENT_RESOURCES);
  const share = body.path.slice(body.path.lastIndexOf("\\") + 1);
  const ipc = share.toUpperCase() === "IPC$";
  const known = state.server.view.shares().some((row) => row.name.toUpperCase() === share.toUpperCase());
  if (!ipc && (!known || state.session?.handle === undefined)) return fail(NtStatus.STATUS_BAD_NETWORK_NAME);
  const treeId = state.newTreeId();
  state.trees.set(treeId, { share, kind: ipc ? "ipc" : "disk" });
  return {
    status: NtStatus.STATUS_SUCCESS,
    treeId,
    body: {
      kind: "treeConnectResponse",
      shareType: ipc ? Smb2ShareType.PIPE : Smb2ShareType.DISK,
      shareFlags: ipc ? 0x30 : 0,
      capabilities: 0,
      maximalAccess: 0x001f01ff,
    },
  };
}

/** TREE_DISCONNECT (§3.3.5.8): closes the tree's opens. */
export function treeDisconnect(state: ConnectionState, message: Smb2Message): Reply {
  if (message.body.kind !== "treeDisconnectRequest") return fail(NtStatus.STATUS_INVALID_PARAMETER);
  closeTreeOpens(state, message.header.treeId);
  state.trees.delete(message.header.treeId);
  return { status: NtStatus.STATUS_SUCCESS, body: { kind: "treeDisconnectResponse" } };
}

/** ECHO (§3.3.5.17). */
export function echo(): Reply {
  return { status: NtStatus.STATUS_SUCCESS, body: { kind: "echoResponse" } };
}
