/**
 * `WinNT://localhost` names the local computer like `WinNT://.` (spec §2.1 [C]: `WinNT://localhost,computer`
 * in W-iadscomputer, ADSI25 and the IADs::GetInfo example), unless the directory itself has a domain
 * or computer named localhost (issue 7 item 10).
 */
import { describe, expect, it } from "vitest";
import { createEmulator, type Fixture, windowsProfile } from "../../src/index.js";
import { expectAdsError, fresh } from "./helpers.js";

describe("WinNT://localhost is the local computer (FS01 in the default fixture)", () => {
  it.each([
    ["WinNT://localhost", "Computer", "localhost", "WinNT://CORP/localhost"],
    ["WinNT://localhost,computer", "Computer", "localhost", "WinNT://CORP/localhost"],
    ["WinNT://LocalHost/LanmanServer", "FileService", "LanmanServer", "WinNT://CORP/LocalHost/LanmanServer"],
    [
      "WinNT://localhost/LanmanServer/Public",
      "FileShare",
      "Public",
      "WinNT://CORP/localhost/LanmanServer/Public",
    ],
    ["WinNT://CORP/localhost", "Computer", "localhost", "WinNT://CORP/localhost"],
  ])("%s → %s %s, %s, which binds the same object again", (path, cls, name, adsPath) => {
    const emu = fresh();
    const object = emu.GetObject(path);
    expect([object.Class, object.Name, object.ADsPath]).toEqual([cls, name, adsPath]);
    const again = emu.GetObject(object.ADsPath);
    expect([again.Class, again.Name, again.ADsPath]).toEqual([cls, name, adsPath]);
  });

  it("reads the local computer's properties", () => {
    const emu = fresh();
    expect(emu.GetObject("WinNT://localhost,computer").Get("Owner")).toBe(
      emu.GetObject("WinNT://FS01").Get("Owner"),
    );
  });

  it("with localDotSpelling resolve, the paths name the computer", () => {
    const emu = createEmulator({ profile: { ...windowsProfile, localDotSpelling: "resolve" } });
    expect(emu.GetObject("WinNT://localhost/LanmanServer").ADsPath).toBe("WinNT://CORP/FS01/LanmanServer");
  });

  it("WinNT://LAB/localhost fails: the local computer is not in LAB", () => {
    expectAdsError(
      () => fresh().GetObject("WinNT://LAB/localhost"),
      windowsProfile.unknownComputerChildError,
    );
  });
});

function fixture(computers: readonly { name: string }[], localComputer?: string): Fixture {
  return {
    version: 1,
    now: "2026-01-05T09:00:00Z",
    ...(localComputer === undefined ? {} : { localComputer }),
    domains: [{ name: "WG", type: "workgroup", computers }],
  } as Fixture;
}

describe("a computer named localhost in the fixture wins", () => {
  it("WinNT://localhost binds that computer, not the local one", () => {
    const emu = createEmulator({ fixture: fixture([{ name: "FS01" }, { name: "localhost" }], "FS01") });
    expect(emu.GetObject("WinNT://localhost").ADsPath).toBe("WinNT://WG/localhost");
    expect(emu.GetObject("WinNT://.").ADsPath).toBe("WinNT://WG/.");
    expect(emu.GetObject("WinNT://localhost").Name).toBe("localhost");
  });

  it("a directory without computers has no local computer", () => {
    expectAdsError(
      () => createEmulator({ fixture: fixture([]) }).GetObject("WinNT://localhost"),
      "ERROR_BAD_NETPATH",
    );
  });
});
