import { Fsctl, SMB2_0_IOCTL_IS_FSCTL, Smb2Command } from "../smb2/constants.js";
import { NtStatus } from "../smb2/ntStatus.js";
import { Smb2Error } from "../smb2/Smb2Error.js";
import { DceReplyAssembler } from "./dceReplyAssembler.js";
import { Smb2File } from "./Smb2File.js";
import { callExpecting } from "./smb2Caller.js";

/** Bytes asked for per READ / IOCTL output: one 64 KiB credit's worth (MS-SMB2 §3.2.4.1.5). */
const CHUNK = 65536;

function checkPdu(pdu: Buffer): void {
  if (!Buffer.isBuffer(pdu) || pdu.length === 0) {
    throw new Smb2Error("INVALID_ARGUMENT", "a PDU must be a non-empty Buffer");
  }
}

/**
 * A named pipe opened on `IPC$` (e.g. `srvsvc`), carrying DCE/RPC PDUs (ms-srvs-wire §1.5-§1.9).
 * Exchanges on one pipe run one at a time (calls queue), since replies are matched by order only.
 */
export class NamedPipe extends Smb2File {
  private tail: Promise<unknown> = Promise.resolve();

  private serialize<T>(run: () => Promise<T>): Promise<T> {
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Writes `pdu` and returns one complete DCE/RPC reply with IOCTL FSCTL_PIPE_TRANSCEIVE
   * (ms-srvs-wire §1.6), then READs until a fragment carries PFC_LAST_FRAG (§1.8, §1.9; the SMB2
   * status does not say whether more fragments follow). The result is every fragment, concatenated.
   */
  transceive(pdu: Buffer): Promise<Buffer> {
    return this.serialize(async () => {
      checkPdu(pdu);
      const maxOutput = Math.min(CHUNK, this.caller.maxTransactSize);
      const { body } = await callExpecting(
        this.caller,
        Smb2Command.IOCTL,
        {
          kind: "ioctlRequest",
          ctlCode: Fsctl.PIPE_TRANSCEIVE,
          fileId: this.fileId,
          maxInputResponse: 0,
          maxOutputResponse: maxOutput,
          flags: SMB2_0_IOCTL_IS_FSCTL,
          input: pdu,
          output: Buffer.alloc(0),
        },
        "ioctlResponse",
        `FSCTL_PIPE_TRANSCEIVE on ${this.name}`,
        {
          treeId: this.treeId,
          payloadBytes: Math.max(pdu.length, maxOutput),
          okStatuses: [NtStatus.STATUS_SUCCESS, NtStatus.STATUS_BUFFER_OVERFLOW],
        },
      );
      return this.readUntilComplete(body.output);
    });
  }

  /** Writes one whole PDU with WRITE (ms-srvs-wire §1.5); resolves with the bytes written. */
  writePdu(pdu: Buffer): Promise<number> {
    return this.serialize(async () => {
      checkPdu(pdu);
      return this.write(pdu);
    });
  }

  /** READs until one complete DCE/RPC reply has arrived (ms-srvs-wire §1.9), after `writePdu`. */
  readReply(): Promise<Buffer> {
    return this.serialize(() => this.readUntilComplete(Buffer.alloc(0)));
  }

  /** WRITE then READ until complete: the same exchange as `transceive` without IOCTL. */
  exchange(pdu: Buffer): Promise<Buffer> {
    return this.serialize(async () => {
      checkPdu(pdu);
      await this.write(pdu);
      return this.readUntilComplete(Buffer.alloc(0));
    });
  }

  private async readUntilComplete(first: Buffer): Promise<Buffer> {
    const assembler = new DceReplyAssembler();
    assembler.push(first);
    while (!assembler.complete) {
      const { data } = await this.readChunk(CHUNK);
      if (data.length === 0)
        throw new Smb2Error("PROTOCOL", `empty READ on ${this.name} before the last fragment`);
      assembler.push(data);
    }
    return assembler.reply();
  }
}
