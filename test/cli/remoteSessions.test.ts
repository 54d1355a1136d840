import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { PASSWORD_ENV, runRemoteSessions } from "../../src/cli/remoteSessions.js";
import { FakeSrvsvcServer, logonFailure } from "../provider/support/fakeSrvsvcServer.js";

const MAIN = new URL("../../src/cli/main.ts", import.meta.url).pathname;

async function run(args: string[], server = new FakeSrvsvcServer(), env: Record<string, string> = {}) {
  let out = "";
  let err = "";
  const status = await runRemoteSessions(args, {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    env,
    openPipe: server.opener,
  });
  return { status, out, err };
}

function windowsLike(): FakeSrvsvcServer {
  const server = new FakeSrvsvcServer();
  server.sessions = [
    { user: "alice", client: "10.0.0.5", time: 125, idleTime: 5 },
    { user: "bob", client: "WS-BOB", time: 4000, idleTime: 0 },
  ];
  server.files = [
    {
      id: 42,
      permissions: 1,
      numLocks: 2,
      path: "C:\\Shares\\Public\\a.txt",
      user: "alice",
      client: "10.0.0.5",
    },
  ];
  return server;
}

const LOGIN = ["--host", "fs01", "--user", "admin", "--password", "pw"];

describe("npm start -- sessions (over a fake srvsvc server)", () => {
  it("prints the sessions and open files as tables", async () => {
    const { status, out, err } = await run(LOGIN, windowsLike());
    expect([status, err]).toEqual([0, ""]);
    const lines = out.split("\n");
    expect(lines[0]).toBe("WinNT://fs01/LanmanServer  (FileService, over MS-SRVS as admin)");
    expect(lines).toContain("Sessions");
    expect(lines.find((l) => l.startsWith("alice\\10.0.0.5"))?.split(/\s{2,}/)).toEqual([
      "alice\\10.0.0.5",
      "alice",
      "10.0.0.5",
      "125",
      "5",
    ]);
    expect(lines.find((l) => l.startsWith("42 "))?.split(/\s{2,}/)).toEqual([
      "42",
      "alice",
      "C:\\Shares\\Public\\a.txt",
      "2",
    ]);
  });

  it("--json prints the same listing, machine-readable; the password may come from the environment", async () => {
    const { status, out } = await run(["--host", "fs01", "--user", "admin", "--json"], windowsLike(), {
      [PASSWORD_ENV]: "pw",
    });
    expect(status).toBe(0);
    expect(JSON.parse(out)).toEqual({
      server: "WinNT://fs01/LanmanServer",
      sessions: [
        { Name: "alice\\10.0.0.5", User: "alice", Computer: "10.0.0.5", ConnectTime: 125, IdleTime: 5 },
        { Name: "bob\\WS-BOB", User: "bob", Computer: "WS-BOB", ConnectTime: 4000, IdleTime: 0 },
      ],
      openFiles: [{ Name: "42", User: "alice", Path: "C:\\Shares\\Public\\a.txt", LockCount: 2 }],
    });
  });

  it("a refusal prints one error line with the code and exits 1, printing no listing", async () => {
    const denied = windowsLike();
    denied.werrors.set(9, 5); // NetrFileEnum: access denied, after the sessions were read
    const result = await run(LOGIN, denied);
    expect([result.status, result.out]).toEqual([1, ""]);
    expect(result.err).toMatch(/^error: .*0x80070005 E_ACCESSDENIED/);
    const wrong = new FakeSrvsvcServer();
    wrong.openFailure = logonFailure();
    const logon = await run(LOGIN, wrong);
    expect([logon.status, logon.out]).toEqual([1, ""]);
    expect(logon.err).toContain("ERROR_LOGON_FAILURE");
    expect(denied.open + wrong.open).toBe(0);
  });

  it("bad usage exits 2 with the usage text; --help exits 0", async () => {
    for (const args of [
      [],
      ["--host", "h"],
      ["--host", "h", "--user", "u"],
      [...LOGIN, "--port", "x"],
      [...LOGIN, "--nope"],
      [...LOGIN, "extra"],
    ]) {
      const { status, out, err } = await run(args);
      expect([status, out]).toEqual([2, ""]);
      expect(err).toContain("usage: npm start -- sessions");
    }
    const help = await run(["--help"]);
    expect([help.status, help.err]).toEqual([0, ""]);
    expect(help.out).toContain("--password");
  });

  it("main.ts dispatches the verb (exit status of the process) and keeps the demo", () => {
    const node = (args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", MAIN, ...args], { encoding: "utf8", timeout: 20_000 });
    const usage = node(["sessions"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("--host is required");
    const unreachable = node([
      "sessions",
      "--host",
      "127.0.0.1",
      "--port",
      "1",
      "--user",
      "a",
      "--password",
      "b",
    ]);
    expect(unreachable.status).toBe(1);
    expect(unreachable.stderr).toContain("ERROR_BAD_NETPATH");
    expect(unreachable.stdout).toBe("");
    const demo = node([]);
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain("WinNT://CORP/FS01/LanmanServer");
  });
});
