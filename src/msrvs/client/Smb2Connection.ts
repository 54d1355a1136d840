import { NtlmError } from "../ntlm/NtlmError.js";
import { createNtlmAuthenticate, createNtlmNegotiate } from "../ntlm/ntlmClient.js";
import {
  Smb2Capabilities,
  Smb2Command,
  Smb2Dialect,
  Smb2SecurityMode,
  Smb2SessionFlags,
} from "../smb2/constants.js";
import type { Smb2Body, Smb2Message } from "../smb2/message.js";
import { NtStatusError } from "../smb2/NtStatusError.js";
import { NtStatus } from "../smb2/ntStatus.js";
import { Smb2Error } from "../smb2/Smb2Error.js";
import { type ClientEntropy, hostEntropy } from "./hostEntropy.js";
import { Smb2Transport } from "./Smb2Transport.js";
import { Smb2Tree } from "./Smb2Tree.js";
import { type CallOptions, callExpecting, type Smb2Caller } from "./smb2Caller.js";

/** How to reach and sign in to an SMB2 server. */
export interface Smb2ConnectOptions {
  /** Host name or IP address. */
  readonly host: string;
  /** TCP port; 445 by default. */
  readonly port?: number;
  /** Account name (no domain prefix). */
  readonly user: string;
  /** Password. */
  readonly password: string;
  /** Account domain; empty (the server's local accounts) by default. */
  readonly domain?: string;
  /** Workstation name sent in NTLM; empty by default. */
  readonly workstation?: string;
  /** Per-call timeout in ms (connect, each request); 10 000 by default. */
  readonly timeoutMs?: number;
  /**
   * `auto` (default): sign when the server requires it; `required`: always sign, and ask the server to
   * sign every response (MS-SMB2 §3.2.4.1.1, HMAC-SHA256 of dialects 2.x).
   */
  readonly signing?: "auto" | "required";
  /** Dialects offered, a non-empty subset of 2.0.2 and 2.1 (the default offers both). */
  readonly dialects?: readonly number[];
  /** Randomness and clock; the host's by default. Tests inject fixed values. */
  readonly entropy?: ClientEntropy;
  /** Largest Direct-TCP frame accepted from the server, in bytes. */
  readonly maxFrame?: number;
}

const SUPPORTED_DIALECTS: readonly number[] = [Smb2Dialect.SMB_2_0_2, Smb2Dialect.SMB_2_1];
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * An authenticated SMB2 session over one TCP connection (MS-SMB2 §3.2): NEGOTIATE (2.0.2 / 2.1),
 * SESSION_SETUP with NTLMv2 (raw NTLMSSP tokens, MS-NLMP §3.1.5), then trees. Every failure is an
 * `Smb2Error` (a failing status an `NtStatusError`, e.g. STATUS_LOGON_FAILURE); a server-side
 * disconnect rejects every pending call with `Smb2Error("DISCONNECTED")`. Never prints.
 */
export class Smb2Connection implements Smb2Caller {
  private readonly transport: Smb2Transport;
  private readonly options: Smb2ConnectOptions;
  private readonly timeoutMs: number;
  private largeMtu = false;
  private serverRequiresSigning = false;
  /** Dialect the server chose (0x0202 or 0x0210). */
  dialect = 0;
  /** Largest READ length the server accepts (NEGOTIATE response). */
  maxReadSize = 65536;
  /** Largest WRITE length the server accepts. */
  maxWriteSize = 65536;
  /** Largest IOCTL input/output the server accepts. */
  maxTransactSize = 65536;
  /** SessionFlags of the final SESSION_SETUP response (1 guest, 2 null). */
  sessionFlags = 0;

  private constructor(transport: Smb2Transport, options: Smb2ConnectOptions) {
    this.transport = transport;
    this.options = options;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /**
   * Connects, negotiates and signs in. Rejects with `NtStatusError` (e.g. STATUS_LOGON_FAILURE for a
   * wrong password), or `Smb2Error` (DISCONNECTED, TIMEOUT, PROTOCOL, INVALID_ARGUMENT); the socket is
   * closed on any failure.
   */
  static async connect(options: Smb2ConnectOptions): Promise<Smb2Connection> {
    checkOptions(options);
    const dialects = options.dialects ?? SUPPORTED_DIALECTS;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const transport = await Smb2Transport.connect(
      options.host,
      options.port ?? 445,
      timeoutMs,
      options.maxFrame,
    );
    const connection = new Smb2Connection(transport, options);
    try {
      await connection.negotiate(dialects);
      await connection.authenticate();
      return connection;
    } catch (error) {
      await transport.close();
      throw error;
    }
  }

  /** SessionId the server assigned. */
  get sessionId(): bigint {
    return this.transport.sessionId;
  }

  /** True when requests are signed and responses verified. */
  get signed(): boolean {
    return this.transport.signingKey !== undefined;
  }

  /** The error that ended the connection, or undefined while it is usable. */
  get error(): Smb2Error | undefined {
    return this.transport.error;
  }

  /** STATUS_PENDING interim responses received so far (the calls kept waiting, ms-srvs-wire §1.7). */
  get interimResponses(): number {
    return this.transport.interimResponses;
  }

  /** Credits granted by the server and not yet used (MS-SMB2 §3.2.4.1.2). */
  get availableCredits(): number {
    return this.transport.availableCredits;
  }

  /** Calls still waiting for a final response. */
  get pendingCount(): number {
    return this.transport.pendingCount;
  }

  /** Sends one request and resolves with its final response, whatever its status (see `Smb2Caller`). */
  request(command: number, body: Smb2Body, options: CallOptions = {}): Promise<Smb2Message> {
    const payload = options.payloadBytes ?? 0;
    const creditCharge = this.largeMtu ? Math.max(1, Math.ceil(payload / 65536)) : 1;
    return this.transport.request(command, body, {
      treeId: options.treeId,
      creditCharge,
      timeoutMs: this.timeoutMs,
    });
  }

  private async negotiate(dialects: readonly number[]): Promise<void> {
    const wantSigning = this.options.signing === "required";
    const securityMode =
      Smb2SecurityMode.SIGNING_ENABLED | (wantSigning ? Smb2SecurityMode.SIGNING_REQUIRED : 0);
    const entropy = this.options.entropy ?? hostEntropy;
    const { body } = await callExpecting(
      this,
      Smb2Command.NEGOTIATE,
      {
        kind: "negotiateRequest",
        securityMode,
        capabilities: 0,
        clientGuid: dialects.includes(Smb2Dialect.SMB_2_1) ? entropy.randomBytes(16) : Buffer.alloc(16),
        dialects,
        clientStartTime: 0n,
        negotiateContexts: [],
      },
      "negotiateResponse",
      "NEGOTIATE",
    );
    if (!dialects.includes(body.dialectRevision)) {
      throw new Smb2Error(
        "PROTOCOL",
        `server chose dialect 0x${body.dialectRevision.toString(16)}, not offered`,
      );
    }
    this.dialect = body.dialectRevision;
    this.largeMtu =
      body.dialectRevision !== Smb2Dialect.SMB_2_0_2 &&
      (body.capabilities & Smb2Capabilities.LARGE_MTU) !== 0;
    this.transport.chargesCredits = body.dialectRevision !== Smb2Dialect.SMB_2_0_2;
    this.maxReadSize = body.maxReadSize;
    this.maxWriteSize = body.maxWriteSize;
    this.maxTransactSize = body.maxTransactSize;
    this.serverRequiresSigning = (body.securityMode & Smb2SecurityMode.SIGNING_REQUIRED) !== 0;
  }

  private async authenticate(): Promise<void> {
    const entropy = this.options.entropy ?? hostEntropy;
    const sign = this.options.signing === "required" || this.serverRequiresSigning;
    const securityMode = Smb2SecurityMode.SIGNING_ENABLED | (sign ? Smb2SecurityMode.SIGNING_REQUIRED : 0);
    const setup = (securityBuffer: Buffer) =>
      this.request(Smb2Command.SESSION_SETUP, {
        kind: "sessionSetupRequest",
        flags: 0,
        securityMode,
        capabilities: 0,
        channel: 0,
        previousSessionId: 0n,
        securityBuffer,
      });
    const negotiateMessage = createNtlmNegotiate();
    const first = await setup(negotiateMessage);
    if (
      first.header.status !== NtStatus.STATUS_MORE_PROCESSING_REQUIRED ||
      first.body.kind !== "sessionSetupResponse"
    ) {
      throw sessionSetupFailure(first);
    }
    this.transport.sessionId = first.header.sessionId;
    const auth = this.ntlmAuthenticate(
      negotiateMessage,
      first.body.securityBuffer,
      {
        user: this.options.user,
        password: this.options.password,
        domain: this.options.domain ?? "",
        workstation: this.options.workstation ?? "",
      },
      {
        clientChallenge: entropy.randomBytes(8),
        randomSessionKey: entropy.randomBytes(16),
        now: entropy.now,
      },
    );
    const second = await setup(auth.message);
    if (second.header.status !== NtStatus.STATUS_SUCCESS || second.body.kind !== "sessionSetupResponse") {
      throw sessionSetupFailure(second);
    }
    this.sessionFlags = second.body.sessionFlags;
    const anonymous = (this.sessionFlags & (Smb2SessionFlags.IS_GUEST | Smb2SessionFlags.IS_NULL)) !== 0;
    if (sign && anonymous)
      throw new Smb2Error("PROTOCOL", "signing is required but the server made a guest session");
    if (sign) this.transport.signingKey = auth.sessionKey;
  }

  private ntlmAuthenticate(...args: Parameters<typeof createNtlmAuthenticate>) {
    try {
      return createNtlmAuthenticate(...args);
    } catch (error) {
      const reason = error instanceof NtlmError ? error.message : String(error);
      throw new Smb2Error("PROTOCOL", `SESSION_SETUP: unusable NTLM challenge: ${reason}`);
    }
  }

  /** Connects to the share `share` of this host (`\\host\share`, ms-srvs-wire §1.3). */
  async treeConnect(share: string): Promise<Smb2Tree> {
    const path = `\\\\${this.options.host}\\${share}`;
    const { header, body } = await callExpecting(
      this,
      Smb2Command.TREE_CONNECT,
      { kind: "treeConnectRequest", flags: 0, path },
      "treeConnectResponse",
      `TREE_CONNECT ${path}`,
    );
    return new Smb2Tree(this, header.treeId, body.shareType, body.maximalAccess, path);
  }

  /** ECHO (MS-SMB2 §2.2.28): resolves when the server answered. */
  async echo(): Promise<void> {
    await callExpecting(this, Smb2Command.ECHO, { kind: "echoRequest" }, "echoResponse", "ECHO");
  }

  /**
   * LOGOFF (best effort) and closes the socket; pending calls reject with `Smb2Error("CLOSED")`.
   * Never rejects; a second call does nothing.
   */
  async close(): Promise<void> {
    if (this.transport.error === undefined) {
      await callExpecting(
        this,
        Smb2Command.LOGOFF,
        { kind: "logoffRequest" },
        "logoffResponse",
        "LOGOFF",
      ).catch(() => undefined);
    }
    await this.transport.close();
  }
}

/** Rejects options that would make node:net or the encoders throw untyped errors. */
function checkOptions(options: Smb2ConnectOptions): void {
  const bad = (what: string) => {
    throw new Smb2Error("INVALID_ARGUMENT", what);
  };
  if (typeof options.host !== "string" || options.host.length === 0) bad("host must be a non-empty string");
  const port = options.port ?? 445;
  if (!Number.isInteger(port) || port < 1 || port > 65535) bad(`port ${String(port)} is not a TCP port`);
  for (const field of ["user", "password", "domain", "workstation"] as const) {
    const value = options[field];
    if (value !== undefined && typeof value !== "string") bad(`${field} must be a string`);
  }
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 2 ** 31 - 1)
    bad(`timeoutMs ${timeout} is not a delay`);
  const dialects = options.dialects ?? SUPPORTED_DIALECTS;
  if (
    !Array.isArray(dialects) ||
    dialects.length === 0 ||
    dialects.some((d) => !SUPPORTED_DIALECTS.includes(d))
  ) {
    bad("dialects must be a non-empty subset of 0x0202 and 0x0210");
  }
  if (options.signing !== undefined && options.signing !== "auto" && options.signing !== "required") {
    bad(`signing must be "auto" or "required"`);
  }
}

function sessionSetupFailure(response: Smb2Message): Smb2Error {
  const status = response.header.status >>> 0;
  if (status === NtStatus.STATUS_SUCCESS || status === NtStatus.STATUS_MORE_PROCESSING_REQUIRED) {
    return new Smb2Error(
      "PROTOCOL",
      `SESSION_SETUP: unexpected status 0x${status.toString(16)} at this step`,
    );
  }
  return new NtStatusError(status, Smb2Command.SESSION_SETUP, "SESSION_SETUP");
}
