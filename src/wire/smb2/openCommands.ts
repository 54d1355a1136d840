/**
 * CREATE, CLOSE, READ, WRITE, IOCTL and LOCK of the wire server (MS-SMB2 §3.3.5.9-3.3.5.15). On IPC$
 * the only pipe is `srvsvc` (ms-srvs-wire §1.4): writes feed its DCE/RPC association, reads and
 * FSCTL_PIPE_TRANSCEIVE return its replies in message mode (STATUS_BUFFER_OVERFLOW while a PDU has bytes
 * left, §3.3.5.12). On a disk share a CREATE opens the file in the emulator (`emu.inject.openFile`), a
 * LOCK takes or releases its locks and CLOSE closes it; the emulator models no contents, so files read
 * as empty and refuse writes.
 */
import { AdsError } from "../../errors/AdsError.js";
import { LockFlags } from "../../msrvs/smb2/bodies/lock.js";
import { AccessMask, CreateOptions, Fsctl } from "../../msrvs/smb2/constants.js";
import type { Smb2Message } from "../../msrvs/smb2/message.js";
import { NtStatus } from "../../msrvs/smb2/ntStatus.js";
import { RpcAssociation } from "../rpc/RpcAssociation.js";
import { dispatchSrvsvc } from "../srvsvc/dispatchSrvsvc.js";
import { ntStatusOf } from "../statusMapping.js";
import { type ConnectionState, LIMITS } from "./connectionState.js";
import { fail, type Reply } from "./reply.js";

const GENERIC_READ = 0x80000000;
const GENERIC_WRITE = 0x40000000;
const GENERIC_ALL = 0x10000000;
const MAXIMUM_ALLOWED = 0x02000000;
const FILE_ATTRIBUTE_NORMAL = 0x80;
const FILE_ATTRIBUTE_DIRECTORY = 0x10;

/** fi3_permissions of an open from its DesiredAccess (ms-srvs-wire §4.4: 0x1 read, 0x2 write). */
export function permissionsOf(desiredAccess: number): number {
  const all = (desiredAccess & (GENERIC_ALL | MAXIMUM_ALLOWED)) !== 0;
  const read = all || (desiredAccess & (GENERIC_READ | AccessMask.FILE_READ_DATA)) !== 0;
  const write =
    all || (desiredAccess & (GENERIC_WRITE | AccessMask.FILE_WRITE_DATA | AccessMask.FILE_APPEND_DATA)) !== 0;
  return (read ? 1 : 0) | (write ? 2 : 0) || 1;
}

/** Closes every open of a tree (pipes drop; files close in the emulator, which counts it as the client's). */
export function closeTreeOpens(state: ConnectionState, treeId: number): void {
  for (const [key, open] of [...state.opens]) {
    if (open.treeId !== treeId) continue;
    state.opens.delete(key);
    if (open.kind === "file") closeEmulatorFile(state, open.file);
  }
}

function closeEmulatorFile(
  state: ConnectionState,
  file: Parameters<ConnectionState["server"]["view"]["emu"]["inject"]["closeFile"]>[0] | undefined,
): void {
  if (file === undefined) return;
  try {
    state.server.view.emu.inject.closeFile(file);
  } catch {
    // already closed by an administrator (Resources.Remove) or with its session
  }
}

function created(fileId: Buffer, directory: boolean): Reply {
  return {
    status: NtStatus.STATUS_SUCCESS,
    body: {
      kind: "createResponse",
      oplockLevel: 0,
      flags: 0,
      createAction: 1,
      creationTime: 0n,
      lastAccessTime: 0n,
      lastWriteTime: 0n,
      changeTime: 0n,
      allocationSize: 0n,
      endOfFile: 0n,
      fileAttributes: directory ? FILE_ATTRIBUTE_DIRECTORY : FILE_ATTRIBUTE_NORMAL,
      fileId,
      createContexts: Buffer.alloc(0),
    },
  };
}

/** CREATE (§3.3.5.9). */
export function create(state: ConnectionState, message: Smb2Message): Reply {
  const { body, header } = message;
  if (body.kind !== "createRequest") return fail(NtStatus.STATUS_INVALID_PARAMETER);
  const tree = state.trees.get(header.treeId);
  if (tree === undefined) return fail(NtStatus.STATUS_NETWORK_NAME_DELETED);
  if (state.opens.size >= LIMITS.maxOpens) return fail(NtStatus.STATUS_INSUFFICIENT_RESOURCES);
  const name = body.name.replace(/^\\+/, "");
  const fileId = state.newFileId();
  const session = state.session;
  if (tree.kind === "ipc") {
    const { view } = state.server;
    if (name.toLowerCase() !== "srvsvc" || session === undefined || !view.serviceAnswers()) {
      return fail(NtStatus.STATUS_OBJECT_NAME_NOT_FOUND);
    }
    const context = { view, caller: session.caller };
    const pipe = new RpcAssociation(
      (opnum, stub) => dispatchSrvsvc(context, opnum, stub),
      state.server.nextAssociationGroup(),
    );
    state.opens.set(fileId.toString("hex"), { treeId: header.treeId, kind: "pipe", pipe });
    state.relatedFileId = fileId;
    return created(fileId, false);
  }
  const directory = name === "" || (body.createOptions & CreateOptions.DIRECTORY_FILE) !== 0;
  let file: ReturnType<ConnectionState["server"]["view"]["emu"]["inject"]["openFile"]> | undefined;
  if (!directory) {
    const handle = session?.handle;
    if (handle === undefined) return fail(NtStatus.STATUS_ACCESS_DENIED);
    try {
      file = state.server.view.emu.inject.openFile(handle, `${tree.share}\\${name}`, {
        permissions: permissionsOf(body.desiredAccess),
      });
    } catch (error) {
      return fail(
        error instanceof AdsError && error.code === "E_INVALIDARG"
          ? NtStatus.STATUS_OBJECT_NAME_INVALID
          : ntStatusOf(error),
      );
    }
  }
  state.opens.set(fileId.toString("hex"), { treeId: header.treeId, kind: "file", file });
  state.relatedFileId = fileId;
  return created(fileId, directory);
}

/** CLOSE (§3.3.5.10). */
export function close(state: ConnectionState, message: Smb2Message): Reply {
  if (message.body.kind !== "closeRequest") return fail(NtStatus.STATUS_INVALID_PARAMETER);
  const found = state.open(message.body.fileId);
  if (found === undefined) return fail(NtStatus.STATUS_FILE_CLOSED);
  state.opens.delete(found.key);
  if (found.open.kind === "file") closeEmulatorFile(state, found.open.file);
  return {
    status: NtStatus.STATUS_SUCCESS,
    body: {
      kind: "closeResponse",
      flags: 0,
      creationTime: 0n,
      lastAccessTime: 0n,
      lastWriteTime: 0n,
      changeTime: 0n,
      allocationSize: 0n,
      endOfFile: 0n,
      fileAttributes: 0,
    },
  };
}

function pipeOf(state: ConnectionState, fileId: Buffer): RpcAssociation | number {
  const found = state.open(fileId);
  if (found === undefined) return NtStatus.STATUS_FILE_CLOSED;
  if (found.open.kind !== "pipe") return NtStatus.STATUS_INVALID_DEVICE_REQUEST;
  return found.open.pipe.broken ? NtStatus.STATUS_PIPE_DISCONNECTED : found.open.pipe;
}

/** READ (§3.3.5.12): the next reply bytes of the pipe; a disk file reads as empty. */
export function read(state: ConnectionState, message: Smb2Message): Reply {
  const { body } = message;
  if (body.kind !== "readRequest") return fail(NtStatus.STATUS_INVALID_PARAMETER);
  const found = state.open(body.fileId);
  if (found?.open.kind === "file") return fail(NtStatus.STATUS_END_OF_FILE);
  const pipe = pipeOf(state, body.fileId);
  if (typeof pipe === "number") return fail(pipe);
  const { data, more } = pipe.read(Math.min(body.length, 65536));
  if (data.length === 0) return fail(NtStatus.STATUS_PIPE_EMPTY);
  return {
    status: more ? NtStatus.STATUS_BUFFER_OVERFLOW : NtStatus.STATUS_SUCCESS,
    body: { kind: "readResponse", dataRemaining: 0, flags: 0, data },
  };
}

/** WRITE (§3.3.5.13): bytes for the pipe's association; disk files take no data. */
export function write(state: ConnectionState, message: Smb2Message): Reply {
  const { body } = message;
  if (body.kind !== "writeRequest") return fail(NtStatus.STATUS_INVALID_PARAMETER);
  const found = state.open(body.fileId);
  if (found?.open.kind === "file") return fail(NtStatus.STATUS_NOT_SUPPORTED);
  const pipe = pipeOf(state, body.fileId);
  if (typeof pipe === "number") return fail(pipe);
  pipe.write(body.data);
  if (pipe.broken) return fail(NtStatus.STATUS_PIPE_DISCONNECTED);
  return {
    status: NtStatus.STATUS_SUCCESS,
    body: { kind: "writeResponse", count: body.data.length, remaining: 0 },
  };
}

/** IOCTL (§3.3.5.15): FSCTL_PIPE_TRANSCEIVE on the pipe (§3.3.5.15.4); no other control code. */
export function ioctl(state: ConnectionState, message: Smb2Message): Reply {
  const { body } = message;
  if (body.kind !== "ioctlRequest") return fail(NtStatus.STATUS_INVALID_PARAMETER);
  if (body.ctlCode !== Fsctl.PIPE_TRANSCEIVE) return fail(NtStatus.STATUS_NOT_SUPPORTED);
  const pipe = pipeOf(state, body.fileId);
  if (typeof pipe === "number") return fail(pipe);
  pipe.write(body.input);
  if (pipe.broken) return fail(NtStatus.STATUS_PIPE_DISCONNECTED);
  const { data, more } = pipe.read(Math.min(body.maxOutputResponse, 65536));
  return {
    status: more ? NtStatus.STATUS_BUFFER_OVERFLOW : NtStatus.STATUS_SUCCESS,
    body: {
      kind: "ioctlResponse",
      ctlCode: body.ctlCode,
      fileId: body.fileId,
      flags: 0,
      input: Buffer.alloc(0),
      output: data,
    },
  };
}

/** LOCK (§3.3.5.14): each element takes one byte-range lock or, with UNLOCK, releases one. */
export function lock(state: ConnectionState, message: Smb2Message): Reply {
  const { body } = message;
  if (body.kind !== "lockRequest") return fail(NtStatus.STATUS_INVALID_PARAMETER);
  const found = state.open(body.fileId);
  if (found === undefined) return fail(NtStatus.STATUS_FILE_CLOSED);
  if (found.open.kind !== "file" || found.open.file === undefined)
    return fail(NtStatus.STATUS_INVALID_DEVICE_REQUEST);
  const { inject } = state.server.view.emu;
  const file = found.open.file;
  try {
    for (const element of body.locks) {
      if ((element.flags & LockFlags.UNLOCK) !== 0) inject.unlock(file, 1);
      else inject.lock(file, 1);
    }
  } catch (error) {
    if (error instanceof AdsError && error.code === "ERROR_NOT_LOCKED")
      return fail(NtStatus.STATUS_RANGE_NOT_LOCKED);
    return fail(NtStatus.STATUS_FILE_CLOSED);
  }
  return { status: NtStatus.STATUS_SUCCESS, body: { kind: "lockResponse" } };
}
