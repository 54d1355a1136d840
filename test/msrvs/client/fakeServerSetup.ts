import { afterEach, beforeEach } from "vitest";
import { Smb2Connection, type Smb2ConnectOptions } from "../../../src/msrvs/client/Smb2Connection.js";
import type { Smb2Message } from "../../../src/msrvs/smb2/message.js";
import {
  FAKE_FILE_ID,
  type FakeHandler,
  type FakePeer,
  FakeSmb2Server,
} from "../../support/fakeSmb2Server.js";
import { loadPdu } from "../pduVectors.js";

export const FRAG1 = loadPdu("23-fileenum-l3-fragmented.resp.frag1");
export const FRAG2 = loadPdu("23-fileenum-l3-fragmented.resp.frag2");
export const BIND = loadPdu("01-bind.req");
export const BIND_ACK = loadPdu("01-bind.ack");
/** Fixed "randomness": the session key (KEY_EXCH) is then 16 bytes of 0x42. */
export const ENTROPY = { randomBytes: (n: number) => Buffer.alloc(n, 0x42), now: () => 0n };
export const SESSION_KEY = Buffer.alloc(16, 0x42);

/** The scripted server of the current test and the handler it passes requests to. */
export const fake = {
  server: undefined as unknown as FakeSmb2Server,
  handler: (() => undefined) as FakeHandler,
};
const opened: Smb2Connection[] = [];

/** Registers beforeEach/afterEach: a fresh scripted server per test, every connection closed after. */
export function useFakeServer(): void {
  beforeEach(async () => {
    fake.handler = () => undefined;
    fake.server = await FakeSmb2Server.start((request, peer) => fake.handler(request, peer));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()));
    await fake.server.stop();
  });
}

/** Connects to the scripted server as its account, with fixed entropy and a 2 s timeout. */
export async function connect(overrides: Partial<Smb2ConnectOptions> = {}): Promise<Smb2Connection> {
  const connection = await Smb2Connection.connect({
    host: "127.0.0.1",
    port: fake.server.port,
    user: "tester",
    password: "T3st-pw!",
    timeoutMs: 2000,
    entropy: ENTROPY,
    ...overrides,
  });
  opened.push(connection);
  return connection;
}

/** Sends an IOCTL (FSCTL_PIPE_TRANSCEIVE) response carrying `output`. */
export function ioctlReply(
  request: Smb2Message,
  peer: FakePeer,
  output: Buffer,
  status = 0,
  asyncId?: bigint,
) {
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

/** Sends a READ response carrying `data`. */
export function readReply(request: Smb2Message, peer: FakePeer, data: Buffer) {
  peer.reply(request, { kind: "readResponse", dataRemaining: 0, flags: 0, data });
}

/** Tree-connects IPC$ and opens srvsvc. */
export async function openPipe(connection: Smb2Connection) {
  return (await connection.treeConnect("IPC$")).openPipe("srvsvc");
}
