/**
 * Runs the README's "Contract-testing your provider" snippet as written: it registers the contract suite
 * for the provider it defines (the snippet's own setup), against the sources instead of the package.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const block = [...README.matchAll(/```ts\n([\s\S]*?)```/g)]
  .map((match) => match[1] ?? "")
  .find((code) => code.includes('from "adsi-emulator/contract"'));
if (!block) throw new Error("the README has no contract-suite snippet");
const source = block
  .replaceAll(
    'from "adsi-emulator/contract"',
    `from ${JSON.stringify(new URL("../../src/contract/index.ts", import.meta.url).pathname)}`,
  )
  .replaceAll(
    'from "adsi-emulator"',
    `from ${JSON.stringify(new URL("../../src/index.ts", import.meta.url).pathname)}`,
  );
const file = join(mkdtempSync(join(tmpdir(), "adsi-contract-readme-")), "snippet.ts");
writeFileSync(file, source);
await import(/* @vite-ignore */ file);
