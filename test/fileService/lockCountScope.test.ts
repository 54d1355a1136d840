import { describe, expect, it } from "vitest";
import { createEmulator, type IADsFileServiceOperations, type ProfileName } from "../../src/index.js";

/** Two clients open the same file; one takes two locks. The LockCounts Resources() shows, by profile. */
function lockCounts(profile: ProfileName): number[] {
  const emu = createEmulator({ profile, caller: { user: "CORP\\administrator", password: "P@ssw0rd!" } });
  const alice = emu.inject.openSession({ server: "FS01", user: "alice", client: "10.9.0.1" });
  const bob = emu.inject.openSession({ server: "FS01", user: "bob", client: "10.9.0.2" });
  emu.inject.openFile(alice, "Public\\shared.xlsx");
  const locked = emu.inject.openFile(bob, "public\\SHARED.xlsx");
  emu.inject.lock(locked, 2);
  const fso = emu.GetObject<IADsFileServiceOperations>("WinNT://FS01/LanmanServer");
  return [...fso.Resources()]
    .filter((r) => r.Path.toLowerCase().endsWith("shared.xlsx"))
    .map((r) => r.LockCount);
}

describe("LockCount scope (profile lockCountScope, spec §7, §12.4)", () => {
  it("windows counts the locks of each open", () => {
    expect(lockCounts("windows")).toEqual([0, 2]);
  });
  it("samba counts the locks on the file through all its opens, as Samba 4.17 reports num_locks", () => {
    expect(lockCounts("samba")).toEqual([2, 2]);
  });
});
