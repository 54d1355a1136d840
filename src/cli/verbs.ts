/**
 * The verbs of `adsi-emu`, in the order `--help` lists them. A verb plugs in with one line here (see
 * verb.ts for its shape).
 */
import type { CliVerb } from "./verb.js";
import { demoVerb } from "./verbs/demo.js";
import { dumpVerb } from "./verbs/dump.js";
import { runVerb } from "./verbs/run.js";
import { serveVerb } from "./verbs/serve.js";
import { sessionsVerb } from "./verbs/sessions.js";
import { timelineVerb } from "./verbs/timeline.js";
import { validateVerb } from "./verbs/validate.js";

/** Every verb of the CLI. */
export const VERBS: readonly CliVerb[] = Object.freeze([
  demoVerb,
  runVerb,
  dumpVerb,
  validateVerb,
  timelineVerb,
  sessionsVerb,
  serveVerb,
]);
