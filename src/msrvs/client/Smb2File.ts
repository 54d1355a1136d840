import { LockFlags } from "../smb2/bodies/lock.js";
import { Smb2Command } from "../smb2/constants.js";
import { NtStatus } from "../smb2/ntStatus.js";
import { callExpecting, type Smb2Caller } from "./smb2Caller.js";

/**
 * An open file (or pipe) on a tree: its 16-byte FileId (MS-SMB2 §2.2.14.1) and the calls every open
 * supports. Holding one keeps the file open on the server (it shows in NetrFileEnum) until `close`.
 */
export class Smb2File {
  /** The caller that owns the connection. */
  protected readonly caller: Smb2Caller;
  /** TreeId of the share the file was opened on. */
  readonly treeId: number;
  /** SMB2_FILEID from the CREATE response. */
  readonly fileId: Buffer;
  /** The name it was opened with, relative to the share. */
  readonly name: string;
  private closed = false;

  /** Wraps an open made by `Smb2Tree`. */
  constructor(caller: Smb2Caller, treeId: number, fileId: Buffer, name: string) {
    this.caller = caller;
    this.treeId = treeId;
    this.fileId = fileId;
    this.name = name;
  }

  /** True until `close` succeeded. */
  get isOpen(): boolean {
    return !this.closed;
  }

  /**
   * One READ (MS-SMB2 §2.2.19) of at most `length` bytes at `offset` (capped by the server's
   * MaxReadSize). STATUS_BUFFER_OVERFLOW counts as data (ms-srvs-wire §1.8); `more` says so.
   */
  async readChunk(length: number, offset = 0n): Promise<{ data: Buffer; more: boolean }> {
    const wanted = Math.min(length, this.caller.maxReadSize);
    const { status, body } = await callExpecting(
      this.caller,
      Smb2Command.READ,
      {
        kind: "readRequest",
        padding: 0x50,
        flags: 0,
        length: wanted,
        offset,
        fileId: this.fileId,
        minimumCount: 0,
        channel: 0,
        remainingBytes: 0,
        readChannelInfo: Buffer.alloc(0),
      },
      "readResponse",
      `READ ${this.name}`,
      {
        treeId: this.treeId,
        payloadBytes: wanted,
        okStatuses: [NtStatus.STATUS_SUCCESS, NtStatus.STATUS_BUFFER_OVERFLOW],
      },
    );
    return { data: body.data, more: status === NtStatus.STATUS_BUFFER_OVERFLOW };
  }

  /** One WRITE (MS-SMB2 §2.2.21) of `data` at `offset`; resolves with the count the server wrote. */
  async write(data: Buffer, offset = 0n): Promise<number> {
    const { body } = await callExpecting(
      this.caller,
      Smb2Command.WRITE,
      {
        kind: "writeRequest",
        offset,
        fileId: this.fileId,
        channel: 0,
        remainingBytes: 0,
        flags: 0,
        data,
        writeChannelInfo: Buffer.alloc(0),
      },
      "writeResponse",
      `WRITE ${this.name}`,
      { treeId: this.treeId, payloadBytes: data.length },
    );
    return body.count;
  }

  /**
   * Takes a byte-range lock (MS-SMB2 §2.2.26), exclusive unless `shared`, failing at once when it
   * conflicts (STATUS_LOCK_NOT_GRANTED). Held locks show as fi3_num_locks in NetrFileEnum.
   */
  async lock(offset: bigint, length: bigint, options: { readonly shared?: boolean } = {}): Promise<void> {
    const mode = options.shared ? LockFlags.SHARED_LOCK : LockFlags.EXCLUSIVE_LOCK;
    await this.lockRequest({ offset, length, flags: mode | LockFlags.FAIL_IMMEDIATELY }, "LOCK");
  }

  /** Releases a byte-range lock taken with {@link lock} (same offset and length). */
  async unlock(offset: bigint, length: bigint): Promise<void> {
    await this.lockRequest({ offset, length, flags: LockFlags.UNLOCK }, "UNLOCK");
  }

  private async lockRequest(lock: { offset: bigint; length: bigint; flags: number }, what: string) {
    await callExpecting(
      this.caller,
      Smb2Command.LOCK,
      { kind: "lockRequest", lockSequence: 0, fileId: this.fileId, locks: [lock] },
      "lockResponse",
      `${what} ${this.name}`,
      { treeId: this.treeId },
    );
  }

  /** CLOSE (MS-SMB2 §2.2.15). A second call does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    await callExpecting(
      this.caller,
      Smb2Command.CLOSE,
      { kind: "closeRequest", flags: 0, fileId: this.fileId },
      "closeResponse",
      `CLOSE ${this.name}`,
      { treeId: this.treeId },
    );
    this.closed = true;
  }
}
