/**
 * One client connection of the wire server: Direct-TCP framing (MS-SMB2 §2.1), compounded requests
 * (§3.3.5.2.7), signature checks and signing of responses (§3.3.5.2.4, §3.3.4.1.1), credits
 * (§3.3.1.2), and the connection's lifetime. Every frame is answered synchronously (the emulator is
 * synchronous). A malformed frame, an SMB1 or response header, or a bad signature drops this connection
 * and only this one; nothing a client sends can throw out of it.
 */
import type { Socket } from "node:net";
import { align8 } from "../../msrvs/smb2/bodies/structure.js";
import { decodeMessage, encodeMessage, splitCompound } from "../../msrvs/smb2/codec.js";
import { Smb2Command, Smb2Flags } from "../../msrvs/smb2/constants.js";
import { DirectTcpDeframer, frameMessage } from "../../msrvs/smb2/directTcp.js";
import { decodeHeader, isResponseHeader, makeHeader, type Smb2Header } from "../../msrvs/smb2/header.js";
import { hasErrorBody } from "../../msrvs/smb2/message.js";
import { NtStatus } from "../../msrvs/smb2/ntStatus.js";
import { signSmb2Message, verifySmb2Signature } from "../../msrvs/smb2/signing.js";
import { ConnectionState, type WireServerContext } from "./connectionState.js";
import { dispatchCommand, isHandled } from "./dispatchCommand.js";
import { fail, type Reply } from "./reply.js";
import { endSession } from "./sessionCommands.js";

/** Largest Direct-TCP frame accepted: a 64 KiB WRITE plus headers. */
export const MAX_REQUEST_FRAME = 128 * 1024;
/** Unsent reply bytes after which a client that does not read is dropped. */
const MAX_BUFFERED_OUTPUT = 16 * 1024 * 1024;
/** Credits a client may hold at once (§3.3.1.2). */
const MAX_CREDITS = 512;
/** Compounded requests per frame. */
const MAX_COMPOUND = 32;

/** See the module comment. */
export class WireConnection {
  readonly state: ConnectionState;
  readonly #socket: Socket;
  readonly #deframer = new DirectTcpDeframer(MAX_REQUEST_FRAME);
  #credits = 1;
  #processing = false;
  #doomed = false;
  #closed = false;

  /** Serves `socket` for `server`; `clientAddress` is what Sessions() shows. */
  constructor(server: WireServerContext, socket: Socket, clientAddress: string) {
    this.state = new ConnectionState(server, clientAddress);
    this.#socket = socket;
  }

  /** True once the connection is closed or closing. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Feeds bytes from the socket. */
  receive(chunk: Buffer): void {
    if (this.#closed) return;
    let frames: Buffer[];
    try {
      frames = this.#deframer.push(chunk);
    } catch {
      this.destroy();
      return;
    }
    this.#processing = true;
    try {
      for (const frame of frames) {
        if (this.#closed) break;
        const reply = this.#answerFrame(frame);
        if (reply === undefined) {
          this.destroy();
          break;
        }
        if (reply.length > 0) this.#socket.write(frameMessage(reply));
      }
    } catch {
      this.destroy();
    } finally {
      this.#processing = false;
    }
    if (this.#socket.writableLength > MAX_BUFFERED_OUTPUT) this.destroy();
    if (this.#doomed && !this.#closed) this.#finish();
  }

  /**
   * The emulator ended this connection's session (NetSessionDel, auto-disconnect, service stopped):
   * the connection goes, after the reply being written if the request that caused it is this one's.
   */
  sessionEndedByServer(): void {
    if (this.state.session !== undefined) this.state.session.handle = undefined;
    this.#doomed = true;
    if (!this.#processing) this.#finish();
  }

  /** Ends the connection at once and its session in the emulator. */
  destroy(): void {
    if (this.#closed) return;
    this.#closed = true;
    endSession(this.state);
    this.#socket.destroy();
  }

  #finish(): void {
    if (this.#closed) return;
    this.#closed = true;
    endSession(this.state);
    this.#socket.end();
    this.#socket.destroySoon();
  }

  /** The reply frame's bytes (empty when nothing is answered), or undefined to drop the connection. */
  #answerFrame(frame: Buffer): Buffer | undefined {
    if (frame.length >= 4 && frame[0] === 0xff && frame.subarray(1, 4).toString("latin1") === "SMB")
      return undefined;
    const slices = splitCompound(frame);
    if (slices.length > MAX_COMPOUND) return undefined;
    const replies: EncodedReply[] = [];
    let previous: { header: Smb2Header; status: number } | undefined;
    this.state.relatedFileId = undefined;
    for (const slice of slices) {
      const header = decodeHeader(slice);
      if (isResponseHeader(header)) return undefined;
      if (this.state.dialect === undefined && header.command !== Smb2Command.NEGOTIATE) return undefined;
      const related = previous !== undefined && (header.flags & Smb2Flags.RELATED_OPERATIONS) !== 0;
      const effective: Smb2Header =
        related && previous !== undefined
          ? { ...header, sessionId: previous.header.sessionId, treeId: previous.header.treeId }
          : header;
      const answered = this.#answer(slice, effective, related ? previous?.status : undefined);
      if (answered === undefined) return undefined;
      if (answered === null) continue;
      replies.push(answered);
      previous = { header: answered.header, status: answered.status };
    }
    return this.#compound(replies);
  }

  /** Answers one message: its encoded reply and header; null for CANCEL; undefined to drop the connection. */
  #answer(
    slice: Buffer,
    header: Smb2Header,
    previousStatus: number | undefined,
  ): EncodedReply | null | undefined {
    if (header.command === Smb2Command.CANCEL) return null;
    const session = this.state.session?.id === header.sessionId ? this.state.session : undefined;
    const signed = (header.flags & Smb2Flags.SIGNED) !== 0;
    if (signed && session?.signingKey !== undefined && !verifySmb2Signature(slice, session.signingKey)) {
      return undefined;
    }
    const charge = Math.max(1, header.creditCharge);
    this.#credits = Math.max(0, this.#credits - charge);
    let reply: Reply;
    if (previousStatus !== undefined && previousStatus !== NtStatus.STATUS_SUCCESS) {
      reply = fail(previousStatus);
    } else if (!signed && session?.signingRequired === true && header.command !== Smb2Command.ECHO) {
      reply = fail(NtStatus.STATUS_ACCESS_DENIED);
    } else if (!isHandled(header.command)) {
      reply = fail(NtStatus.STATUS_NOT_SUPPORTED);
    } else {
      try {
        reply = dispatchCommand(this.state, { header, body: decodeMessage(slice).body });
      } catch {
        reply = fail(NtStatus.STATUS_INVALID_PARAMETER);
      }
    }
    const grant = Math.max(
      this.#credits === 0 ? 1 : 0,
      Math.min(Math.max(header.credits, 1), MAX_CREDITS - this.#credits),
    );
    this.#credits += grant;
    const key = reply.signingKey ?? (signed || session?.signingRequired ? session?.signingKey : undefined);
    const replyHeader = makeHeader({
      command: header.command,
      status: reply.status >>> 0,
      credits: grant,
      creditCharge: header.creditCharge,
      flags:
        Smb2Flags.SERVER_TO_REDIR |
        (header.flags & Smb2Flags.RELATED_OPERATIONS) |
        (key !== undefined ? Smb2Flags.SIGNED : 0),
      messageId: header.messageId,
      processId: header.processId,
      treeId: reply.treeId ?? header.treeId,
      sessionId: reply.sessionId ?? header.sessionId,
    });
    const body =
      reply.body !== undefined && !hasErrorBody(header.command, reply.status)
        ? reply.body
        : { kind: "errorResponse" as const, errorContextCount: 0, errorData: Buffer.alloc(0) };
    return { message: encodeMessage(replyHeader, body), key, header: replyHeader, status: reply.status };
  }

  /** Joins replies into one frame: each but the last padded to 8 with its NextCommand set, then signed. */
  #compound(replies: EncodedReply[]): Buffer {
    const parts = replies.map(({ message, key }, i) => {
      const last = i === replies.length - 1;
      const padded = last
        ? Buffer.from(message)
        : Buffer.concat([message, Buffer.alloc(align8(message.length) - message.length)]);
      if (!last) padded.writeUInt32LE(padded.length, 20);
      return key === undefined ? padded : signSmb2Message(padded, key);
    });
    return Buffer.concat(parts);
  }
}

/** One encoded reply, and the key to sign it with once its NextCommand is set. */
interface EncodedReply {
  readonly message: Buffer;
  readonly key: Buffer | undefined;
  readonly header: Smb2Header;
  readonly status: number;
}
