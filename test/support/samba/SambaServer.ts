import { type ChildProcess, execFile } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect as netConnect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { Smb2Connection, type Smb2ConnectOptions } from "../../../src/msrvs/client/Smb2Connection.js";
import type { Smb2File } from "../../../src/msrvs/client/Smb2File.js";
import type { Smb2Tree } from "../../../src/msrvs/client/Smb2Tree.js";
import { locateSambaBinaries, type SambaBinaries } from "./binaries.js";
import { ProcessTracker } from "./processTracker.js";
import {
  ADMIN_GROUPS,
  DEFAULT_SAMBA_USERS,
  instanceDirs,
  type SambaUser,
  sambaConf,
  writeNssFiles,
} from "./sambaConfig.js";
import { SmbclientSession } from "./smbclientSession.js";

const run = promisify(execFile);

/** Options of `SambaServer.start`. */
export interface StartSambaOptions {
  /** Accounts to create (default: `DEFAULT_SAMBA_USERS`, one admin). */
  readonly users?: readonly SambaUser[];
  /** Name of the disk share (default `data`). */
  readonly share?: string;
  /** ms to wait for smbd and samba-dcerpcd to be ready (default 15 000). */
  readonly readyTimeoutMs?: number;
}

/** A file held open through an in-process SMB2 session (it shows in NetrFileEnum until released). */
export interface HeldFile {
  readonly connection: Smb2Connection;
  readonly tree: Smb2Tree;
  readonly file: Smb2File;
  /** Closes the file and the session. */
  release(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (bound then released; smbd binds it right after). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = netConnect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function captureTail(child: ChildProcess): () => string {
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString("utf8")).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => tail;
}

/**
 * A private Samba instance on 127.0.0.1 for tests (samba-provider.md): smbd and samba-dcerpcd with
 * known PIDs, users made through nss_wrapper and smbpasswd, the two admin group maps, one disk share.
 * It opens real sessions for tests (in-process SMB2 connections, smbclient processes) and `stop`
 * ends every process it started, by process group, and throws if any survived.
 */
export class SambaServer {
  /** Address smbd listens on. */
  readonly host = "127.0.0.1";
  /** TCP port smbd listens on (free, non-default). */
  readonly port: number;
  /** The instance folder (config, databases, share). */
  readonly dir: string;
  /** Path of smb.conf. */
  readonly conf: string;
  /** Name of the disk share. */
  readonly share: string;
  /** Folder served as the share. */
  readonly shareDir: string;
  /** The accounts, by name. */
  readonly users: ReadonlyMap<string, SambaUser>;
  /** Environment for Samba tools (nss_wrapper preloaded). */
  readonly env: NodeJS.ProcessEnv;
  /** Absolute paths of the Samba programs. */
  readonly binaries: SambaBinaries;
  private readonly tracker: ProcessTracker;
  private readonly connections = new Set<Smb2Connection>();
  private readonly smbclients = new Set<SmbclientSession>();
  private stopped = false;

  private constructor(init: {
    port: number;
    dir: string;
    share: string;
    users: readonly SambaUser[];
    env: NodeJS.ProcessEnv;
    binaries: SambaBinaries;
    tracker: ProcessTracker;
  }) {
    this.port = init.port;
    this.dir = init.dir;
    this.conf = join(init.dir, "smb.conf");
    this.share = init.share;
    this.shareDir = instanceDirs(init.dir).share;
    this.users = new Map(init.users.map((u) => [u.name, u]));
    this.env = init.env;
    this.binaries = init.binaries;
    this.tracker = init.tracker;
  }

  /** Creates the instance, starts smbd and samba-dcerpcd, and waits until both serve. */
  static async start(options: StartSambaOptions = {}): Promise<SambaServer> {
    const { binaries, missing } = locateSambaBinaries();
    if (binaries === undefined) throw new Error(`Samba binaries missing: ${missing.join(", ")}`);
    const users = options.users ?? DEFAULT_SAMBA_USERS;
    const share = options.share ?? "data";
    const dir = mkdtempSync(join(tmpdir(), "adsi-samba-"));
    chmodSync(dir, 0o755); // smbd serves the share as the signed-in user: the path must be traversable
    const dirs = instanceDirs(dir);
    for (const path of Object.values(dirs)) mkdirSync(path, { recursive: true });
    chmodSync(dirs.share, 0o777);
    const tracker = new ProcessTracker(join(dir, "process-groups"), binaries.pgrep);
    tracker.startWatchdog(dir);
    const nss = writeNssFiles(dir, users);
    const env = {
      ...process.env,
      LD_PRELOAD: binaries.nssWrapper,
      NSS_WRAPPER_PASSWD: nss.passwd,
      NSS_WRAPPER_GROUP: nss.group,
    };
    try {
      const conf = join(dir, "smb.conf");
      writeFileSync(conf, sambaConf(dir, 445, share)); // accounts only: no daemon ever runs with this port
      await SambaServer.createAccounts(binaries, env, conf, users);
      for (let attempt = 1; ; attempt++) {
        // A free port can be taken between the probe and smbd's bind: then smbd exits and we retry.
        const port = await freePort();
        writeFileSync(conf, sambaConf(dir, port, share));
        const server = new SambaServer({ port, dir, share, users, env, binaries, tracker });
        try {
          await server.startDaemons(options.readyTimeoutMs ?? 15_000);
          return server;
        } catch (error) {
          await tracker.stopGroups(1000);
          if (attempt >= 3) throw error;
        }
      }
    } catch (error) {
      await tracker.stopAll(1000);
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  private static async createAccounts(
    binaries: SambaBinaries,
    env: NodeJS.ProcessEnv,
    conf: string,
    users: readonly SambaUser[],
  ): Promise<void> {
    const smbpasswd = (user: SambaUser) =>
      new Promise<void>((resolve, reject) => {
        const child = execFile(binaries.smbpasswd, ["-c", conf, "-s", "-a", user.name], { env }, (error) =>
          error ? reject(new Error(`smbpasswd ${user.name}: ${error.message}`)) : resolve(),
        );
        child.stdin?.end(`${user.password}\n${user.password}\n`);
      });
    // One at a time: concurrent smbpasswd runs race creating passdb.tdb and lose accounts (observed).
    for (const user of users) await smbpasswd(user);
    await run(
      binaries.net,
      [
        "-s",
        conf,
        "groupmap",
        "add",
        "sid=S-1-5-32-544",
        `unixgroup=${ADMIN_GROUPS.builtin}`,
        "type=builtin",
      ],
      { env },
    );
    await run(
      binaries.net,
      [
        "-s",
        conf,
        "groupmap",
        "add",
        "rid=512",
        `unixgroup=${ADMIN_GROUPS.domain}`,
        "type=domain",
        "ntgroup=Domain Admins",
      ],
      { env },
    );
  }

  private async startDaemons(readyTimeoutMs: number): Promise<void> {
    const common = ["--foreground", "--no-process-group", "-s", this.conf];
    const stdio: ["ignore", "pipe", "pipe"] = ["ignore", "pipe", "pipe"];
    const smbd = this.tracker.spawn("smbd", this.binaries.smbd, common, { env: this.env, stdio });
    const dcerpcd = this.tracker.spawn(
      "samba-dcerpcd",
      this.binaries.sambaDcerpcd,
      [...common, "--libexec-rpcds"],
      {
        env: this.env,
        stdio,
      },
    );
    const logs = { smbd: captureTail(smbd), "samba-dcerpcd": captureTail(dcerpcd) };
    const exited = new Set<string>();
    smbd.once("exit", () => exited.add("smbd"));
    dcerpcd.once("exit", () => exited.add("samba-dcerpcd"));
    const srvsvcSocket = join(instanceDirs(this.dir).ncalrpc, "np", "srvsvc");
    for (let waited = 0; ; waited += 20) {
      if (exited.size > 0) {
        const name = [...exited][0] as keyof typeof logs;
        throw new Error(`${name} exited during start-up: ${logs[name]()}`);
      }
      if (existsSync(srvsvcSocket) && (await portAccepts(this.port))) return;
      if (waited > readyTimeoutMs) throw new Error(`Samba not ready after ${readyTimeoutMs} ms`);
      await sleep(20);
    }
  }

  /** The account `name` (throws for an unknown one). */
  user(name: string): SambaUser {
    const user = this.users.get(name);
    if (user === undefined) throw new Error(`no Samba test user ${name}`);
    return user;
  }

  /** The first administrator account. */
  get admin(): SambaUser {
    const admin = [...this.users.values()].find((u) => u.admin);
    if (admin === undefined) throw new Error("no admin account");
    return admin;
  }

  /** PID of smbd's main process. */
  get smbdPid(): number {
    return this.tracker.pidOf("smbd") as number;
  }

  /** PID of samba-dcerpcd. */
  get dcerpcdPid(): number {
    return this.tracker.pidOf("samba-dcerpcd") as number;
  }

  /** Connection options for `user` (its password; this host and port), with overrides. */
  connectOptions(user: string, overrides: Partial<Smb2ConnectOptions> = {}): Smb2ConnectOptions {
    const account = this.user(user);
    return {
      host: this.host,
      port: this.port,
      user: account.name,
      password: account.password,
      timeoutMs: 10_000,
      ...overrides,
    };
  }

  /** Opens an in-process SMB2 session as `user` (closed by `stop` if the test does not). */
  async connect(user: string, overrides: Partial<Smb2ConnectOptions> = {}): Promise<Smb2Connection> {
    const connection = await Smb2Connection.connect(this.connectOptions(user, overrides));
    this.connections.add(connection);
    return connection;
  }

  /** Writes `name` into the share (mode 0666) so clients can open it. */
  createFile(name: string, content = `${name}\n`): void {
    const path = join(this.shareDir, name);
    writeFileSync(path, content);
    chmodSync(path, 0o666);
  }

  /** Signs in as `user` (in-process SMB2), connects the share and holds `name` open. */
  async holdFile(user: string, name: string): Promise<HeldFile> {
    if (!existsSync(join(this.shareDir, name))) this.createFile(name);
    const connection = await this.connect(user);
    const tree = await connection.treeConnect(this.share);
    const file = await tree.openFile(name);
    return {
      connection,
      tree,
      file,
      release: async () => {
        await file.close().catch(() => undefined);
        await connection.close();
      },
    };
  }

  /** Starts an `smbclient` process as `user` holding each of `files` open (created when missing). */
  async smbclient(user: string, files: readonly string[] = []): Promise<SmbclientSession> {
    for (const name of files) if (!existsSync(join(this.shareDir, name))) this.createFile(name);
    const context = {
      binaries: this.binaries,
      tracker: this.tracker,
      env: this.env,
      conf: this.conf,
      port: this.port,
      share: this.share,
    };
    const session = await SmbclientSession.open(context, this.dir, this.user(user), files);
    this.smbclients.add(session);
    return session;
  }

  /** `smbstatus --json` of this instance, parsed (sessions, open files). */
  async status(): Promise<SmbStatus> {
    const { stdout } = await run(this.binaries.smbstatus, ["-s", this.conf, "--json"], { env: this.env });
    return JSON.parse(stdout) as SmbStatus;
  }

  /** PIDs of the smbd processes serving sessions of `user` (from smbstatus). */
  async sessionPids(user: string): Promise<number[]> {
    const sessions = Object.values((await this.status()).sessions ?? {});
    return sessions.filter((s) => s.username === user).map((s) => Number(s.server_id.pid));
  }

  /** Process-group ids of everything this instance started (smbd, samba-dcerpcd, smbclients). */
  get processGroups(): number[] {
    return this.tracker.groupIds;
  }

  /** PID of the watchdog that cleans up if the test process dies. */
  get watchdogPid(): number | undefined {
    return this.tracker.watchdogPid;
  }

  /** PIDs still alive in the process groups this instance started. */
  leftoverPids(): number[] {
    return this.tracker.leftovers();
  }

  /**
   * Closes every session it opened, stops every process it started (SIGTERM to each process group,
   * SIGKILL after a grace period), removes the folder, and throws if any process survived.
   */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await Promise.all([...this.connections].map((c) => c.close()));
    await Promise.all([...this.smbclients].map((s) => s.close()));
    const groups = this.tracker.groupIds;
    const left = await this.tracker.stopAll();
    rmSync(this.dir, { recursive: true, force: true });
    if (left.length > 0) {
      throw new Error(
        `Samba processes left running after stop (groups ${groups.join(",")}): ${left.join(", ")}`,
      );
    }
  }
}

/** The parts of `smbstatus --json` the harness reads (Samba 4.17). */
export interface SmbStatus {
  readonly sessions?: Record<
    string,
    { readonly username: string; readonly server_id: { readonly pid: string } }
  >;
  readonly open_files?: Record<string, unknown>;
}
