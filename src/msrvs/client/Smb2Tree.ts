import {
  AccessMask,
  CreateDisposition,
  CreateOptions,
  ImpersonationLevel,
  ShareAccess,
  Smb2Command,
} from "../smb2/constants.js";
import { NamedPipe } from "./NamedPipe.js";
import { Smb2File } from "./Smb2File.js";
import { callExpecting, type Smb2Caller } from "./smb2Caller.js";

/** How `openFile` opens a file on a disk share. */
export interface OpenFileOptions {
  /** Create the file when missing (FILE_OPEN_IF) instead of failing (FILE_OPEN). Default false. */
  readonly create?: boolean;
  /** Ask for write access too (the open then shows permissions 3 in NetrFileEnum). Default true. */
  readonly write?: boolean;
}

/** Read + write + delete sharing, so several clients can hold one file (MS-SMB2 §2.2.13). */
const SHARE_ALL = ShareAccess.READ | ShareAccess.WRITE | ShareAccess.DELETE;

/** A connected share (MS-SMB2 §2.2.9/§2.2.10): opens files and pipes on it. */
export class Smb2Tree {
  private readonly caller: Smb2Caller;
  /** TreeId from the TREE_CONNECT response header. */
  readonly treeId: number;
  /** ShareType: 1 disk, 2 pipe (IPC$), 3 print. */
  readonly shareType: number;
  /** MaximalAccess the server grants on the share. */
  readonly maximalAccess: number;
  /** The UNC path connected, e.g. `\\127.0.0.1\IPC$`. */
  readonly path: string;
  private connected = true;

  /** Wraps a TREE_CONNECT made by `Smb2Connection`. */
  constructor(caller: Smb2Caller, treeId: number, shareType: number, maximalAccess: number, path: string) {
    this.caller = caller;
    this.treeId = treeId;
    this.shareType = shareType;
    this.maximalAccess = maximalAccess;
    this.path = path;
  }

  private async create(name: string, desiredAccess: number, disposition: number, options: number) {
    const { body } = await callExpecting(
      this.caller,
      Smb2Command.CREATE,
      {
        kind: "createRequest",
        securityFlags: 0,
        requestedOplockLevel: 0,
        impersonationLevel: ImpersonationLevel.IMPERSONATION,
        smbCreateFlags: 0n,
        desiredAccess,
        fileAttributes: 0,
        shareAccess: SHARE_ALL,
        createDisposition: disposition,
        createOptions: options,
        name,
        createContexts: Buffer.alloc(0),
      },
      "createResponse",
      `CREATE ${name} on ${this.path}`,
      { treeId: this.treeId },
    );
    return body.fileId;
  }

  /**
   * Opens the named pipe `name` (no leading backslash, e.g. `srvsvc`) with the access of
   * ms-srvs-wire §1.4. An unknown pipe rejects with STATUS_OBJECT_NAME_NOT_FOUND.
   */
  async openPipe(name = "srvsvc"): Promise<NamedPipe> {
    const fileId = await this.create(name, AccessMask.PIPE_READ_WRITE, CreateDisposition.OPEN, 0);
    return new NamedPipe(this.caller, this.treeId, fileId, name);
  }

  /** Opens (or creates) a file on a disk share and keeps it open until the returned file is closed. */
  async openFile(path: string, options: OpenFileOptions = {}): Promise<Smb2File> {
    const write = options.write ?? true;
    const access =
      AccessMask.FILE_READ_DATA |
      AccessMask.FILE_READ_ATTRIBUTES |
      AccessMask.READ_CONTROL |
      AccessMask.SYNCHRONIZE |
      (write ? AccessMask.FILE_WRITE_DATA | AccessMask.FILE_APPEND_DATA : 0);
    const disposition = options.create ? CreateDisposition.OPEN_IF : CreateDisposition.OPEN;
    const fileId = await this.create(path, access, disposition, CreateOptions.NON_DIRECTORY_FILE);
    return new Smb2File(this.caller, this.treeId, fileId, path);
  }

  /** TREE_DISCONNECT (MS-SMB2 §2.2.11). A second call does nothing. */
  async disconnect(): Promise<void> {
    if (!this.connected) return;
    await callExpecting(
      this.caller,
      Smb2Command.TREE_DISCONNECT,
      { kind: "treeDisconnectRequest" },
      "treeDisconnectResponse",
      `TREE_DISCONNECT ${this.path}`,
      { treeId: this.treeId },
    );
    this.connected = false;
  }
}
