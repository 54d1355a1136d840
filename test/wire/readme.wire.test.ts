/**
 * Keeps the README's wire-mode snippets working: `adsi-emu serve` is started as a real process (the CLI
 * from the sources), then the README's rpcclient line and Python snippet run against it as written,
 * with only the port changed. Every process is stopped by its PID, also when the test fails.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PYTHON, realClients, runClient, stopAllClients } from "./wireHarness.js";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const section = README.slice(README.indexOf("## Wire mode"), README.indexOf("## Contract-testing"));
const blocks = (language: string) =>
  [...section.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, "g"))].map((m) => m[1] ?? "");
const TSX = new URL("../../node_modules/.bin/tsx", import.meta.url).pathname;
const MAIN = new URL("../../src/cli/main.ts", import.meta.url).pathname;

const { missing } = realClients();
const mode = missing.length === 0 ? "run" : process.env.CI ? "fail" : "skip";
if (mode === "skip")
  console.warn(`!!! SKIPPING the README's wire-mode snippets: missing ${missing.join(", ")}`);

let serverPid: number | undefined;
afterAll(() => {
  if (serverPid !== undefined) {
    try {
      process.kill(-serverPid, "SIGKILL");
    } catch {
      // already stopped
    }
  }
  expect(stopAllClients()).toBe(0);
});

/** Starts `adsi-emu serve` as the README says, on a free port; resolves with the port it printed. */
async function startServe(command: string): Promise<{ port: number; stop: () => Promise<number | null> }> {
  const args = command
    .trim()
    .replace(/^npx adsi-emu /, "")
    .split(/\s+/);
  const portAt = args.indexOf("--port");
  args[portAt + 1] = "0";
  const child = spawn(TSX, [MAIN, ...args], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  serverPid = child.pid;
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /on 127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", () => reject(new Error(`adsi-emu serve exited: ${output}`)));
  });
  return {
    port,
    stop: async () => {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
      const code = await exited;
      serverPid = undefined;
      return code;
    },
  };
}

(mode === "skip" ? describe.skip : describe)("the README's wire-mode snippets", () => {
  it("adsi-emu serve answers the README's rpcclient line and Python snippet, and stops on SIGTERM", async () => {
    if (mode === "fail") throw new Error(`CI is set but real clients are missing: ${missing.join(", ")}`);
    const [serveLine, rpcclientLine] = blocks("sh");
    const [python] = blocks("python");
    expect([serveLine, rpcclientLine, python].every((b) => b !== undefined && b.length > 0)).toBe(true);
    const served = await startServe(serveLine as string);
    try {
      const args = [...(rpcclientLine as string).matchAll(/'[^']*'|\S+/g)].map((m) =>
        m[0].replace(/^'|'$/g, ""),
      );
      const rpc = await runClient(
        args[0] as string,
        args.slice(1).map((a) => (a === "4450" ? String(served.port) : a)),
      );
      expect(rpc.code, rpc.stderr).toBe(0);
      expect(rpc.stdout).toContain("Received 5 entries.");
      const file = join(mkdtempSync(join(tmpdir(), "adsi-wire-readme-")), "snippet.py");
      writeFileSync(file, (python as string).replace('"4450"', `"${served.port}"`));
      const run = await runClient(PYTHON, [file]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.trim().split("\n")).toEqual([
        "alice 10.0.0.5 125 20",
        "bob 10.0.0.7 5400 900",
        "carol WS-CAROL 3600 120",
        "administrator 10.0.0.2 600 0",
        "administrator 127.0.0.1 0 0",
      ]);
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });
});
