/**
 * The IADs property cache beyond the §14 checklist (spec §3.2-3.4): properties outside the class,
 * read-only properties, type conversion, the dual-interface accessors, get-only IADs members,
 * non-administrator SetInfo and SetInfo on objects that cannot be written.
 */
import { describe, expect, it } from "vitest";
import {
  ADS_PROPERTY_UPDATE,
  ADS_SECURE_AUTHENTICATION,
  AdsError,
  createEmulator,
  HRESULT,
  windowsProfile,
} from "../../src/index.js";
import { ALICE, bind, catchAdsError, container, expectAdsError, fresh, type LateBound } from "./helpers.js";

const P = windowsProfile;
const PUBLIC = "WinNT://FS01/LanmanServer/Public";

describe("Put of a property the class does not define (spec §3.3 [U])", () => {
  it("fails with profile.propertyNotInClassError (0x80005006) and leaves cache and store unchanged", () => {
    expect(HRESULT[P.propertyNotInClassError]).toBe(0x80005006);
    const emu = fresh();
    const before = emu.state;
    const share = bind(emu, PUBLIC);
    for (const name of ["Owner", "Bogus", "DisplayName", "", "Path ", "__proto__", "constructor"]) {
      expectAdsError(() => share.Put(name, "x"), P.propertyNotInClassError, 0x80005006);
      expectAdsError(() => share.PutEx(ADS_PROPERTY_UPDATE, name, ["x"]), P.propertyNotInClassError);
      expectAdsError(() => share.Get(name), P.propertyNotInClassError);
      expectAdsError(() => share.GetEx(name), P.propertyNotInClassError);
      expectAdsError(() => share.GetInfoEx([name], 0), P.propertyNotInClassError);
    }
    expect(emu.state).toBe(before);
    // The cache still loads and holds the stored values only.
    expect(share.Get("Path")).toBe("C:\\Shares\\Public");
    share.SetInfo(); // nothing pending: nothing to write
    expect(emu.state).toBe(before);

    const computer = bind(emu, "WinNT://FS01");
    expectAdsError(() => computer.Put("Path", "x"), P.propertyNotInClassError);
    expectAdsError(() => computer.Put("Description", "x"), P.propertyNotInClassError);
    expectAdsError(() => bind(emu, "WinNT://FS01/Spooler").Put("MaxUserCount", 3), P.propertyNotInClassError);
    expect(emu.state).toBe(before);
  });

  it("follows the profile field", () => {
    const emu = createEmulator({ profile: { ...P, propertyNotInClassError: "E_ADS_PROPERTY_INVALID" } });
    expectAdsError(() => bind(emu, PUBLIC).Put("Owner", "x"), "E_ADS_PROPERTY_INVALID", 0x80005007);
    expectAdsError(() => bind(emu, PUBLIC).Get("Owner"), "E_ADS_PROPERTY_INVALID", 0x80005007);
  });
});

describe("Put of a read-only property (spec §3.3 [U], §9.3)", () => {
  it("FileShare CurrentUserCount/HostComputer and Service HostComputer fail with profile.readOnlyPropertyPutError", () => {
    expect(HRESULT[P.readOnlyPropertyPutError]).toBe(0x80005006);
    const emu = fresh();
    const before = emu.state;
    const share = bind(emu, PUBLIC);
    expectAdsError(() => share.Put("CurrentUserCount", 3), P.readOnlyPropertyPutError, 0x80005006);
    expectAdsError(
      () => share.PutEx(ADS_PROPERTY_UPDATE, "CurrentUserCount", [3]),
      P.readOnlyPropertyPutError,
    );
    expectAdsError(() => share.Put("HostComputer", "WinNT://CORP/DC01"), P.readOnlyPropertyPutError);
    const spooler = bind(emu, "WinNT://FS01/Spooler");
    expectAdsError(
      () => spooler.Put("HostComputer", "WinNT://CORP/DC01"),
      P.readOnlyPropertyPutError,
      0x80005006,
    );
    const lanman = bind(emu, "WinNT://FS01/LanmanServer");
    expectAdsError(() => lanman.Put("HostComputer", "WinNT://CORP/DC01"), P.readOnlyPropertyPutError);
    share.SetInfo();
    spooler.SetInfo();
    lanman.SetInfo();
    expect(emu.state).toBe(before);
    expect(share.Get("HostComputer")).toBe("WinNT://CORP/FS01");
    expect(spooler.Get("HostComputer")).toBe("WinNT://CORP/FS01");
    expect(typeof share.Get("CurrentUserCount")).toBe("number");
  });

  it("follows the profile field", () => {
    const emu = createEmulator({ profile: { ...P, readOnlyPropertyPutError: "E_ADS_PROPERTY_INVALID" } });
    expectAdsError(() => bind(emu, PUBLIC).Put("CurrentUserCount", 1), "E_ADS_PROPERTY_INVALID", 0x80005007);
  });
});

describe("Put with a value of the wrong type (spec §3.2, VariantChangeType)", () => {
  it('Put("MaxUserCount", "abc") and Put("Path", 5) fail with E_ADS_CANT_CONVERT_DATATYPE (0x8000500C)', () => {
    const emu = fresh();
    const before = emu.state;
    const share = bind(emu, PUBLIC);
    expectAdsError(() => share.Put("MaxUserCount", "abc"), "E_ADS_CANT_CONVERT_DATATYPE", 0x8000500c);
    expectAdsError(() => share.Put("Path", 5), "E_ADS_CANT_CONVERT_DATATYPE", 0x8000500c);
    expectAdsError(() => share.Put("Path", true), "E_ADS_CANT_CONVERT_DATATYPE", 0x8000500c);
    expectAdsError(() => share.Put("MaxUserCount", 1.5), "E_ADS_CANT_CONVERT_DATATYPE", 0x8000500c);
    expectAdsError(() => share.Put("MaxUserCount", 2 ** 40), "E_ADS_CANT_CONVERT_DATATYPE", 0x8000500c);
    expectAdsError(() => share.Put("Description", ["a", "b"]), "E_ADS_CANT_CONVERT_DATATYPE", 0x8000500c);
    expectAdsError(
      () => bind(emu, "WinNT://FS01/Spooler").PutEx(ADS_PROPERTY_UPDATE, "Dependencies", [1, 2]),
      "E_ADS_CANT_CONVERT_DATATYPE",
      0x8000500c,
    );
    // A failed Put leaves the cached value alone.
    expect(share.Get("MaxUserCount")).toBe(-1);
    expect(share.Get("Path")).toBe("C:\\Shares\\Public");
    share.SetInfo();
    expect(emu.state).toBe(before);
  });

  it("a numeric string converts to an Integer property, as VariantChangeType does", () => {
    const emu = fresh();
    const share = bind(emu, PUBLIC);
    share.Put("MaxUserCount", "7");
    expect(share.Get("MaxUserCount")).toBe(7);
    share.SetInfo();
    expect(bind(emu, PUBLIC).Get("MaxUserCount")).toBe(7);
  });
});

describe("dual-interface accessors go through the cache (spec §3.1)", () => {
  it("share.Path = x is Put; share.Path is Get", () => {
    const emu = fresh();
    const before = emu.state;
    const share = bind(emu, PUBLIC);
    expect(share.Path).toBe("C:\\Shares\\Public");
    expect(share.Path).toBe(share.Get("Path"));
    share.Path = "C:\\Moved";
    expect(share.Get("Path")).toBe("C:\\Moved");
    expect(share.Path).toBe("C:\\Moved");
    // Put only touches the cache.
    expect(emu.state).toBe(before);
    expect(bind(emu, PUBLIC).Path).toBe("C:\\Shares\\Public");
    share.SetInfo();
    expect(bind(emu, PUBLIC).Path).toBe("C:\\Moved");

    share.Description = "New text";
    expect(share.Get("Description")).toBe("New text");
    share.GetInfo(); // discards the pending Put
    expect(share.Description).toBe("Everyone's files");
    // A wrong type through the accessor is the same conversion failure.
    expectAdsError(() => {
      share.MaxUserCount = "abc";
    }, "E_ADS_CANT_CONVERT_DATATYPE");
  });

  it("computer and service accessors are Get/Put too", () => {
    const emu = fresh();
    const computer = bind(emu, "WinNT://FS01");
    computer.Owner = "JeffSmith";
    expect(computer.Get("Owner")).toBe("JeffSmith");
    const spooler = bind(emu, "WinNT://FS01/Spooler");
    expect(spooler.DisplayName).toBe("Print Spooler");
    spooler.DisplayName = "Spooler (renamed)";
    expect(spooler.Get("DisplayName")).toBe("Spooler (renamed)");
    expect(bind(emu, "WinNT://FS01/Spooler").DisplayName).toBe("Print Spooler");
  });
});

describe("writing a get-only IADs member (spec §3.3 [D]: DISP_E_MEMBERNOTFOUND, never a TypeError)", () => {
  const objects: [string, string][] = [
    ["FileShare", PUBLIC],
    ["Computer", "WinNT://FS01"],
    ["FileService", "WinNT://FS01/LanmanServer"],
    ["Service", "WinNT://FS01/Spooler"],
    ["Domain", "WinNT://CORP"],
    ["Namespace", "WinNT:"],
    ["Class", "WinNT://CORP/Schema/FileShare"],
  ];
  // The IADs members live on AdsObject.prototype: the guard must cover inherited accessors too.
  for (const [kind, path] of objects) {
    for (const member of ["Name", "ADsPath", "Class", "GUID", "Parent", "Schema"]) {
      it(`${kind}: obj.${member} = "x" throws AdsError DISP_E_MEMBERNOTFOUND (0x80020003)`, () => {
        const object = bind(fresh(), path);
        let before: unknown;
        try {
          before = object[member];
        } catch {
          before = undefined; // e.g. Schema of a schema object
        }
        expectAdsError(
          () => {
            object[member] = "x";
          },
          "DISP_E_MEMBERNOTFOUND",
          0x80020003,
        );
        if (before !== undefined) expect(object[member]).toBe(before);
      });
    }
  }

  it("Computer: container.Count = 1 throws AdsError DISP_E_MEMBERNOTFOUND, not TypeError", () => {
    const computer = bind(fresh(), "WinNT://FS01");
    expectAdsError(() => {
      computer.Count = 1;
    }, "DISP_E_MEMBERNOTFOUND");
  });

  it("get-only members declared by the class itself (Status) already throw DISP_E_MEMBERNOTFOUND", () => {
    const emu = fresh();
    for (const path of ["WinNT://FS01/LanmanServer", "WinNT://FS01/Spooler"]) {
      const service = bind(emu, path);
      const status = service.Status;
      expectAdsError(
        () => {
          service.Status = 1;
        },
        "DISP_E_MEMBERNOTFOUND",
        0x80020003,
      );
      expect(service.Status).toBe(status);
    }
    const cls = bind(emu, "WinNT://CORP/Schema/FileShare");
    expectAdsError(() => {
      cls.MandatoryProperties = [];
    }, "DISP_E_MEMBERNOTFOUND");
  });

  it("assigning a get-only IADs member throws and never changes it", () => {
    const object = bind(fresh(), PUBLIC);
    const late: Record<string, unknown> = object;
    let thrown: unknown;
    try {
      late.Name = "x";
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeDefined();
    expect(object.Name).toBe("Public");
  });
});

describe("SetInfo by a non-administrator (spec §11.3)", () => {
  const cases: [string, string, string, unknown][] = [
    ["share", PUBLIC, "Description", "hacked"],
    ["share (Path)", PUBLIC, "Path", "C:\\Elsewhere"],
    ["share (MaxUserCount)", "WinNT://FS01/LanmanServer/Finance", "MaxUserCount", 1],
    ["service", "WinNT://FS01/Spooler", "DisplayName", "hacked"],
    ["service (StartType)", "WinNT://FS01/Spooler", "StartType", 4],
    ["file service (Dependencies)", "WinNT://FS01/LanmanServer", "Dependencies", ["Service:X"]],
    ["file service", "WinNT://FS01/LanmanServer", "Description", "hacked"],
    ["file service (MaxUserCount)", "WinNT://FS01/LanmanServer", "MaxUserCount", 3],
  ];
  for (const [label, path, property, value] of cases) {
    it(`${label}: 0x80070005 and emu.state is the very same object`, () => {
      const emu = fresh();
      const object = emu.OpenDSObject<LateBound>(path, ALICE.user, ALICE.password, ADS_SECURE_AUTHENTICATION);
      const stored = bind(emu, path).GetEx(property as string);
      object.Put(property as string, value as string);
      const before = emu.state;
      expectAdsError(() => object.SetInfo(), "E_ACCESSDENIED", 0x80070005);
      expect(emu.state).toBe(before);
      expect(bind(emu, path).GetEx(property as string)).toEqual(stored);
    });
  }

  it("alice can still read what she cannot write", () => {
    const emu = fresh();
    const share = emu.OpenDSObject<LateBound>(PUBLIC, ALICE.user, ALICE.password, ADS_SECURE_AUTHENTICATION);
    expect(share.Get("Path")).toBe("C:\\Shares\\Public");
  });

  it("the guest context (null-credential fallback) is refused as well", () => {
    const emu = createEmulator({ caller: null });
    const share = bind(emu, PUBLIC);
    share.Put("Description", "guest was here");
    const before = emu.state;
    expectAdsError(() => share.SetInfo(), "E_ACCESSDENIED", 0x80070005);
    expect(emu.state).toBe(before);
  });
});

describe("SetInfo on objects that cannot be written (spec §3.4 [U])", () => {
  it("Schema, Class, Property, Syntax and Namespace objects fail with profile.setInfoNotSupportedError", () => {
    expect(HRESULT[P.setInfoNotSupportedError]).toBe(0x80004001);
    const emu = fresh();
    const before = emu.state;
    for (const path of [
      "WinNT://CORP/Schema",
      "WinNT://CORP/Schema/FileShare",
      "WinNT://CORP/Schema/Path",
      "WinNT://CORP/Schema/String",
      "WinNT://FS01/Schema/Session",
      "WinNT:",
    ]) {
      expectAdsError(() => bind(emu, path).SetInfo(), P.setInfoNotSupportedError, 0x80004001);
    }
    expect(emu.state).toBe(before);
  });

  it("follows the profile field", () => {
    const emu = createEmulator({ profile: { ...P, setInfoNotSupportedError: "E_ADS_BAD_PARAMETER" } });
    expectAdsError(() => bind(emu, "WinNT://CORP/Schema/FileShare").SetInfo(), "E_ADS_BAD_PARAMETER");
  });
});

describe("cache life cycle (spec §3.2)", () => {
  it("after the first load Get reads the cache only; GetInfo refreshes it", () => {
    const emu = fresh();
    const reader = bind(emu, PUBLIC);
    expect(reader.Get("Description")).toBe("Everyone's files");
    const writer = bind(emu, PUBLIC);
    writer.Put("Description", "Changed");
    writer.SetInfo();
    expect(reader.Get("Description")).toBe("Everyone's files");
    reader.GetInfo();
    expect(reader.Get("Description")).toBe("Changed");
  });

  it("GetInfo before SetInfo discards pending Puts: the following SetInfo writes nothing", () => {
    const emu = fresh();
    const share = bind(emu, PUBLIC);
    share.Put("Description", "lost");
    share.GetInfo();
    const before = emu.state;
    share.SetInfo();
    expect(emu.state).toBe(before);
    expect(bind(emu, PUBLIC).Get("Description")).toBe("Everyone's files");
  });

  it("GetInfoEx discards the pending Put of the listed property only", () => {
    const emu = fresh();
    const share = bind(emu, PUBLIC);
    share.Put("Description", "kept");
    share.Put("Path", "C:\\Discarded");
    share.GetInfoEx(["Path"], 0);
    share.SetInfo();
    const fresh2 = bind(emu, PUBLIC);
    expect(fresh2.Get("Description")).toBe("kept");
    expect(fresh2.Get("Path")).toBe("C:\\Shares\\Public");
  });

  it("property names are case-insensitive", () => {
    const share = bind(fresh(), PUBLIC);
    expect(share.Get("path")).toBe("C:\\Shares\\Public");
    expect(share.Get("PATH")).toBe("C:\\Shares\\Public");
    share.Put("description", "lower");
    expect(share.Get("DESCRIPTION")).toBe("lower");
  });

  it("arrays handed out by Get/GetEx are copies: mutating them does not change the cache", () => {
    const lanman = bind(fresh(), "WinNT://FS01/LanmanServer");
    const deps = lanman.GetEx("Dependencies") as string[];
    deps.push("Service:Injected");
    (lanman.Get("Dependencies") as string[]).length = 0;
    expect(lanman.GetEx("Dependencies")).toEqual(["Service:SamSS", "Service:Srv2"]);
  });

  it("values placed by Put on a created, unsaved share are readable without a load", () => {
    const emu = fresh();
    const share = container(emu, "WinNT://FS01/LanmanServer").Create("FileShare", "Draft") as LateBound;
    share.Put("Path", "C:\\Draft");
    expect(share.Get("Path")).toBe("C:\\Draft");
    expectAdsError(() => share.Get("Description"), "E_ADS_PROPERTY_NOT_FOUND", 0x8000500d);
    expectAdsError(() => share.GetInfoEx(["Path"], 0), "E_ADS_OBJECT_UNBOUND", 0x80005009);
  });

  it("a Put value that the store refuses at SetInfo leaves the state unchanged", () => {
    const emu = fresh();
    const share = bind(emu, PUBLIC);
    share.Put("MaxUserCount", -5);
    const before = emu.state;
    const error = catchAdsError(() => share.SetInfo());
    expect(error).toBeInstanceOf(AdsError);
    expect(emu.state).toBe(before);
    expect(bind(emu, PUBLIC).Get("MaxUserCount")).toBe(-1);
  });
});
