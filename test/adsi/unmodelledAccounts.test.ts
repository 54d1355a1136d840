/**
 * Users and groups exist on a WinNT host (spec §1.2: a domain and a computer contain User and Group
 * objects) but the emulator does not model them: binding one that the fixture declares fails with
 * E_NOTIMPL, as the README promises, never with a "not found" code (issue 7 item 15).
 */
import { describe, expect, it } from "vitest";
import type { IADsContainer } from "../../src/index.js";
import { expectAdsError, fresh } from "./helpers.js";

describe("binding a User or Group the fixture declares → E_NOTIMPL", () => {
  it.each([
    "WinNT://CORP/alice", // a domain account
    "WinNT://CORP/ALICE",
    "WinNT://CORP/Domain Admins", // a group domain accounts belong to
    "WinNT://CORP/Finance",
    "WinNT://FS01/localadmin", // a local account of FS01
    "WinNT://CORP/FS01/localadmin",
    "WinNT://FS01/Administrators", // a local group
    "WinNT://LAB01/labadmin",
    "WinNT://CORP/alice,user",
    "WinNT://FS01/Administrators,group",
  ])("%s", (path) => {
    const error = expectAdsError(() => fresh().GetObject(path), "E_NOTIMPL", 0x80004001);
    expect(error.message).toMatch(/does not model (User|Group) objects/);
  });

  it("through the containers too: domain.GetObject(null, 'alice'), computer.GetObject(null, 'localadmin')", () => {
    const emu = fresh();
    expectAdsError(() => emu.GetObject<IADsContainer>("WinNT://CORP").GetObject(null, "alice"), "E_NOTIMPL");
    expectAdsError(
      () => emu.GetObject<IADsContainer>("WinNT://FS01").GetObject(null, "localadmin"),
      "E_NOTIMPL",
    );
  });

  it("names that are nobody stay 'not found' with the profile's codes", () => {
    const emu = fresh();
    expectAdsError(() => emu.GetObject("WinNT://CORP/nobody"), "NERR_GroupNotFound");
    expectAdsError(() => emu.GetObject("WinNT://FS01/nobody"), "NERR_GroupNotFound");
    // A domain account is not a child of a computer: FS01 has no account alice.
    expectAdsError(() => emu.GetObject("WinNT://FS01/alice"), "NERR_GroupNotFound");
    expectAdsError(
      () => emu.GetObject<IADsContainer>("WinNT://CORP").GetObject(null, "nobody"),
      "ERROR_BAD_NETPATH",
    );
  });
});
