/**
 * `npm start -- sessions --host H [--port P] --user U --password W [--domain D] [--json]`: lists a real
 * server's sessions and open files through the MS-SRVS provider (docs/msrvs-provider.md), as the demo
 * lists the emulator's. Exit status: 0 listed, 1 the server refused or could not be reached, 2 bad usage.
 */
import { parseArgs } from "node:util";
import { AdsError } from "../errors/AdsError.js";
import { describeValue } from "../errors/describeValue.js";
import { connectMsSrvs, type MsSrvsProvider } from "../provider/msrvs/connectMsSrvs.js";
import type { MsSrvsConnectOptions } from "../provider/msrvs/options.js";
import type { RpcPipeOpener } from "../provider/msrvs/rpcPipe.js";
import { renderTable } from "./table.js";

/** Where the verb writes, and the environment it reads (the password fallback). */
export interface RemoteSessionsIo {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /** Environment variables (ADSI_MSRVS_PASSWORD). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Replaces the SMB2 transport (tests only). */
  readonly openPipe?: RpcPipeOpener;
}

/** The environment variable read when `--password` is not given (keeps it off the command line). */
export const PASSWORD_ENV = "ADSI_MSRVS_PASSWORD";

/** The usage text of the verb. */
export const REMOTE_SESSIONS_USAGE = [
  "usage: npm start -- sessions --host HOST [--port PORT] --user USER --password PASSWORD",
  "                             [--domain DOMAIN] [--json]",
  `  Lists the sessions and open files of a real SMB2 file server (Samba or Windows) through MS-SRVS.`,
  `  The password may come from ${PASSWORD_ENV} instead of --password.`,
].join("\n");

class UsageError extends Error {}

function parse(
  args: readonly string[],
  env: RemoteSessionsIo["env"],
): (MsSrvsConnectOptions & { json: boolean }) | "help" {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: "string" },
        port: { type: "string" },
        user: { type: "string" },
        password: { type: "string" },
        domain: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return "help";
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const host = text("host");
  const user = text("user");
  const password = text("password") ?? env[PASSWORD_ENV];
  if (host === undefined) throw new UsageError("--host is required");
  if (user === undefined) throw new UsageError("--user is required");
  if (password === undefined) throw new UsageError(`--password (or ${PASSWORD_ENV}) is required`);
  const portText = text("port");
  if (portText !== undefined && !/^\d{1,5}$/.test(portText))
    throw new UsageError(`--port ${portText} is not a number`);
  const domain = text("domain");
  return {
    host,
    user,
    password,
    ...(portText === undefined ? {} : { port: Number(portText) }),
    ...(domain === undefined ? {} : { domain }),
    json: values.json === true,
  };
}

async function listing(provider: MsSrvsProvider) {
  const fso = await provider.GetObject(`WinNT://${provider.host}/LanmanServer`);
  const sessions = [];
  for await (const s of await fso.Sessions()) {
    sessions.push({
      Name: s.Name,
      User: s.User,
      Computer: s.Computer,
      ConnectTime: s.ConnectTime,
      IdleTime: s.IdleTime,
    });
  }
  const openFiles = [];
  for await (const r of await fso.Resources()) {
    openFiles.push({ Name: r.Name, User: r.User, Path: r.Path, LockCount: r.LockCount });
  }
  return { server: fso.ADsPath, sessions, openFiles };
}

function render(result: Awaited<ReturnType<typeof listing>>, user: string): string {
  const sessions = result.sessions.map((s) => [s.Name, s.User, s.Computer, s.ConnectTime, s.IdleTime]);
  const files = result.openFiles.map((r) => [r.Name, r.User, r.Path, r.LockCount]);
  return [
    `${result.server}  (FileService, over MS-SRVS as ${user})`,
    "",
    "Sessions",
    renderTable(["Name", "User", "Computer", "ConnectTime (s)", "IdleTime (s)"], sessions),
    "",
    "Open files",
    renderTable(["Id", "User", "Path", "Locks"], files),
  ].join("\n");
}

/**
 * Runs the verb with `args` (everything after `sessions`). Resolves with the exit status; prints the
 * listing only once both enumerations succeeded, and one `error:` line (the AdsError: code, HRESULT,
 * what failed) on failure.
 */
export async function runRemoteSessions(args: readonly string[], io: RemoteSessionsIo): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(args, io.env);
  } catch (error) {
    io.err(`error: ${(error as Error).message}\n${REMOTE_SESSIONS_USAGE}\n`);
    return 2;
  }
  if (options === "help") {
    io.out(`${REMOTE_SESSIONS_USAGE}\n`);
    return 0;
  }
  let provider: MsSrvsProvider | undefined;
  try {
    provider = await connectMsSrvs(options, io.openPipe);
    const result = await listing(provider);
    io.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : `${render(result, options.user)}\n`);
    return 0;
  } catch (error) {
    io.err(`error: ${error instanceof AdsError ? error.message : describeValue(error)}\n`);
    return 1;
  } finally {
    await provider?.close();
  }
}
