/**
 * Writes docs/contract-scoreboard.md from the contract catalog and the CI targets (`npm run scoreboard`).
 * test/contract/scoreboard.test.ts fails while the committed file differs.
 */
import { writeFileSync } from "node:fs";
import { contractScoreboard } from "../src/contract/scoreboard.js";
import { scoreboardTargets } from "../test/contract/targets.js";

const target = new URL("../docs/contract-scoreboard.md", import.meta.url);
writeFileSync(target, contractScoreboard(scoreboardTargets()));
process.stdout.write(`wrote ${target.pathname}\n`);
