import { connect as netConnect, type Socket } from "node:net";
import { decodeMessage, encodeMessage, splitCompound } from "../smb2/codec.js";
import { Smb2Command, Smb2Flags } from "../smb2/constants.js";
import { DIRECT_TCP_MAX_LENGTH, DirectTcpDeframer, frameMessage } from "../smb2/directTcp.js";
import { isResponseHeader, makeHeader } from "../smb2/header.js";
import type { Smb2Body, Smb2Message } from "../smb2/message.js";
import { NtStatus } from "../smb2/ntStatus.js";
import { Smb2Error } from "../smb2/Smb2Error.js";
import { signSmb2Message, verifySmb2Signature } from "../smb2/signing.js";

/** MessageId of unsolicited server notifications such as oplock breaks (MS-SMB2 §2.2.23). */
const UNSOLICITED_MESSAGE_ID = 0xffffffffffffffffn;
/** Credits asked for while the balance is low (MS-SMB2 §3.2.4.1.2). */
const CREDIT_TARGET = 64;

/** What a request needs besides its body. */
export interface RequestOptions {
  /** TreeId for commands on a share. */
  readonly treeId?: number;
  /** Credits this request consumes (MS-SMB2 §3.2.4.1.5); 1 unless a large READ/WRITE/IOCTL. */
  readonly creditCharge?: number;
  /** Per-call timeout in ms, from the call (including any wait for credits) to its final response. */
  readonly timeoutMs: number;
}

interface PendingCall {
  messageId: bigint;
  readonly resolve: (message: Smb2Message) => void;
  readonly reject: (error: Smb2Error) => void;
  timer?: ReturnType<typeof setTimeout>;
  asyncId: bigint | undefined;
}

interface QueuedRequest {
  readonly charge: number;
  readonly call: PendingCall;
  readonly start: () => void;
}

/**
 * One SMB2 connection's message layer over a TCP socket (MS-SMB2 §3.2.4.1, §3.2.5.1): Direct-TCP
 * framing, MessageIds, credits, optional 2.x signing, per-call timeouts, STATUS_PENDING interim
 * responses (the call waits for the final response with the same MessageId, ms-srvs-wire §1.7), and
 * failure: a server-side disconnect or malformed frame rejects every pending call with an Smb2Error.
 * It returns every final response whatever its status; callers interpret the status. Never logs.
 */
export class Smb2Transport {
  private readonly socket: Socket;
  private readonly deframer: DirectTcpDeframer;
  private readonly pending = new Map<bigint, PendingCall>();
  private readonly queue: QueuedRequest[] = [];
  private nextMessageId = 0n;
  private interims = 0;
  private credits = 1;
  private failure: Smb2Error | undefined;
  private readonly closedPromise: Promise<void>;
  /** SessionId put in every request header once session setup assigned it. */
  sessionId = 0n;
  /** When set, requests are signed and signed responses verified (MS-SMB2 §3.1.4.1, dialects 2.x). */
  signingKey: Buffer | undefined;
  /** False on SMB 2.0.2, where CreditCharge must be 0 (MS-SMB2 §2.2.1). */
  chargesCredits = false;

  private constructor(socket: Socket, maxFrame: number | undefined) {
    this.socket = socket;
    this.deframer = new DirectTcpDeframer(maxFrame);
    this.closedPromise = new Promise((resolve) => socket.once("close", () => resolve()));
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("error", (error) => this.fail(new Smb2Error("DISCONNECTED", `socket error: ${error.message}`)));
    socket.on("close", () => this.fail(new Smb2Error("DISCONNECTED", "the server closed the connection")));
  }

  /** Opens a TCP connection to `host:port`; rejects with DISCONNECTED or TIMEOUT. */
  static connect(host: string, port: number, timeoutMs: number, maxFrame?: number): Promise<Smb2Transport> {
    return new Promise((resolve, reject) => {
      const socket = netConnect({ host, port });
      const onTimeout = () => {
        socket.destroy();
        reject(new Smb2Error("TIMEOUT", `no TCP connection to ${host}:${port} within ${timeoutMs} ms`));
      };
      const timer = setTimeout(onTimeout, timeoutMs); // host-time: bounds the wait for a real TCP connect
      socket.once("error", (error) => {
        clearTimeout(timer);
        reject(new Smb2Error("DISCONNECTED", `cannot connect to ${host}:${port}: ${error.message}`));
      });
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.removeAllListeners("error");
        socket.setNoDelay(true);
        resolve(new Smb2Transport(socket, maxFrame));
      });
    });
  }

  /** The error that ended this connection, or undefined while it is usable. */
  get error(): Smb2Error | undefined {
    return this.failure;
  }

  /** Credits currently granted and unused. */
  get availableCredits(): number {
    return this.credits;
  }

  /** STATUS_PENDING interim responses received so far (ms-srvs-wire §1.7). */
  get interimResponses(): number {
    return this.interims;
  }

  /** Calls waiting for a final response. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /**
   * Sends one request and resolves with its final response (any status). Rejects with INVALID_ARGUMENT
   * before anything is sent when the body cannot be encoded, with TIMEOUT when no final response comes
   * within `timeoutMs`, and with the connection's error when it fails.
   */
  request(command: number, body: Smb2Body, options: RequestOptions): Promise<Smb2Message> {
    const charge = Math.max(1, options.creditCharge ?? 1);
    let encoded: Buffer;
    try {
      encoded = encodeMessage(
        makeHeader({ command, treeId: options.treeId ?? 0, sessionId: this.sessionId }),
        body,
      );
    } catch (error) {
      return Promise.reject(error);
    }
    if (encoded.length > DIRECT_TCP_MAX_LENGTH) {
      return Promise.reject(
        new Smb2Error("FRAME_TOO_LARGE", `a ${encoded.length}-byte request does not fit a frame`),
      );
    }
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<Smb2Message>((resolve, reject) => {
      const call: PendingCall = { messageId: -1n, resolve, reject, asyncId: undefined };
      const queued: QueuedRequest = { charge, call, start: () => this.send(encoded, charge, call) };
      const onTimeout = () => {
        const index = this.queue.indexOf(queued);
        if (index < 0) return this.expire(call);
        this.queue.splice(index, 1);
        reject(
          new Smb2Error("TIMEOUT", `no credit to send command ${command} within ${options.timeoutMs} ms`),
        );
      };
      call.timer = setTimeout(onTimeout, options.timeoutMs); // host-time: per-call timeout of a real network request
      this.queue.push(queued);
      this.pump();
    });
  }

  private send(encoded: Buffer, charge: number, call: PendingCall): void {
    const messageId = this.nextMessageId;
    this.nextMessageId += BigInt(charge);
    this.credits -= charge;
    const message = Buffer.from(encoded);
    message.writeUInt16LE(this.chargesCredits ? charge : 0, 6);
    message.writeUInt16LE(this.credits < CREDIT_TARGET ? CREDIT_TARGET : charge, 14);
    message.writeBigUInt64LE(messageId, 24);
    message.writeBigUInt64LE(this.sessionId, 40);
    const signed = this.signingKey !== undefined;
    if (signed) message.writeUInt32LE((message.readUInt32LE(16) | Smb2Flags.SIGNED) >>> 0, 16);
    call.messageId = messageId;
    this.pending.set(messageId, call);
    this.socket.write(frameMessage(signed ? signSmb2Message(message, this.signingKey as Buffer) : message));
  }

  private pump(): void {
    while (
      !this.failure &&
      this.queue.length > 0 &&
      (this.queue[0] as QueuedRequest).charge <= this.credits
    ) {
      (this.queue.shift() as QueuedRequest).start();
    }
  }

  private expire(call: PendingCall): void {
    const entry = this.pending.get(call.messageId);
    if (entry === undefined) return;
    this.pending.delete(call.messageId);
    if (entry.asyncId !== undefined) this.cancel(call.messageId, entry.asyncId);
    entry.reject(new Smb2Error("TIMEOUT", `no final response to MessageId ${call.messageId}`));
  }

  /** Sends CANCEL for an async call (MS-SMB2 §3.2.4.24); consumes no credit, gets no response. */
  private cancel(messageId: bigint, asyncId: bigint): void {
    if (this.failure) return;
    const header = makeHeader({
      command: Smb2Command.CANCEL,
      flags: Smb2Flags.ASYNC_COMMAND | (this.signingKey ? Smb2Flags.SIGNED : 0),
      messageId,
      asyncId,
      sessionId: this.sessionId,
    });
    const message = encodeMessage(header, { kind: "cancelRequest" });
    this.socket.write(frameMessage(this.signingKey ? signSmb2Message(message, this.signingKey) : message));
  }

  private onData(chunk: Buffer): void {
    try {
      for (const frame of this.deframer.push(chunk)) {
        for (const raw of splitCompound(frame)) this.onMessage(raw);
      }
    } catch (error) {
      this.fail(Smb2Error.is(error) ? error : new Smb2Error("PROTOCOL", String(error)));
    }
    this.pump();
  }

  private onMessage(raw: Buffer): void {
    const message = decodeMessage(raw);
    const { header } = message;
    if (!isResponseHeader(header))
      throw new Smb2Error("PROTOCOL", `server sent a request (command ${header.command})`);
    this.credits += header.credits;
    if (header.messageId === UNSOLICITED_MESSAGE_ID) return;
    const call = this.pending.get(header.messageId);
    if (call === undefined) return; // a late reply to a call that timed out: its credits still count
    const isInterim =
      header.status === NtStatus.STATUS_PENDING && (header.flags & Smb2Flags.ASYNC_COMMAND) !== 0;
    if (isInterim) {
      this.interims += 1;
      call.asyncId = header.asyncId;
      return;
    }
    this.pending.delete(header.messageId);
    clearTimeout(call.timer);
    const signedFlag = (header.flags & Smb2Flags.SIGNED) !== 0;
    if (this.signingKey !== undefined && signedFlag && !verifySmb2Signature(raw, this.signingKey)) {
      call.reject(
        new Smb2Error("BAD_SIGNATURE", `response to MessageId ${header.messageId} has a bad signature`),
      );
      return;
    }
    if (this.signingKey !== undefined && !signedFlag && header.status === NtStatus.STATUS_SUCCESS) {
      call.reject(new Smb2Error("BAD_SIGNATURE", `response to MessageId ${header.messageId} is not signed`));
      return;
    }
    call.resolve(message);
  }

  /** Ends the connection with `error` (idempotent): every pending and queued call rejects with it. */
  private fail(error: Smb2Error): void {
    if (this.failure) return;
    this.failure = error;
    this.socket.destroy();
    for (const call of this.pending.values()) {
      clearTimeout(call.timer);
      call.reject(error);
    }
    this.pending.clear();
    for (const queued of this.queue.splice(0)) {
      clearTimeout(queued.call.timer);
      queued.call.reject(error);
    }
  }

  /**
   * Closes the socket from this side: pending calls reject with CLOSED, later calls too. Resolves when
   * the socket is closed. Safe to call more than once.
   */
  close(): Promise<void> {
    this.fail(new Smb2Error("CLOSED", "the connection was closed by the client"));
    return this.closedPromise;
  }
}
