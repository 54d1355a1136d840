/**
 * The served emulator as a contract-suite target (the fourth column): the project's MS-SRVS provider
 * binds it over SMB2 on loopback, and real SMB2 connections of the project's client are the driver, so
 * every session the suite sees is a connection to the wire server. Time is the emulator's virtual
 * clock; `advance` ticks it and waits until every connection the server dropped meanwhile (auto-
 * disconnect, a stopped service) is closed on both ends.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { contractFixture } from "../../src/contract/emulatorTarget.js";
import type {
  ContractFileService,
  ContractSupports,
  ContractTarget,
  DriverSession,
} from "../../src/contract/types.js";
import { createEmulator } from "../../src/emulator.js";
import { Smb2Connection } from "../../src/msrvs/client/Smb2Connection.js";
import { connectMsSrvs, type MsSrvsProvider } from "../../src/provider/msrvs/connectMsSrvs.js";
import { serve } from "../../src/wire/serve.js";

const PASSWORDS: Record<string, string> = { administrator: "admin-pw", alice: "alice-pw", bob: "bob-pw" };

/** What the served emulator supports through the provider (the scoreboard's column). */
export const WIRE_SUPPORTS: ContractSupports = Object.freeze({
  virtualClock: true,
  idleTime: true,
  locks: true,
  distinctClients: false,
  autoDisconnect: true,
  serviceControl: true,
  activity: true,
});

/** The served emulator as a {@link ContractTarget}. */
export async function wireTarget(): Promise<ContractTarget> {
  const emu = createEmulator({ fixture: contractFixture(), profile: "windows" });
  const server = await serve(emu);
  const providers: MsSrvsProvider[] = [];
  const connections: Smb2Connection[] = [];
  /** Waits until the server holds at most `expected` connections, then lets the clients see their ends. */
  const settle = async (expected: number) => {
    for (let i = 0; i < 500 && server.connections > expected; i++) await sleep(2);
    await sleep(5);
  };
  /** Runs a change of the emulator and waits for the connections it ended. */
  const changing = async (change: () => void) => {
    let ended = 0;
    const stop = emu.on("session.closed", () => {
      ended += 1;
    });
    const before = server.connections;
    try {
      change();
    } finally {
      stop();
    }
    await settle(before - ended);
  };
  const split = (qualified: string) => {
    const at = qualified.indexOf("\\");
    return { domain: qualified.slice(0, at), user: qualified.slice(at + 1) };
  };
  const admin = { user: "CORP\\administrator", password: "admin-pw" };
  return {
    async bind(credentials = admin): Promise<ContractFileService> {
      const { domain, user } = split(credentials.user);
      const provider = await connectMsSrvs({
        host: "127.0.0.1",
        port: server.port,
        user,
        domain,
        password: credentials.password,
      });
      providers.push(provider);
      return provider.GetObject("WinNT://127.0.0.1/LanmanServer");
    },
    accounts: { admin, user: { user: "CORP\\alice", password: "alice-pw" }, users: ["alice", "bob"] },
    driver: {
      async openSession(user): Promise<DriverSession> {
        const connection = await Smb2Connection.connect({
          host: "127.0.0.1",
          port: server.port,
          user,
          domain: "CORP",
          password: PASSWORDS[user] ?? "",
        });
        connections.push(connection);
        let tree: Awaited<ReturnType<Smb2Connection["treeConnect"]>> | undefined;
        let range = 0n;
        return {
          user,
          client: "127.0.0.1",
          async openFile(name) {
            tree ??= await connection.treeConnect("data");
            const file = await tree.openFile(name);
            return {
              name,
              lock: async (count = 1) => {
                for (let i = 0; i < count; i++) {
                  range += 16n;
                  await file.lock(range, 8n);
                }
              },
              close: () => file.close(),
            };
          },
          activity: () => connection.echo(),
          close: () => connection.close(),
        };
      },
      advance: (ms) => changing(() => emu.clock.tick(ms)),
      stopService: () => changing(() => emu.inject.stopService("FS01")),
      startService: () => emu.inject.startService("FS01"),
      async cleanup() {
        await Promise.allSettled(connections.splice(0).map((c) => c.close()));
        await Promise.allSettled(providers.splice(0).map((p) => p.close()));
        await settle(0);
        if (server.connections > 0) throw new Error(`${server.connections} connections outlived the test`);
        emu.reset();
      },
    },
    supports: WIRE_SUPPORTS,
    settleMs: 2_000,
    autoDisconnectMinutes: emu.profile.autoDisconnect.minutes,
    async close() {
      await Promise.allSettled(connections.splice(0).map((c) => c.close()));
      await Promise.allSettled(providers.splice(0).map((p) => p.close()));
      await server.close();
    },
  };
}
