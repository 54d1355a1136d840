#!/usr/bin/env node
/**
 * `adsi-emu` (the package's bin; `npm start` runs it from the sources): see program.ts for the program
 * and verbs.ts for its verbs (the MS-SRVS `sessions` verb registers there).
 */
import { processIo } from "./io.js";
import { runCli } from "./program.js";

process.exitCode = await runCli(process.argv.slice(2), processIo());
