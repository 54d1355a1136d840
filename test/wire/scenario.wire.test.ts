/**
 * A scenario plays on the virtual clock while a real client (python3-samba's srvsvc binding)
 * enumerates the served emulator: sessions appear, go idle, and are auto-disconnected at exactly the
 * server's 15 idle minutes (spec §12.7), the clock moving only when the test says so.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  PYTHON,
  realClientMode,
  runClient,
  type ServedEmulator,
  serveEmulator,
  stopAllClients,
} from "./wireHarness.js";

const SCRIPT = new URL("./srvsvcClient.py", import.meta.url).pathname;
const { mode, missing } = realClientMode("wire-mode scenario test");

interface Row {
  readonly client: string;
  readonly user: string;
  readonly time: number;
  readonly idle_time: number;
}

(mode === "skip" ? describe.skip : describe)(
  "a scenario on the virtual clock, watched by a real client",
  () => {
    let served: ServedEmulator;
    beforeAll(async () => {
      if (mode === "fail") throw new Error(`CI is set but real clients are missing: ${missing.join(", ")}`);
      served = await serveEmulator();
    });
    afterAll(async () => {
      const left = stopAllClients();
      await served?.server.close();
      expect(left).toBe(0);
    });

    /** The scenario's sessions (clients 10.9.*) as python3-samba lists them now. */
    async function watched(): Promise<Row[]> {
      const run = await runClient(PYTHON, [SCRIPT, served.conf, "127.0.0.1", ADMIN.user, "sessions", "1"], {
        env: { WIRE_PASSWORD: ADMIN.password },
      });
      if (run.code !== 0) throw new Error(run.stderr);
      const rows = (JSON.parse(run.stdout) as { sessions: Row[] }).sessions;
      return rows
        .filter((row) => row.client.startsWith("10.9."))
        .map(({ client, user, time, idle_time }) => ({ client, user, time, idle_time }));
    }

    it("sessions appear, go idle and are auto-disconnected", async () => {
      const { emu } = served;
      emu.play([
        { at: "+1m", action: "openSession", server: "FS01", user: "alice", client: "10.9.0.1", as: "alice" },
        { at: "+2m", action: "openSession", server: "FS01", user: "bob", client: "10.9.0.2", as: "bob" },
        { at: "+3m", action: "activity", session: "bob", every: "1m", until: "+5m" },
      ]);
      expect(await watched()).toEqual([]);

      emu.clock.tick("2m");
      expect(await watched()).toEqual([
        { client: "10.9.0.1", user: "alice", time: 60, idle_time: 60 },
        { client: "10.9.0.2", user: "bob", time: 0, idle_time: 0 },
      ]);

      emu.clock.tick("13m59s"); // 15:59 after the start: alice idle 14:59, bob active until +5m
      expect(await watched()).toEqual([
        { client: "10.9.0.1", user: "alice", time: 899, idle_time: 899 },
        { client: "10.9.0.2", user: "bob", time: 839, idle_time: 659 },
      ]);

      emu.clock.tick("1s"); // alice reaches 15 idle minutes
      expect((await watched()).map((row) => row.user)).toEqual(["bob"]);

      emu.clock.tick("4m"); // bob reaches 15 idle minutes (+5m + 15m)
      expect(await watched()).toEqual([]);
      const reasons = emu.events
        .query({ type: "session.closed" })
        .filter((event) => event.client.startsWith("10.9."))
        .map((event) => [event.user, event.reason, event.idleSeconds]);
      expect(reasons).toEqual([
        ["alice", "autoDisconnect", 900],
        ["bob", "autoDisconnect", 900],
      ]);
    });
  },
);
