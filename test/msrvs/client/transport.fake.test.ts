import { describe, expect, it, vi } from "vitest";
import { Smb2Command } from "../../../src/msrvs/smb2/constants.js";
import { NtStatusError } from "../../../src/msrvs/smb2/NtStatusError.js";
import { NtStatus } from "../../../src/msrvs/smb2/ntStatus.js";
import { FAKE_FILE_ID } from "../../support/fakeSmb2Server.js";
import {
  BIND,
  BIND_ACK,
  connect,
  FRAG1,
  FRAG2,
  fake,
  ioctlReply,
  openPipe,
  readReply,
  useFakeServer,
} from "./fakeServerSetup.js";

useFakeServer();

describe("Smb2Connection against a scripted server", () => {
  it("negotiates 2.0.2/2.1, signs in with an NTLMv2 proof the server checks, and reaches the pipe", async () => {
    fake.handler = (request, peer) => {
      if (request.body.kind === "ioctlRequest") ioctlReply(request, peer, BIND_ACK);
    };
    const connection = await connect();
    expect(connection.dialect).toBe(0x0210);
    expect(connection.sessionId).toBe(0x1122n);
    const pipe = await openPipe(connection);
    expect(pipe.fileId).toEqual(FAKE_FILE_ID);
    expect(await pipe.transceive(BIND)).toEqual(BIND_ACK);
    const [peer] = fake.server.peers;
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
      expect(fake.server.peers[0]?.socket.destroyed || fake.server.peers[0]?.socket.readableEnded).toBe(true),
    );
  });

  it("STATUS_PENDING: the interim reply is not the answer; the call waits for the final one", async () => {
    fake.handler = (request, peer) => {
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
    fake.handler = (request, peer) => {
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
    fake.handler = (request, peer) => {
      if (request.body.kind === "writeRequest") {
        peer.reply(request, { kind: "writeResponse", count: request.body.data.length, remaining: 0 });
      }
      if (request.body.kind === "readRequest") readReply(request, peer, part++ === 0 ? FRAG1 : FRAG2);
    };
    const pipe = await openPipe(await connect());
    expect(await pipe.exchange(BIND)).toEqual(reply);
    const write = fake.server.peers[0]?.requests.find((r) => r.body.kind === "writeRequest")?.body;
    expect(write?.kind === "writeRequest" && write.data).toEqual(BIND);
  });

  it("bytes after the last fragment, an empty READ, or a non-DCE reply are PROTOCOL errors", async () => {
    const replies = [Buffer.concat([BIND_ACK, Buffer.from("extra")]), Buffer.from("not a DCE/RPC PDU!")];
    fake.handler = (request, peer) => {
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
    fake.handler = (request, peer) => {
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
