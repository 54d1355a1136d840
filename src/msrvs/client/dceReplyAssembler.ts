import { Smb2Error } from "../smb2/Smb2Error.js";

/** Size of the common DCE/RPC connection-oriented header (ms-srvs-wire §2.1). */
const DCE_HEADER_SIZE = 16;
/** pfc_flags bit marking the last fragment of a PDU sequence (ms-srvs-wire §2.1). */
const PFC_LAST_FRAG = 0x02;

/**
 * Collects the bytes read from a named pipe until they form one complete DCE/RPC reply: whole
 * fragments, the last one carrying PFC_LAST_FRAG (ms-srvs-wire §1.9). Reads only the 16-byte header
 * of each fragment (rpc_vers 5, little-endian drep, frag_length); PDU contents are the DCE/RPC codec's
 * business. A bad header, or bytes after the last fragment, is `Smb2Error("PROTOCOL")`.
 */
export class DceReplyAssembler {
  private readonly fragments: Buffer[] = [];
  private pending: Buffer = Buffer.alloc(0);
  private done = false;

  /** True once a fragment with PFC_LAST_FRAG has been completed. */
  get complete(): boolean {
    return this.done;
  }

  /** Adds bytes read from the pipe. */
  push(bytes: Buffer): void {
    if (bytes.length === 0) return;
    if (this.done) throw new Smb2Error("PROTOCOL", `${bytes.length} bytes after the last DCE/RPC fragment`);
    this.pending = this.pending.length === 0 ? Buffer.from(bytes) : Buffer.concat([this.pending, bytes]);
    while (!this.done && this.pending.length >= DCE_HEADER_SIZE) {
      const length = this.fragmentLength(this.pending);
      if (this.pending.length < length) return;
      const fragment = this.pending.subarray(0, length);
      this.fragments.push(fragment);
      this.pending = this.pending.subarray(length);
      if (((fragment[3] as number) & PFC_LAST_FRAG) !== 0) this.done = true;
    }
    if (this.done && this.pending.length > 0) {
      throw new Smb2Error("PROTOCOL", `${this.pending.length} bytes after the last DCE/RPC fragment`);
    }
  }

  /** The whole reply: every fragment, concatenated, as received. Only valid once `complete`. */
  reply(): Buffer {
    if (!this.done) throw new Smb2Error("PROTOCOL", "DCE/RPC reply is not complete");
    return Buffer.concat(this.fragments);
  }

  private fragmentLength(header: Buffer): number {
    if (header[0] !== 5) throw new Smb2Error("PROTOCOL", `DCE/RPC rpc_vers ${header[0]}, expected 5`);
    if (((header[4] as number) & 0xf0) !== 0x10) {
      throw new Smb2Error(
        "PROTOCOL",
        `DCE/RPC drep 0x${header.subarray(4, 8).toString("hex")} is not little-endian`,
      );
    }
    const length = header.readUInt16LE(8);
    if (length < DCE_HEADER_SIZE) throw new Smb2Error("PROTOCOL", `DCE/RPC frag_length ${length}`);
    return length;
  }
}
