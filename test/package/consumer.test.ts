/**
 * The published artefact, as users get it: `npm pack` once, install the tarball into a throwaway
 * consumer folder, then run three consumer projects in it: ESM + vitest, CommonJS + jest (default
 * configuration), and a strict TypeScript check of both module kinds. Plus the packaging checks of issue
 * 11: attw and publint clean, every source map resolves, the bin works, require() works.
 *
 * Speed: the package and its runtime dependencies are installed for real from the tarball (npm
 * --prefer-offline, from the cache `npm ci` filled); the test runners (vitest, jest, typescript,
 * fast-check, @types/node) are linked from this repository's node_modules instead of installed again.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const PROJECTS = join(import.meta.dirname, "consumer");
const LINKED = ["vitest", "jest", "typescript", "fast-check", "@types/node"];
const QUIET = ["--no-audit", "--no-fund", "--loglevel=error"];

let work = "";
let consumer = "";
let tarball = "";

function run(command: string, args: readonly string[], cwd: string): { code: number; out: string } {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", CI: "true" },
  });
  return { code: result.status ?? -1, out: `${result.stdout}\n${result.stderr}` };
}

/** The README's ```ts blocks that import the package. */
function readmeBlocks(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map((m) => m[1] ?? "")
    .filter((code) => code.includes('from "adsi-emulator'));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "adsi-consumer-"));
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", work, ...QUIET], {
      cwd: ROOT,
      encoding: "utf8",
    }),
  ) as { filename: string }[];
  tarball = join(work, packed[0]?.filename ?? "");
  consumer = join(work, "consumer");
  mkdirSync(consumer);
  writeFileSync(
    join(consumer, "package.json"),
    JSON.stringify({ name: "consumer", private: true, dependencies: { "adsi-emulator": `file:${tarball}` } }),
  );
  execFileSync("npm", ["install", "--prefer-offline", ...QUIET], { cwd: consumer, stdio: "pipe" });
  for (const name of LINKED) {
    const target = join(consumer, "node_modules", name);
    mkdirSync(dirname(target), { recursive: true });
    if (!existsSync(target)) symlinkSync(join(ROOT, "node_modules", name), target, "dir");
  }
  cpSync(PROJECTS, consumer, { recursive: true });
  readmeBlocks().forEach((code, i) => {
    // Blocks that register tests (vitest tests, the contract suite) are test files of their own.
    const registersTests = code.includes('from "vitest"') || code.includes('from "adsi-emulator/contract"');
    const name = registersTests ? `readme-block${i}.test.ts` : `readme-block${i}.ts`;
    writeFileSync(join(consumer, "esm-vitest", name), code);
  });
  writeFileSync(join(consumer, "esm-vitest", "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(join(consumer, "cjs-jest", "package.json"), JSON.stringify({ type: "commonjs" }));
}, 240_000);

describe("the packed package in consumer projects", () => {
  it("ESM + vitest: fixture, matchers, arbitraries, and the README's quick start verbatim", () => {
    const vitest = join(consumer, "node_modules", "vitest", "vitest.mjs");
    const result = run(process.execPath, [vitest, "run", "--root", "."], join(consumer, "esm-vitest"));
    expect(result.out).toMatch(/Tests +\d+ passed/);
    expect(result.code, result.out).toBe(0);
  });

  it("CommonJS + jest with its default configuration: require(), the matchers, useEmulator", () => {
    const jest = join(consumer, "node_modules", "jest", "bin", "jest.js");
    const result = run(process.execPath, [jest], join(consumer, "cjs-jest"));
    expect(result.out).toMatch(/Tests: +4 passed, 4 total/);
    expect(result.code, result.out).toBe(0);
  });

  it("strict TypeScript (exactOptionalPropertyTypes, lib check on) from ESM and CommonJS", () => {
    const tsc = join(consumer, "node_modules", "typescript", "bin", "tsc");
    // Two programs: the jest helpers' global `jest.Matchers` augmentation and vitest's own do not mix.
    for (const config of ["tsconfig.json", "tsconfig.cjs.json"]) {
      const result = run(process.execPath, [tsc, "-p", config], join(consumer, "ts-strict"));
      expect(result.code, result.out).toBe(0);
    }
  });

  it("require() and import both work on plain Node, sharing nothing by accident", () => {
    const cjs = run(
      process.execPath,
      [
        "-e",
        'const a = require("adsi-emulator"); console.log([...a.createEmulator().GetObject("WinNT://FS01/LanmanServer").Sessions()].length)',
      ],
      consumer,
    );
    expect(cjs.out.trim()).toBe("4");
    const esm = run(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'import { createEmulator } from "adsi-emulator"; console.log(createEmulator().clock.toISOString())',
      ],
      consumer,
    );
    expect(esm.out.trim()).toBe("2026-01-05T09:00:00Z");
    const vitestFromCjs = run(process.execPath, ["-e", 'require("adsi-emulator/vitest")'], consumer);
    expect(vitestFromCjs.out).toContain("adsi-emulator/vitest is an ES module");
  });

  it("the bin adsi-emu runs the demo, --version and --help", () => {
    const bin = join(consumer, "node_modules", ".bin", "adsi-emu");
    expect(run(bin, ["--version"], consumer).out.trim()).toBe(
      JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version,
    );
    const demo = run(bin, ["LAB01"], consumer);
    expect(demo.code, demo.out).toBe(0);
    expect(demo.out).toContain(
      "WinNT://LAB/LAB01/LanmanServer  (FileService, RUNNING, caller LAB01\\labadmin)",
    );
    expect(run(bin, ["--help"], consumer).out).toContain("Usage: adsi-emu");
  });

  it("every source map of the package resolves: its sources are in the package or embedded", () => {
    const installed = join(consumer, "node_modules", "adsi-emulator");
    const maps = filesUnder(join(installed, "dist")).filter((file) => file.endsWith(".map"));
    expect(maps.length).toBeGreaterThan(100);
    const unresolved = maps.flatMap((file) => {
      const map = JSON.parse(readFileSync(file, "utf8")) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      return map.sources
        .filter(
          (source, i) =>
            !existsSync(resolve(dirname(file), source)) && typeof map.sourcesContent?.[i] !== "string",
        )
        .map((source) => `${file}: ${source}`);
    });
    expect(unresolved).toEqual([]);
  });

  it("attw finds no problem in any resolution mode, and publint none", () => {
    const attw = run(
      process.execPath,
      [join(ROOT, "node_modules", "@arethetypeswrong", "cli", "dist", "index.js"), tarball],
      ROOT,
    );
    expect(attw.out).toContain("No problems found");
    expect(attw.code, attw.out).toBe(0);
    const publint = run(
      process.execPath,
      [join(ROOT, "node_modules", "publint", "src", "cli.js"), "--strict", tarball],
      ROOT,
    );
    expect(publint.out).toContain("All good!");
    expect(publint.code, publint.out).toBe(0);
  });
});
