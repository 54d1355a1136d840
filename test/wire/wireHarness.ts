/**
 * Test support for wire mode: an emulator served on a free loopback port, and real client programs
 * (smbclient, rpcclient, python3-samba) run against it. Every process started here is spawned as the
 * leader of its own process group, tracked by PID, and killed (-PID, SIGKILL) when it overruns its
 * timeout, when the test ends, and in `stopAllClients` (afterAll), so none outlives a failing test.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEmulator, type Emulator, type EmulatorOptions } from "../../src/emulator.js";
import { serve, type WireServer } from "../../src/wire/serve.js";

/** The default fixture's administrator, as clients sign in. */
export const ADMIN = { domain: "CORP", user: "administrator", password: "P@ssw0rd!" } as const;

const running = new Map<number, ChildProcess>();

/** Kills one tracked process group by PID. */
function kill(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
  running.delete(pid);
}

/** Kills every client process still running (afterAll); returns how many there were. */
export function stopAllClients(): number {
  const count = running.size;
  for (const pid of [...running.keys()]) kill(pid);
  return count;
}

/** What a client program printed and how it ended. */
export interface ClientRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `command` to completion (killed by PID after `timeoutMs`, or when the caller's test fails). */
export async function runClient(
  command: string,
  args: readonly string[],
  options: { readonly env?: NodeJS.ProcessEnv; readonly timeoutMs?: number; readonly input?: string } = {},
): Promise<ClientRun> {
  const child = spawn(command, args, {
    detached: true,
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, ...options.env },
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${command}`);
  running.set(pid, child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  child.stdin?.end(options.input ?? "");
  const timer = setTimeout(() => kill(pid), options.timeoutMs ?? 20_000);
  try {
    const code = await new Promise<number | null>((resolve) => {
      child.on("error", () => resolve(null));
      child.on("close", (exitCode) => resolve(exitCode));
    });
    return { code, stdout, stderr };
  } finally {
    clearTimeout(timer);
    kill(pid);
  }
}

/** Which real clients this machine has; `missing` names the absent ones. */
export function realClients(): { readonly missing: readonly string[] } {
  const missing: string[] = [];
  for (const program of ["smbclient", "rpcclient"]) {
    const found = ["/usr/bin", "/usr/local/bin", "/bin"].some((dir) => {
      try {
        accessSync(join(dir, program), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
    if (!found) missing.push(program);
  }
  const python = spawnSync("/usr/bin/python3", ["-c", "from samba.dcerpc import srvsvc"], {
    stdio: "ignore",
  });
  if (python.status !== 0) missing.push("python3-samba");
  return { missing };
}

/** A served emulator plus the client configuration that reaches it. */
export interface ServedEmulator {
  readonly emu: Emulator;
  readonly server: WireServer;
  /** An smb.conf for the clients: workgroup CORP, `smb ports` = the server's port (python follows it). */
  readonly conf: string;
  readonly dir: string;
  /** `-p PORT -s CONF -U CORP\user%password` for smbclient / rpcclient. */
  clientArgs(credentials?: { user: string; password: string }): string[];
}

/** Creates an emulator, serves it on a free loopback port and writes the clients' smb.conf. */
export async function serveEmulator(options: EmulatorOptions = {}): Promise<ServedEmulator> {
  const emu = createEmulator(options);
  const server = await serve(emu);
  const dir = mkdtempSync(join(tmpdir(), "adsi-wire-"));
  const conf = join(dir, "smb.conf");
  writeFileSync(
    conf,
    [
      "[global]",
      "  workgroup = CORP",
      `  smb ports = ${server.port}`,
      "  client min protocol = SMB2_02",
      `  lock directory = ${dir}`,
      `  state directory = ${dir}`,
      `  cache directory = ${dir}`,
      `  private dir = ${dir}`,
      "",
    ].join("\n"),
  );
  return {
    emu,
    server,
    conf,
    dir,
    clientArgs: (credentials = ADMIN) => [
      "-p",
      String(server.port),
      "-s",
      conf,
      "-U",
      `CORP\\${credentials.user}%${credentials.password}`,
    ],
  };
}

/** Python run with the samba bindings (Debian's /usr/bin/python3). */
export const PYTHON = "/usr/bin/python3";

/**
 * Whether a wire test with real clients runs here: `run`; `skip` (clients missing outside CI, with a
 * loud warning naming them); `fail` (missing under CI, where .ci/run installs them).
 */
export function realClientMode(what: string): {
  readonly mode: "run" | "skip" | "fail";
  readonly missing: readonly string[];
} {
  const { missing } = realClients();
  const mode = missing.length === 0 ? "run" : process.env.CI ? "fail" : "skip";
  if (mode === "skip") console.warn(`!!! SKIPPING ${what}: missing ${missing.join(", ")}`);
  return { mode, missing };
}
