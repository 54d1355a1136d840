import { type ChildProcess, execFileSync, type SpawnOptions, spawn } from "node:child_process";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/** True unless the process is gone or a zombie (state Z/X in /proc/PID/stat) waiting to be reaped. */
function isLive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return false;
  }
}

/** Live (non-zombie) PIDs in the given process groups, found with `pgrep -g`. */
export function livePidsInGroups(groups: readonly number[], pgrep = "pgrep"): number[] {
  if (groups.length === 0) return [];
  try {
    return execFileSync(pgrep, ["-g", groups.join(",")], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number)
      .filter(isLive);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/**
 * Every process the harness starts, by process group. Each is spawned detached, so it leads its own
 * group and whatever it forks (smbd's per-connection children, samba-dcerpcd's rpcd_* helpers) stays in
 * that group: signalling -pgid reaches exactly what this harness started, never another smbd.
 * Three layers of cleanup: `stopAll` (afterAll), a synchronous SIGKILL on process exit, and a watchdog
 * shell that kills the groups if the test process dies without running either.
 */
export class ProcessTracker {
  private readonly groups = new Map<number, { name: string; child: ChildProcess }>();
  private readonly groupsFile: string;
  private readonly pgrep: string;
  private watchdog: ChildProcess | undefined;
  private readonly onExit = () => this.killAllSync();

  /** `groupsFile` lists the group ids for the watchdog; `pgrep` is its absolute path. */
  constructor(groupsFile: string, pgrep: string) {
    this.groupsFile = groupsFile;
    this.pgrep = pgrep;
    writeFileSync(groupsFile, "");
    process.once("exit", this.onExit);
  }

  /** Starts the watchdog: when this process is gone, it SIGKILLs every listed group and removes `dir`. */
  startWatchdog(dir: string): void {
    const script =
      'while kill -0 "$1" 2>/dev/null; do sleep 0.5; done; ' +
      'for g in $(cat "$2"); do kill -KILL "-$g" 2>/dev/null; done; rm -rf "$3"'; // dash: no "--"
    this.watchdog = spawn("/bin/sh", ["-c", script, "watchdog", String(process.pid), this.groupsFile, dir], {
      detached: true,
      stdio: "ignore",
    });
    this.watchdog.unref();
  }

  /** Spawns `command` as the leader of a new process group and records it. */
  spawn(name: string, command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
    const child = spawn(command, args, { ...options, detached: true });
    if (child.pid === undefined) throw new Error(`could not start ${name} (${command})`);
    this.groups.set(child.pid, { name, child });
    appendFileSync(this.groupsFile, `${child.pid}\n`);
    child.on("error", () => undefined);
    return child;
  }

  /** PID of the watchdog shell, once started. */
  get watchdogPid(): number | undefined {
    return this.watchdog?.pid;
  }

  /** Process-group ids of everything started (each is its leader's PID). */
  get groupIds(): number[] {
    return [...this.groups.keys()];
  }

  /** The PID a named process was started with (first match), e.g. `smbd`. */
  pidOf(name: string): number | undefined {
    return [...this.groups].find(([, entry]) => entry.name === name)?.[0];
  }

  /** Live PIDs (zombies waiting to be reaped excluded) in the groups this tracker started. */
  leftovers(groups: readonly number[] = this.groupIds): number[] {
    return livePidsInGroups(groups, this.pgrep);
  }

  private signal(pgid: number, signal: NodeJS.Signals): void {
    try {
      process.kill(-pgid, signal);
    } catch {
      // the group is already gone
    }
  }

  /** SIGTERM to one group, SIGKILL after `graceMs`; resolves when no process of it remains. */
  async stop(pgid: number, graceMs = 3000): Promise<void> {
    this.signal(pgid, "SIGTERM");
    let waited = 0;
    while (this.leftovers([pgid]).length > 0) {
      if (waited >= graceMs) this.signal(pgid, "SIGKILL");
      if (waited >= graceMs + 5000) break;
      await sleep(25);
      waited += 25;
    }
    this.groups.delete(pgid);
  }

  /** Stops every group started so far (in parallel); returns live PIDs that survived (should be none). */
  async stopGroups(graceMs = 3000): Promise<number[]> {
    const groups = this.groupIds;
    await Promise.all(groups.map((pgid) => this.stop(pgid, graceMs)));
    return this.leftovers(groups);
  }

  /** Stops every group, then the watchdog and the exit hook: the tracker is done. */
  async stopAll(graceMs = 3000): Promise<number[]> {
    const left = await this.stopGroups(graceMs);
    if (this.watchdog?.pid !== undefined) this.signal(this.watchdog.pid, "SIGKILL");
    process.removeListener("exit", this.onExit);
    return left;
  }

  /** SIGKILL to every group, synchronously (for the process `exit` hook). */
  killAllSync(): void {
    for (const pgid of this.groups.keys()) this.signal(pgid, "SIGKILL");
  }
}
