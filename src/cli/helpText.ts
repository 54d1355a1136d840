/** The help of `adsi-emu` and of every verb as Markdown, for the README (scripts/write-cli-help.ts). */
import type { CliIo } from "./io.js";
import { runCli } from "./program.js";
import { VERBS } from "./verbs.js";

async function helpOf(argv: readonly string[]): Promise<string> {
  let text = "";
  const stream = {
    write: (t: string) => {
      text += t;
    },
    isTTY: false,
  };
  const io: CliIo = { stdout: stream, stderr: stream, env: { NO_COLOR: "1" }, cwd: "." };
  await runCli(argv, io);
  return text.trimEnd();
}

/** `adsi-emu --help`, then `adsi-emu <verb> --help` for each verb, as fenced blocks. */
export async function cliHelpMarkdown(): Promise<string> {
  const parts = [`\`\`\`text\n$ adsi-emu --help\n${await helpOf(["--help"])}\n\`\`\`\n`];
  for (const verb of VERBS) {
    parts.push(
      `\`\`\`text\n$ adsi-emu ${verb.name} --help\n${await helpOf([verb.name, "--help"])}\n\`\`\`\n`,
    );
  }
  return parts.join("\n");
}
