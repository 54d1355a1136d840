import type { ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import { closeSync, constants, openSync, writeSync } from "node:fs";
import type { SambaBinaries } from "./binaries.js";
import type { ProcessTracker } from "./processTracker.js";

/** Everything an smbclient process needs from the running instance. */
export interface SmbclientContext {
  readonly binaries: SambaBinaries;
  readonly tracker: ProcessTracker;
  readonly env: NodeJS.ProcessEnv;
  readonly conf: string;
  readonly port: number;
  readonly share: string;
}

let fifoCounter = 0;

/**
 * A real `smbclient` process (SMB 3.1.1, signed) connected to the share, fed commands through a FIFO
 * (samba-provider.md "Real clients"). Traps handled: its stdout is block-buffered on a pipe, so it runs
 * under `stdbuf -oL`; it can keep a command in its input buffer until more input arrives, so every
 * command is followed by empty lines; the password travels in `PASSWD`, not on the command line.
 * The FIFO's read end is opened before the write end (through a temporary O_RDWR descriptor) so no
 * open blocks; closing the write end gives smbclient EOF and it exits.
 */
export class SmbclientSession {
  /** PID (and process-group id) of the stdbuf/smbclient process. */
  readonly pid: number;
  /** The account it signed in as. */
  readonly user: string;
  private readonly tracker: ProcessTracker;
  private writer: number | undefined;
  private output = "";
  private exited = false;
  private readonly exitPromise: Promise<void>;
  private readonly listeners = new Set<() => void>();

  private constructor(child: ChildProcess, writer: number, tracker: ProcessTracker, user: string) {
    this.pid = child.pid as number;
    this.writer = writer;
    this.tracker = tracker;
    this.user = user;
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString("utf8");
      for (const listener of this.listeners) listener();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    this.exitPromise = new Promise((resolve) =>
      child.once("exit", () => {
        this.exited = true;
        for (const listener of this.listeners) listener();
        resolve();
      }),
    );
  }

  /**
   * Starts smbclient as `user` on `\\127.0.0.1\share` and opens each of `files` (which must exist in
   * the share), waiting until smbclient reports a file number for each.
   */
  static async open(
    context: SmbclientContext,
    dir: string,
    user: { name: string; password: string },
    files: readonly string[],
  ): Promise<SmbclientSession> {
    fifoCounter += 1;
    const fifo = `${dir}/smbclient-${fifoCounter}.fifo`;
    execFileSync(context.binaries.mkfifo, [fifo]);
    const keepOpen = openSync(fifo, constants.O_RDWR);
    const reader = openSync(fifo, constants.O_RDONLY);
    const writer = openSync(fifo, constants.O_WRONLY);
    closeSync(keepOpen);
    const args = ["-oL", context.binaries.smbclient, `//127.0.0.1/${context.share}`];
    args.push("-p", String(context.port), "-U", user.name, "-s", context.conf);
    let child: ChildProcess;
    try {
      child = context.tracker.spawn(`smbclient:${user.name}`, context.binaries.stdbuf, args, {
        env: { ...context.env, PASSWD: user.password },
        stdio: [reader, "pipe", "pipe"],
      });
    } finally {
      closeSync(reader);
    }
    const session = new SmbclientSession(child, writer, context.tracker, user.name);
    try {
      await session.waitFor(/Try "help"/, 10_000);
      for (const file of files) await session.run(`open ${file}`, /open file .*fnum \d+/);
    } catch (error) {
      await session.close();
      throw error;
    }
    return session;
  }

  /** Everything smbclient printed so far (stdout and stderr). */
  get transcript(): string {
    return this.output;
  }

  /** Sends one command and waits until the output after it matches `expect`; NT_STATUS errors reject. */
  async run(command: string, expect: RegExp, timeoutMs = 10_000): Promise<string> {
    const mark = this.output.length;
    this.send(command);
    return this.waitFor(expect, timeoutMs, mark);
  }

  /** Writes one command followed by blank lines (the FIFO buffering trap). */
  send(command: string): void {
    if (this.writer === undefined) throw new Error("smbclient session is closed");
    writeSync(this.writer, `${command}\n\n\n\n`);
  }

  private waitFor(expect: RegExp, timeoutMs: number, mark = 0): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const fresh = this.output.slice(mark);
        if (expect.test(fresh)) return done(() => resolve(fresh));
        if (/Failed|NT_STATUS_[A-Z_]+/.test(fresh) || this.exited) {
          return done(() => reject(new Error(`smbclient (${this.user}) failed: ${JSON.stringify(fresh)}`)));
        }
      };
      const timer = setTimeout(
        () =>
          done(() =>
            reject(new Error(`smbclient (${this.user}): no ${expect} in ${JSON.stringify(this.output)}`)),
          ),
        timeoutMs,
      );
      const done = (settle: () => void) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        settle();
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Ends the session: EOF on its input (smbclient exits), then SIGTERM/SIGKILL if it lingers. */
  async close(): Promise<void> {
    if (this.writer !== undefined) {
      closeSync(this.writer);
      this.writer = undefined;
    }
    if (!this.exited) {
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, 3000).unref());
      await Promise.race([this.exitPromise, timeout]);
    }
    await this.tracker.stop(this.pid);
  }
}
