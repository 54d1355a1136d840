import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AdsError, PROFILES, resolveProfile, sambaProfile, windowsProfile } from "../../src/index.js";

const doc = readFileSync(new URL("../../docs/profiles.md", import.meta.url), "utf8");

describe("fidelity profiles", () => {
  it("every profile field is documented in docs/profiles.md", () => {
    const undocumented = Object.keys(windowsProfile).filter(
      (key) => key !== "name" && !doc.includes(`\`${key}\``),
    );
    expect(undocumented).toEqual([]);
  });

  it("samba and windows have the same fields, and samba differs where spec §12.5 says", () => {
    expect(Object.keys(sambaProfile).sort()).toEqual(Object.keys(windowsProfile).sort());
    expect(sambaProfile.sessionDeleteNoMatchError).toBe("E_ACCESSDENIED");
    expect(sambaProfile.unknownSessionError).toBe("NERR_ClientNameNotFound");
    expect(sambaProfile.closeUnknownFileError).toBe("ERROR_FILE_NOT_FOUND");
    expect(sambaProfile.sessionDeleteRequires).toBe("domainAdmins");
    expect(sambaProfile.idleTimeAlwaysZero).toBe(true);
    expect(windowsProfile.idleTimeAlwaysZero).toBe(false);
  });

  it("the default session Name is User\\Computer and parses back (spec §5.2 [U])", () => {
    expect(windowsProfile.sessionName("alice", "10.0.0.5")).toBe("alice\\10.0.0.5");
    expect(windowsProfile.parseSessionName("alice\\10.0.0.5")).toEqual({
      user: "alice",
      computer: "10.0.0.5",
    });
    expect(windowsProfile.parseSessionName("no-backslash")).toBeUndefined();
    expect(windowsProfile.parseSessionName("a\\b\\c")).toBeUndefined();
  });

  it("resolves names, copies custom profiles (frozen), and rejects unknown names with a typed error", () => {
    expect(resolveProfile(undefined)).toBe(windowsProfile);
    expect(resolveProfile("samba")).toBe(PROFILES.samba);
    const custom = { ...windowsProfile, name: "mine", classGuids: { ...windowsProfile.classGuids } };
    const resolved = resolveProfile(custom);
    expect(resolved).not.toBe(custom);
    expect(Object.isFrozen(resolved) && Object.isFrozen(resolved.classGuids)).toBe(true);
    expect(resolved.name).toBe("mine");
    expect(resolved.sessionName("a", "b")).toBe("a\\b");
    // Changing the caller's object afterwards changes nothing the emulator holds.
    custom.classGuids.User = "changed";
    expect(resolved.classGuids.User).toBe(windowsProfile.classGuids.User);
    expect(() => resolveProfile("__proto__" as never)).toThrow(AdsError);
    expect(() => resolveProfile("linux" as never)).toThrow(expect.objectContaining({ code: "E_INVALIDARG" }));
  });
});
