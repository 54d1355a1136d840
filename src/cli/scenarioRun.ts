/**
 * Plays a scenario file on an emulator and collects what happened: shared by `run` and `timeline`.
 * The file is a scenario (played from the fixture's `now`) or a fixture carrying its own timeline.
 */
import type { Emulator } from "../emulator.js";
import { AdsError } from "../errors/AdsError.js";
import type { Scenario } from "../fixture/scenarioTypes.js";
import type { EmulatorEvent } from "../runtime/events.js";
import type { SessionHandle } from "../runtime/inject/handles.js";
import { parseScenarioTime } from "../time/timeInput.js";
import { checkedFixture, type EmulatorFlags, emulatorFrom, fixtureFrom, readJsonFile } from "./common.js";
import { CliError, type CliIo, EXIT } from "./io.js";
import { looksLikeScenario, scenarioIssues } from "./verbs/validate.js";

/** What a run produced. */
export interface ScenarioRun {
  readonly emu: Emulator;
  /** Every event from the start of the run. */
  readonly events: readonly EmulatorEvent[];
  readonly started: number;
  readonly ended: number;
  /** The sessions connected when the run started (for the timeline's lanes). */
  readonly sessionsAtStart: readonly SessionHandle[];
  /** The first unexpected step failure the clock reported, if any. */
  readonly failure: string | undefined;
}

/** Options of {@link playScenarioFile}. */
export interface RunFlags extends EmulatorFlags {
  /** Stop at this time (`+2h`, `10:30`, ISO); default: run everything scheduled. */
  readonly until?: string;
}

/** Loads the emulator and the scenario, plays it, runs the clock; see the module comment. */
export function playScenarioFile(io: CliIo, file: string, flags: RunFlags): ScenarioRun {
  const value = readJsonFile(io, file);
  let emu: Emulator;
  if (looksLikeScenario(value)) {
    const issues = scenarioIssues(value);
    if (issues.length > 0) {
      throw new CliError(
        [`${file} is not a valid scenario:`, ...issues.map((i) => `  ${i.path}: ${i.reason}`)].join("\n"),
      );
    }
    emu = emulatorFrom(io, flags, fixtureFrom(io, flags));
    emu.play(value as Scenario);
  } else {
    if (flags.fixture !== undefined) {
      throw new CliError(
        `${file} is a fixture with its own timeline: give it alone, without --fixture`,
        EXIT.usage,
      );
    }
    emu = emulatorFrom(io, flags, checkedFixture(value, file));
  }
  const events: EmulatorEvent[] = [];
  emu.on("*", (event) => {
    events.push(event);
  });
  const started = emu.clock.now();
  const sessionsAtStart = [...emu.state.computers.values()].flatMap((computer) =>
    [...computer.services.values()]
      .filter((service) => service.fileService !== undefined)
      .flatMap((service) => emu.inject.sessions(computer.name, service.name)),
  );
  let until: number | undefined;
  if (flags.until !== undefined) {
    try {
      until = parseScenarioTime(flags.until, started);
    } catch (error) {
      throw new CliError(`--until ${flags.until}: ${(error as Error).message}`, EXIT.usage);
    }
  }
  let failure: string | undefined;
  try {
    if (until === undefined) emu.clock.runAll();
    else emu.clock.tickTo(until);
  } catch (error) {
    if (!(error instanceof AdsError)) throw error;
    failure = error.message;
  }
  return { emu, events, started, ended: emu.clock.now(), sessionsAtStart, failure };
}
