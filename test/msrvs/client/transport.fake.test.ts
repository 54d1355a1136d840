import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Smb2Connection, type Smb2ConnectOptions } from "../../../src/msrvs/client/Smb2Connection.js";
import { encodeMessage } from "../../../src/msrvs/smb2/codec.js";
import { Smb2Command, Smb2Flags } from "../../../src/msrvs/smb2/constants.js";
import { frameMessage } from "../../../src/msrvs/smb2/directTcp.js";
import { makeHeader } from "../../../src/msrvs/smb2/header.js";
import type { Smb2Message } from "../../../src/msrvs/smb2/message.js";
import { NtStatusError } from "../../../src/msrvs/smb2/NtStatusError.js";
import { NtStatus } from "../../../src/msrvs/smb2/ntStatus.js";
import { Smb2Error } from "../../../src/msrvs/smb2/Smb2Error.js";
import { signSmb2Message, verifySmb2Signature } from "../../../src/msrvs/smb2/signing.js";
import {
  FAKE_FILE_ID,
  type FakeHandler,
  type FakePeer,
  FakeSmb2Server,
} from "../../support/fakeSmb2Server.js";
import { loadPdu } from "../pduVectors.js";

const FRAG1 = loadPdu("23-fileenum-l3-fragmented.resp.frag1");
const FRAG2 = loadPdu("23-fileenum-l3-fragmented.resp.frag2");
const BIND = loadPdu("01-bind.req");
const BIND_ACK = loadPdu("01-bind.ack");
/** Fixed "randomness": the session key (KEY_EXCH) is then 16 bytes of 0x42. */
const ENTROPY = { randomBytes: (n: number) => Buffer.alloc(n, 0x42), now: () => 0n };
const SESSION_KEY = Buffer.alloc(16, 0x42);

let server: FakeSmb2Server;
let handler: FakeHandler;
const opened: Smb2Connection[] = [];

beforeEach(async () => {
  handler = () => undefined;
  server = await FakeSmb2Server.start((request, peer) => handler(request, peer));
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
  await server.stop();
});

async function connect(overrides: Partial<Smb2ConnectOptions> = {}): Promise<Smb2Connection> {
  const connection = await Smb2Connection.connect({
    host: "127.0.0.1",
    port: server.port,
    user: "tester",
    password: "T3st-pw!",
    timeoutMs: 2000,
    entropy: ENTROPY,
    ...overrides,
  });
  opened.push(connection);
  return connection;
}

function ioctlReply(request: Smb2Message, peer: FakePeer, output: Buffer, status = 0, asyncId?: bigint) {
  peer.reply(
    request,
    {
      kind: "ioctlResponse",
      ctlCode: 0x0011c017,
      fileId: FAKE_FILE_ID,
      flags: 0,
      input: Buffer.alloc(0),
      output,
    },
    { status, ...(asyncId === undefined ? {} : { asyncId }) },
  );
}

function readReply(request: Smb2Message, peer: FakePeer, data: Buffer) {
  peer.reply(request, { kind: "readResponse", dataRemaining: 0, flags: 0, data });
}

async function openPipe(connection: Smb2Connection) {
  return (await connection.treeConnect("IPC$")).openPipe("srvsvc");
}

describe("Smb2Connection against a scripted server", () => {
  it("negotiates 2.0.2/2.1, signs in with an NTLMv2 proof the server checks, and reaches the pipe", async () => {
    handler = (request, peer) => {
      if (request.body.kind === "ioctlRequest") ioctlReply(request, peer, BIND_ACK);
    };
    const connection = await connect();
    expect(connection.dialect).toBe(0x0210);
    expect(connection.sessionId).toBe(0x1122n);
    const pipe = await openPipe(connection);
    expect(pipe.fileId).toEqual(FAKE_FILE_ID);
    expect(await pipe.transceive(BIND)).toEqual(BIND_ACK);
    const [peer] = server.peers;
    const kinds = peer?.requests.map((r) => r.body.kind);
    expect(kinds).toEqual([
      "negotiateRequest",
      "sessionSetupRequest",
      "sessionSetupRequest",
      "treeConnectRequest",
      "createRequest",
      "ioctlRequest",
    ]);
    const negotiate = peer?.requests[0]?.body;
    expect(negotiate?.kind === "negotiateRequest" && negotiate.dialects).toEqual([0x0202, 0x0210]);
    const ids = peer?.requests.map((r) => r.header.messageId);
    expect(ids).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
    const ioctl = peer?.requests[5];
    expect(ioctl?.header.treeId).toBe(9);
    expect(ioctl?.header.creditCharge).toBe(1);
  });

  it("a wrong password is an NtStatusError STATUS_LOGON_FAILURE and the socket is closed", async () => {
    const attempt = connect({ password: "wrong" });
    await expect(attempt).rejects.toBeInstanceOf(NtStatusError);
    await expect(attempt).rejects.toMatchObject({
      statusName: "STATUS_LOGON_FAILURE",
      command: Smb2Command.SESSION_SETUP,
    });
    await vi.waitFor(() =>
      expect(server.peers[0]?.socket.destroyed || server.peers[0]?.socket.readableEnded).toBe(true),
    );
  });

  it("STATUS_PENDING: the interim reply is not the answer; the call waits for the final one", async () => {
    handler = (request, peer) => {
      if (request.body.kind !== "ioctlRequest") return;
      peer.interim(request, 77n);
      setTimeout(() => ioctlReply(request, peer, BIND_ACK, 0, 77n), 30);
    };
    const connection = await connect();
    const pipe = await openPipe(connection);
    expect(await pipe.transceive(BIND)).toEqual(BIND_ACK);
    expect(connection.interimResponses).toBe(1);
    expect(connection.pendingCount).toBe(0);
  });

  it("IOCTL STATUS_BUFFER_OVERFLOW, then READs: a two-fragment reply arrives whole, however it is cut", async () => {
    const reply = Buffer.concat([FRAG1, FRAG2]);
    let served = 1000;
    handler = (request, peer) => {
      if (request.body.kind === "ioctlRequest")
        ioctlReply(request, peer, reply.subarray(0, 1000), NtStatus.STATUS_BUFFER_OVERFLOW);
      if (request.body.kind === "readRequest") {
        const end = Math.min(reply.length, served + 1777);
        readReply(request, peer, reply.subarray(served, end));
        served = end;
      }
    };
    const pipe = await openPipe(await connect());
    expect(await pipe.transceive(BIND)).toEqual(reply);
  });

  it("WRITE then READ (exchange) returns the same complete reply", async () => {
    const reply = Buffer.concat([FRAG1, FRAG2]);
    let part = 0;
    handler = (request, peer) => {
      if (request.body.kind === "writeRequest") {
        peer.reply(request, { kind: "writeResponse", count: request.body.data.length, remaining: 0 });
      }
      if (request.body.kind === "readRequest") readReply(request, peer, part++ === 0 ? FRAG1 : FRAG2);
    };
    const pipe = await openPipe(await connect());
    expect(await pipe.exchange(BIND)).toEqual(reply);
    const write = server.peers[0]?.requests.find((r) => r.body.kind === "writeRequest")?.body;
    expect(write?.kind === "writeRequest" && write.data).toEqual(BIND);
  });

  it("bytes after the last fragment, an empty READ, or a non-DCE reply are PROTOCOL errors", async () => {
    const replies = [Buffer.concat([BIND_ACK, Buffer.from("extra")]), Buffer.from("not a DCE/RPC PDU!")];
    handler = (request, peer) => {
      if (request.body.kind === "ioctlRequest") ioctlReply(request, peer, replies.shift() ?? FRAG1);
      if (request.body.kind === "readRequest") readReply(request, peer, Buffer.alloc(0));
    };
    const pipe = await openPipe(await connect());
    await expect(pipe.transceive(BIND)).rejects.toMatchObject({ code: "PROTOCOL" });
    await expect(pipe.transceive(BIND)).rejects.toMatchObject({ code: "PROTOCOL" });
    await expect(pipe.transceive(BIND)).rejects.toThrow(/empty READ/);
  });

  it("calls on one pipe run one at a time", async () => {
    const order: string[] = [];
    handler = (request, peer) => {
      if (request.body.kind !== "ioctlRequest") return;
      order.push(`in:${request.header.messageId}`);
      setTimeout(() => {
        order.push(`out:${request.header.messageId}`);
        ioctlReply(request, peer, BIND_ACK);
      }, 20);
    };
    const pipe = await openPipe(await connect());
    await Promise.all([pipe.transceive(BIND), pipe.transceive(BIND), pipe.transceive(BIND)]);
    expect(order).toEqual(["in:5", "out:5", "in:6", "out:6", "in:7", "out:7"]);
  });
});

describe("failures reject pending calls with typed errors", () => {
  it("a per-call timeout rejects TIMEOUT; after an interim reply it sends CANCEL with the AsyncId; a late reply is dropped", async () => {
    const echoes: Smb2Message[] = [];
    handler = (request, peer) => {
      if (request.body.kind !== "echoRequest") return;
      echoes.push(request);
      if (echoes.length === 1) peer.interim(request, 4242n);
      if (echoes.length === 2) peer.reply(request, { kind: "echoResponse" });
    };
    const connection = await connect({ timeoutMs: 150 });
    await expect(connection.echo()).rejects.toMatchObject({ code: "TIMEOUT" });
    const peer = server.peers[0] as FakePeer;
    await vi.waitFor(() => expect(peer.requests.some((r) => r.body.kind === "cancelRequest")).toBe(true));
    const cancel = peer.requests.find((r) => r.body.kind === "cancelRequest");
    expect(cancel?.header).toMatchObject({ messageId: echoes[0]?.header.messageId, asyncId: 4242n });
    expect((cancel?.header.flags ?? 0) & Smb2Flags.ASYNC_COMMAND).toBe(Smb2Flags.ASYNC_COMMAND);
    peer.reply(echoes[0] as Smb2Message, { kind: "echoResponse" }, { asyncId: 4242n }); // too late: ignored
    await connection.echo();
    expect(connection.error).toBeUndefined();
  });

  it("a server-side disconnect rejects every pending call with DISCONNECTED, and every later call", async () => {
    handler = () => undefined;
    const connection = await connect();
    const pipe = await openPipe(connection);
    const calls = [connection.echo(), pipe.transceive(BIND), pipe.readChunk(100)];
    await vi.waitFor(() => expect(connection.pendingCount).toBe(2)); // the third waits behind the pipe's first
    server.peers[0]?.socket.destroy();
    for (const call of calls) await expect(call).rejects.toMatchObject({ code: "DISCONNECTED" });
    await expect(connection.echo()).rejects.toBeInstanceOf(Smb2Error);
    expect(connection.error?.code).toBe("DISCONNECTED");
    expect(connection.pendingCount).toBe(0);
  });

  it("a malformed frame from the server fails the connection with MALFORMED", async () => {
    handler = (request, peer) => {
      if (request.body.kind === "echoRequest") peer.sendRaw(Buffer.from([0x85, 0, 0, 0]));
    };
    const connection = await connect();
    await expect(connection.echo()).rejects.toMatchObject({ code: "MALFORMED" });
    await expect(connection.echo()).rejects.toMatchObject({ code: "MALFORMED" });
  });

  it("a server that sends a request instead of a response breaks the connection (PROTOCOL)", async () => {
    handler = (request, peer) => {
      if (request.body.kind === "echoRequest")
        peer.sendRaw(frameMessage(encodeMessage(makeHeader({ command: 13 }), { kind: "echoRequest" })));
    };
    const connection = await connect();
    await expect(connection.echo()).rejects.toMatchObject({ code: "PROTOCOL" });
  });

  it("close() rejects pending calls with CLOSED and later calls too", async () => {
    const connection = await connect();
    const pending = expect(connection.echo()).rejects.toMatchObject({ code: "CLOSED" });
    await connection.close();
    await pending;
    await expect(connection.echo()).rejects.toMatchObject({ code: "CLOSED" });
    await connection.close();
  });

  it("connection-level failures: closed port (DISCONNECTED), unsupported dialect option, unoffered dialect chosen", async () => {
    const closedPort = server.port;
    await server.stop();
    await expect(connect({ port: closedPort })).rejects.toMatchObject({ code: "DISCONNECTED" });
    server = await FakeSmb2Server.start();
    await expect(connect({ dialects: [0x0311] })).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(connect({ dialects: [0x0202] })).rejects.toMatchObject({ code: "PROTOCOL" });
  });
});

describe("credits (MS-SMB2 §3.2.4.1.2)", () => {
  it("never has more requests outstanding than granted: with one credit per response, calls queue", async () => {
    server.grant = 1;
    let outstanding = 0;
    let maxOutstanding = 0;
    handler = (request, peer) => {
      if (request.body.kind !== "echoRequest") return;
      outstanding += 1;
      maxOutstanding = Math.max(maxOutstanding, outstanding);
      setTimeout(() => {
        outstanding -= 1;
        peer.reply(request, { kind: "echoResponse" });
      }, 2);
    };
    const connection = await connect();
    expect(connection.availableCredits).toBe(1);
    await Promise.all(Array.from({ length: 20 }, () => connection.echo()));
    expect(maxOutstanding).toBe(1);
    const ids = server.peers[0]?.requests.map((r) => Number(r.header.messageId));
    expect(ids).toEqual(ids?.map((_, i) => i));
  });

  it("with no credit left, a call waits and then times out with TIMEOUT, sending nothing", async () => {
    handler = (request, peer) => {
      if (request.body.kind === "echoRequest")
        peer.reply(request, { kind: "echoResponse" }, { header: { credits: 0 } });
    };
    const connection = await connect({ timeoutMs: 200 });
    const peer = server.peers[0] as FakePeer;
    const balance = connection.availableCredits;
    expect(balance).toBe(1 - 3 + 3 * 64); // 1 to start, 3 handshake requests, 64 granted by each response
    const before = peer.requests.length;
    await Promise.all(Array.from({ length: balance }, () => connection.echo()));
    expect(connection.availableCredits).toBe(0);
    await expect(connection.echo()).rejects.toThrow(/no credit/);
    expect(peer.requests.length).toBe(before + balance);
  });

  it("a payload above 64 KiB is charged one credit per 64 KiB and uses as many MessageIds (LARGE_MTU)", async () => {
    handler = (request, peer) => {
      if (request.body.kind === "ioctlRequest") ioctlReply(request, peer, BIND_ACK);
      if (request.body.kind === "echoRequest") peer.reply(request, { kind: "echoResponse" });
    };
    const connection = await connect();
    const pipe = await openPipe(connection);
    await pipe.transceive(Buffer.concat([BIND, Buffer.alloc(140_000 - BIND.length)]));
    await connection.echo();
    const [ioctl, echo] = (server.peers[0]?.requests ?? []).slice(-2);
    expect(ioctl?.header.creditCharge).toBe(3);
    expect(echo?.header.messageId).toBe((ioctl?.header.messageId ?? 0n) + 3n);
  });
});

describe("signing (MS-SMB2 §3.1.4.1, 2.x)", () => {
  it("signs every request with the NTLM session key, accepts correctly signed replies, rejects bad or missing signatures", async () => {
    const signatures: boolean[] = [];
    let mode: "good" | "bad" | "unsigned" = "good";
    handler = (request, peer) => {
      if (request.body.kind !== "echoRequest") return;
      const raw = encodeMessage(request.header, request.body);
      signatures.push(
        verifySmb2Signature(raw, SESSION_KEY) && (request.header.flags & Smb2Flags.SIGNED) !== 0,
      );
      const header = makeHeader({
        command: Smb2Command.ECHO,
        credits: 8,
        flags: Smb2Flags.SERVER_TO_REDIR | (mode === "unsigned" ? 0 : Smb2Flags.SIGNED),
        messageId: request.header.messageId,
        sessionId: request.header.sessionId,
      });
      const message = encodeMessage(header, { kind: "echoResponse" });
      peer.sendRaw(
        frameMessage(
          mode === "unsigned"
            ? message
            : signSmb2Message(message, mode === "good" ? SESSION_KEY : Buffer.alloc(16)),
        ),
      );
    };
    const connection = await connect({ signing: "required" });
    expect(connection.signed).toBe(true);
    await connection.echo();
    mode = "bad";
    await expect(connection.echo()).rejects.toMatchObject({ code: "BAD_SIGNATURE" });
    mode = "unsigned";
    await expect(connection.echo()).rejects.toMatchObject({ code: "BAD_SIGNATURE" });
    expect(signatures).toEqual([true, true, true]);
    const setup = server.peers[0]?.requests.find((r) => r.body.kind === "sessionSetupRequest")?.body;
    expect(setup?.kind === "sessionSetupRequest" && setup.securityMode).toBe(3);
  });
});

describe("quiet", () => {
  it("prints nothing on stdout or stderr, whatever happens", async () => {
    const writes = [vi.spyOn(process.stdout, "write"), vi.spyOn(process.stderr, "write")];
    const consoles = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m));
    try {
      handler = (request, peer) => {
        if (request.body.kind === "ioctlRequest") {
          peer.interim(request, 1n);
          ioctlReply(request, peer, BIND_ACK, 0, 1n);
        }
        if (request.body.kind === "echoRequest") peer.socket.destroy();
      };
      await expect(connect({ password: "wrong" })).rejects.toBeInstanceOf(NtStatusError);
      const connection = await connect();
      await (await openPipe(connection)).transceive(BIND);
      await expect(connection.treeConnect("nosuch")).rejects.toBeInstanceOf(NtStatusError);
      await expect(connection.echo()).rejects.toBeInstanceOf(Smb2Error);
      await sleep(20);
      for (const spy of [...writes, ...consoles]) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of [...writes, ...consoles]) spy.mockRestore();
    }
  });
});
