/**
 * Writes the help of `adsi-emu` and of each verb into README.md, between the markers
 * `<!-- cli-help:start -->` and `<!-- cli-help:end -->` (`npm run cli-help`).
 * test/cli/readmeHelp.test.ts fails when the README differs from what this writes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cliHelpMarkdown } from "../src/cli/helpText.js";

const README = new URL("../README.md", import.meta.url);
const text = readFileSync(README, "utf8");
const start = "<!-- cli-help:start -->";
const end = "<!-- cli-help:end -->";
const from = text.indexOf(start);
const to = text.indexOf(end);
if (from < 0 || to < from) throw new Error("README.md has no cli-help markers");
writeFileSync(README, `${text.slice(0, from + start.length)}\n${await cliHelpMarkdown()}${text.slice(to)}`);
process.stdout.write("wrote the CLI help into README.md\n");
