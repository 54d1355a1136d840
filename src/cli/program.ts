/**
 * The `adsi-emu` program: commander with the verbs of verbs.ts, `--help` on every verb, `--version`,
 * unknown verbs, options and arguments reported as usage errors with a hint, and documented exit codes.
 * {@link runCli} runs it in-process against any {@link CliIo}, which is how the tests drive it.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { AdsError } from "../errors/AdsError.js";
import { FixtureError } from "../errors/FixtureError.js";
import { CliError, type CliIo, colorEnabled, EXIT, styleFor } from "./io.js";
import { VERBS } from "./verbs.js";

const PACKAGE_JSON = new URL("../../package.json", import.meta.url);

/** The package version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(PACKAGE_JSON, "utf8")) as { version: string }).version;
}

const EPILOGUE = `
Exit codes:
  0  success
  1  the work failed: invalid fixture or scenario, a scenario step failed, an ADSI error, a file not read
  2  usage error: unknown verb, option or argument, missing argument, bad option value

Colour: on for a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 on.
Run \`adsi-emu <verb> --help\` for a verb's options.`;

/** Builds the program writing to `io`. */
export function createProgram(io: CliIo): Command {
  const out = styleFor(colorEnabled(io.stdout, io.env));
  const err = styleFor(colorEnabled(io.stderr, io.env));
  const program = new Command("adsi-emu")
    .description(
      "An in-memory, deterministic emulator of the ADSI WinNT: namespace: run the demo, play scenarios on the virtual clock, dump and validate fixtures, draw timelines.",
    )
    .version(packageVersion(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .helpCommand(false)
    .showHelpAfterError(err.dim("(add --help for usage)"))
    .showSuggestionAfterError(true)
    .configureHelp({
      styleTitle: (text) => out.bold(text),
      styleCommandText: (text) => out.cyan(text),
      styleSubcommandText: (text) => out.cyan(text),
      styleOptionText: (text) => out.green(text),
      styleArgumentText: (text) => out.yellow(text),
    })
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(err.red(text)),
      getOutHelpWidth: () => io.stdout.columns ?? 100,
      getErrHelpWidth: () => io.stderr.columns ?? 100,
      getOutHasColors: () => out.enabled,
      getErrHasColors: () => err.enabled,
    })
    .exitOverride()
    .addHelpText("after", EPILOGUE);
  const context = { verbNames: () => VERBS.map((verb) => verb.name) };
  for (const verb of VERBS) verb.register(program, io, context);
  for (const command of program.commands)
    command.addHelpText("after", "\nExit codes: 0 success, 1 the work failed, 2 usage error.");
  return program;
}

/** Runs the CLI with `argv` (without `node` and the script); returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = createProgram(io);
  const err = styleFor(colorEnabled(io.stderr, io.env));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      const quiet = ["commander.helpDisplayed", "commander.version", "commander.help"].includes(error.code);
      return quiet ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliError) {
      if (error.message !== "") io.stderr.write(`${err.red("error:")} ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof AdsError || error instanceof FixtureError) {
      io.stderr.write(`${err.red("error:")} ${error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  }
}
