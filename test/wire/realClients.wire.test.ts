/**
 * Real clients that no one here wrote talk to the wire server: Samba's smbclient and rpcclient, and
 * python3-samba's srvsvc binding. What they show and change is what the emulator holds.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IADsFileServiceOperations } from "../../src/adsi/interfaces/IADsFileService.js";
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
const { mode, missing } = realClientMode("wire-mode real-client tests");

async function python(served: ServedEmulator, ...args: string[]): Promise<unknown> {
  const run = await runClient(PYTHON, [SCRIPT, served.conf, "127.0.0.1", ADMIN.user, ...args], {
    env: { WIRE_PASSWORD: ADMIN.password },
  });
  if (run.code !== 0) throw new Error(`srvsvcClient.py ${args.join(" ")} failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

async function rpcclient(served: ServedEmulator, command: string, debug = false) {
  const args = [...served.clientArgs(), "127.0.0.1", "-c", command];
  if (debug) args.push("-d", "10", "--debug-stdout");
  return runClient("rpcclient", args);
}

/** The sessions rpcclient's NDR dump shows (at debug level 10): client and user per entry. */
function dumpedSessions(text: string): { client: string; user: string }[] {
  const clients = [...text.matchAll(/^\s+client\s+: '([^']*)'/gm)].map((m) => m[1] ?? "");
  const users = [...text.matchAll(/^\s+user\s+: '([^']*)'/gm)].map((m) => m[1] ?? "");
  return clients.map((client, i) => ({ client, user: users[i] ?? "" }));
}

function fsoOf(served: ServedEmulator): IADsFileServiceOperations {
  return served.emu.GetObject<IADsFileServiceOperations>("WinNT://FS01/LanmanServer");
}

(mode === "skip" ? describe.skip : describe)("wire mode with real clients", () => {
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

  it("smbclient -L lists the fixture's shares", async () => {
    const run = await runClient("smbclient", ["-L", "127.0.0.1", ...served.clientArgs()]);
    expect(run.code, run.stderr).toBe(0);
    const listed = [...run.stdout.matchAll(/^\t(\S+)\s+(Disk|IPC)\s/gm)].map((m) => m[1]);
    expect(listed).toEqual(["ADMIN$", "C$", "IPC$", "Public", "Finance", "Users"]);
  });

  it("rpcclient netshareenumall shows every share with its path", async () => {
    const run = await rpcclient(served, "netshareenumall");
    expect(run.code, run.stderr).toBe(0);
    expect([...run.stdout.matchAll(/^netname: (.*)$/gm)].map((m) => m[1])).toEqual([
      "ADMIN$",
      "C$",
      "IPC$",
      "Public",
      "Finance",
      "Users",
    ]);
    expect(run.stdout).toContain("path:\tC:\\Shares\\Finance");
  });

  it("rpcclient netsessenum shows the emulator's sessions, its own connection included", async () => {
    const run = await rpcclient(served, "netsessenum", true);
    expect(run.code, run.stderr).toBe(0);
    const expected = [...fsoOf(served).Sessions()].map((s) => ({ client: s.Computer, user: s.User }));
    const seen = dumpedSessions(run.stdout);
    expect(seen.filter((s) => s.client !== "127.0.0.1")).toEqual(expected);
    expect(seen).toContainEqual({ client: "127.0.0.1", user: "administrator" });
  });

  it("rpcclient netfileenum lists the open files' paths", async () => {
    const run = await rpcclient(served, "netfileenum 3");
    expect(run.code, run.stderr).toBe(0);
    const paths = [...fsoOf(served).Resources()].map((r) => r.Path);
    expect(run.stdout.trim().split("\n")).toEqual(paths);
  });

  it("rpcclient netsessdel ends a session in the emulator (and its files)", async () => {
    const before = [...fsoOf(served).Sessions()].map((s) => s.User);
    expect(before).toContain("alice");
    const run = await rpcclient(served, "netsessdel \\\\10.0.0.5 alice");
    expect(run.code, run.stderr).toBe(0);
    const after = [...fsoOf(served).Sessions()].map((s) => s.User);
    expect(after).not.toContain("alice");
    expect([...fsoOf(served).Resources()].map((r) => r.User)).not.toContain("alice");
  });

  it("python3-samba enumerates sessions with the users, clients and times Sessions() shows", async () => {
    served.emu.clock.tick("90s");
    const result = (await python(served, "sessions", "1")) as {
      sessions: { client: string; user: string; time: number; idle_time: number; num_open: number }[];
    };
    const expected = [...fsoOf(served).Sessions()].map((s) => ({
      client: s.Computer,
      user: s.User,
      time: s.ConnectTime,
      idle_time: s.IdleTime,
    }));
    const own = result.sessions.filter((s) => s.client === "127.0.0.1");
    expect(own.map((s) => s.user)).toEqual(["administrator"]);
    const others = result.sessions
      .filter((s) => s.client !== "127.0.0.1")
      .map(({ client, user, time, idle_time }) => ({ client, user, time, idle_time }));
    expect(others).toEqual(expected.filter((s) => s.client !== "127.0.0.1"));
  });

  it("python3-samba reads levels 10 and 502, the files, the shares and the virtual time of day", async () => {
    const l10 = (await python(served, "sessions", "10")) as { sessions: { user: string }[] };
    expect(l10.sessions.map((s) => s.user)).toContain("bob");
    const l502 = (await python(served, "sessions", "502")) as { sessions: { transport: string }[] };
    expect(l502.sessions.length).toBeGreaterThan(0);
    const files = (await python(served, "files")) as { files: { fid: number; num_locks: number }[] };
    expect(files.files.map((f) => f.fid)).toEqual([...fsoOf(served).Resources()].map((r) => Number(r.Name)));
    const shares = (await python(served, "shares", "1")) as { shares: string[] };
    expect(shares.shares).toContain("Public");
    const tod = (await python(served, "tod")) as { elapsed: number; year: number };
    expect(tod.elapsed).toBe(Math.floor(served.emu.clock.now() / 1000));
    expect(tod.year).toBe(served.emu.clock.date().getUTCFullYear());
  });

  it("a wrong password is refused at session setup (NT_STATUS_LOGON_FAILURE)", async () => {
    const run = await runClient("rpcclient", [
      ...served.clientArgs({ user: "administrator", password: "wrong" }),
      "127.0.0.1",
      "-c",
      "netsessenum",
    ]);
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toContain("NT_STATUS_LOGON_FAILURE");
  });

  it("a non-administrator is denied with WERR_ACCESS_DENIED", async () => {
    const run = await rpcclient(
      { ...served, clientArgs: () => served.clientArgs({ user: "bob", password: "bob-pw" }) },
      "netsessenum",
    );
    expect(run.stdout + run.stderr).toMatch(/WERR_ACCESS_DENIED/);
  });

  it("an anonymous client is refused without a Guest account, and is a guest that may list shares with one", async () => {
    const refused = await runClient("smbclient", [
      "-L",
      "127.0.0.1",
      "-N",
      "-p",
      String(served.server.port),
      "-s",
      served.conf,
    ]);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain("NT_STATUS_LOGON_FAILURE");
    const fixture = JSON.parse(readFileSync(new URL("../../fixtures/default.json", import.meta.url), "utf8"));
    fixture.domains[0].computers[1].users.push({ name: "Guest", password: "" });
    const withGuest = await serveEmulator({ fixture });
    try {
      const run = await runClient("smbclient", [
        "-L",
        "127.0.0.1",
        "-N",
        "-p",
        String(withGuest.server.port),
        "-s",
        withGuest.conf,
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain("Public");
      const opened = withGuest.emu.events
        .query({ type: "session.opened" })
        .filter((e) => e.client === "127.0.0.1");
      expect(opened.length).toBeGreaterThan(0);
      expect(new Set(opened.map((e) => e.user))).toEqual(new Set(["Guest"]));
    } finally {
      await withGuest.server.close();
    }
  });

  it("smbclient tree-connects a disk share and opens a file: the emulator sees it opened and closed", async () => {
    const run = await runClient(
      "smbclient",
      ["//127.0.0.1/Public", ...served.clientArgs({ user: "alice", password: "alice-pw" })],
      { input: "open wire.txt\n\n\n" },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("open file \\wire.txt");
    const events = served.emu.events
      .query({ type: "file.*" })
      .filter((e) => "path" in e && String(e.path).endsWith("\\wire.txt"))
      .map((e) => [e.type, e.user]);
    expect(events).toEqual([
      ["file.opened", "alice"],
      ["file.closed", "alice"],
    ]);
  });
});
