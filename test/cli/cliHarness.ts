/** Runs the CLI in-process and captures what it prints. */
import { runCli } from "../../src/cli/program.js";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface HarnessOptions {
  readonly tty?: boolean;
  readonly env?: Record<string, string | undefined>;
  readonly cwd?: string;
}

export async function cli(argv: readonly string[], options: HarnessOptions = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const tty = options.tty ?? false;
  const code = await runCli(argv, {
    stdout: {
      write: (t) => {
        stdout += t;
      },
      isTTY: tty,
      hasColors: () => tty,
    },
    stderr: {
      write: (t) => {
        stderr += t;
      },
      isTTY: tty,
      hasColors: () => tty,
    },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, stdout, stderr };
}
