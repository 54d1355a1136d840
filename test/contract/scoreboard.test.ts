import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkManifest } from "../../src/contract/ratchet.js";
import { contractScoreboard } from "../../src/contract/scoreboard.js";
import { supported } from "../../src/contract/supportedTests.js";
import { CONTRACT_TESTS } from "../../src/contract/tests/catalog.js";
import { manifest, scoreboardTargets } from "./targets.js";

describe("the contract scoreboard", () => {
  it("is committed as generated (run `npm run scoreboard` after changing a test, supports or a manifest)", () => {
    const committed = readFileSync(new URL("../../docs/contract-scoreboard.md", import.meta.url), "utf8");
    expect(committed).toBe(contractScoreboard(scoreboardTargets()));
  });

  it("lists every test once, with a unique stable id", () => {
    const ids = CONTRACT_TESTS.map((test) => test.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+\.[a-z-]+$/);
  });

  it("every manifest is for this suite version and names existing tests only", () => {
    for (const name of ["emulator-windows", "emulator-samba"])
      expect(() => checkManifest(manifest(name), CONTRACT_TESTS)).not.toThrow();
    expect(() => checkManifest({ suiteVersion: 0, divergences: {} }, CONTRACT_TESTS)).toThrow(/version 0/);
    expect(() =>
      checkManifest({ suiteVersion: 1, divergences: { "no.such-test": "x" } }, CONTRACT_TESTS),
    ).toThrow(/no.such-test/);
  });
});

describe("the samba profile against real Samba", () => {
  it("diverges from Windows on exactly the tests real Samba diverges on (where both run them)", () => {
    const [, emulatorSamba, realSamba] = scoreboardTargets();
    if (!emulatorSamba || !realSamba) throw new Error("targets missing");
    const both = CONTRACT_TESTS.filter(
      (test) => supported(test, emulatorSamba) && supported(test, realSamba),
    ).map((t) => t.id);
    const listed = (target: typeof realSamba) =>
      both.filter((id) => target.manifest.divergences[id] !== undefined);
    expect(listed(emulatorSamba)).toEqual(listed(realSamba));
    expect(listed(realSamba).length).toBeGreaterThan(0);
  });
});
