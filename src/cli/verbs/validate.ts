/**
 * `adsi-emu validate <file>`: checks a fixture (docs/fixtures.md) or a scenario (docs/scenarios.md) and
 * prints every issue with its JSON path (at most 50, as the validator reports them); exit code 1 when
 * there is any. A file with `domains` is a fixture; one with a `timeline` and no `domains` a scenario.
 */
import { createEmulator } from "../../emulator.js";
import { FixtureError, type FixtureIssue } from "../../errors/FixtureError.js";
import { loadDefaultFixture } from "../../fixture/defaultFixture.js";
import { scenarioShape } from "../../fixture/scenarioShape.js";
import type { Scenario } from "../../fixture/scenarioTypes.js";
import { checkShape, validateFixture } from "../../fixture/validateFixture.js";
import { printJson, readJsonFile, withJsonOption } from "../common.js";
import { CliError, type CliIo, colorEnabled, EXIT, styleFor } from "../io.js";
import type { CliVerb } from "../verb.js";

/** What a file was taken for, and its issues (empty when valid). */
export interface ValidationReport {
  readonly file: string;
  readonly kind: "fixture" | "scenario";
  readonly valid: boolean;
  readonly issues: readonly FixtureIssue[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether a parsed file is a scenario rather than a fixture. */
export function looksLikeScenario(value: unknown): boolean {
  return (isRecord(value) && !("domains" in value) && "timeline" in value) || Array.isArray(value);
}

function fixtureIssues(value: unknown): readonly FixtureIssue[] {
  try {
    validateFixture(value);
    return [];
  } catch (error) {
    if (error instanceof FixtureError) return error.issues;
    throw error;
  }
}

/**
 * A scenario's issues: its shape, then what `emu.play` checks (repetitions and times), found by loading
 * it as the timeline of the default fixture, whose validator reports at `$.timeline[i]` as the file does.
 */
export function scenarioIssues(value: unknown): readonly FixtureIssue[] {
  const input = Array.isArray(value) ? { timeline: value } : value;
  const shaped = checkShape<Scenario>(scenarioShape, input, "$");
  if (shaped.value === undefined) return shaped.issues;
  try {
    createEmulator({
      fixture: { ...loadDefaultFixture(), timeline: shaped.value.timeline },
      eventLog: { capacity: 0 },
    });
    return [];
  } catch (error) {
    if (error instanceof FixtureError) return error.issues;
    throw error;
  }
}

/** Validates the file; see the module comment. */
export function validateFile(io: CliIo, file: string): ValidationReport {
  const value = readJsonFile(io, file);
  const kind = looksLikeScenario(value) ? "scenario" : "fixture";
  const issues = kind === "scenario" ? scenarioIssues(value) : fixtureIssues(value);
  return { file, kind, valid: issues.length === 0, issues };
}

/** The `validate` verb. */
export const validateVerb: CliVerb = {
  name: "validate",
  register(program, io) {
    const command = program
      .command("validate")
      .argument("<file>", "fixture or scenario JSON file")
      .summary("check a fixture or scenario; every issue with its JSON path")
      .description(
        "Checks a fixture or a scenario file and prints every issue with its JSON path (exit code 1 if any). A file with `domains` is a fixture; a file with a `timeline` and no `domains`, a scenario.",
      );
    withJsonOption(command).action((file: string, flags: { json?: boolean }) => {
      const report = validateFile(io, file);
      if (flags.json) printJson(io, report);
      else {
        const style = styleFor(colorEnabled(io.stdout, io.env));
        if (report.valid) io.stdout.write(`${style.green("valid")} ${report.kind}: ${file}\n`);
        else {
          io.stdout.write(
            `${style.red("invalid")} ${report.kind}: ${file} (${report.issues.length} issue${report.issues.length === 1 ? "" : "s"})\n`,
          );
          for (const issue of report.issues)
            io.stdout.write(`  ${style.bold(issue.path)}: ${issue.reason}\n`);
        }
      }
      if (!report.valid) throw new CliError("", EXIT.failed);
    });
  },
};
