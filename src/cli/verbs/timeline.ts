/**
 * `adsi-emu timeline <scenario> -o out.svg`: plays a scenario like `run` and draws its event log as an
 * SVG timeline (one lane per session; src/timeline/renderSvg.ts).
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { renderTimelineSvg } from "../../timeline/renderSvg.js";
import { withEmulatorOptions } from "../common.js";
import { CliError, EXIT } from "../io.js";
import { playScenarioFile, type RunFlags } from "../scenarioRun.js";
import type { CliVerb } from "../verb.js";

function parseWidth(value: string): number {
  const width = Number(value);
  if (!Number.isInteger(width) || width < 480 || width > 10_000) {
    throw new CliError(`--width must be an integer from 480 to 10000, got ${value}`, EXIT.usage);
  }
  return width;
}

/** The `timeline` verb. */
export const timelineVerb: CliVerb = {
  name: "timeline",
  register(program, io) {
    const command = program
      .command("timeline")
      .argument("<scenario>", "scenario JSON file, or a fixture with a timeline")
      .summary("play a scenario and draw its sessions over time as SVG")
      .description(
        "Plays a scenario like `run`, then draws the event log as an SVG timeline: one lane per session with its connect, activity, idle stretches, open files and its end with the reason.",
      )
      .requiredOption("-o, --out <file>", "the SVG file to write (- for stdout)")
      .option("--until <time>", "stop at this time: +2h, 10:30 or ISO (default: run everything scheduled)")
      .option("--title <text>", "title of the picture")
      .option("--width <px>", "width in pixels (480-10000)", parseWidth, 960);
    withEmulatorOptions(command).action(
      (file: string, flags: RunFlags & { out: string; title?: string; width: number }) => {
        const run = playScenarioFile(io, file, flags);
        const svg = renderTimelineSvg(run.events, {
          from: run.started,
          to: run.ended,
          sessionsAtStart: run.sessionsAtStart,
          title: flags.title ?? `adsi-emu timeline ${file}`,
          width: flags.width,
        });
        if (flags.out === "-") io.stdout.write(svg);
        else {
          writeFileSync(resolve(io.cwd, flags.out), svg);
          io.stderr.write(`wrote ${flags.out} (${run.events.length} events)\n`);
        }
        if (run.failure !== undefined) throw new CliError(`a step failed: ${run.failure}`, EXIT.failed);
      },
    );
  },
};
