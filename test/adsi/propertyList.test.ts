/**
 * IADsPropertyList, IADsPropertyEntry, IADsPropertyValue (issue 7 item 12; MicrosoftDocs IADs::GetInfo
 * and IADsPropertyList pages; spec §1.1 for which objects expose it). The first test is the docs'
 * GetInfo example, ported line by line.
 */
import { describe, expect, it } from "vitest";
import type { IADsPropertyList } from "../../src/adsi/interfaces/IADsPropertyList.js";
import {
  ADSTYPE_CASE_EXACT_STRING,
  ADSTYPE_CASE_IGNORE_STRING,
  ADSTYPE_INTEGER,
  ADSTYPE_UNKNOWN,
} from "../../src/adsi/propertyList/adsTypes.js";
import { createPropertyEntry } from "../../src/adsi/propertyList/PropertyEntry.js";
import { createPropertyValue } from "../../src/adsi/propertyList/PropertyValue.js";
import {
  ADS_PROPERTY_CLEAR,
  ADS_PROPERTY_UPDATE,
  createEmulator,
  type IADs,
  type IADsFileServiceOperations,
  QueryInterface,
} from "../../src/index.js";
import { serverFixture } from "../fileService/helpers.js";
import { expectAdsError, fresh } from "./helpers.js";

type List = IADsPropertyList & IADs;

/** ShowPropertyCache of the docs: every entry's name and its values' CaseIgnoreString. */
function showPropertyCache(pList: List): Record<string, string[]> {
  const shown: Record<string, string[]> = {};
  for (let i = 0; i <= pList.PropertyCount - 1; i++) {
    const pEntry = pList.Item(i);
    shown[pEntry.Name] = pEntry.Values.map((pValue) => pValue.CaseIgnoreString);
  }
  return shown;
}

describe("the docs' IADs::GetInfo example on WinNT://localhost,computer", () => {
  it("Put leaves the cache uninitialized with one value; Get loads the rest; GetInfo overwrites", () => {
    const emu = fresh();
    const pList = emu.GetObject<List>("WinNT://localhost,computer");
    expect(pList.PropertyCount).toBe(0); // "0 for empty cache" (the C++ example)
    pList.Put("Owner", "JeffSmith"); // Property cache remains uninitialized, but with one property value.
    expect(pList.PropertyCount).toBe(1); // count = 1
    pList.Get("Division"); // pList.GetInfo is called implicitly
    expect(showPropertyCache(pList)).toEqual({
      Owner: ["JeffSmith"],
      Division: ["Operations"],
      OperatingSystem: ["Windows NT"],
      OperatingSystemVersion: ["10.0"],
      Processor: ["Intel64 Family 6 Model 85 Stepping 7"],
      ProcessorCount: ["Multiprocessor Free"],
    });
    pList.GetInfo(); // Refreshes the entire cache, overwriting "JeffSmith" for the Owner property.
    expect(showPropertyCache(pList).Owner).toEqual(["CORP IT"]);
  });
});

describe("walking the list", () => {
  it("Next returns the entries in order, then fails with the profile's propertyListEndError", () => {
    const share = fresh().GetObject<List>("WinNT://FS01/LanmanServer/Public");
    share.GetInfo();
    const names: string[] = [];
    for (let i = 0; i < share.PropertyCount; i++) names.push(share.Next().Name);
    expect(names).toEqual(["Path", "MaxUserCount", "CurrentUserCount", "HostComputer", "Description"]);
    expectAdsError(() => share.Next(), "ERROR_NO_MORE_ITEMS", 0x80070103);
    share.Reset();
    share.Skip(3);
    expect(share.Next().Name).toBe("HostComputer");
    share.Skip(100); // never past the end
    expectAdsError(() => share.Next(), "ERROR_NO_MORE_ITEMS");
    expectAdsError(() => share.Skip(-1), "E_INVALIDARG");
  });

  it("Item by index (automation rounding) and by name (case-insensitive); unknown → E_ADS_PROPERTY_NOT_FOUND", () => {
    const share = fresh().GetObject<List>("WinNT://FS01/LanmanServer/Public");
    share.GetInfo();
    expect(share.Item(0).Name).toBe("Path");
    expect(share.Item(1.5).Name).toBe("CurrentUserCount"); // 1.5 rounds half to even: 2
    expect(share.Item("maxusercount").Values[0]?.Integer).toBe(-1);
    expect(share.Item("maxusercount").ADsType).toBe(ADSTYPE_INTEGER);
    expectAdsError(() => share.Item(99), "E_ADS_PROPERTY_NOT_FOUND");
    expectAdsError(() => share.Item("Nope"), "E_ADS_PROPERTY_NOT_FOUND");
    expectAdsError(() => share.Item(null as never), "DISP_E_TYPEMISMATCH");
  });

  it("entries are copies: changing one changes nothing until PutPropertyItem", () => {
    const share = fresh().GetObject<List>("WinNT://FS01/LanmanServer/Public");
    share.GetInfo();
    const entry = share.Item("Path");
    expect(entry.ControlCode).toBe(0); // loaded, not Put
    const value = entry.Values[0];
    if (!value) throw new Error("no value");
    value.CaseIgnoreString = "C:\\elsewhere";
    expect(share.Get("Path")).toBe("C:\\Shares\\Public");
  });
});

describe("GetPropertyItem and IADsPropertyValue types", () => {
  it("string properties read as CASE_IGNORE_STRING, or another string type on request; Integer as INTEGER", () => {
    const share = fresh().GetObject<List>("WinNT://FS01/LanmanServer/Public");
    share.GetInfo();
    const path = share.GetPropertyItem("Path", ADSTYPE_UNKNOWN);
    expect([path.Name, path.ADsType]).toEqual(["Path", ADSTYPE_CASE_IGNORE_STRING]);
    expect(path.Values[0]?.CaseIgnoreString).toBe("C:\\Shares\\Public");
    const exact = share.GetPropertyItem("path", ADSTYPE_CASE_EXACT_STRING);
    expect(exact.Values[0]?.CaseExactString).toBe("C:\\Shares\\Public");
    expectAdsError(() => exact.Values[0]?.CaseIgnoreString, "E_ADS_CANT_CONVERT_DATATYPE");
    expectAdsError(() => share.GetPropertyItem("Path", ADSTYPE_INTEGER), "E_ADS_CANT_CONVERT_DATATYPE");
    expectAdsError(() => share.GetPropertyItem("Path", 99), "E_ADS_BAD_PARAMETER");
    expectAdsError(() => share.GetPropertyItem("Nope", ADSTYPE_UNKNOWN), "E_ADS_PROPERTY_NOT_FOUND");
  });

  it("a value reads only through the member of its type; Clear empties it", () => {
    const value = createPropertyValue();
    expect(value.ADsType).toBe(0);
    value.Integer = 7;
    expect([value.ADsType, value.Integer]).toEqual([ADSTYPE_INTEGER, 7]);
    expectAdsError(() => value.CaseIgnoreString, "E_ADS_CANT_CONVERT_DATATYPE");
    expectAdsError(() => {
      value.Integer = 1.5;
    }, "DISP_E_TYPEMISMATCH");
    expectAdsError(() => value.LargeInteger, "E_NOTIMPL");
    value.Clear();
    expectAdsError(() => value.Integer, "E_ADS_CANT_CONVERT_DATATYPE");
  });
});

describe("changing the cache through the list", () => {
  it("PutPropertyItem as in the docs, then SetInfo, writes the share", () => {
    const emu = fresh();
    const propList = emu.GetObject<List>("WinNT://FS01/LanmanServer/Public");
    const propVal = createPropertyValue();
    propVal.CaseIgnoreString = "Fabrikam, Inc - Seattle, WA";
    propVal.ADsType = ADSTYPE_CASE_IGNORE_STRING;
    const propEntry = createPropertyEntry();
    propEntry.Name = "Description";
    propEntry.Values = [propVal];
    propEntry.ControlCode = ADS_PROPERTY_UPDATE;
    propEntry.ADsType = ADSTYPE_CASE_IGNORE_STRING;
    propList.PutPropertyItem(propEntry);
    expect(propList.Item("Description").ControlCode).toBe(ADS_PROPERTY_UPDATE);
    propList.SetInfo();
    expect(emu.GetObject("WinNT://FS01/LanmanServer/Public").Get("Description")).toBe(
      "Fabrikam, Inc - Seattle, WA",
    );
  });

  it("PutPropertyItem checks like PutEx: read-only, unknown, mistyped, bad control code, not an entry", () => {
    const share = fresh().GetObject<List>("WinNT://FS01/LanmanServer/Public");
    const entry = (name: string, code: number, set: (v: ReturnType<typeof createPropertyValue>) => void) => {
      const value = createPropertyValue();
      set(value);
      const e = createPropertyEntry();
      e.Name = name;
      e.ControlCode = code;
      e.Values = [value];
      return e;
    };
    const text = (v: ReturnType<typeof createPropertyValue>) => {
      v.CaseIgnoreString = "x";
    };
    expectAdsError(
      () => share.PutPropertyItem(entry("CurrentUserCount", 2, text)),
      "E_ADS_PROPERTY_NOT_SUPPORTED",
    );
    expectAdsError(() => share.PutPropertyItem(entry("Nope", 2, text)), "E_ADS_PROPERTY_NOT_SUPPORTED");
    expectAdsError(
      () => share.PutPropertyItem(entry("MaxUserCount", 2, text)),
      "E_ADS_CANT_CONVERT_DATATYPE",
    );
    expectAdsError(() => share.PutPropertyItem(entry("Path", 0, text)), "E_ADS_BAD_PARAMETER");
    expectAdsError(() => share.PutPropertyItem({ Name: "Path" } as never), "E_ADS_BAD_PARAMETER");
    const cleared = createPropertyEntry();
    cleared.Name = "Description";
    cleared.ControlCode = ADS_PROPERTY_CLEAR;
    share.PutPropertyItem(cleared); // CLEAR with no values unsets it (profile putExEmptyClears)
  });

  it("ResetPropertyItem drops an entry from the cache only; SetInfo does not delete it", () => {
    const emu = fresh();
    const share = emu.GetObject<List>("WinNT://FS01/LanmanServer/Public");
    share.GetInfo();
    const count = share.PropertyCount;
    share.Put("Description", "changed");
    share.ResetPropertyItem("Description");
    expect(share.PropertyCount).toBe(count - 1);
    share.SetInfo();
    expect(emu.GetObject("WinNT://FS01/LanmanServer/Public").Get("Description")).toBe("Everyone's files");
    expectAdsError(() => share.ResetPropertyItem("Description"), "E_ADS_PROPERTY_NOT_FOUND");
  });

  it("PurgePropertyList empties the cache; the next Get loads it again", () => {
    const share = fresh().GetObject<List>("WinNT://FS01/LanmanServer/Public");
    share.GetInfo();
    share.Put("Path", "C:\\x");
    share.PurgePropertyList();
    expect(share.PropertyCount).toBe(0);
    expect(share.Get("Path")).toBe("C:\\Shares\\Public");
  });
});

describe("which objects expose IADsPropertyList (spec §1.1)", () => {
  it("Domain, Computer, Service, FileService, FileShare, Session, Resource do", () => {
    const emu = fresh();
    const fso = emu.GetObject<IADsFileServiceOperations & List>("WinNT://FS01/LanmanServer");
    const session = [...fso.Sessions()][0] as unknown as List;
    const resource = [...fso.Resources()][0] as unknown as List;
    for (const object of [
      emu.GetObject("WinNT://CORP"),
      emu.GetObject("WinNT://FS01"),
      emu.GetObject("WinNT://FS01/Spooler"),
      fso,
      emu.GetObject("WinNT://FS01/LanmanServer/Public"),
      session,
      resource,
    ]) {
      expect(QueryInterface<List>(object, "IADsPropertyList").PropertyCount).toBeTypeOf("number");
    }
    session.GetInfo(); // spec §6: the list exposes the same four values
    const entries = Array.from({ length: session.PropertyCount }, (_, i) => session.Item(i));
    expect(entries.map((e) => [e.Name, e.ADsType])).toEqual([
      ["User", ADSTYPE_CASE_IGNORE_STRING],
      ["Computer", ADSTYPE_CASE_IGNORE_STRING],
      ["ConnectTime", ADSTYPE_INTEGER],
      ["IdleTime", ADSTYPE_INTEGER],
    ]);
    expect(entries[2]?.Values[0]?.Integer).toBe(session.Get("ConnectTime"));
  });

  it("FPNWFileService, the namespace and schema objects do not", () => {
    const emu = createEmulator({
      fixture: serverFixture({ kind: "fpnwFileService", service: "FPNW" }),
      caller: null,
    });
    const fpnw = emu.GetObject<List>("WinNT://FS01/FPNW");
    expectAdsError(() => QueryInterface(fpnw, "IADsPropertyList"), "E_NOINTERFACE");
    expectAdsError(() => fpnw.PropertyCount, "DISP_E_UNKNOWNNAME");
    expectAdsError(() => fpnw.Next(), "DISP_E_UNKNOWNNAME");
    for (const path of ["WinNT:", "WinNT://WORKGROUP/Schema", "WinNT://WORKGROUP/Schema/FileShare"]) {
      const object = emu.GetObject<List>(path);
      expectAdsError(() => QueryInterface(object, "IADsPropertyList"), "E_NOINTERFACE");
      expect(object.PropertyCount).toBeUndefined();
    }
  });
});
