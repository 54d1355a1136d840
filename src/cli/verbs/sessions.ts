/**
 * `adsi-emu sessions --host H [--port P] --user U --password W [--domain D] [--json]`: a real server's
 * sessions and open files through the MS-SRVS provider (docs/msrvs-provider.md). The work is
 * src/cli/remoteSessions.ts; this registers it as a verb of the CLI.
 */

import { CliError, type CliIo, EXIT } from "../io.js";
import { type RemoteSessionsIo, runRemoteSessions } from "../remoteSessions.js";
import type { CliVerb } from "../verb.js";

interface SessionsFlags {
  readonly host?: string;
  readonly port?: string;
  readonly user?: string;
  readonly password?: string;
  readonly domain?: string;
  readonly json?: boolean;
}

/** The flags back as the arguments `runRemoteSessions` parses. */
function argumentsOf(flags: SessionsFlags): string[] {
  const args: string[] = [];
  for (const name of ["host", "port", "user", "password", "domain"] as const) {
    const value = flags[name];
    if (value !== undefined) args.push(`--${name}`, value);
  }
  if (flags.json) args.push("--json");
  return args;
}

/** The `sessions` verb. */
export const sessionsVerb: CliVerb = {
  name: "sessions",
  register(program, io: CliIo) {
    program
      .command("sessions")
      .description("list a real server's sessions and open files over MS-SRVS (Samba or Windows)")
      .option("--host <host>", "the server's name or address")
      .option("--port <port>", "its SMB port (default 445)")
      .option("--user <user>", "an administrator of the server")
      .option("--password <password>", "the password (or set ADSI_MSRVS_PASSWORD)")
      .option("--domain <domain>", "the account's domain")
      .option("--json", "print JSON")
      .action(async (flags: SessionsFlags) => {
        let error = "";
        const remoteIo: RemoteSessionsIo = {
          out: (text) => io.stdout.write(text),
          err: (text) => {
            error += text;
          },
          env: io.env,
        };
        const status = await runRemoteSessions(argumentsOf(flags), remoteIo);
        if (status !== 0) {
          const message = error.replace(/^error: /, "").trim();
          throw new CliError(message, status === 2 ? EXIT.usage : EXIT.failed);
        }
      });
  },
};
