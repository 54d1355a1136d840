/**
 * Robustness of the wire server under hostile input (fast-check): random and mutated byte streams,
 * SMB2 frames and DCE/RPC PDUs never throw out of the server, never take down another connection, and
 * leave it serving. Three levels: the DCE/RPC association alone, one connection fed frames directly,
 * and real sockets against a listening server while a signed-in client keeps working.
 */
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator } from "../../src/emulator.js";
import { Smb2Connection } from "../../src/msrvs/client/Smb2Connection.js";
import { encodeMessage } from "../../src/msrvs/smb2/codec.js";
import { Smb2Command } from "../../src/msrvs/smb2/constants.js";
import { frameMessage } from "../../src/msrvs/smb2/directTcp.js";
import { makeHeader } from "../../src/msrvs/smb2/header.js";
import { EmulatorView } from "../../src/wire/EmulatorView.js";
import { RpcAssociation } from "../../src/wire/rpc/RpcAssociation.js";
import { serve, type WireServer } from "../../src/wire/serve.js";
import type { WireServerContext } from "../../src/wire/smb2/connectionState.js";
import { WireConnection } from "../../src/wire/smb2/WireConnection.js";
import { dispatchSrvsvc } from "../../src/wire/srvsvc/dispatchSrvsvc.js";
import { anyBody } from "../msrvs/smb2/arbitraries.js";
import { fcRuns } from "../support/fcRuns.js";
import { ADMIN } from "./wireHarness.js";

const hex = (name: string) =>
  Buffer.from(
    readFileSync(new URL(`../vectors/srvsvc/${name}.hex`, import.meta.url), "utf8").replace(/\s+/g, ""),
    "hex",
  );
const BIND = hex("01-bind.req");
const SESSION_ENUM = hex("03-sessenum-l1.req");

/** Byte-level mutations of a valid input: flips, truncation, duplication, splicing random bytes. */
function mutated(valid: Buffer): fc.Arbitrary<Buffer> {
  return fc.oneof(
    fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
    fc
      .array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 })
      .map((flips) => {
        const copy = Buffer.from(valid);
        for (const [at, value] of flips) copy[at] = value;
        return copy;
      }),
    fc.nat(valid.length).map((length) => valid.subarray(0, length)),
    fc.uint8Array({ maxLength: 64 }).map((junk) => Buffer.concat([valid, Buffer.from(junk)])),
  );
}

function context(): WireServerContext {
  const view = new EmulatorView(createEmulator(), "FS01");
  let n = 0n;
  return {
    view,
    requireSigning: false,
    serverGuid: Buffer.alloc(16, 7),
    nextSessionId: () => ++n,
    nextAssociationGroup: () => 1,
    serverChallenge: () => Buffer.alloc(8, 1),
  };
}

describe("the DCE/RPC association under random and mutated PDUs", () => {
  it("never throws, and a fresh association still answers bind and NetrSessionEnum", () => {
    const { view } = context();
    const dispatch = (opnum: number, stub: Uint8Array) =>
      dispatchSrvsvc(
        { view, caller: { kind: "account", account: view.accounts("administrator", "CORP")[0] as never } },
        opnum,
        stub,
      );
    fc.assert(
      fc.property(fc.array(fc.oneof(mutated(BIND), mutated(SESSION_ENUM)), { maxLength: 6 }), (inputs) => {
        const association = new RpcAssociation(dispatch, 1);
        for (const input of inputs) {
          association.write(input);
          association.read(4280);
        }
        expect(association.pendingOutput).toBeLessThan(1024 * 1024);
      }),
      { numRuns: fcRuns(300) },
    );
    const fresh = new RpcAssociation(dispatch, 1);
    fresh.write(Buffer.concat([BIND, SESSION_ENUM]));
    expect(fresh.read(65536).data[2]).toBe(12);
    const reply = fresh.read(65536).data;
    expect([reply[2], reply.readUInt32LE(reply.length - 4)]).toEqual([2, 0]);
  });
});

/** A stand-in socket: collects what the connection writes and whether it was closed. */
function fakeSocket() {
  const state = { written: 0, destroyed: false };
  const socket = {
    write: (bytes: Buffer) => {
      state.written += bytes.length;
      return true;
    },
    destroy: () => {
      state.destroyed = true;
    },
    end: () => {
      state.destroyed = true;
    },
    destroySoon: () => {
      state.destroyed = true;
    },
    writableLength: 0,
  };
  return { socket: socket as unknown as Socket, state };
}

const negotiate = frameMessage(
  encodeMessage(makeHeader({ command: Smb2Command.NEGOTIATE }), {
    kind: "negotiateRequest",
    securityMode: 1,
    capabilities: 0,
    clientGuid: Buffer.alloc(16),
    dialects: [0x0202, 0x0210],
    clientStartTime: 0n,
    negotiateContexts: [],
  }),
);

/** A request message with random header fields and body, framed; encoding failures become random bytes. */
const randomFrame = fc
  .tuple(anyBody, fc.bigInt({ min: 0n, max: 3n }), fc.nat(3), fc.nat(0xffff), fc.boolean())
  .map(([body, sessionId, treeId, credits, signed]) => {
    try {
      const header = makeHeader({ command: 0, sessionId, treeId, credits, flags: signed ? 8 : 0 });
      return frameMessage(encodeMessage(header, body));
    } catch {
      return Buffer.from([0, 0, 0, 4, 0xfe, 0x53, 0x4d, 0x42]);
    }
  });

describe("one connection fed random and mutated SMB2 frames", () => {
  it("never throws out of receive(), answers NEGOTIATE, and leaks no session", () => {
    const shared = context();
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.oneof(randomFrame, mutated(negotiate)), { maxLength: 8 }),
        (negotiated, frames) => {
          const { socket, state } = fakeSocket();
          const connection = new WireConnection(shared, socket, "10.1.2.3");
          if (negotiated) {
            connection.receive(negotiate);
            expect([state.written > 0, state.destroyed]).toEqual([true, false]);
          }
          for (const frame of frames) connection.receive(frame);
          connection.destroy();
          expect(connection.closed).toBe(true);
          const leaked = shared.view.emu.inject.sessions("FS01").filter((s) => s.client === "10.1.2.3");
          expect(leaked).toEqual([]);
        },
      ),
      { numRuns: fcRuns(300) },
    );
  });
});

describe("real sockets sending garbage to a listening server", () => {
  let server: WireServer;
  let good: Smb2Connection;
  const emu = createEmulator();
  beforeAll(async () => {
    server = await serve(emu);
    good = await Smb2Connection.connect({
      host: "127.0.0.1",
      port: server.port,
      ...ADMIN,
      signing: "required",
    });
  });
  afterAll(async () => {
    await good?.close();
    await server?.close();
  });

  async function send(chunks: readonly Buffer[]): Promise<void> {
    const socket = connect(server.port, "127.0.0.1");
    socket.on("error", () => undefined);
    socket.on("data", () => undefined);
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    for (const chunk of chunks) socket.write(chunk);
    socket.end();
    await new Promise<void>((resolve) => socket.once("close", () => resolve()));
  }

  it("never crashes the server or another connection", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            randomFrame,
            mutated(negotiate),
            fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
          ),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        async (chunks) => {
          await send(chunks);
          await good.echo();
        },
      ),
      { numRuns: fcRuns(40) },
    );
    const sessions = emu.inject.sessions("FS01").filter((s) => s.client === "127.0.0.1");
    expect(sessions.map((s) => s.user)).toEqual(["administrator"]);
  });
});
