/**
 * Spec §14 checklist, items 1-14, 24-27 and 30-33: one test per item, titled with the item number.
 * [U] codes are read from the profile field that settles them, and the default's numeric HRESULT is
 * pinned as well, so a profile change moves the test with it and a silent catalog change is caught.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ADS_NO_AUTHENTICATION,
  ADS_NO_REFERRAL_CHASING,
  ADS_PROPERTY_APPEND,
  ADS_PROPERTY_CLEAR,
  ADS_PROPERTY_DELETE,
  ADS_SECURE_AUTHENTICATION,
  ADS_SERVER_BIND,
  ADS_USE_ENCRYPTION,
  ADS_USE_SEALING,
  ADS_USE_SIGNING,
  AdsError,
  createEmulator,
  DEFAULT_FIXTURE_URL,
  type Fixture,
  HRESULT,
  type IADs,
  type IADsClass,
  type IADsCollection,
  type IADsContainer,
  type IADsFileServiceOperations,
  QueryInterface,
  windowsProfile,
} from "../../src/index.js";
import {
  ADMIN,
  ALICE,
  bind,
  catchAdsError,
  childClasses,
  childNames,
  container,
  createShare,
  expectAdsError,
  fresh,
  type LateBound,
} from "./helpers.js";

const P = windowsProfile;
const FS01_SHARES = ["ADMIN$", "C$", "IPC$", "Public", "Finance", "Users"];

/** Whether the file service already exposes IADsFileServiceOperations.Sessions (spec §5.2, §8.2). */
const SESSIONS_AVAILABLE = (() => {
  try {
    return typeof bind(fresh(), "WinNT://FS01/LanmanServer").Sessions === "function";
  } catch {
    return false;
  }
})();

/** The default fixture plus an FPNW file service with one share on FS01 (for the FPNW class names). */
function fixtureWithFpnw(): Fixture {
  interface Json {
    domains: { computers: { name: string; services: unknown[] }[] }[];
  }
  const fixture = JSON.parse(readFileSync(DEFAULT_FIXTURE_URL, "utf8")) as Json;
  const fs01 = fixture.domains.flatMap((d) => d.computers).find((c) => c.name === "FS01");
  fs01?.services.push({
    name: "FPNW",
    kind: "fpnwFileService",
    displayName: "File Server for NetWare",
    shares: [{ name: "SYS", path: "C:\\NetWare\\SYS" }],
  });
  return fixture as never; // parsed JSON, validated by createEmulator
}

describe("spec §14 checklist", () => {
  it("§14.1 WinNT: prefix is matched case-sensitively; winnt://x does not bind", () => {
    const emu = fresh();
    expect(HRESULT[P.wrongCaseProviderError]).toBe(0x80005000);
    for (const path of [
      "winnt://x",
      "winnt://FS01",
      "WINNT://CORP",
      "Winnt:",
      "WINNT:",
      "winNT://FS01/LanmanServer",
    ]) {
      expectAdsError(() => emu.GetObject(path), P.wrongCaseProviderError, 0x80005000);
      expectAdsError(
        () => emu.OpenDSObject(path, ALICE.user, ALICE.password, ADS_SECURE_AUTHENTICATION),
        P.wrongCaseProviderError,
      );
    }
    // The exact spelling binds.
    expect(emu.GetObject("WinNT:").Class).toBe("Namespace");
    expect(emu.GetObject("WinNT://FS01").Class).toBe("Computer");
    // The code follows the profile field.
    const moniker = createEmulator({ profile: { ...P, wrongCaseProviderError: "MK_E_SYNTAX" } });
    expectAdsError(() => moniker.GetObject("winnt://x"), "MK_E_SYNTAX", 0x800401e4);
  });

  it("§14.2 path components after the prefix are case-insensitive (WinNT://fs01/lanmanserver binds the same object as WinNT://FS01/LanmanServer)", () => {
    const emu = fresh();
    const canonical = emu.GetObject("WinNT://FS01/LanmanServer");
    for (const path of [
      "WinNT://fs01/lanmanserver",
      "WinNT://Fs01/LANMANSERVER",
      "WinNT://corp/fs01/LanManServer",
      "WinNT://fs01/lanmanserver,FILESERVICE",
    ]) {
      const same = emu.GetObject(path);
      expect(same.ADsPath).toBe(canonical.ADsPath);
      expect(same.Name).toBe("LanmanServer");
      expect(same.Class).toBe("FileService");
      expect(same.Parent).toBe(canonical.Parent);
    }
    expect(canonical.ADsPath).toBe("WinNT://CORP/FS01/LanmanServer");
    expect(emu.GetObject("WinNT://fs01/lanmanserver/FINANCE").ADsPath).toBe(
      "WinNT://CORP/FS01/LanmanServer/Finance",
    );
    expect(emu.GetObject("WinNT://corp").ADsPath).toBe("WinNT://CORP");
  });

  it("§14.3 ,computer / ,service class hints are accepted and only narrow the lookup; a contradicting hint fails", () => {
    const emu = fresh();
    const computer = emu.GetObject("WinNT://FS01,computer");
    expect([computer.Class, computer.ADsPath]).toEqual(["Computer", "WinNT://CORP/FS01"]);
    // (The domain-qualified form WinNT://CORP/FS01,computer is covered in binding.test.ts.)
    const viaService = emu.GetObject("WinNT://FS01/LanmanServer,service");
    expect([viaService.Class, viaService.ADsPath]).toEqual(["FileService", "WinNT://CORP/FS01/LanmanServer"]);
    const viaFileService = emu.GetObject("WinNT://FS01/LanmanServer,FileService");
    expect([viaFileService.Class, viaFileService.ADsPath]).toEqual([
      "FileService",
      "WinNT://CORP/FS01/LanmanServer",
    ]);
    expect(emu.GetObject("WinNT://FS01/Spooler,service").Class).toBe("Service");
    expect(emu.GetObject("WinNT://CORP,domain").Class).toBe("Domain");

    // A hint that contradicts the object's class: the not-found code of the hinted class.
    expect(HRESULT[P.unknownComputerError]).toBe(0x80070035);
    expectAdsError(() => emu.GetObject("WinNT://CORP,computer"), P.unknownComputerError, 0x80070035);
    expectAdsError(() => emu.GetObject("WinNT://FS01/Spooler,FileShare"), "NERR_NetNameNotFound", 0x80070906);
    expectAdsError(
      () => emu.GetObject("WinNT://FS01/Spooler,FileService"),
      P.unknownServiceError,
      0x80070424,
    );
    // An unknown hint.
    expectAdsError(() => emu.GetObject("WinNT://FS01,bogus"), "E_ADS_UNKNOWN_OBJECT", 0x80005004);
    expectAdsError(() => emu.GetObject("WinNT://FS01/Spooler,bogus"), "E_ADS_UNKNOWN_OBJECT", 0x80005004);
  });

  it("§14.4 WinNT://. resolves to the local machine; Parent of a machine-scoped object contains the domain/workgroup", () => {
    const emu = fresh();
    expect(P.localDotSpelling).toBe("keep");
    const dot = bind(emu, "WinNT://.");
    const fs01 = bind(emu, "WinNT://FS01");
    expect(dot.Class).toBe("Computer");
    expect(dot.Parent).toBe("WinNT://CORP");
    expect(dot.ADsPath).toBe("WinNT://CORP/.");
    // It is FS01: same stored properties, same children.
    expect(dot.Get("Owner")).toBe(fs01.Get("Owner"));
    expect(dot.Get("Processor")).toBe(fs01.Get("Processor"));
    expect(childNames(dot as unknown as IADsContainer)).toEqual(childNames(fs01 as unknown as IADsContainer));

    const fileService = emu.GetObject("WinNT://./LanmanServer");
    expect(fileService.Class).toBe("FileService");
    expect(fileService.Parent).toBe("WinNT://CORP/.");
    expect(childNames(fileService as unknown as IADsContainer)).toEqual(FS01_SHARES);
    expect(emu.GetObject("WinNT://./LanmanServer/Public").Parent).toBe("WinNT://CORP/./LanmanServer");

    // With the other spelling choice the computer component is the real name.
    const resolve = createEmulator({ profile: { ...P, localDotSpelling: "resolve" } });
    expect(resolve.GetObject("WinNT://.").Name).toBe("FS01");
    expect(resolve.GetObject("WinNT://./LanmanServer").Parent).toBe("WinNT://CORP/FS01");
  });

  it("§14.5 IADs.Class returns the exact strings Computer, FileService, FileShare, Service, Session, Resource (FPNW variants for FPNW)", () => {
    const emu = fresh();
    expect(emu.GetObject("WinNT://fs01").Class).toBe("Computer");
    expect(emu.GetObject("WinNT://fs01/lanmanserver").Class).toBe("FileService");
    expect(emu.GetObject("WinNT://fs01/lanmanserver/public").Class).toBe("FileShare");
    expect(emu.GetObject("WinNT://fs01/spooler").Class).toBe("Service");
    expect(emu.GetObject("WinNT://corp").Class).toBe("Domain");
    expect(emu.GetObject("WinNT:").Class).toBe("Namespace");

    const fpnw = createEmulator({ fixture: fixtureWithFpnw() });
    const fpnwService = fpnw.GetObject("WinNT://FS01/FPNW");
    expect(fpnwService.Class).toBe("FPNWFileService");
    expect(childClasses(fpnwService as unknown as IADsContainer)).toEqual(["FPNWFileShare:SYS"]);
    expect(fpnw.GetObject("WinNT://FS01/FPNW/SYS").Class).toBe("FPNWFileShare");

    if (SESSIONS_AVAILABLE) {
      const ops = emu.GetObject<IADsFileServiceOperations>("WinNT://FS01/LanmanServer");
      const sessions = [...ops.Sessions()];
      const resources = [...ops.Resources()];
      expect(sessions.length).toBeGreaterThan(0);
      expect(resources.length).toBeGreaterThan(0);
      expect(new Set(sessions.map((s) => s.Class))).toEqual(new Set(["Session"]));
      expect(new Set(resources.map((r) => r.Class))).toEqual(new Set(["Resource"]));
    }
  });

  it("§14.6 class-name arguments to Create/GetObject/Delete/Filter are case-insensitive; an unknown class name yields 0x80005004", () => {
    const emu = fresh();
    const fso = container(emu, "WinNT://FS01/LanmanServer");
    const computer = container(emu, "WinNT://FS01");

    // GetObject
    expect(fso.GetObject("fileShare", "Public").ADsPath).toBe("WinNT://CORP/FS01/LanmanServer/Public");
    expect(fso.GetObject("FILESHARE", "public").Name).toBe("Public");
    expect(computer.GetObject("service", "spooler").Class).toBe("Service");
    expect(computer.GetObject("SERVICE", "LanmanServer").Class).toBe("FileService");
    // Create (+ SetInfo) with "fileShare", Delete with "FILESHARE"
    const share = fso.Create("fileShare", "Docs");
    expect(share.Class).toBe("FileShare");
    share.Put("Path", "C:\\Docs");
    share.SetInfo();
    expect(fso.GetObject("FileShare", "Docs").Name).toBe("Docs");
    fso.Delete("FILESHARE", "Docs");
    expectAdsError(() => fso.GetObject("FileShare", "Docs"), "NERR_NetNameNotFound");
    // Filter
    computer.Filter = ["service"];
    expect(childNames(computer)).toEqual(["LanmanServer", "Spooler", "W32Time"]);
    computer.Filter = ["FILESERVICE"];
    expect(childNames(computer)).toEqual(["LanmanServer"]);
    fso.Filter = ["fileshare"];
    expect(childNames(fso)).toEqual(FS01_SHARES);

    // Unknown class name
    const before = emu.state;
    expectAdsError(() => fso.GetObject("bogus", "Public"), "E_ADS_UNKNOWN_OBJECT", 0x80005004);
    expectAdsError(() => fso.Create("bogus", "X"), "E_ADS_UNKNOWN_OBJECT", 0x80005004);
    expectAdsError(() => fso.Delete("bogus", "Public"), "E_ADS_UNKNOWN_OBJECT", 0x80005004);
    expectAdsError(() => computer.GetObject("bogus", "Spooler"), "E_ADS_UNKNOWN_OBJECT", 0x80005004);
    expectAdsError(() => computer.Create("bogus", "X"), "E_ADS_UNKNOWN_OBJECT", 0x80005004);
    expectAdsError(() => computer.Delete("bogus", "Spooler"), "E_ADS_UNKNOWN_OBJECT", 0x80005004);
    expectAdsError(() => fso.GetObject("File Share", "Public"), "E_ADS_UNKNOWN_OBJECT", 0x80005004);
    expect(emu.state).toBe(before);
  });

  it("§14.7 IADsContainer.Count returns E_NOTIMPL (0x80004001) on every WinNT container", () => {
    const emu = fresh();
    for (const path of [
      "WinNT:",
      "WinNT://CORP",
      "WinNT://LAB",
      "WinNT://FS01",
      "WinNT://LAB01",
      "WinNT://FS01/LanmanServer",
      "WinNT://CORP/Schema",
    ]) {
      const c = container(emu, path);
      expectAdsError(() => c.Count, "E_NOTIMPL", 0x80004001);
    }
  });

  it("§14.8 IADsContainer.CopyHere returns E_NOTIMPL; MoveHere only renames users/groups", () => {
    const emu = fresh();
    expect(HRESULT[P.moveHereError]).toBe(0x80004001);
    const before = emu.state;
    for (const path of ["WinNT://FS01/LanmanServer", "WinNT://FS01", "WinNT://CORP", "WinNT:"]) {
      const c = container(emu, path);
      expectAdsError(
        () => c.CopyHere("WinNT://CORP/FS01/LanmanServer/Public", "Copy"),
        "E_NOTIMPL",
        0x80004001,
      );
      expectAdsError(
        () => c.MoveHere("WinNT://CORP/FS01/LanmanServer/Public", "Moved"),
        P.moveHereError,
        0x80004001,
      );
    }
    expect(emu.state).toBe(before);
    expect(emu.GetObject("WinNT://FS01/LanmanServer/Public").Name).toBe("Public");
    const other = createEmulator({ profile: { ...P, moveHereError: "E_ADS_BAD_PARAMETER" } });
    expectAdsError(
      () => container(other, "WinNT://FS01/LanmanServer").MoveHere("WinNT://FS01/LanmanServer/Public", "X"),
      "E_ADS_BAD_PARAMETER",
    );
  });

  it('§14.9 Filter = Array("Service") on a computer restricts enumeration to services; empty Filter enumerates everything', () => {
    const computer = container(fresh(), "WinNT://FS01");
    const everything = childClasses(computer);
    expect(everything).toEqual(["FileService:LanmanServer", "Service:Spooler", "Service:W32Time"]);

    expect(P.serviceFilterIncludesFileServices).toBe(true);
    computer.Filter = ["Service"];
    const services = [...computer];
    expect(services.length).toBeGreaterThan(0);
    for (const child of services) expect(["Service", "FileService"]).toContain(child.Class);
    expect(childClasses(computer)).toEqual(everything);

    computer.Filter = ["FileService"];
    expect(childClasses(computer)).toEqual(["FileService:LanmanServer"]);

    computer.Filter = [];
    expect(childClasses(computer)).toEqual(everything);
    computer.Filter = undefined;
    expect(computer.Filter).toBeUndefined();
    expect(childClasses(computer)).toEqual(everything);

    // The domain: Filter = Array("Computer").
    const domain = container(fresh(), "WinNT://CORP");
    domain.Filter = ["Computer"];
    expect(childClasses(domain)).toEqual(["Computer:DC01", "Computer:FS01"]);
  });

  it("§14.10 enumerating LanmanServer yields FileShare objects only (no sessions/resources)", () => {
    const fso = container(fresh(), "WinNT://FS01/LanmanServer");
    const children = [...fso];
    expect(children.map((c) => c.Class)).toEqual(FS01_SHARES.map(() => "FileShare"));
    expect(children.map((c) => c.Name)).toEqual(FS01_SHARES);
    expect(children.map((c) => c.Parent)).toEqual(FS01_SHARES.map(() => "WinNT://CORP/FS01/LanmanServer"));
    // _NewEnum gives the same listing, in the same order.
    expect(fso._NewEnum.Next(100).map((c) => c.Name)).toEqual(FS01_SHARES);
    expect(childNames(container(fresh(), "WinNT://DC01/LanmanServer"))).toEqual(["NETLOGON", "SYSVOL"]);
  });

  it('§14.11 Create("FileShare", n) + Path + SetInfo creates a share; before SetInfo it does not exist; GetInfo before the first SetInfo → 0x80005009', () => {
    const emu = fresh();
    const fso = container(emu, "WinNT://FS01/LanmanServer");
    const before = emu.state;
    const docs = fso.Create("FileShare", "Docs") as LateBound;
    expect([docs.Class, docs.Name, docs.ADsPath]).toEqual([
      "FileShare",
      "Docs",
      "WinNT://CORP/FS01/LanmanServer/Docs",
    ]);
    expect(docs.Parent).toBe("WinNT://CORP/FS01/LanmanServer");
    expect(emu.state).toBe(before);
    expectAdsError(() => fso.GetObject("FileShare", "Docs"), "NERR_NetNameNotFound", 0x80070906);
    expectAdsError(() => emu.GetObject("WinNT://FS01/LanmanServer/Docs"), "NERR_NetNameNotFound", 0x80070906);
    expectAdsError(() => docs.GetInfo(), "E_ADS_OBJECT_UNBOUND", 0x80005009);
    expect(childNames(fso)).toEqual(FS01_SHARES);

    docs.Put("Path", "C:\\Shares\\Docs");
    expect(emu.state).toBe(before);
    expectAdsError(() => fso.GetObject("FileShare", "Docs"), "NERR_NetNameNotFound", 0x80070906);
    docs.SetInfo();

    expect(emu.state).not.toBe(before);
    const bound = fso.GetObject("FileShare", "Docs");
    expect(bound.Get("Path")).toBe("C:\\Shares\\Docs");
    expect(emu.GetObject("WinNT://FS01/LanmanServer/docs").Name).toBe("Docs");
    expect(childNames(fso)).toEqual([...FS01_SHARES, "Docs"]);
    // MaxUserCount was never set: the share is unlimited (-1).
    expect(docs.Get("MaxUserCount")).toBe(-1);
    expect(bound.Get("MaxUserCount")).toBe(-1);
    expect(docs.Get("Path")).toBe("C:\\Shares\\Docs");
    docs.GetInfo();
    expect(docs.Get("Path")).toBe("C:\\Shares\\Docs");
    expect(docs.Get("CurrentUserCount")).toBe(0);
  });

  it('§14.12 Delete("FileShare", n) removes the share immediately (no SetInfo)', () => {
    const emu = fresh();
    const fso = container(emu, "WinNT://FS01/LanmanServer");
    // A non-administrator cannot delete it, and the share stays.
    const asAlice = emu.OpenDSObject<IADsContainer>(
      "WinNT://FS01/LanmanServer",
      ALICE.user,
      ALICE.password,
      ADS_SECURE_AUTHENTICATION,
    );
    const before = emu.state;
    expectAdsError(() => asAlice.Delete("FileShare", "Users"), "E_ACCESSDENIED", 0x80070005);
    expect(emu.state).toBe(before);
    expect(childNames(fso)).toContain("Users");

    const pending = fso._NewEnum; // not read yet: the listing is taken at the first Next
    fso.Delete("FileShare", "Users");
    expect(emu.state).not.toBe(before);
    const without = FS01_SHARES.filter((name) => name !== "Users");
    expect(childNames(fso)).toEqual(without);
    expect(pending.Next(100).map((c) => c.Name)).toEqual(without);
    expectAdsError(() => fso.GetObject("FileShare", "Users"), "NERR_NetNameNotFound", 0x80070906);
    expectAdsError(
      () => emu.GetObject("WinNT://FS01/LanmanServer/Users"),
      "NERR_NetNameNotFound",
      0x80070906,
    );
    expectAdsError(() => fso.Delete("FileShare", "Users"), "NERR_NetNameNotFound", 0x80070906);
  });

  it("§14.13 FileShare MaxUserCount of unlimited reads back as -1; FileService MaxUserCount -1 means no limit", () => {
    const emu = fresh();
    expect(bind(emu, "WinNT://FS01/LanmanServer/Finance").MaxUserCount).toBe(5);
    expect(bind(emu, "WinNT://FS01/LanmanServer/Finance").Get("MaxUserCount")).toBe(5);
    expect(bind(emu, "WinNT://FS01/LanmanServer/Public").MaxUserCount).toBe(-1);
    expect(bind(emu, "WinNT://FS01/LanmanServer").MaxUserCount).toBe(-1);
    expect(bind(emu, "WinNT://FS01/LanmanServer").Get("MaxUserCount")).toBe(-1);
    // Shares without maxUserCount in the fixture are unlimited too.
    expect(bind(emu, "WinNT://DC01/LanmanServer/NETLOGON").MaxUserCount).toBe(-1);

    const finance = bind(emu, "WinNT://FS01/LanmanServer/Finance");
    finance.Put("MaxUserCount", -1);
    finance.SetInfo();
    expect(finance.Get("MaxUserCount")).toBe(-1);
    expect(bind(emu, "WinNT://FS01/LanmanServer/Finance").MaxUserCount).toBe(-1);

    // 0xFFFFFFFF (SHI_USES_UNLIMITED as a DWORD) is the same value as a LONG: -1.
    const users = bind(emu, "WinNT://FS01/LanmanServer/Users");
    users.Put("MaxUserCount", 10);
    users.SetInfo();
    expect(bind(emu, "WinNT://FS01/LanmanServer/Users").MaxUserCount).toBe(10);
    users.Put("MaxUserCount", 0xffffffff);
    users.SetInfo();
    expect(bind(emu, "WinNT://FS01/LanmanServer/Users").MaxUserCount).toBe(-1);
  });

  const item14 =
    "§14.14 IADsCollection objects expose no Count, no Name/ADsPath, and do not answer QueryInterface for IADs";
  if (SESSIONS_AVAILABLE) {
    it(item14, () => {
      const ops = fresh().GetObject<IADsFileServiceOperations>("WinNT://FS01/LanmanServer");
      const collections: [string, IADsCollection<IADs>][] = [
        ["Sessions", ops.Sessions()],
        ["Resources", ops.Resources()],
      ];
      for (const [, collection] of collections) {
        const late = collection as unknown as Record<string, unknown>;
        for (const member of ["Count", "Name", "ADsPath", "Class"]) {
          const error = catchAdsError(() => late[member]);
          expect(["DISP_E_UNKNOWNNAME", "DISP_E_MEMBERNOTFOUND"]).toContain(error.code);
        }
        expectAdsError(() => QueryInterface(collection, "IADs"), "E_NOINTERFACE", 0x80004002);
        expectAdsError(() => QueryInterface(collection, "IADsContainer"), "E_NOINTERFACE", 0x80004002);
        expect(QueryInterface(collection, "IADsCollection")).toBe(collection);
        // Add is not supported by any system provider (spec §5.1).
        expectAdsError(() => collection.Add("x", null), "E_NOTIMPL", 0x80004001);
      }
    });
  } else {
    it.todo(item14);
  }

  it("§14.24 Get on a schema-valid but unset property returns 0x8000500D; GetEx of a set single value returns a one-element array", () => {
    const emu = fresh();
    const w32time = bind(emu, "WinNT://FS01/W32Time");
    expectAdsError(() => w32time.Get("LoadOrderGroup"), "E_ADS_PROPERTY_NOT_FOUND", 0x8000500d);
    expectAdsError(() => w32time.GetEx("LoadOrderGroup"), "E_ADS_PROPERTY_NOT_FOUND", 0x8000500d);
    const dc01 = bind(emu, "WinNT://DC01");
    expectAdsError(() => dc01.Get("Owner"), "E_ADS_PROPERTY_NOT_FOUND", 0x8000500d);
    expectAdsError(() => dc01.Owner, "E_ADS_PROPERTY_NOT_FOUND", 0x8000500d);
    expect(dc01.Get("OperatingSystem")).toBe("Windows NT");

    const fs01 = bind(emu, "WinNT://FS01");
    expect(fs01.GetEx("Owner")).toEqual(["CORP IT"]);
    expect(fs01.Get("Owner")).toBe("CORP IT");
    expect(bind(emu, "WinNT://FS01/LanmanServer/Finance").GetEx("MaxUserCount")).toEqual([5]);
    const lanman = bind(emu, "WinNT://FS01/LanmanServer");
    const dependencies = lanman.GetEx("Dependencies");
    expect(Array.isArray(dependencies)).toBe(true);
    expect(dependencies).toEqual(["Service:SamSS", "Service:Srv2"]);
    expect(lanman.Get("Dependencies")).toEqual(["Service:SamSS", "Service:Srv2"]);
  });

  it("§14.25 first Get triggers an implicit load that does not overwrite values already Put; explicit GetInfo overwrites them", () => {
    const emu = fresh();
    const computer = bind(emu, "WinNT://FS01");
    computer.Put("Owner", "JeffSmith");
    expect(computer.Get("Division")).toBe("Operations"); // implicit GetInfo
    expect(computer.Get("Owner")).toBe("JeffSmith");
    expect(computer.Get("OperatingSystem")).toBe("Windows NT");
    expect(computer.Owner).toBe("JeffSmith");
    computer.GetInfo();
    expect(computer.Get("Owner")).toBe("CORP IT");
    expect(computer.Get("Division")).toBe("Operations");
  });

  it("§14.26 PutEx on WinNT ignores the control code and replaces the value (APPEND/DELETE behave like UPDATE)", () => {
    const emu = fresh();
    const path = "WinNT://FS01/LanmanServer";
    const lanman = bind(emu, path);
    const cases: [number, string, string[]][] = [
      [ADS_PROPERTY_APPEND, "Dependencies", ["Service:A"]],
      [ADS_PROPERTY_DELETE, "Dependencies", ["Service:B", "Service:C"]],
      [ADS_PROPERTY_CLEAR, "Dependencies", ["Service:D"]],
    ];
    for (const [control, name, values] of cases) {
      lanman.PutEx(control, name, values);
      lanman.SetInfo();
      expect(lanman.Get(name)).toEqual(values);
      expect(bind(emu, path).Get(name)).toEqual(values);
    }
    const descriptions: [number, string][] = [
      [ADS_PROPERTY_APPEND, "appended"],
      [ADS_PROPERTY_DELETE, "deleted"],
      [ADS_PROPERTY_CLEAR, "cleared"],
    ];
    for (const [control, value] of descriptions) {
      lanman.PutEx(control, "Description", [value]);
      lanman.SetInfo();
      expect(lanman.Get("Description")).toBe(value);
      expect(bind(emu, path).Get("Description")).toBe(value);
    }
    const spooler = bind(emu, "WinNT://FS01/Spooler");
    spooler.PutEx(ADS_PROPERTY_APPEND, "Dependencies", ["Service:RPCSS"]);
    spooler.SetInfo();
    expect(bind(emu, "WinNT://FS01/Spooler").GetEx("Dependencies")).toEqual(["Service:RPCSS"]);

    const before = emu.state;
    for (const control of [0, 5]) {
      expectAdsError(() => lanman.PutEx(control, "Description", ["x"]), "E_ADS_BAD_PARAMETER", 0x80005008);
      expectAdsError(() => lanman.PutEx(control, "Dependencies", ["x"]), "E_ADS_BAD_PARAMETER", 0x80005008);
    }
    lanman.SetInfo();
    expect(emu.state).toBe(before);
    expect(lanman.Get("Description")).toBe("cleared");
  });

  it("§14.27 GetInfoEx(props, 0) refreshes only the listed properties", () => {
    const emu = fresh();
    const computer = bind(emu, "WinNT://FS01");
    computer.Put("Owner", "JeffSmith");
    computer.Put("Division", "Sales");
    computer.GetInfoEx(["Owner"], 0);
    expect(computer.Get("Owner")).toBe("CORP IT");
    expect(computer.Get("Division")).toBe("Sales");
    // Names are case-insensitive.
    computer.Put("Owner", "Again");
    computer.GetInfoEx(["OWNER"], 0);
    expect(computer.Get("Owner")).toBe("CORP IT");
    expect(computer.Get("Division")).toBe("Sales");

    expectAdsError(() => computer.GetInfoEx(["Owner"], 1), "E_ADS_BAD_PARAMETER", 0x80005008);
    expectAdsError(() => computer.GetInfoEx(["Owner"], -1), "E_ADS_BAD_PARAMETER", 0x80005008);
  });

  it("§14.30 IADsComputer supports only Division, Owner, OperatingSystem, OperatingSystemVersion, Processor, ProcessorCount; all returned as strings", () => {
    const computer = bind(fresh(), "WinNT://FS01");
    const expected: Record<string, string> = {
      Division: "Operations",
      Owner: "CORP IT",
      OperatingSystem: "Windows NT",
      OperatingSystemVersion: "10.0",
      Processor: "Intel64 Family 6 Model 85 Stepping 7",
      ProcessorCount: "Multiprocessor Free",
    };
    for (const [name, value] of Object.entries(expected)) {
      expect(typeof computer[name]).toBe("string");
      expect(computer[name]).toBe(value);
      expect(computer.Get(name)).toBe(value);
    }
    expect(HRESULT[P.unsupportedPropertyError]).toBe(0x80005006);
    for (const name of [
      "ComputerID",
      "Site",
      "Description",
      "Location",
      "PrimaryUser",
      "Department",
      "Role",
      "Model",
      "MemorySize",
      "StorageCapacity",
      "NetAddresses",
    ]) {
      expectAdsError(() => computer[name], P.unsupportedPropertyError, 0x80005006);
    }
  });

  it("§14.31 IADs.GUID on WinNT objects is a brace-wrapped class GUID identical for all objects of a class", () => {
    const emu = fresh();
    const braced = /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/i;
    const fs01 = emu.GetObject("WinNT://FS01");
    const dc01 = emu.GetObject("WinNT://DC01");
    const lab01 = emu.GetObject("WinNT://LAB01");
    expect(fs01.GUID).toMatch(braced);
    expect(dc01.GUID).toBe(fs01.GUID);
    expect(lab01.GUID).toBe(fs01.GUID);
    expect(fs01.GUID).toBe(P.classGuids.Computer);

    const pub = emu.GetObject("WinNT://FS01/LanmanServer/Public");
    const finance = emu.GetObject("WinNT://FS01/LanmanServer/Finance");
    const netlogon = emu.GetObject("WinNT://DC01/LanmanServer/NETLOGON");
    expect(pub.GUID).toMatch(braced);
    expect(finance.GUID).toBe(pub.GUID);
    expect(netlogon.GUID).toBe(pub.GUID);
    expect(pub.GUID).not.toBe(fs01.GUID);

    const spooler = emu.GetObject("WinNT://FS01/Spooler");
    expect(emu.GetObject("WinNT://FS01/W32Time").GUID).toBe(spooler.GUID);
    expect(spooler.GUID).toMatch(braced);
    expect(emu.GetObject("WinNT://FS01/LanmanServer").GUID).toMatch(braced);

    expect(P.classGuids.User).toBe("{D83F1060-1E71-11CF-B1F3-02608C9E7553}");
  });

  it("§14.32 bind flags other than ADS_SECURE_AUTHENTICATION are not honoured by WinNT (encryption, signing, sealing, no-auth, server-bind, no-referral)", () => {
    expect(P.unsupportedBindFlags).toBe("ignore");
    const flags = [
      ADS_USE_ENCRYPTION,
      ADS_USE_SIGNING,
      ADS_USE_SEALING,
      ADS_NO_AUTHENTICATION,
      ADS_SERVER_BIND,
      ADS_NO_REFERRAL_CHASING,
    ];
    const path = "WinNT://FS01/LanmanServer";
    const emu = fresh();
    const reference = emu.OpenDSObject<IADsContainer & IADs>(
      path,
      ALICE.user,
      ALICE.password,
      ADS_SECURE_AUTHENTICATION,
    );
    const adminReference = emu.OpenDSObject(path, ADMIN.user, ADMIN.password, ADS_SECURE_AUTHENTICATION);
    for (const flag of [...flags, ...flags.map((f) => f | ADS_SECURE_AUTHENTICATION)]) {
      const bound = emu.OpenDSObject<IADsContainer & IADs>(path, ALICE.user, ALICE.password, flag);
      expect([bound.Class, bound.Name, bound.ADsPath, bound.Parent]).toEqual([
        reference.Class,
        reference.Name,
        reference.ADsPath,
        reference.Parent,
      ]);
      expect(childNames(bound)).toEqual(childNames(reference));
      // Still alice: a non-administrator.
      const before = emu.state;
      expectAdsError(() => bound.Delete("FileShare", "Public"), "E_ACCESSDENIED", 0x80070005);
      expect(emu.state).toBe(before);
      // Still authenticated: a wrong password fails; no-auth does not bypass it.
      expectAdsError(
        () => emu.OpenDSObject(path, ALICE.user, "wrong", flag),
        "ERROR_LOGON_FAILURE",
        0x8007052e,
      );
      expect(emu.OpenDSObject(path, ADMIN.user, ADMIN.password, flag).ADsPath).toBe(adminReference.ADsPath);
    }

    const strict = createEmulator({ profile: { ...P, unsupportedBindFlags: "reject" } });
    expect(strict.OpenDSObject(path, ALICE.user, ALICE.password, ADS_SECURE_AUTHENTICATION).ADsPath).toBe(
      reference.ADsPath,
    );
    for (const flag of flags) {
      expectAdsError(
        () => strict.OpenDSObject(path, ALICE.user, ALICE.password, flag),
        "E_ADS_BAD_PARAMETER",
        0x80005008,
      );
      expectAdsError(
        () => strict.OpenDSObject(path, ALICE.user, ALICE.password, flag | ADS_SECURE_AUTHENTICATION),
        "E_ADS_BAD_PARAMETER",
        0x80005008,
      );
    }
  });

  it("§14.33 ADsGetObject/GetObject fall back from secure authentication to a null-credential bind when the first attempt fails", () => {
    const path = "WinNT://FS01/LanmanServer";
    const wrong = createEmulator({ caller: { user: ADMIN.user, password: "wrong" } });
    const guest = container(wrong, path);
    expect([guest.Class, guest.ADsPath]).toEqual(["FileService", "WinNT://CORP/FS01/LanmanServer"]);
    const before = wrong.state;
    expectAdsError(() => createShare(guest, "Docs", "C:\\Docs"), "E_ACCESSDENIED", 0x80070005);
    expect(wrong.state).toBe(before);
    expectAdsError(() => guest.GetObject("FileShare", "Docs"), "NERR_NetNameNotFound");
    // OpenDSObject never falls back.
    expectAdsError(
      () => wrong.OpenDSObject(path, ADMIN.user, "wrong", ADS_SECURE_AUTHENTICATION),
      "ERROR_LOGON_FAILURE",
      0x8007052e,
    );
    // The right password: the administrator's context.
    const right = createEmulator({ caller: { user: ADMIN.user, password: ADMIN.password } });
    createShare(container(right, path), "Docs", "C:\\Docs");
    expect(right.GetObject(`${path}/Docs`).Get("Path")).toBe("C:\\Docs");

    // A CORP administrator binding a workgroup computer: its credentials mean nothing there → guest.
    const emu = fresh();
    const lab = container(emu, "WinNT://LAB01/LanmanServer");
    expect(lab.ADsPath).toBe("WinNT://LAB/LAB01/LanmanServer");
    const labBefore = emu.state;
    expectAdsError(() => createShare(lab, "Docs", "C:\\Docs"), "E_ACCESSDENIED", 0x80070005);
    expectAdsError(() => lab.Delete("FileShare", "Tools"), "E_ACCESSDENIED", 0x80070005);
    expect(emu.state).toBe(labBefore);
    expectAdsError(
      () =>
        emu.OpenDSObject("WinNT://LAB01/LanmanServer", ADMIN.user, ADMIN.password, ADS_SECURE_AUTHENTICATION),
      "ERROR_LOGON_FAILURE",
      0x8007052e,
    );
    // The workgroup's own administrator can.
    const labAdmin = emu.OpenDSObject<IADsContainer>(
      "WinNT://LAB01/LanmanServer",
      "labadmin",
      "lab-pw",
      ADS_SECURE_AUTHENTICATION,
    );
    createShare(labAdmin, "Docs", "C:\\Docs");
    expect(childNames(container(emu, "WinNT://LAB01/LanmanServer"))).toEqual(["Tools", "Docs"]);
  });
});

describe("spec §14 checklist: cross-checks", () => {
  it("a class object reached through Schema names the object's class", () => {
    const emu = fresh();
    const share = emu.GetObject("WinNT://FS01/LanmanServer/Public");
    const cls = emu.GetObject<IADsClass>(share.Schema);
    expect(cls.Name).toBe("FileShare");
    expect(cls.MandatoryProperties).toEqual(["Path", "MaxUserCount"]);
  });

  it("every AdsError carries a code from the catalog", () => {
    const error = catchAdsError(() => fresh().GetObject("winnt://x"));
    expect(error).toBeInstanceOf(AdsError);
    expect(HRESULT[error.code]).toBe(error.hresult);
  });
});
