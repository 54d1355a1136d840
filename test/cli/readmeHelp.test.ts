import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cliHelpMarkdown } from "../../src/cli/helpText.js";

describe("README: the CLI's help", () => {
  it("shows adsi-emu --help and every verb's help as the CLI prints them today (npm run cli-help)", async () => {
    const readme = readFileSync("README.md", "utf8");
    const start = readme.indexOf("<!-- cli-help:start -->") + "<!-- cli-help:start -->".length;
    const end = readme.indexOf("<!-- cli-help:end -->");
    expect(end).toBeGreaterThan(start);
    expect(readme.slice(start, end)).toBe(`\n${await cliHelpMarkdown()}`);
  });
});
