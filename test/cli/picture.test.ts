import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli } from "./cliHarness.js";

describe("the timeline picture of the docs", () => {
  it("the picture in docs/ is what the CLI draws today from docs/examples/morning.scenario.json", async () => {
    const result = await cli([
      "timeline",
      "docs/examples/morning.scenario.json",
      "-o",
      "-",
      "--title",
      "A morning on FS01 (docs/examples/morning.scenario.json)",
    ]);
    expect(result.code).toBe(0);
    expect(readFileSync("docs/timeline.svg", "utf8")).toBe(result.stdout);
    expect(readFileSync("README.md", "utf8")).toContain("docs/timeline.svg");
  });
});
