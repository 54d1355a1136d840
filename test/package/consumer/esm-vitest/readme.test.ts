// The README's quick-start blocks, copied verbatim by test/package/consumer.test.ts: the ones that are
// vitest tests themselves into readme-block*.test.ts (vitest runs them), the others into readme-block*.ts.
import { readdirSync } from "node:fs";
import { expect, test } from "vitest";

test("the README quick start runs as written", async () => {
  const blocks = readdirSync(new URL(".", import.meta.url)).filter((f) => f.startsWith("readme-block") && !f.endsWith(".test.ts"));
  expect(blocks.length).toBeGreaterThan(0);
  for (const block of blocks) await import(`./${block}`);
});
