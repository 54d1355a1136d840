/**
 * Spec §13 "Worked examples" as a golden test, with its own fixture: workgroup WORKGROUP, server FS01
 * (one local administrator, the caller GetObject binds as), LanmanServer, one client 10.0.0.5 where
 * alice connected 125 s and idle 20 s before now, holding C:\data\a.txt open as file id 42 with 1 lock.
 * Every line of §13 is checked, in the script's order; the [U] lines read their code from the profile
 * and pin the default's number.
 */
import { describe, expect, it } from "vitest";
import {
  AdsError,
  createEmulator,
  type Emulator,
  type Fixture,
  formatHResult,
  type IADsResource,
  type IADsSession,
  windowsProfile,
} from "../../src/index.js";
import { ago, expectAdsError, type FileService, type LateBound, NOW_ISO } from "./helpers.js";

const P = windowsProfile;

const FIXTURE: Fixture = {
  version: 1,
  now: NOW_ISO,
  domains: [
    {
      name: "WORKGROUP",
      type: "workgroup",
      computers: [
        {
          name: "FS01",
          users: [{ name: "admin", password: "admin-pw", groups: ["Administrators"] }],
          services: [
            {
              name: "LanmanServer",
              kind: "fileService",
              displayName: "Server",
              shares: [{ name: "data", path: "C:\\data" }],
              sessions: [
                {
                  user: "alice",
                  computer: "10.0.0.5",
                  connectedAt: ago(125),
                  lastActivityAt: ago(20),
                  shares: ["data"],
                  openFiles: [{ id: 42, path: "C:\\data\\a.txt", locks: 1 }],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

function emulator(): Emulator {
  return createEmulator({ fixture: FIXTURE });
}

function bindFso(emu: Emulator): FileService {
  return emu.GetObject<FileService>("WinNT://FS01/LanmanServer");
}

/** What a VBScript line would echo: the value, `S_OK` for a Sub, or `error 0x...` when it raises. */
function echo(expression: () => unknown): string {
  let value: unknown;
  try {
    value = expression();
  } catch (error) {
    if (error instanceof AdsError) return `error ${formatHResult(error.hresult)}`;
    throw error;
  }
  return value === undefined ? "S_OK" : String(value);
}

describe("spec §13 worked example (golden)", () => {
  it("the caller is the fixture's local administrator and the clock is the fixture's now", () => {
    const emu = emulator();
    expect(emu.caller).toEqual({ user: "FS01\\admin", password: "admin-pw" });
    expect(emu.env.clock.now()).toBe(Date.parse("2026-01-05T09:00:00Z"));
  });

  it("replays every line of §13 and matches the golden transcript", () => {
    const emu = emulator();
    const lines: string[] = [];
    const fso = bindFso(emu);
    let sName = "";
    lines.push(`fso.Class = ${echo(() => fso.Class)}`);
    lines.push(`fso.Name = ${echo(() => fso.Name)}`);
    lines.push(`fso.Parent = ${echo(() => fso.Parent)}`);
    for (const s of fso.Sessions()) {
      lines.push(`s.Class = ${echo(() => s.Class)}`);
      lines.push(`s.User = ${echo(() => s.User)}`);
      lines.push(`s.Computer = ${echo(() => s.Computer)}`);
      lines.push(`s.ConnectTime = ${echo(() => s.ConnectTime)}`);
      lines.push(`s.IdleTime = ${echo(() => s.IdleTime)}`);
      lines.push(`s.Name = ${echo(() => s.Name)}`);
      sName = s.Name;
      lines.push(`s.UserPath = ${echo(() => s.UserPath)}`);
    }
    for (const r of fso.Resources()) {
      lines.push(`r.Class = ${echo(() => r.Class)}`);
      lines.push(`r.User = ${echo(() => r.User)}`);
      lines.push(`r.Path = ${echo(() => r.Path)}`);
      lines.push(`r.LockCount = ${echo(() => r.LockCount)}`);
      lines.push(`r.Name = ${echo(() => r.Name)}`);
    }
    lines.push(`fso.Sessions.Add "x", Nothing = ${echo(() => fso.Sessions().Add("x", null))}`);
    lines.push(`fso.Sessions.Remove s.Name = ${echo(() => fso.Sessions().Remove(sName))}`);
    lines.push(`sessions left = ${[...fso.Sessions()].length}`);
    lines.push(`resources left = ${[...fso.Resources()].length}`);
    lines.push(`fso.Sessions.Remove "nobody\\x" = ${echo(() => fso.Sessions().Remove("nobody\\x"))}`);
    lines.push(`GetObject(...).Count = ${echo(() => (bindFso(emu) as unknown as { Count: number }).Count)}`);
    expect(lines).toEqual([
      "fso.Class = FileService",
      "fso.Name = LanmanServer",
      "fso.Parent = WinNT://WORKGROUP/FS01",
      "s.Class = Session",
      "s.User = alice",
      "s.Computer = 10.0.0.5",
      "s.ConnectTime = 125",
      "s.IdleTime = 20",
      "s.Name = alice\\10.0.0.5",
      "s.UserPath = error 0x80005006",
      "r.Class = Resource",
      "r.User = alice",
      "r.Path = C:\\data\\a.txt",
      "r.LockCount = 1",
      "r.Name = 42",
      'fso.Sessions.Add "x", Nothing = error 0x80004001',
      "fso.Sessions.Remove s.Name = S_OK",
      "sessions left = 0",
      "resources left = 0",
      'fso.Sessions.Remove "nobody\\x" = error 0x80070908',
      "GetObject(...).Count = error 0x80004001",
    ]);
  });

  it('GetObject("WinNT://FS01/LanmanServer") -> Class "FileService", Name "LanmanServer", Parent "WinNT://WORKGROUP/FS01"', () => {
    const fso = bindFso(emulator());
    expect(fso.Class).toBe("FileService");
    expect(fso.Name).toBe("LanmanServer");
    expect(fso.Parent).toBe("WinNT://WORKGROUP/FS01");
    expect(fso.ADsPath).toBe("WinNT://WORKGROUP/FS01/LanmanServer");
  });

  it("For Each s In fso.Sessions: Class, User, Computer, ConnectTime, IdleTime, Name; UserPath fails", () => {
    const sessions: IADsSession[] = [...bindFso(emulator()).Sessions()];
    expect(sessions).toHaveLength(1);
    const [s] = sessions as [IADsSession];
    expect(s.Class).toBe("Session");
    expect(s.User).toBe("alice");
    expect(s.Computer).toBe("10.0.0.5");
    expect(s.ConnectTime).toBe(125);
    expect(s.IdleTime).toBe(20);
    expect(P.sessionName("alice", "10.0.0.5")).toBe("alice\\10.0.0.5");
    expect(s.Name).toBe("alice\\10.0.0.5");
    expectAdsError(() => s.UserPath, P.unsupportedPropertyError, 0x80005006);
  });

  it('For Each r In fso.Resources: Class "Resource", User "alice", Path "C:\\data\\a.txt", LockCount 1, Name "42"', () => {
    const resources: IADsResource[] = [...bindFso(emulator()).Resources()];
    expect(resources).toHaveLength(1);
    const [r] = resources as [IADsResource];
    expect([r.Class, r.User, r.Path, r.LockCount]).toEqual(["Resource", "alice", "C:\\data\\a.txt", 1]);
    expect(P.resourceName(42)).toBe("42");
    expect(r.Name).toBe("42");
  });

  it('fso.Sessions.Add "x", Nothing -> E_NOTIMPL 0x80004001', () => {
    const fso = bindFso(emulator());
    expectAdsError(() => fso.Sessions().Add("x", null), "E_NOTIMPL", 0x80004001);
    expect([...fso.Sessions()]).toHaveLength(1);
  });

  it("fso.Sessions.Remove s.Name -> S_OK; the session and its open resources are gone", () => {
    const emu = emulator();
    const fso = bindFso(emu);
    const sessions = fso.Sessions();
    for (const s of sessions) sessions.Remove(s.Name);
    expect([...fso.Sessions()]).toEqual([]);
    expect([...fso.Resources()]).toEqual([]);
    expect((fso.GetObject("FileShare", "data") as unknown as LateBound).CurrentUserCount).toBe(0);
  });

  it('fso.Sessions.Remove "nobody\\x" -> 0x80070908 (the session stays)', () => {
    const fso = bindFso(emulator());
    expect(P.unknownSessionError).toBe("NERR_ClientNameNotFound");
    expectAdsError(() => fso.Sessions().Remove("nobody\\x"), P.unknownSessionError, 0x80070908);
    expect([...fso.Sessions()].map((s) => s.Name)).toEqual(["alice\\10.0.0.5"]);
  });

  it('GetObject("WinNT://FS01/LanmanServer").Count -> E_NOTIMPL', () => {
    const fso = bindFso(emulator());
    expectAdsError(() => fso.Count, "E_NOTIMPL", 0x80004001);
  });
});
