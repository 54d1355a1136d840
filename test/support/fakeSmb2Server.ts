import { createServer, type Server, type Socket } from "node:net";
import { decodeNtlmAuthenticate } from "../../src/msrvs/ntlm/authenticateMessage.js";
import { AvId } from "../../src/msrvs/ntlm/avPairs.js";
import { encodeNtlmChallenge } from "../../src/msrvs/ntlm/challengeMessage.js";
import { CLIENT_NTLM_FLAGS, NtlmFlags } from "../../src/msrvs/ntlm/flags.js";
import { hmacMd5, ntowfv2 } from "../../src/msrvs/ntlm/ntlmv2.js";
import { decodeMessage, encodeMessage } from "../../src/msrvs/smb2/codec.js";
import { Smb2Command, Smb2Flags } from "../../src/msrvs/smb2/constants.js";
import { DirectTcpDeframer, frameMessage } from "../../src/msrvs/smb2/directTcp.js";
import { makeHeader, type Smb2Header } from "../../src/msrvs/smb2/header.js";
import type { Smb2Body, Smb2Message } from "../../src/msrvs/smb2/message.js";
import { NtStatus } from "../../src/msrvs/smb2/ntStatus.js";

/** Accounts the fake server accepts (name -> password). */
export const FAKE_USERS: Record<string, string> = { tester: "T3st-pw!" };
export const FAKE_FILE_ID = Buffer.from("00112233445566778899aabbccddeeff", "hex");
const SERVER_CHALLENGE = Buffer.from("0123456789abcdef", "hex");

/** How a test answers the requests the standard handshake does not handle. */
export type FakeHandler = (request: Smb2Message, peer: FakePeer) => void;

/** One accepted connection, as the test's handler sees it. */
export class FakePeer {
  readonly socket: Socket;
  /** Every request received, decoded, in order. */
  readonly requests: Smb2Message[] = [];
  /** Credits granted with each response (default 64). */
  grant = 64;

  constructor(socket: Socket) {
    this.socket = socket;
  }

  /** Sends the final response to `request`. */
  reply(
    request: Smb2Message,
    body: Smb2Body,
    options: { status?: number; asyncId?: bigint; header?: Partial<Smb2Header> } = {},
  ) {
    const asyncFlags = options.asyncId === undefined ? 0 : Smb2Flags.ASYNC_COMMAND;
    const header = makeHeader({
      command: request.header.command,
      status: options.status ?? 0,
      credits: this.grant,
      flags: Smb2Flags.SERVER_TO_REDIR | asyncFlags,
      messageId: request.header.messageId,
      treeId: options.asyncId === undefined ? request.header.treeId : 0,
      asyncId: options.asyncId ?? 0n,
      sessionId: request.header.sessionId === 0n ? 0x1122n : request.header.sessionId,
      ...options.header,
    });
    this.sendRaw(frameMessage(encodeMessage(header, body)));
  }

  /** Sends the STATUS_PENDING interim response (ms-srvs-wire §1.7): async, 9-byte error body. */
  interim(request: Smb2Message, asyncId: bigint): void {
    this.reply(
      request,
      { kind: "errorResponse", errorContextCount: 0, errorData: Buffer.alloc(0) },
      {
        status: NtStatus.STATUS_PENDING,
        asyncId,
      },
    );
  }

  /** Sends an error response with `status`. */
  fail(request: Smb2Message, status: number): void {
    this.reply(
      request,
      { kind: "errorResponse", errorContextCount: 0, errorData: Buffer.alloc(0) },
      { status },
    );
  }

  /** Writes raw bytes (e.g. a broken frame). */
  sendRaw(bytes: Buffer): void {
    if (!this.socket.destroyed) this.socket.write(bytes);
  }
}

/**
 * A scripted SMB2 server on 127.0.0.1 built from this project's own codec (the "wire-mode server"
 * direction): it answers NEGOTIATE (2.1), a two-leg NTLM SESSION_SETUP that really checks the NTLMv2
 * proof of `FAKE_USERS`, TREE_CONNECT, CREATE (FileId `FAKE_FILE_ID`) and CLOSE, and passes every
 * other request to the test's handler.
 */
export class FakeSmb2Server {
  readonly peers: FakePeer[] = [];
  private readonly server: Server;
  port = 0;
  /** Credits each new connection grants per response (see `FakePeer.grant`). */
  grant = 64;

  private constructor(handler: FakeHandler) {
    this.server = createServer((socket) => {
      const peer = new FakePeer(socket);
      peer.grant = this.grant;
      this.peers.push(peer);
      const deframer = new DirectTcpDeframer();
      socket.on("error", () => undefined);
      socket.on("data", (chunk: Buffer) => {
        for (const frame of deframer.push(chunk)) {
          const request = decodeMessage(frame);
          peer.requests.push(request);
          if (!standardHandshake(request, peer)) handler(request, peer);
        }
      });
    });
  }

  /** Starts listening on a free port. */
  static async start(handler: FakeHandler = () => undefined): Promise<FakeSmb2Server> {
    const fake = new FakeSmb2Server(handler);
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    const address = fake.server.address();
    fake.port = typeof address === "object" && address ? address.port : 0;
    return fake;
  }

  /** Stops listening and destroys every connection. */
  async stop(): Promise<void> {
    for (const peer of this.peers) peer.socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function challengeToken(): Buffer {
  return encodeNtlmChallenge({
    flags: (CLIENT_NTLM_FLAGS | NtlmFlags.TARGET_TYPE_SERVER) >>> 0,
    serverChallenge: SERVER_CHALLENGE,
    targetName: "FAKE",
    targetInfo: [
      { id: AvId.MsvAvNbComputerName, value: Buffer.from("FAKE", "utf16le") },
      { id: AvId.MsvAvTimestamp, value: Buffer.from("0090d336b734c301", "hex") },
    ],
    version: Buffer.from([6, 1, 0, 0, 0, 0, 0, 15]),
  });
}

function proofMatches(token: Buffer): boolean {
  const message = decodeNtlmAuthenticate(token);
  const password = FAKE_USERS[message.user];
  if (password === undefined) return false;
  const key = ntowfv2(password, message.user, message.domain);
  const blob = message.ntChallengeResponse.subarray(16);
  return hmacMd5(key, SERVER_CHALLENGE, blob).equals(message.ntChallengeResponse.subarray(0, 16));
}

/** Answers the set-up requests; false when the request is the test's to answer. */
function standardHandshake(request: Smb2Message, peer: FakePeer): boolean {
  const { body } = request;
  switch (body.kind) {
    case "negotiateRequest":
      peer.reply(request, {
        kind: "negotiateResponse",
        securityMode: 1,
        dialectRevision: 0x0210,
        serverGuid: Buffer.alloc(16, 7),
        capabilities: 0x4,
        maxTransactSize: 65536,
        maxReadSize: 65536,
        maxWriteSize: 65536,
        systemTime: 0n,
        serverStartTime: 0n,
        securityBuffer: Buffer.alloc(0),
        negotiateContexts: [],
      });
      return true;
    case "sessionSetupRequest":
      if (request.header.sessionId === 0n) {
        peer.reply(
          request,
          { kind: "sessionSetupResponse", sessionFlags: 0, securityBuffer: challengeToken() },
          {
            status: NtStatus.STATUS_MORE_PROCESSING_REQUIRED,
          },
        );
      } else if (proofMatches(body.securityBuffer)) {
        peer.reply(request, {
          kind: "sessionSetupResponse",
          sessionFlags: 0,
          securityBuffer: Buffer.alloc(0),
        });
      } else {
        peer.fail(request, NtStatus.STATUS_LOGON_FAILURE);
      }
      return true;
    case "treeConnectRequest":
      if (!body.path.endsWith("\\IPC$")) {
        peer.fail(request, NtStatus.STATUS_BAD_NETWORK_NAME);
        return true;
      }
      peer.reply(
        request,
        {
          kind: "treeConnectResponse",
          shareType: 2,
          shareFlags: 0,
          capabilities: 0,
          maximalAccess: 0x1f01ff,
        },
        {
          header: { treeId: 9 },
        },
      );
      return true;
    case "createRequest":
      peer.reply(request, {
        kind: "createResponse",
        oplockLevel: 0,
        flags: 0,
        createAction: 1,
        creationTime: 0n,
        lastAccessTime: 0n,
        lastWriteTime: 0n,
        changeTime: 0n,
        allocationSize: 4096n,
        endOfFile: 0n,
        fileAttributes: 0x80,
        fileId: FAKE_FILE_ID,
        createContexts: Buffer.alloc(0),
      });
      return true;
    case "closeRequest":
    case "logoffRequest":
      peer.reply(
        request,
        body.kind === "closeRequest"
          ? {
              kind: "closeResponse",
              flags: 0,
              creationTime: 0n,
              lastAccessTime: 0n,
              lastWriteTime: 0n,
              changeTime: 0n,
              allocationSize: 0n,
              endOfFile: 0n,
              fileAttributes: 0,
            }
          : { kind: "logoffResponse" },
      );
      return true;
    default:
      return request.header.command === Smb2Command.CANCEL;
  }
}
