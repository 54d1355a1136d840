import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const INDEX = new URL("../../src/index.ts", import.meta.url).pathname;
const VITEST_SHIM = new URL("./vitestShim.ts", import.meta.url).pathname;

/**
 * The ```ts blocks of the README that import the package. The contract-suite snippet registers a whole
 * suite and runs in its own test file (test/contract/readmeSnippet.test.ts).
 */
function quickStartBlocks(): string[] {
  return [...README.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map((match) => match[1] ?? "")
    .filter(
      (code) => code.includes('from "adsi-emulator"') && !code.includes('from "adsi-emulator/contract"'),
    );
}

describe("README", () => {
  it("has a quick start that imports the package, and a test that lets time pass", () => {
    expect(quickStartBlocks().length).toBeGreaterThan(1);
    expect(
      quickStartBlocks().some((block) => block.includes("emu.clock.tick") && block.includes('from "vitest"')),
    ).toBe(true);
  });

  it("every quick-start block runs as written against the sources", async () => {
    const dir = mkdtempSync(join(tmpdir(), "adsi-readme-"));
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      for (const [index, code] of quickStartBlocks().entries()) {
        const file = join(dir, `block${index}.ts`);
        const source = code
          .replaceAll('from "adsi-emulator"', `from ${JSON.stringify(INDEX)}`)
          .replaceAll('from "vitest"', `from ${JSON.stringify(VITEST_SHIM)}`);
        writeFileSync(file, source);
        await import(/* @vite-ignore */ file);
      }
      // The quick start prints shares, sessions and files, and the logon-failure check prints `true`.
      expect(log.mock.calls.flat()).toContain(true);
    } finally {
      log.mockRestore();
    }
  });

  it("names the two set-up commands", () => {
    expect(README).toContain("npm ci && npm start");
    expect(README).toContain("npm test");
  });
});
