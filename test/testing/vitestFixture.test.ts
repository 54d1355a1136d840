import { describe, expect as plainExpect } from "vitest";
import { fixtureBuilder } from "../../src/fixture/builder.js";
import { AdsError, type IADsFileServiceOperations } from "../../src/index.js";
import { adsiMatchers } from "../../src/testing/matchers.js";
import { createEmulatorTest, expect, test } from "../../src/testing/vitest.js";

const fso = (emu: { GetObject<T>(path: string): T }) =>
  emu.GetObject<IADsFileServiceOperations>("WinNT://FS01/LanmanServer");

describe("adsi-emulator/vitest: the emu fixture", () => {
  let previous: unknown;
  test("gives a fresh emulator per test (1: change it)", ({ emu }) => {
    previous = emu;
    const sessions = fso(emu).Sessions();
    for (const s of sessions) sessions.Remove(s.Name);
    expect(emu).not.toHaveSession({ user: "alice" });
  });
  test("gives a fresh emulator per test (2: a new one, unchanged)", ({ emu }) => {
    expect(emu).not.toBe(previous);
    expect(emu).toHaveSession({ user: "alice", computer: "10.0.0.5" });
  });

  const resetTest = createEmulatorTest({
    mode: "reset",
    fixture: fixtureBuilder().at("2026-01-05T09:00:00Z").build(),
  });
  let shared: unknown;
  resetTest("reset mode: one emulator (1: change it and move the clock)", ({ emu }) => {
    shared = emu;
    emu.clock.tick("1h");
    expect(emu).not.toHaveSession({ user: "administrator" });
  });
  resetTest("reset mode: the same emulator, reset", ({ emu }) => {
    expect(emu).toBe(shared);
    expect(emu.clock.toISOString()).toBe("2026-01-05T09:00:00Z");
    expect(emu).toHaveSession({ user: "administrator" });
  });

  test("rejects an unknown mode", () => {
    plainExpect(() => createEmulatorTest({ mode: "shared" as never })).toThrow(TypeError);
  });
});

describe("matchers", () => {
  test("toHaveSession matches user, client, name and server case-insensitively; says what it saw", ({
    emu,
  }) => {
    expect(emu).toHaveSession({ user: "ALICE", computer: "10.0.0.5", server: "fs01" });
    expect(emu).toHaveSession({ name: "carol\\ws-carol" });
    expect(emu).not.toHaveSession({ user: "alice", server: "DC01" });
    const failure = adsiMatchers.toHaveSession(emu, { user: "zed" });
    expect(failure.pass).toBe(false);
    expect(failure.message()).toContain("FS01: alice\\10.0.0.5");
    plainExpect(() => expect(emu).toHaveSession({ user: "zed" })).toThrow(/expected a session matching/);
    plainExpect(() => expect({}).toHaveSession({ user: "zed" })).toThrow(/expects an Emulator/);
  });

  test("toHaveOpenFile matches path and user", ({ emu }) => {
    expect(emu).toHaveOpenFile({ path: "c:\\shares\\public\\A.TXT", user: "alice" });
    expect(emu).not.toHaveOpenFile({ path: "C:\\Shares\\Public\\a.txt", user: "bob" });
    const session = emu.inject.openSession({ server: "LAB01", user: "labadmin", client: "10.1.1.1" });
    emu.inject.openFile(session, "Tools\\x.exe");
    expect(emu).toHaveOpenFile({ path: "C:\\Tools\\x.exe", server: "LAB01", user: "labadmin" });
  });

  test("toThrowAdsError by symbol, unsigned or signed HRESULT, and on rejections", async ({ emu }) => {
    const guest = emu.OpenDSObject<IADsFileServiceOperations>("WinNT://FS01/LanmanServer", null, null, 1);
    expect(() => emu.GetObject("WinNT://NOPE")).toThrowAdsError("ERROR_BAD_NETPATH");
    expect(() => emu.GetObject("WinNT://NOPE")).toThrowAdsError(0x80070035);
    expect(() => emu.GetObject("WinNT://NOPE")).toThrowAdsError(-2147024843);
    expect(() => emu.GetObject("WinNT://FS01")).not.toThrowAdsError("ERROR_BAD_NETPATH");
    await expect(Promise.reject(new AdsError("E_ACCESSDENIED"))).rejects.toThrowAdsError("E_ACCESSDENIED");
    plainExpect(guest).toBeDefined();
    plainExpect(() => expect(() => {}).toThrowAdsError("E_ACCESSDENIED")).toThrow(/nothing was thrown/);
    plainExpect(() =>
      expect(() => {
        throw new Error("boom");
      }).toThrowAdsError("E_ACCESSDENIED"),
    ).toThrow(/Error: boom/);
    plainExpect(() => expect(() => {}).toThrowAdsError("E_NOPE" as never)).toThrow(/not an HRESULT symbol/);
  });
});
