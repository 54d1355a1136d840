/**
 * What the CLI talks to: its output streams, environment and working folder, injected so that tests
 * run verbs in-process and read what they print. Colour follows the terminal: on for a TTY that has
 * colours, off when `NO_COLOR` is set (https://no-color.org), forced by `FORCE_COLOR`.
 */
/** A stream the CLI writes to. */
export interface CliStream {
  write(text: string): void;
  /** Whether it is a terminal (progress bars and colour only go to terminals). */
  readonly isTTY: boolean;
  /** Whether the terminal shows colours (tty.WriteStream.hasColors); absent = no. */
  hasColors?(): boolean;
  /** The terminal's width, for help text; absent: 100. */
  readonly columns?: number;
}

/** The CLI's surroundings. */
export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Folder relative file names are read from and written to. */
  readonly cwd: string;
}

/** Exit codes (documented in the README and `adsi-emu --help`). */
export const EXIT = Object.freeze({
  /** Success. */
  ok: 0,
  /** The work failed: an invalid fixture or scenario, a failed scenario step, an ADSI error, a file that cannot be read. */
  failed: 1,
  /** Usage error: unknown verb, option or argument, a missing argument, a bad option value. */
  usage: 2,
});

/** An error the CLI reports as one message and an exit code (no stack trace). */
export class CliError extends Error {
  /** The process exit code. */
  readonly exitCode: number;

  /** `message` is printed as is (nothing when empty: the verb has said it); `exitCode` defaults to 1. */
  constructor(message: string, exitCode: number = EXIT.failed) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

/** Whether to colour what goes to `stream`, per NO_COLOR / FORCE_COLOR and the terminal. */
export function colorEnabled(stream: CliStream, env: CliIo["env"]): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY && (stream.hasColors?.() ?? false);
}

/** Text styles; identity functions when colour is off. */
export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

/** ANSI SGR codes: [on, off]. */
const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
} as const;

/** The styles for a stream (plain ANSI escapes: node's styleText checks process.stdout, not the stream at hand). */
export function styleFor(enabled: boolean): Style {
  const paint = (code: keyof typeof CODES) => (text: string) =>
    enabled ? `\u001b[${CODES[code][0]}m${text}\u001b[${CODES[code][1]}m` : text;
  return {
    enabled,
    bold: paint("bold"),
    dim: paint("dim"),
    red: paint("red"),
    green: paint("green"),
    yellow: paint("yellow"),
    cyan: paint("cyan"),
  };
}

/** The real process's streams, environment and folder. */
export function processIo(): CliIo {
  const wrap = (stream: NodeJS.WriteStream): CliStream => ({
    write: (text) => {
      stream.write(text);
    },
    isTTY: stream.isTTY === true,
    hasColors: () => (stream.isTTY === true ? stream.hasColors() : false),
    ...(stream.isTTY === true && stream.columns > 0 ? { columns: stream.columns } : {}),
  });
  return { stdout: wrap(process.stdout), stderr: wrap(process.stderr), env: process.env, cwd: process.cwd() };
}
