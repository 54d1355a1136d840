/**
 * `adsi-emu demo [computer]` (what `npm start` runs): the classic ADSI admin script against a fixture.
 * It binds `WinNT://<computer>/LanmanServer` as an administrator of that computer (the emulator's
 * caller when it is one, else the computer's own administrator account from the fixture), lists its
 * shares, sessions and open files as Microsoft's samples do, then lets the virtual clock run for half
 * an hour while a client connects, works and goes quiet, printing each event: idle sessions are
 * auto-disconnected at 15 minutes (spec §12.7).
 */
import type { Command } from "commander";
import { ADS_SECURE_AUTHENTICATION } from "../../adsi/constants.js";
import { hasAdminGroup } from "../../adsi/core/auth.js";
import type { Credentials } from "../../adsi/core/context.js";
import type { IADsContainer } from "../../adsi/interfaces/IADsContainer.js";
import type { IADsFileService, IADsFileServiceOperations } from "../../adsi/interfaces/IADsFileService.js";
import type { IADsFileShare } from "../../adsi/interfaces/IADsFileShare.js";
import type { Emulator } from "../../emulator.js";
import { AdsError } from "../../errors/AdsError.js";
import type { Fixture } from "../../fixture/types.js";
import { sameName } from "../../names/foldName.js";
import type { EmulatorEvent } from "../../runtime/events.js";
import { suggestion } from "../../shared/suggest.js";
import {
  type EmulatorFlags,
  emulatorFrom,
  fixtureFrom,
  printJson,
  withEmulatorOptions,
  withJsonOption,
} from "../common.js";
import { eventLine } from "../eventLines.js";
import { CliError, type CliIo, colorEnabled, type Style, styleFor } from "../io.js";
import { serviceStatusName } from "../serviceStatus.js";
import { renderTable } from "../table.js";
import type { CliVerb } from "../verb.js";

type FileService = IADsFileService & IADsFileServiceOperations & IADsContainer;

/** Options of {@link runDemo}. */
export interface DemoOptions extends EmulatorFlags {
  /** Colours for the tables (default: none). */
  readonly style?: Style;
  /** The verb names, to suggest one when `computer` looks like a mistyped verb. */
  readonly verbs?: readonly string[];
}

/** What the demo found, for `--json`. */
export interface DemoReport {
  readonly fileService: string;
  readonly status: string;
  readonly caller: string;
  readonly time: string;
  readonly shares: readonly (readonly unknown[])[];
  readonly sessions: readonly (readonly unknown[])[];
  readonly openFiles: readonly (readonly unknown[])[];
  readonly events: readonly string[];
  readonly sessionsAfter: readonly (readonly unknown[])[];
  readonly timeAfter: string;
}

/** The computer's canonical name and an administrator account of it (domain admin first, then a local one). */
function adminOf(
  fixture: Fixture,
  computer: string,
): { name: string; admin: Credentials | undefined } | undefined {
  for (const domain of fixture.domains) {
    const found = (domain.computers ?? []).find((c) => sameName(c.name, computer));
    if (!found) continue;
    const domainAdmin =
      domain.type === "workgroup"
        ? undefined
        : (domain.users ?? []).find((u) => hasAdminGroup(u.groups ?? [], "domain"));
    if (domainAdmin)
      return {
        name: found.name,
        admin: { user: `${domain.name}\\${domainAdmin.name}`, password: domainAdmin.password },
      };
    const local = (found.users ?? []).find((u) => hasAdminGroup(u.groups ?? [], "local"));
    return {
      name: found.name,
      admin: local ? { user: `${found.name}\\${local.name}`, password: local.password } : undefined,
    };
  }
  return undefined;
}

function computerNames(fixture: Fixture): string[] {
  return fixture.domains.flatMap((d) => (d.computers ?? []).map((c) => c.name));
}

/** A property's value, or "" when it is not set (E_ADS_PROPERTY_NOT_FOUND, spec §3.3). */
function unlessUnset(read: () => unknown): unknown {
  try {
    return read();
  } catch (error) {
    if (error instanceof AdsError && error.code === "E_ADS_PROPERTY_NOT_FOUND") return "";
    throw error;
  }
}

/** The first share a client can open files in (not IPC$ or a hidden admin share). */
function firstShare(fso: FileService): string | undefined {
  for (const item of fso) {
    const share = item as IADsFileShare;
    if (share.Path !== "" && !share.Name.endsWith("$")) return share.Name;
  }
  return undefined;
}

/** Lets the clock run for 30 minutes while a client's morning plays; returns the events. */
function runTheClock(emu: Emulator, computer: string, share: string | undefined): EmulatorEvent[] {
  const events: EmulatorEvent[] = [];
  const stop = emu.on("*", (event) => {
    if (event.type !== "scenario.step") events.push(event);
  });
  emu.play({
    name: "a client's morning",
    timeline: [
      {
        at: "+1m",
        action: "openSession",
        server: computer,
        user: "dave",
        client: "10.0.0.9",
        guest: true,
        as: "dave",
      },
      ...(share
        ? [
            {
              at: "+2m",
              action: "openFile" as const,
              session: "dave",
              path: `${share}\\notes.txt`,
              as: "notes",
            },
          ]
        : []),
      { at: "+3m", action: "activity", session: "dave", every: "3m", until: "+9m" },
      ...(share ? [{ at: "+10m", action: "closeFile" as const, file: "notes" }] : []),
    ],
  });
  try {
    emu.clock.tick("30m");
  } finally {
    stop();
  }
  return events;
}

function sessionRows(fso: FileService): unknown[][] {
  return [...fso.Sessions()].map((s) => [s.Name, s.User, s.Computer, s.ConnectTime, s.IdleTime]);
}

/** Runs the demo; returns its report. @throws CliError for an unknown computer. */
export function demoReport(io: CliIo, computer: string | undefined, options: DemoOptions = {}): DemoReport {
  const fixture = fixtureFrom(io, options);
  const emu = emulatorFrom(io, options, fixture);
  const wanted = computer ?? fixture.localComputer ?? computerNames(fixture)[0];
  const target = wanted === undefined ? undefined : adminOf(fixture, wanted);
  if (!target) {
    const names = computerNames(fixture);
    const verb = computer === undefined ? undefined : suggestion(computer, options.verbs ?? []);
    throw new CliError(
      [
        `no computer named ${JSON.stringify(wanted ?? "")} in the fixture (computers: ${names.join(", ") || "none"})`,
        ...(verb ? [`did you mean the verb \`${verb}\`? (adsi-emu --help lists them)`] : []),
      ].join("\n"),
    );
  }
  const path = `WinNT://${target.name}/LanmanServer`;
  const callerAdmin =
    emu.caller !== null && target.admin !== undefined && sameName(emu.caller.user, target.admin.user);
  const credentials = callerAdmin || !target.admin ? emu.caller : target.admin;
  const fso =
    credentials === emu.caller
      ? emu.GetObject<FileService>(path)
      : emu.OpenDSObject<FileService>(
          path,
          credentials?.user ?? null,
          credentials?.password ?? null,
          ADS_SECURE_AUTHENTICATION,
        );
  const shares = [...fso].map((item) => {
    const share = item as IADsFileShare;
    const max = share.MaxUserCount === -1 ? "unlimited" : share.MaxUserCount;
    return [share.Name, share.Path, share.CurrentUserCount, max, unlessUnset(() => share.Description)];
  });
  const sessions = sessionRows(fso);
  const openFiles = [...fso.Resources()].map((r) => [r.Name, r.User, r.Path, r.LockCount]);
  const time = emu.clock.toISOString();
  const events = runTheClock(emu, target.name, firstShare(fso)).map(eventLine);
  return {
    fileService: fso.ADsPath,
    status: serviceStatusName(fso.Status),
    caller: credentials?.user ?? "guest",
    time,
    shares,
    sessions,
    openFiles,
    events,
    sessionsAfter: sessionRows(fso),
    timeAfter: emu.clock.toISOString(),
  };
}

/** The demo's text: header, tables, the clock's events, the sessions afterwards. */
export function formatDemo(report: DemoReport, style: Style = styleFor(false)): string {
  const sessionHeaders = ["Name", "User", "Computer", "ConnectTime (s)", "IdleTime (s)"];
  const status = report.status === "RUNNING" ? style.green(report.status) : style.yellow(report.status);
  return [
    `${style.bold(report.fileService)}  (FileService, ${status}, caller ${report.caller})`,
    `Virtual time ${report.time}`,
    "",
    style.cyan("Shares"),
    renderTable(["Name", "Path", "Users", "Max", "Description"], report.shares, { style }),
    "",
    style.cyan("Sessions"),
    renderTable(sessionHeaders, report.sessions, { style }),
    "",
    style.cyan("Open files"),
    renderTable(["Id", "User", "Path", "Locks"], report.openFiles, { style }),
    "",
    "The clock runs 30 minutes (auto-disconnect after 15 idle minutes; sessions holding files are kept)",
    ...report.events.map((line) => (line.includes(" ends: ") ? style.red(line) : line)),
    "",
    style.cyan(`Sessions at ${report.timeAfter}`),
    renderTable(sessionHeaders, report.sessionsAfter, { style }),
  ].join("\n");
}

/** The demo's text for `computer` (default: the fixture's local computer) on the default fixture. */
export function runDemo(computer?: string, options: DemoOptions = {}): string {
  const io: CliIo = {
    stdout: { write: () => {}, isTTY: false },
    stderr: { write: () => {}, isTTY: false },
    env: {},
    cwd: ".",
  };
  return formatDemo(demoReport(io, computer, options), options.style);
}

/** The `demo` verb (the default one). */
export const demoVerb: CliVerb = {
  name: "demo",
  register(program, io, context) {
    const command: Command = program
      .command("demo", { isDefault: true })
      .argument("[computer]", "computer of the fixture (default: its local computer)")
      .summary("the classic list-sessions script, then 30 virtual minutes (the default verb)")
      .description(
        "Binds WinNT://<computer>/LanmanServer as an administrator of that computer, lists its shares, sessions and open files, then lets the virtual clock run 30 minutes while a client connects, works and goes quiet: idle sessions are auto-disconnected at 15 minutes.",
      );
    withJsonOption(withEmulatorOptions(command)).action(
      (computer: string | undefined, flags: EmulatorFlags & { json?: boolean }) => {
        const report = demoReport(io, computer, { ...flags, verbs: context.verbNames() });
        if (flags.json) printJson(io, report);
        else io.stdout.write(`${formatDemo(report, styleFor(colorEnabled(io.stdout, io.env)))}\n`);
      },
    );
  },
};
