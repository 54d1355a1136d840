/**
 * IADsClass and IADsProperty members WinNT does not implement (spec §10, W-provider-support):
 * NamingProperties and Qualifiers() are "Not implemented" (E_NOTIMPL), DerivedFrom and AuxDerivedFrom
 * "Unsupported" (the profile's unsupportedPropertyError). They raise, never return undefined
 * (issue 7 item 13).
 */
import { describe, expect, it } from "vitest";
import { type IADsClass, type IADsProperty, windowsProfile } from "../../src/index.js";
import { expectAdsError, fresh } from "./helpers.js";

type Late = Record<string, unknown> & { Qualifiers(): unknown };

describe("IADsClass members WinNT does not implement raise (spec §10)", () => {
  const cls = () => fresh().GetObject<IADsClass & Late>("WinNT://CORP/Schema/FileShare");

  it("NamingProperties → E_NOTIMPL, reading and writing", () => {
    const c = cls();
    expectAdsError(() => c.NamingProperties, "E_NOTIMPL", 0x80004001);
    expectAdsError(() => {
      (c as Late).NamingProperties = ["Name"];
    }, "E_NOTIMPL");
  });

  it.each(["DerivedFrom", "AuxDerivedFrom"])(
    "%s → unsupportedPropertyError, reading and writing",
    (member) => {
      const c = cls();
      expectAdsError(() => c[member], windowsProfile.unsupportedPropertyError, 0x80005006);
      expectAdsError(() => {
        c[member] = [];
      }, windowsProfile.unsupportedPropertyError);
    },
  );

  it("Qualifiers() → E_NOTIMPL", () => {
    expectAdsError(() => cls().Qualifiers(), "E_NOTIMPL", 0x80004001);
  });

  it("the supported members still answer", () => {
    expect(cls().MandatoryProperties).toEqual(["Path", "MaxUserCount"]);
  });
});

describe("IADsProperty.Qualifiers() → E_NOTIMPL", () => {
  it("on WinNT://CORP/Schema/Path", () => {
    const property = fresh().GetObject<IADsProperty & Late>("WinNT://CORP/Schema/Path");
    expectAdsError(() => property.Qualifiers(), "E_NOTIMPL", 0x80004001);
    expect(property.Syntax).toBe("Path");
  });
});
