/**
 * `adsi-emu run <scenario>`: plays a scenario (or a fixture's own timeline) on the virtual clock and
 * prints what happened, event by event, then a summary of the steps; exit code 1 when a step failed
 * unexpectedly. `-o` writes the end state as a fixture.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ScenarioStepEvent } from "../../runtime/events.js";
import { printJson, withEmulatorOptions, withJsonOption } from "../common.js";
import { eventLine } from "../eventLines.js";
import { CliError, colorEnabled, EXIT, styleFor } from "../io.js";
import { playScenarioFile, type RunFlags } from "../scenarioRun.js";
import type { CliVerb } from "../verb.js";

/** The `run` verb. */
export const runVerb: CliVerb = {
  name: "run",
  register(program, io) {
    const command = program
      .command("run")
      .argument("<scenario>", "scenario JSON file, or a fixture with a timeline")
      .summary("play a scenario on the virtual clock and print what happened")
      .description(
        "Plays a scenario (docs/scenarios.md) from the fixture's `now`, or a fixture's own timeline, runs the virtual clock until nothing is left (or --until) and prints every event and a summary of the steps. Exit code 1 when a step failed unexpectedly.",
      )
      .option("--until <time>", "stop at this time: +2h, 10:30 or ISO (default: run everything scheduled)")
      .option("-o, --out <file>", "write the end state as a fixture to this file");
    withJsonOption(withEmulatorOptions(command)).action(
      (file: string, flags: RunFlags & { json?: boolean; out?: string }) => {
        const run = playScenarioFile(io, file, flags);
        const steps = run.events.filter((e): e is ScenarioStepEvent => e.type === "scenario.step");
        const count = (outcome: ScenarioStepEvent["outcome"]) =>
          steps.filter((s) => s.outcome === outcome).length;
        const summary = {
          from: new Date(run.started).toISOString(),
          to: new Date(run.ended).toISOString(),
          events: run.events.length,
          steps: steps.length,
          ok: count("ok"),
          expectedErrors: count("expectedError"),
          failed: count("failed"),
        };
        if (flags.out !== undefined)
          writeFileSync(resolve(io.cwd, flags.out), `${JSON.stringify(run.emu.toFixture(), null, 2)}\n`);
        if (flags.json) printJson(io, { summary, events: run.events, failure: run.failure });
        else {
          const style = styleFor(colorEnabled(io.stdout, io.env));
          const lines = run.events.map((event) => {
            const line = eventLine(event);
            if (event.type === "scenario.step" && event.outcome === "failed")
              return style.red(`${line}: ${event.message ?? ""}`);
            return event.type === "scenario.step" ? style.dim(line) : line;
          });
          io.stdout.write(
            `${style.bold(`${file}: ${summary.from} to ${summary.to}`)}\n${lines.join("\n")}\n\n`,
          );
          const verdict =
            summary.failed > 0 ? style.red(`${summary.failed} failed`) : style.green("0 failed");
          io.stdout.write(
            `${summary.steps} steps: ${summary.ok} ok, ${summary.expectedErrors} failed as expected, ${verdict}; ${summary.events} events\n`,
          );
        }
        if (summary.failed > 0 || run.failure !== undefined) throw new CliError("", EXIT.failed);
      },
    );
  },
};
