import { describe, expect, it } from "vitest";
import { AdsError, createEmulator, type IADsFileServiceOperations } from "../../src/index.js";

const PATH = "WinNT://FS01/LanmanServer";

function accessDenied(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(AdsError.is(error, "E_ACCESSDENIED")).toBe(true);
    return (error as AdsError).message;
  }
  throw new Error("expected E_ACCESSDENIED");
}

describe("the guest fallback says so (spec §2.5)", () => {
  it("a mistyped caller password: the access-denied error names the fallback and the account", () => {
    const emu = createEmulator({ caller: { user: "CORP\\administrator", password: "typo" } });
    const message = accessDenied(() => [...emu.GetObject<IADsFileServiceOperations>(PATH).Sessions()]);
    expect(message).toContain("bound as guest because the credentials of CORP\\administrator did not log on");
    expect(message).toContain("OpenDSObject");
  });

  it("a null caller, a caller of another computer, and a non-administrator are told apart", () => {
    expect(
      accessDenied(() => [
        ...createEmulator({ caller: null }).GetObject<IADsFileServiceOperations>(PATH).Sessions(),
      ]),
    ).toContain("bound as guest (null credentials)");
    const alice = createEmulator({ caller: { user: "CORP\\alice", password: "alice-pw" } });
    expect(accessDenied(() => [...alice.GetObject<IADsFileServiceOperations>(PATH).Sessions()])).toContain(
      "CORP\\alice is not an administrator there",
    );
    const lab = createEmulator({ caller: { user: "LAB01\\labadmin", password: "lab-pw" } });
    const labFso = lab.GetObject<IADsFileServiceOperations>("WinNT://LAB01/LanmanServer");
    expect([...labFso.Sessions()]).toEqual([]);
    expect(accessDenied(() => [...lab.GetObject<IADsFileServiceOperations>(PATH).Sessions()])).toContain(
      "did not log on",
    );
  });

  it("the right password binds as the account (no fallback message)", () => {
    const emu = createEmulator({ caller: { user: "CORP\\administrator", password: "P@ssw0rd!" } });
    expect([...emu.GetObject<IADsFileServiceOperations>(PATH).Sessions()].length).toBe(4);
  });
});
