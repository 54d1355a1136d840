/**
 * `npm start`: the classic ADSI admin script, run against the default fixture. It does what the
 * Microsoft samples do on a real file server: bind `WinNT://<computer>/LanmanServer`, list its shares,
 * its sessions (who is connected, since when, idle how long) and its open files.
 * Usage: `npm start [-- COMPUTER]` (default: the fixture's local computer).
 */
import {
  createEmulator,
  type IADsContainer,
  type IADsFileService,
  type IADsFileServiceOperations,
  type IADsFileShare,
} from "../index.js";
import { renderTable } from "./table.js";

/** Runs the demo and returns the text it prints. */
export function runDemo(computer?: string): string {
  const emu = createEmulator();
  const target = computer ?? emu.state.computers.get(emu.state.localComputer ?? ("" as never))?.name ?? ".";
  const fso = emu.GetObject<IADsFileService & IADsFileServiceOperations & IADsContainer>(
    `WinNT://${target}/LanmanServer`,
  );
  const out: string[] = [
    `${fso.ADsPath}  (${fso.Class}, status ${fso.Status}, caller ${emu.caller?.user ?? "guest"})`,
    "",
  ];

  const shares = [...fso].map((item) => {
    const share = item as IADsFileShare;
    const max = share.MaxUserCount === -1 ? "unlimited" : share.MaxUserCount;
    return [share.Name, share.Path, share.CurrentUserCount, max, share.Description];
  });
  out.push("Shares", renderTable(["Name", "Path", "Users", "Max", "Description"], shares), "");

  const sessions = [...fso.Sessions()].map((s) => [s.Name, s.User, s.Computer, s.ConnectTime, s.IdleTime]);
  out.push(
    "Sessions",
    renderTable(["Name", "User", "Computer", "ConnectTime (s)", "IdleTime (s)"], sessions),
    "",
  );

  const files = [...fso.Resources()].map((r) => [r.Name, r.User, r.Path, r.LockCount]);
  out.push("Open files", renderTable(["Id", "User", "Path", "Locks"], files));
  return out.join("\n");
}
