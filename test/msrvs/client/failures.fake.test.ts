import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it, vi } from "vitest";
import { Smb2Connection, type Smb2ConnectOptions } from "../../../src/msrvs/client/Smb2Connection.js";
import { encodeMessage } from "../../../src/msrvs/smb2/codec.js";
import { Smb2Command, Smb2Flags } from "../../../src/msrvs/smb2/constants.js";
import { frameMessage } from "../../../src/msrvs/smb2/directTcp.js";
import { makeHeader } from "../../../src/msrvs/smb2/header.js";
import type { Smb2Message } from "../../../src/msrvs/smb2/message.js";
import { NtStatusError } from "../../../src/msrvs/smb2/NtStatusError.js";
import { Smb2Error } from "../../../src/msrvs/smb2/Smb2Error.js";
import { signSmb2Message, verifySmb2Signature } from "../../../src/msrvs/smb2/signing.js";
import { type FakePeer, FakeSmb2Server } from "../../support/fakeSmb2Server.js";
import {
  BIND,
  BIND_ACK,
  connect,
  fake,
  ioctlReply,
  openPipe,
  SESSION_KEY,
  useFakeServer,
} from "./fakeServerSetup.js";

useFakeServer();

describe("failures reject pending calls with typed errors", () => {
  it("a per-call timeout rejects TIMEOUT; after an interim reply it sends CANCEL with the AsyncId; a late reply is dropped", async () => {
    const echoes: Smb2Message[] = [];
    fake.handler = (request, peer) => {
      if (request.body.kind !== "echoRequest") return;
      echoes.push(request);
      if (echoes.length === 1) peer.interim(request, 4242n);
      if (echoes.length === 2) peer.reply(request, { kind: "echoResponse" });
    };
    const connection = await connect({ timeoutMs: 150 });
    await expect(connection.echo()).rejects.toMatchObject({ code: "TIMEOUT" });
    const peer = fake.server.peers[0] as FakePeer;
    await vi.waitFor(() => expect(peer.requests.some((r) => r.body.kind === "cancelRequest")).toBe(true));
    const cancel = peer.requests.find((r) => r.body.kind === "cancelRequest");
    expect(cancel?.header).toMatchObject({ messageId: echoes[0]?.header.messageId, asyncId: 4242n });
    expect((cancel?.header.flags ?? 0) & Smb2Flags.ASYNC_COMMAND).toBe(Smb2Flags.ASYNC_COMMAND);
    peer.reply(echoes[0] as Smb2Message, { kind: "echoResponse" }, { asyncId: 4242n }); // too late: ignored
    await connection.echo();
    expect(connection.error).toBeUndefined();
  });

  it("a server-side disconnect rejects every pending call with DISCONNECTED, and every later call", async () => {
    fake.handler = () => undefined;
    const connection = await connect();
    const pipe = await openPipe(connection);
    const calls = [connection.echo(), pipe.transceive(BIND), pipe.readChunk(100)];
    await vi.waitFor(() => expect(connection.pendingCount).toBe(2)); // the third waits behind the pipe's first
    fake.server.peers[0]?.socket.destroy();
    for (const call of calls) await expect(call).rejects.toMatchObject({ code: "DISCONNECTED" });
    await expect(connection.echo()).rejects.toBeInstanceOf(Smb2Error);
    expect(connection.error?.code).toBe("DISCONNECTED");
    expect(connection.pendingCount).toBe(0);
  });

  it("a malformed frame from the server fails the connection with MALFORMED", async () => {
    fake.handler = (request, peer) => {
      if (request.body.kind === "echoRequest") peer.sendRaw(Buffer.from([0x85, 0, 0, 0]));
    };
    const connection = await connect();
    await expect(connection.echo()).rejects.toMatchObject({ code: "MALFORMED" });
    await expect(connection.echo()).rejects.toMatchObject({ code: "MALFORMED" });
  });

  it("a server that sends a request instead of a response breaks the connection (PROTOCOL)", async () => {
    fake.handler = (request, peer) => {
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
    const closedPort = fake.server.port;
    await fake.server.stop();
    await expect(connect({ port: closedPort })).rejects.toMatchObject({ code: "DISCONNECTED" });
    fake.server = await FakeSmb2Server.start();
    await expect(connect({ dialects: [0x0311] })).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(connect({ dialects: [0x0202] })).rejects.toMatchObject({ code: "PROTOCOL" });
  });
});

describe("credits (MS-SMB2 §3.2.4.1.2)", () => {
  it("never has more requests outstanding than granted: with one credit per response, calls queue", async () => {
    fake.server.grant = 1;
    let outstanding = 0;
    let maxOutstanding = 0;
    fake.handler = (request, peer) => {
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
    const ids = fake.server.peers[0]?.requests.map((r) => Number(r.header.messageId));
    expect(ids).toEqual(ids?.map((_, i) => i));
  });

  it("with no credit left, a call waits and then times out with TIMEOUT, sending nothing", async () => {
    fake.handler = (request, peer) => {
      if (request.body.kind === "echoRequest")
        peer.reply(request, { kind: "echoResponse" }, { header: { credits: 0 } });
    };
    const connection = await connect({ timeoutMs: 200 });
    const peer = fake.server.peers[0] as FakePeer;
    const balance = connection.availableCredits;
    expect(balance).toBe(1 - 3 + 3 * 64); // 1 to start, 3 handshake requests, 64 granted by each response
    const before = peer.requests.length;
    await Promise.all(Array.from({ length: balance }, () => connection.echo()));
    expect(connection.availableCredits).toBe(0);
    await expect(connection.echo()).rejects.toThrow(/no credit/);
    expect(peer.requests.length).toBe(before + balance);
  });

  it("a payload above 64 KiB is charged one credit per 64 KiB and uses as many MessageIds (LARGE_MTU)", async () => {
    fake.handler = (request, peer) => {
      if (request.body.kind === "ioctlRequest") ioctlReply(request, peer, BIND_ACK);
      if (request.body.kind === "echoRequest") peer.reply(request, { kind: "echoResponse" });
    };
    const connection = await connect();
    const pipe = await openPipe(connection);
    await pipe.transceive(Buffer.concat([BIND, Buffer.alloc(140_000 - BIND.length)]));
    await connection.echo();
    const [ioctl, echo] = (fake.server.peers[0]?.requests ?? []).slice(-2);
    expect(ioctl?.header.creditCharge).toBe(3);
    expect(echo?.header.messageId).toBe((ioctl?.header.messageId ?? 0n) + 3n);
  });
});

describe("signing (MS-SMB2 §3.1.4.1, 2.x)", () => {
  it("signs every request with the NTLM session key, accepts correctly signed replies, rejects bad or missing signatures", async () => {
    const signatures: boolean[] = [];
    let mode: "good" | "bad" | "unsigned" = "good";
    fake.handler = (request, peer) => {
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
    const setup = fake.server.peers[0]?.requests.find((r) => r.body.kind === "sessionSetupRequest")?.body;
    expect(setup?.kind === "sessionSetupRequest" && setup.securityMode).toBe(3);
  });
});

describe("quiet", () => {
  it("prints nothing on stdout or stderr, whatever happens", async () => {
    const writes = [vi.spyOn(process.stdout, "write"), vi.spyOn(process.stderr, "write")];
    const consoles = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m));
    try {
      fake.handler = (request, peer) => {
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

describe("bad arguments are typed errors, before anything is sent", () => {
  it("connect options: host, port, strings, timeout, dialects, signing", async () => {
    const base = { host: "127.0.0.1", port: fake.server.port, user: "tester", password: "T3st-pw!" };
    const cases: Partial<Record<string, unknown>>[] = [
      { host: "" },
      { port: 0 },
      { port: 70000 },
      { port: 1.5 },
      { user: 7 },
      { timeoutMs: 0 },
      { timeoutMs: Number.NaN },
      { dialects: [] },
      { signing: "sometimes" },
    ];
    for (const override of cases) {
      await expect(
        Smb2Connection.connect({ ...base, ...override } as Smb2ConnectOptions),
      ).rejects.toMatchObject({
        code: "INVALID_ARGUMENT",
      });
    }
    expect(fake.server.peers).toHaveLength(0);
  });

  it("pipe and file calls: a PDU that is not a non-empty Buffer, a negative READ length", async () => {
    const pipe = await openPipe(await connect());
    const sent = fake.server.peers[0]?.requests.length;
    for (const pdu of [Buffer.alloc(0), "05000b03" as unknown as Buffer, undefined as unknown as Buffer]) {
      await expect(pipe.transceive(pdu)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
      await expect(pipe.exchange(pdu)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
      await expect(pipe.writePdu(pdu)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    }
    await expect(pipe.readChunk(-1)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    expect(fake.server.peers[0]?.requests.length).toBe(sent);
  });
});

describe("limits", () => {
  it("a PDU too large for one Direct-TCP frame is refused with FRAME_TOO_LARGE, and the connection stays usable", async () => {
    fake.handler = (request, peer) => {
      if (request.body.kind === "echoRequest") peer.reply(request, { kind: "echoResponse" });
    };
    const connection = await connect();
    const pipe = await openPipe(connection);
    await expect(pipe.transceive(Buffer.alloc(0x1000000, 5))).rejects.toMatchObject({
      code: "FRAME_TOO_LARGE",
    });
    await connection.echo();
    expect(connection.error).toBeUndefined();
  });
});
