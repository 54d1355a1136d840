/**
 * What several verbs share: the emulator options (`--profile`, `--seed`, `--fixture`), `--json`, and
 * reading JSON files with errors that name the file and, for fixtures, every issue's JSON path.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { createEmulator, type Emulator } from "../emulator.js";
import { FixtureError } from "../errors/FixtureError.js";
import { loadDefaultFixture } from "../fixture/defaultFixture.js";
import type { Fixture } from "../fixture/types.js";
import { validateFixture } from "../fixture/validateFixture.js";
import { PROFILES, type ProfileName } from "../profile/profiles.js";
import { CliError, type CliIo } from "./io.js";

/** The parsed emulator options of a verb. */
export interface EmulatorFlags {
  readonly profile?: ProfileName;
  readonly seed?: number;
  readonly fixture?: string;
}

/** Parses `--seed`: a safe integer. */
function parseSeed(value: string): number {
  const seed = Number(value);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(seed)) {
    throw new InvalidArgumentError("the seed is an integer, e.g. --seed 42");
  }
  return seed;
}

/** Adds `--profile`, `--seed` and `--fixture` to a verb. */
export function withEmulatorOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--profile <name>", "fidelity profile (docs/profiles.md)")
        .choices(Object.keys(PROFILES))
        .default("windows"),
    )
    .addOption(
      new Option("--seed <n>", "seed of every random choice and generated id")
        .argParser(parseSeed)
        .default(1),
    )
    .option("--fixture <file>", "fixture JSON file (default: the bundled fixtures/default.json)");
}

/** Adds `--json` to a verb. */
export function withJsonOption(command: Command): Command {
  return command.option("--json", "print JSON instead of tables (for scripts)");
}

/** Reads and parses a JSON file, relative to the CLI's folder. @throws CliError naming the file. */
export function readJsonFile(io: CliIo, file: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** The lines of a FixtureError: one per issue, with its JSON path. */
export function issueLines(error: FixtureError): string[] {
  return error.issues.map((issue) => `  ${issue.path}: ${issue.reason}`);
}

/** Validates a parsed fixture. @throws CliError listing every issue with its JSON path. */
export function checkedFixture(value: unknown, file: string): Fixture {
  try {
    return validateFixture(value);
  } catch (error) {
    if (error instanceof FixtureError) {
      throw new CliError([`${file} is not a valid fixture:`, ...issueLines(error)].join("\n"));
    }
    throw error;
  }
}

/** The fixture a verb works on: `--fixture`, else the bundled default. */
export function fixtureFrom(io: CliIo, flags: EmulatorFlags): Fixture {
  if (flags.fixture === undefined) return loadDefaultFixture();
  return checkedFixture(readJsonFile(io, flags.fixture), flags.fixture);
}

/** An emulator from the verb's options (and a fixture, when the verb has already read one). */
export function emulatorFrom(
  io: CliIo,
  flags: EmulatorFlags,
  fixture: Fixture = fixtureFrom(io, flags),
): Emulator {
  return createEmulator({ fixture, profile: flags.profile ?? "windows", seed: flags.seed ?? 1 });
}

/** Prints `value` as indented JSON on stdout. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
