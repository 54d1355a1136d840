/**
 * Real Samba as a contract-suite target: the harness's private smbd (test/support/samba), bound through
 * the MS-SRVS provider, driven by real in-process SMB2 clients (each session its own connection, so its
 * own smbd process, as separate client programs would be). Time is real; Samba ends removed sessions
 * asynchronously, so the suite polls up to `settleMs`.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type {
  ContractFileService,
  ContractSupports,
  ContractTarget,
  DriverSession,
} from "../../src/contract/types.js";
import type { Smb2Connection } from "../../src/msrvs/client/Smb2Connection.js";
import { connectMsSrvs, type MsSrvsProvider } from "../../src/provider/msrvs/connectMsSrvs.js";
import type { SambaServer } from "../support/samba/SambaServer.js";

/** What real Samba through the provider supports (the scoreboard's column). */
export const SAMBA_SUPPORTS: ContractSupports = Object.freeze({
  virtualClock: false,
  idleTime: false,
  locks: true,
  distinctClients: false,
  autoDisconnect: false,
  serviceControl: false,
  activity: false,
});

/** Real Samba as a {@link ContractTarget}. */
export function sambaTarget(samba: SambaServer): ContractTarget {
  const providers: MsSrvsProvider[] = [];
  // Each lock takes a byte range no other lock uses: the emulator counts locks, Samba also checks ranges.
  let nextRange = 0n;
  const connections: Smb2Connection[] = [];
  const admin = { user: samba.admin.name, password: samba.admin.password };
  const dave = samba.user("dave");
  return {
    async bind(credentials = admin): Promise<ContractFileService> {
      const provider = await connectMsSrvs({
        host: samba.host,
        port: samba.port,
        user: credentials.user,
        password: credentials.password,
      });
      providers.push(provider);
      return provider.GetObject(`WinNT://${provider.host}/LanmanServer`);
    },
    accounts: { admin, user: { user: dave.name, password: dave.password }, users: ["alice", "bob"] },
    driver: {
      async openSession(user): Promise<DriverSession> {
        const connection = await samba.connect(user);
        connections.push(connection);
        let tree: Awaited<ReturnType<Smb2Connection["treeConnect"]>> | undefined;
        return {
          user,
          client: samba.host,
          async openFile(name) {
            samba.createFile(name);
            tree ??= await connection.treeConnect(samba.share);
            const file = await tree.openFile(name);
            return {
              name,
              lock: async (count = 1) => {
                for (let i = 0; i < count; i++) {
                  nextRange += 16n;
                  await file.lock(nextRange, 8n);
                }
              },
              close: () => file.close(),
            };
          },
          close: () => connection.close(),
        };
      },
      advance: (ms) => sleep(ms),
      async cleanup() {
        await Promise.allSettled(connections.splice(0).map((c) => c.close()));
        await Promise.allSettled(providers.splice(0).map((p) => p.close()));
        // Samba ends a closed client's process asynchronously: let the next test start clean.
        for (let attempt = 0; attempt < 100; attempt++) {
          const left = [...(await samba.sessionPids("alice")), ...(await samba.sessionPids("bob"))];
          if (left.length === 0) break;
          await sleep(30);
        }
      },
    },
    supports: SAMBA_SUPPORTS,
    settleMs: 5_000,
    async close() {
      await this.driver.cleanup();
    },
  };
}
