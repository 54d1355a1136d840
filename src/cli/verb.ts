/**
 * The shape of a CLI verb: a name and a function that adds its commander sub-command. The verbs
 * table (verbs.ts) lists them; a new verb plugs in with one line there.
 */
import type { Command } from "commander";
import type { CliIo } from "./io.js";

/** What a verb may ask of the program it is registered in. */
export interface VerbContext {
  /** Names of every registered verb (for "did you mean" hints). */
  verbNames(): readonly string[];
}

/** A verb of `adsi-emu`. */
export interface CliVerb {
  /** The sub-command name, e.g. `validate`. */
  readonly name: string;
  /**
   * Adds the sub-command to `program` (`program.command(name)...action(...)`). The action writes to
   * `io`, throws {@link CliError} to fail with a message and an exit code, and may be async.
   */
  register(program: Command, io: CliIo, context: VerbContext): void;
}
