import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("tooling output", () => {
  it("biome prints no deprecation notice for the project's configuration", () => {
    const result = spawnSync(
      process.execPath,
      ["node_modules/@biomejs/biome/bin/biome", "check", "biome.json"],
      {
        encoding: "utf8",
      },
    );
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/deprecat/i);
  });
});
