import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runDemo } from "../../src/cli/verbs/demo.js";
import { createEmulator, type IADsContainer, type IADsFileShare } from "../../src/index.js";

const SRC = new URL("../../src", import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Host clock, randomness and timer APIs that nothing under src/ may touch. */
const BANNED = [
  /Date\.now\(/,
  /new Date\(\s*\)/,
  /Math\.random\(/,
  /\bsetTimeout\(/,
  /\bsetInterval\(/,
  /\bsetImmediate\(/,
  /performance\.now\(/,
  /crypto\.(randomUUID|getRandomValues|randomBytes)\(/,
  /(?<![.\w])random(Bytes|Fill|FillSync|Int|UUID)\(/,
  /process\.hrtime/,
];

/**
 * Real network code of a real provider may read the host (timeouts, NTLM randomness), and the contract
 * suite may wait for a real server (polling, real-time bounds), but only on a line that says why with a
 * trailing `// host-time: WHY`, and only under these folders.
 */
const HOST_TIME_FOLDERS = [
  join(SRC, "msrvs", "client"),
  join(SRC, "provider"),
  join(SRC, "contract"),
  join(SRC, "wire"),
];
const inHostTimeFolder = (file: string): boolean =>
  HOST_TIME_FOLDERS.some((folder) => file.startsWith(folder));
const HOST_TIME_COMMENT = /\/\/ host-time: \S.*$/;

/** A scenario touching every part of the emulator; returns a transcript of what it saw. */
function scenario(seed: number): string[] {
  const emu = createEmulator({ seed });
  const transcript: string[] = [runDemo()];
  const fso = emu.GetObject<IADsContainer>("WinNT://FS01/LanmanServer");
  const share = fso.Create("FileShare", "Scratch") as IADsFileShare;
  share.Path = "C:\\Scratch";
  share.SetInfo();
  for (const child of fso) transcript.push(`${child.Name} ${child.ADsPath}`);
  transcript.push(emu.env.newId(), emu.env.newId(21), String(emu.env.random.nextUint32()));
  return transcript;
}

describe("determinism", () => {
  afterEach(() => vi.restoreAllMocks());

  it("no file under src/ reads the host clock, Math.random, timers or global crypto", () => {
    const offenders = sourceFiles(SRC).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => !/^\s*(\/\/|\*)/.test(line) && BANNED.some((pattern) => pattern.test(line)))
        .filter(({ line }) => !(inHostTimeFolder(file) && HOST_TIME_COMMENT.test(line)))
        .map(({ line, index }) => `${file}:${index + 1}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it("host-time exceptions exist only in real network code, each with its reason", () => {
    const marked = sourceFiles(SRC).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => line.includes("host-time:"))
        .map((line) => ({ file, line })),
    );
    expect(marked.length).toBeGreaterThan(0);
    for (const { file, line } of marked) {
      expect(inHostTimeFolder(file), file).toBe(true);
      expect(line, file).toMatch(/\/\/ host-time: \S{3,}/);
    }
  });

  it("a whole scenario runs with the host clock, Math.random and crypto rigged to throw", () => {
    const trap = (name: string) => () => {
      throw new Error(`emulator touched ${name}`);
    };
    const RealDate = Date;
    vi.spyOn(Date, "now").mockImplementation(trap("Date.now"));
    vi.spyOn(Math, "random").mockImplementation(trap("Math.random"));
    vi.spyOn(performance, "now").mockImplementation(trap("performance.now"));
    vi.spyOn(globalThis.crypto, "getRandomValues").mockImplementation(trap("crypto.getRandomValues"));
    vi.spyOn(globalThis.crypto, "randomUUID").mockImplementation(trap("crypto.randomUUID"));
    const TrappedDate = function (this: unknown, ...args: unknown[]) {
      if (args.length === 0) throw new Error("emulator touched new Date()");
      return new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
    } as unknown as DateConstructor;
    Object.assign(TrappedDate, { UTC: RealDate.UTC, parse: RealDate.parse, now: Date.now });
    globalThis.Date = TrappedDate;
    try {
      expect(scenario(7).length).toBeGreaterThan(3);
    } finally {
      globalThis.Date = RealDate;
    }
  });

  it("same seed and fixture: identical transcripts (ids, enumeration order, demo output)", () => {
    expect(scenario(42)).toEqual(scenario(42));
  });

  it("different seeds: different generated ids", () => {
    const [a, b] = [scenario(1), scenario(2)];
    expect(a.slice(-3)).not.toEqual(b.slice(-3));
    expect(a.slice(0, -3)).toEqual(b.slice(0, -3));
  });
});
