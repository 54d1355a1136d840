/**
 * `npm start`: the classic ADSI admin script, run against the default fixture. It does what the
 * Microsoft samples do on a real file server: bind `WinNT://<computer>/LanmanServer`, list its shares,
 * its sessions (who is connected, since when, idle how long) and its open files. Then it lets the
 * virtual clock run for half an hour while a client connects, works and goes quiet, printing every
 * event as it happens, and lists the sessions again: idle sessions are auto-disconnected at 15 minutes.
 * Usage: `npm start [-- COMPUTER]` (default: the fixture's local computer).
 */
import {
  AdsError,
  createEmulator,
  type Emulator,
  type EmulatorEvent,
  type IADsContainer,
  type IADsFileService,
  type IADsFileServiceOperations,
  type IADsFileShare,
} from "../index.js";
import { renderTable } from "./table.js";

type FileService = IADsFileService & IADsFileServiceOperations & IADsContainer;

/** One line per event, as the clock runs. */
function describeEvent(event: EmulatorEvent): string {
  const time = event.time.slice(11, 19);
  switch (event.type) {
    case "session.opened":
      return `${time}  ${event.session} connects (${event.shares.join(", ") || "no share"})`;
    case "session.closed":
      return `${time}  ${event.session} ends: ${event.reason}, idle ${event.idleSeconds} s`;
    case "file.opened":
      return `${time}  ${event.session} opens ${event.path}`;
    case "file.closed":
      return `${time}  ${event.path} closes (${event.reason})`;
    case "session.activity":
      return `${time}  ${event.session} is active`;
    case "session.shareConnected":
      return `${time}  ${event.session} connects to share ${event.share}`;
    default:
      return `${time}  ${event.type}`;
  }
}

function sessionsTable(fso: FileService): string {
  const sessions = [...fso.Sessions()].map((s) => [s.Name, s.User, s.Computer, s.ConnectTime, s.IdleTime]);
  return renderTable(["Name", "User", "Computer", "ConnectTime (s)", "IdleTime (s)"], sessions);
}

/** Lets the clock run from the fixture's now for 30 minutes while a scenario plays; returns the event lines. */
function runTheClock(emu: Emulator, computer: string): string[] {
  const lines: string[] = [];
  const stop = emu.on("*", (event) => {
    if (event.type !== "scenario.step") lines.push(describeEvent(event));
  });
  const share = firstShare(emu, computer);
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
  emu.clock.tick("30m");
  stop();
  return lines;
}

/** The first share a client can open files in (not IPC$ or a hidden admin share). */
function firstShare(emu: Emulator, computer: string): string | undefined {
  const server = [...emu.state.computers.values()].find(
    (c) => c.name.toUpperCase() === computer.toUpperCase(),
  );
  const lanman = server?.services.get("LANMANSERVER" as never)?.fileService;
  return [...(lanman?.shares.values() ?? [])].find((s) => s.Path !== "" && !s.name.endsWith("$"))?.name;
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

/** Runs the demo and returns the text it prints. */
export function runDemo(computer?: string): string {
  const emu = createEmulator();
  const target = computer ?? emu.state.computers.get(emu.state.localComputer ?? ("" as never))?.name ?? ".";
  const fso = emu.GetObject<FileService>(`WinNT://${target}/LanmanServer`);
  const out: string[] = [
    `${fso.ADsPath}  (${fso.Class}, status ${fso.Status}, caller ${emu.caller?.user ?? "guest"})`,
    `Virtual time ${emu.clock.toISOString()}`,
    "",
  ];

  const shares = [...fso].map((item) => {
    const share = item as IADsFileShare;
    const max = share.MaxUserCount === -1 ? "unlimited" : share.MaxUserCount;
    return [share.Name, share.Path, share.CurrentUserCount, max, unlessUnset(() => share.Description)];
  });
  out.push("Shares", renderTable(["Name", "Path", "Users", "Max", "Description"], shares), "");
  out.push("Sessions", sessionsTable(fso), "");

  const files = [...fso.Resources()].map((r) => [r.Name, r.User, r.Path, r.LockCount]);
  out.push("Open files", renderTable(["Id", "User", "Path", "Locks"], files), "");

  out.push(
    `The clock runs 30 minutes (auto-disconnect after 15 idle minutes; sessions holding files are kept)`,
  );
  out.push(...runTheClock(emu, fso.Parent.split("/").pop() ?? target), "");
  out.push(`Sessions at ${emu.clock.toISOString()}`, sessionsTable(fso));
  return out.join("\n");
}
