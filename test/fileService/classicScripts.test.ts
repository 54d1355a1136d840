/**
 * Literal TypeScript ports of Microsoft's two classic Script Center session scripts (spec §5.1, §5.2
 * "SC"), run against the default fixture (fixtures/default.json, now 2026-01-05T09:00:00Z).
 *
 *   ' List sessions
 *   Set fso = GetObject("WinNT://FS01/LanmanServer")
 *   For Each s In fso.Sessions
 *     WScript.Echo s.User & " " & s.Computer & " " & s.ConnectTime & " " & s.IdleTime
 *   Next
 *
 *   ' Disconnect everybody
 *   Set fso = GetObject("WinNT://FS01/LanmanServer")
 *   Set colSessions = fso.Sessions
 *   For Each objSession In colSessions
 *     colSessions.Remove(objSession.Name)
 *   Next
 */
import { describe, expect, it } from "vitest";
import { createEmulator, type Emulator, type IADsSession } from "../../src/index.js";
import { currentUserCount, type FileService, names } from "./helpers.js";

/** VBScript's `&`: string concatenation of the values' string forms. */
function amp(...parts: readonly unknown[]): string {
  return parts.map(String).join("");
}

/** The first script: every echoed line. */
function listSessions(emu: Emulator): string[] {
  const echoed: string[] = [];
  const WScript = { Echo: (line: string) => echoed.push(line) };
  // Set fso = GetObject("WinNT://FS01/LanmanServer")
  const fso = emu.GetObject<FileService>("WinNT://FS01/LanmanServer");
  // For Each s In fso.Sessions
  for (const s of fso.Sessions()) {
    WScript.Echo(amp(s.User, " ", s.Computer, " ", s.ConnectTime, " ", s.IdleTime));
  }
  return echoed;
}

/** Shares of FS01 with sessions connected in the default fixture. */
const CONNECTED_SHARES = ["Public", "Finance", "Users", "C$"];

describe("classic script: bind and list sessions", () => {
  it("echoes User, Computer, ConnectTime and IdleTime (seconds) of every session of the default fixture", () => {
    expect(listSessions(createEmulator())).toEqual([
      "alice 10.0.0.5 125 20",
      "bob 10.0.0.7 5400 900",
      "carol WS-CAROL 3600 120",
      "administrator 10.0.0.2 600 0",
    ]);
  });

  it("is deterministic: two emulators with the same fixture echo the same lines", () => {
    expect(listSessions(createEmulator({ seed: 7 }))).toEqual(listSessions(createEmulator({ seed: 8 })));
  });
});

describe("classic script: disconnect everybody", () => {
  it("For Each objSession In colSessions: colSessions.Remove(objSession.Name) ends every session and closes every file", () => {
    const emu = createEmulator();
    // Set fso = GetObject("WinNT://FS01/LanmanServer")
    const fso = emu.GetObject<FileService>("WinNT://FS01/LanmanServer");
    // Set colSessions = fso.Sessions
    const colSessions = fso.Sessions();
    const removed: string[] = [];
    // For Each objSession In colSessions
    for (const objSession of colSessions) {
      // colSessions.Remove(objSession.Name)
      colSessions.Remove(objSession.Name);
      removed.push(objSession.Name);
    }
    expect(removed).toEqual([
      "alice\\10.0.0.5",
      "bob\\10.0.0.7",
      "carol\\WS-CAROL",
      "administrator\\10.0.0.2",
    ]);
    expect(names(colSessions)).toEqual([]);
    expect(names(fso.Sessions())).toEqual([]);
    expect(names(fso.Resources())).toEqual([]);
    for (const share of CONNECTED_SHARES) expect(currentUserCount(fso, share)).toBe(0);
    // The first script now echoes nothing.
    expect(listSessions(emu)).toEqual([]);
  });

  it("the same through _NewEnum.Next(1) (IEnumVARIANT as For Each drives it)", () => {
    const emu = createEmulator();
    const fso = emu.GetObject<FileService>("WinNT://FS01/LanmanServer");
    const colSessions = fso.Sessions();
    const enumerator = colSessions._NewEnum;
    let removed = 0;
    for (let batch: IADsSession[] = enumerator.Next(1); batch.length > 0; batch = enumerator.Next(1)) {
      expect(batch).toHaveLength(1);
      const [objSession] = batch as [IADsSession];
      colSessions.Remove(objSession.Name);
      removed++;
    }
    expect(removed).toBe(4);
    expect(enumerator.Next(1)).toEqual([]);
    expect(names(fso.Sessions())).toEqual([]);
    expect(names(fso.Resources())).toEqual([]);
    for (const share of CONNECTED_SHARES) expect(currentUserCount(fso, share)).toBe(0);
  });
});
