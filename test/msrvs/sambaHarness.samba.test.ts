import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { sambaTestMode, skipBanner } from "../support/samba/describeWithSamba.js";
import { livePidsInGroups } from "../support/samba/processTracker.js";

const CHILD = new URL("../support/samba/abandonedSambaChild.ts", import.meta.url).pathname;

const alive = (groups: readonly number[]) => livePidsInGroups(groups);

const pidAlive = (pid: number) => livePidsInGroups([pid]).includes(pid);

/** Runs the abandoning child; resolves with what it reported once it is dead. */
async function abandon(mode: "exit" | "hang") {
  // node --import tsx (not the tsx CLI, which runs the script in a grandchild SIGKILL would miss)
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, mode], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const report = await new Promise<{ groups: number[]; watchdog: number; dir: string; smbd: number }>(
    (resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("\n")) resolve(JSON.parse(out.split("\n")[0] as string));
      });
      child.once("exit", () => reject(new Error(`child died before reporting: ${err}`)));
    },
  );
  try {
    // smbd (+ notifyd + one per connection), samba-dcerpcd (+ rpcd_*), smbclient: all running now
    expect(alive(report.groups).length).toBeGreaterThanOrEqual(4);
  } finally {
    if (mode === "hang") child.kill("SIGKILL");
    else child.stdin.end("go\n");
  }
  await exited;
  return report;
}

describe("the Samba test mode", () => {
  it("runs with every binary; without them skips loudly, or fails when CI is set", () => {
    expect(sambaTestMode([], {})).toEqual({ mode: "run" });
    expect(sambaTestMode([], { CI: "true" })).toEqual({ mode: "run" });
    expect(sambaTestMode(["smbd", "libnss_wrapper.so"], {})).toEqual({
      mode: "skip",
      missing: ["smbd", "libnss_wrapper.so"],
    });
    expect(sambaTestMode(["smbd"], { CI: "1" })).toEqual({ mode: "fail", missing: ["smbd"] });
    const banner = skipBanner("transport", ["smbd", "samba-dcerpcd"]);
    expect(banner).toContain("SKIPPING");
    expect(banner).toContain("smbd, samba-dcerpcd");
    expect(banner).toContain("apt-get install");
  });
});

const mode = sambaTestMode();
if (mode.mode === "skip") console.warn(skipBanner("Samba harness cleanup", mode.missing));

describe.skipIf(mode.mode === "skip")("the Samba harness cleans up after a test process that dies", () => {
  it("process.exit without stop(): the exit hook kills every group; SIGKILL: the watchdog does (and removes the folder)", async () => {
    if (mode.mode === "fail")
      throw new Error(`CI is set but Samba binaries are missing: ${mode.missing.join(", ")}`);
    const reports = await Promise.all([abandon("exit"), abandon("hang")]);
    for (const report of reports) {
      for (let waited = 0; waited < 10_000; waited += 50) {
        if (alive(report.groups).length === 0 && !existsSync(report.dir) && !pidAlive(report.watchdog)) break;
        await sleep(50);
      }
      expect(alive(report.groups)).toEqual([]);
      expect(pidAlive(report.smbd)).toBe(false);
      expect(existsSync(report.dir)).toBe(false);
      expect(pidAlive(report.watchdog)).toBe(false);
    }
  }, 30_000);
});
