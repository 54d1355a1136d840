/**
 * The wire server seen through the project's own SMB2 client: options, sessions of connections,
 * connections dropped when the emulator ends their session, logon failures, signing, the srvsvc pipe's
 * DCE/RPC answers compared with Samba's captures (ms-srvs-wire §2), and the robustness bounds.
 */
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { IADsFileServiceOperations } from "../../src/adsi/interfaces/IADsFileService.js";
import { createEmulator, type Emulator } from "../../src/emulator.js";
import { AdsError } from "../../src/errors/AdsError.js";
import { Smb2Connection } from "../../src/msrvs/client/Smb2Connection.js";
import { decodePdu } from "../../src/msrvs/dcerpc/pdu.js";
import { NtStatusError } from "../../src/msrvs/smb2/NtStatusError.js";
import { followHostClock } from "../../src/wire/realTimeClock.js";
import { serve, type WireServer } from "../../src/wire/serve.js";
import { ADMIN } from "./wireHarness.js";

const vector = (name: string) =>
  Buffer.from(
    readFileSync(new URL(`../vectors/srvsvc/${name}.hex`, import.meta.url), "utf8").replace(/\s+/g, ""),
    "hex",
  );

const servers: WireServer[] = [];
const clients: Smb2Connection[] = [];
afterEach(async () => {
  await Promise.allSettled(clients.splice(0).map((c) => c.close()));
  await Promise.allSettled(servers.splice(0).map((s) => s.close()));
});

async function served(emu: Emulator = createEmulator(), options = {}) {
  const server = await serve(emu, options);
  servers.push(server);
  return { emu, server };
}

async function client(
  server: WireServer,
  account: { user: string; password: string; domain?: string } = ADMIN,
  signing: "auto" | "required" = "auto",
) {
  const connection = await Smb2Connection.connect({
    host: "127.0.0.1",
    port: server.port,
    domain: "CORP",
    ...account,
    signing,
  });
  clients.push(connection);
  return connection;
}

const sessionsOf = (emu: Emulator) =>
  [...emu.GetObject<IADsFileServiceOperations>("WinNT://FS01/LanmanServer").Sessions()].map(
    (s) => `${s.User}\\${s.Computer}`,
  );

/** Resolves once the client saw its connection end. */
async function dropped(connection: Smb2Connection): Promise<void> {
  for (let i = 0; i < 500 && connection.error === undefined; i++) await new Promise((r) => setTimeout(r, 2));
  expect(connection.error?.code).toBe("DISCONNECTED");
}

describe("serve(emu, options)", () => {
  it("binds loopback on a free port and refuses a non-loopback address without allowRemote", async () => {
    const emu = createEmulator();
    const { server } = await served(emu);
    expect([server.host, server.server, server.port > 0]).toEqual(["127.0.0.1", "FS01", true]);
    await expect(serve(emu, { host: "0.0.0.0" })).rejects.toSatisfy((e) => AdsError.is(e, "E_INVALIDARG"));
    await expect(serve(emu, { port: 70000 })).rejects.toSatisfy((e) => AdsError.is(e, "E_INVALIDARG"));
    await expect(serve(emu, { server: "DC01X" })).rejects.toSatisfy((e) => AdsError.is(e, "E_INVALIDARG"));
  });

  it("refuses connections beyond maxConnections, and serves again when one leaves", async () => {
    const { server } = await served(createEmulator(), { maxConnections: 1 });
    const first = await client(server);
    await expect(client(server)).rejects.toThrow();
    await first.close();
    for (let i = 0; i < 200 && server.connections > 0; i++) await new Promise((r) => setTimeout(r, 2));
    await client(server);
  });

  it("drops a peer that never signs in after the handshake timeout (host time)", async () => {
    const { server } = await served(createEmulator(), { handshakeTimeoutMs: 20 });
    const socket = connect(server.port, "127.0.0.1");
    socket.on("error", () => undefined);
    await new Promise<void>((resolve) => socket.once("close", () => resolve()));
    for (let i = 0; i < 200 && server.connections > 0; i++) await new Promise((r) => setTimeout(r, 2));
    expect(server.connections).toBe(0);
  });
});

describe("every connection is a session of the emulated server", () => {
  it("shows in Sessions() with its user and client address, and goes when the client logs off", async () => {
    const { emu, server } = await served();
    const bob = await client(server, { user: "bob", password: "bob-pw" });
    expect(sessionsOf(emu)).toContain("bob\\127.0.0.1");
    await bob.close();
    for (let i = 0; i < 200 && server.connections > 0; i++) await new Promise((r) => setTimeout(r, 2));
    expect(sessionsOf(emu)).not.toContain("bob\\127.0.0.1");
  });

  it("a session removed through ADSI drops its connection", async () => {
    const { emu, server } = await served();
    const bob = await client(server, { user: "bob", password: "bob-pw" });
    emu.GetObject<IADsFileServiceOperations>("WinNT://FS01/LanmanServer").Sessions().Remove("bob\\127.0.0.1");
    await dropped(bob);
  });

  it("a session closed by the injector drops its connection", async () => {
    const { emu, server } = await served();
    const carol = await client(server, { user: "carol", password: "carol-pw" });
    const handle = emu.inject.sessions("FS01").find((s) => s.user === "carol" && s.client === "127.0.0.1");
    if (handle === undefined) throw new Error("carol's session is missing");
    emu.inject.closeSession(handle);
    await dropped(carol);
  });

  it("auto-disconnect on the virtual clock drops an idle connection", async () => {
    const { emu, server } = await served();
    const alice = await client(server, { user: "alice", password: "alice-pw" });
    emu.clock.tick("14m59s");
    await alice.echo();
    emu.clock.tick("14m59s");
    expect(alice.error).toBeUndefined();
    emu.clock.tick("1s");
    await dropped(alice);
  });

  it("files opened on a disk share are the emulator's open files, with locks", async () => {
    const { emu, server } = await served();
    const alice = await client(server, { user: "alice", password: "alice-pw" });
    const tree = await alice.treeConnect("Public");
    const file = await tree.openFile("wire.txt");
    await file.lock(0n, 1n);
    const resources = () =>
      [...emu.GetObject<IADsFileServiceOperations>("WinNT://FS01/LanmanServer").Resources()].filter(
        (r) => r.User === "alice",
      );
    expect(resources().map((r) => [r.Path.endsWith("\\wire.txt"), r.LockCount])).toContainEqual([true, 1]);
    await file.close();
    expect(resources().filter((r) => r.Path.endsWith("\\wire.txt"))).toEqual([]);
    await expect(alice.treeConnect("NoSuchShare")).rejects.toSatisfy((e) =>
      NtStatusError.isStatus(e, "STATUS_BAD_NETWORK_NAME"),
    );
  });
});

describe("logon and signing", () => {
  it("a wrong password or an unknown account is STATUS_LOGON_FAILURE", async () => {
    const { server } = await served();
    await expect(client(server, { user: "alice", password: "nope" })).rejects.toSatisfy((e) =>
      NtStatusError.isStatus(e, "STATUS_LOGON_FAILURE"),
    );
    await expect(client(server, { user: "mallory", password: "x" })).rejects.toSatisfy((e) =>
      NtStatusError.isStatus(e, "STATUS_LOGON_FAILURE"),
    );
  });

  it("signs when the client requires it, and when the server does", async () => {
    const { server } = await served();
    const signed = await client(server, ADMIN, "required");
    expect(signed.signed).toBe(true);
    await signed.echo();
    const strict = await served(createEmulator(), { signing: "required" });
    const byServer = await client(strict.server);
    expect(byServer.signed).toBe(true);
    await (await byServer.treeConnect("IPC$")).openPipe("srvsvc");
  });
});

describe("the srvsvc pipe answers like Samba's captures", () => {
  it("bind_ack is 01-bind.ack but for the association group; an unknown opnum faults nca_s_op_rng_error (18)", async () => {
    const { server } = await served();
    const pipe = await (await (await client(server)).treeConnect("IPC$")).openPipe("srvsvc");
    const ack = await pipe.transceive(vector("01-bind.req"));
    const expected = vector("01-bind.ack");
    expected.writeUInt32LE(ack.readUInt32LE(20), 20);
    expect(ack.toString("hex")).toBe(expected.toString("hex"));
    expect((await pipe.transceive(vector("18-fault-opnum99.req"))).toString("hex")).toBe(
      vector("18-fault-opnum99.resp").toString("hex"),
    );
    expect((await pipe.transceive(vector("32-fault-bad-stub.req"))).toString("hex")).toBe(
      vector("32-fault-bad-stub.resp").toString("hex"),
    );
    expect((await pipe.transceive(vector("33-fault-unknown-context.req"))).toString("hex")).toBe(
      vector("33-fault-unknown-context.resp").toString("hex"),
    );
  });

  it("a NetrSessionEnum reply numbers its referents after the request's, as Samba does (03)", async () => {
    const { server } = await served();
    const pipe = await (await (await client(server)).treeConnect("IPC$")).openPipe("srvsvc");
    await pipe.transceive(vector("01-bind.req"));
    const reply = decodePdu(await pipe.transceive(vector("03-sessenum-l1.req")));
    if (reply.type !== "response") throw new Error(`a ${reply.type} answered`);
    const stub = Buffer.from(reply.stub);
    expect([stub.readUInt32LE(0), stub.readUInt32LE(4), stub.readUInt32LE(8)]).toEqual([1, 1, 0x0002000c]);
    expect(stub.readUInt32LE(stub.length - 4)).toBe(0);
  });
});

describe("followHostClock (adsi-emu serve --scenario)", () => {
  it("moves the virtual clock with the host's, scaled, until stopped", async () => {
    const emu = createEmulator();
    const start = emu.clock.now();
    const stop = followHostClock(emu, { speed: 1000, intervalMs: 5 });
    try {
      for (let i = 0; i < 500 && emu.clock.now() - start < 2_000; i++)
        await new Promise((r) => setTimeout(r, 5));
    } finally {
      stop();
    }
    const stopped = emu.clock.now();
    expect(stopped - start).toBeGreaterThanOrEqual(2_000);
    await new Promise((r) => setTimeout(r, 30));
    expect(emu.clock.now()).toBe(stopped);
  });
});
