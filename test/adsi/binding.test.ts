/**
 * Binding (spec §2.1-2.5, §11.3): every accepted path form, the identity strings of what it binds,
 * the not-found codes, `GetObject(obj.Schema)`, and the parts of the §13 worked example that exist.
 */
import { describe, expect, it } from "vitest";
import {
  ADS_SECURE_AUTHENTICATION,
  createEmulator,
  HRESULT,
  type IADs,
  type IADsClass,
  type IADsFileServiceOperations,
  type IADsProperty,
  type IADsSyntax,
  QueryInterface,
  windowsProfile,
} from "../../src/index.js";
import { ALICE, bind, catchAdsError, childNames, container, expectAdsError, fresh } from "./helpers.js";

const P = windowsProfile;
const LABADMIN = { user: "labadmin", password: "lab-pw" } as const;

/** [path, Class, Name, ADsPath, Parent] */
type Row = [string, string, string, string, string];

const FORMS: Row[] = [
  ["WinNT:", "Namespace", "WinNT:", "WinNT:", P.namespaceParent],
  ["WinNT://CORP", "Domain", "CORP", "WinNT://CORP", "WinNT:"],
  ["WinNT://LAB", "Domain", "LAB", "WinNT://LAB", "WinNT:"],
  ["WinNT://CORP,domain", "Domain", "CORP", "WinNT://CORP", "WinNT:"],
  ["WinNT://CORP/FS01", "Computer", "FS01", "WinNT://CORP/FS01", "WinNT://CORP"],
  ["WinNT://FS01", "Computer", "FS01", "WinNT://CORP/FS01", "WinNT://CORP"],
  ["WinNT://FS01,computer", "Computer", "FS01", "WinNT://CORP/FS01", "WinNT://CORP"],
  ["WinNT://fs01", "Computer", "FS01", "WinNT://CORP/FS01", "WinNT://CORP"],
  ["WinNT://LAB01", "Computer", "LAB01", "WinNT://LAB/LAB01", "WinNT://LAB"],
  ["WinNT://LAB/LAB01", "Computer", "LAB01", "WinNT://LAB/LAB01", "WinNT://LAB"],
  ["WinNT://DC01", "Computer", "DC01", "WinNT://CORP/DC01", "WinNT://CORP"],
  [
    "WinNT://FS01/LanmanServer",
    "FileService",
    "LanmanServer",
    "WinNT://CORP/FS01/LanmanServer",
    "WinNT://CORP/FS01",
  ],
  [
    "WinNT://fs01/lanmanserver",
    "FileService",
    "LanmanServer",
    "WinNT://CORP/FS01/LanmanServer",
    "WinNT://CORP/FS01",
  ],
  [
    "WinNT://CORP/FS01/LanmanServer",
    "FileService",
    "LanmanServer",
    "WinNT://CORP/FS01/LanmanServer",
    "WinNT://CORP/FS01",
  ],
  [
    "WinNT://FS01/LanmanServer,service",
    "FileService",
    "LanmanServer",
    "WinNT://CORP/FS01/LanmanServer",
    "WinNT://CORP/FS01",
  ],
  ["WinNT://FS01/Spooler", "Service", "Spooler", "WinNT://CORP/FS01/Spooler", "WinNT://CORP/FS01"],
  [
    "WinNT://CORP/FS01/W32Time,service",
    "Service",
    "W32Time",
    "WinNT://CORP/FS01/W32Time",
    "WinNT://CORP/FS01",
  ],
  [
    "WinNT://FS01/LanmanServer/public",
    "FileShare",
    "Public",
    "WinNT://CORP/FS01/LanmanServer/Public",
    "WinNT://CORP/FS01/LanmanServer",
  ],
  [
    "WinNT://CORP/FS01/LanmanServer/C$",
    "FileShare",
    "C$",
    "WinNT://CORP/FS01/LanmanServer/C$",
    "WinNT://CORP/FS01/LanmanServer",
  ],
  [
    "WinNT://LAB01/LanmanServer/tools",
    "FileShare",
    "Tools",
    "WinNT://LAB/LAB01/LanmanServer/Tools",
    "WinNT://LAB/LAB01/LanmanServer",
  ],
  ["WinNT://.", "Computer", ".", "WinNT://CORP/.", "WinNT://CORP"],
  ["WinNT://./LanmanServer", "FileService", "LanmanServer", "WinNT://CORP/./LanmanServer", "WinNT://CORP/."],
  ["WinNT://CORP/Schema", "Schema", "Schema", "WinNT://CORP/Schema", "WinNT://CORP"],
  ["WinNT://corp/schema", "Schema", "Schema", "WinNT://CORP/Schema", "WinNT://CORP"],
  [
    "WinNT://CORP/Schema/FileShare",
    "Class",
    "FileShare",
    "WinNT://CORP/Schema/FileShare",
    "WinNT://CORP/Schema",
  ],
  ["WinNT://CORP/Schema/Path", "Property", "Path", "WinNT://CORP/Schema/Path", "WinNT://CORP/Schema"],
  ["WinNT://CORP/Schema/Integer", "Syntax", "Integer", "WinNT://CORP/Schema/Integer", "WinNT://CORP/Schema"],
];

describe("spec §2.1 path forms bind to the right object", () => {
  for (const [path, cls, name, adsPath, parent] of FORMS) {
    it(`${path} → ${cls} ${name} (${adsPath}, Parent ${parent})`, () => {
      const emu = fresh();
      const object = emu.GetObject(path);
      expect(object.Class).toBe(cls);
      expect(object.Name).toBe(name);
      expect(object.ADsPath).toBe(adsPath);
      expect(object.Parent).toBe(parent);
      // The canonical ADsPath binds the same object again (spec §3.1); the `.` forms are covered below.
      if (!path.startsWith("WinNT://.")) {
        const again = emu.GetObject(object.ADsPath);
        expect([again.Class, again.Name, again.ADsPath, again.Parent]).toEqual([cls, name, adsPath, parent]);
      }
      // OpenDSObject binds the same object (as an account of the object's domain or workgroup).
      // (A workgroup object itself has no account database to authenticate against: not checked.)
      if (adsPath !== "WinNT://LAB") {
        const who = /LAB/i.test(adsPath) ? LABADMIN : ALICE;
        const opened = emu.OpenDSObject(path, who.user, who.password, ADS_SECURE_AUTHENTICATION);
        expect([opened.Class, opened.Name, opened.ADsPath, opened.Parent]).toEqual([
          cls,
          name,
          adsPath,
          parent,
        ]);
      }
    });
  }

  it("the namespace's Parent is profile.namespaceParent and the domain's is profile.domainParent", () => {
    expect(P.namespaceParent).toBe("ADs:");
    expect(P.domainParent).toBe("WinNT:");
    const custom = createEmulator({ profile: { ...P, namespaceParent: "ADs://", domainParent: "WinNT://" } });
    expect(custom.GetObject("WinNT:").Parent).toBe("ADs://");
    expect(custom.GetObject("WinNT://CORP").Parent).toBe("WinNT://");
  });

  it("WinNT://CORP/Schema/FileShare is an IADsClass: MandatoryProperties [Path, MaxUserCount]", () => {
    const cls = fresh().GetObject<IADsClass>("WinNT://CORP/Schema/FileShare");
    expect(QueryInterface(cls, "IADsClass")).toBe(cls);
    expect(cls.MandatoryProperties).toEqual(["Path", "MaxUserCount"]);
    expect(cls.OptionalProperties).toEqual(["CurrentUserCount", "Description", "HostComputer"]);
    expect(cls.Container).toBe(false);
    expect(cls.PrimaryInterface).toBe("IADsFileShare");
    expect(cls.PossibleSuperiors).toContain("FileService");
  });

  it("WinNT://FS01/Schema/Session binds the Session class of the computer's domain schema", () => {
    const cls = fresh().GetObject<IADsClass>("WinNT://FS01/Schema/Session");
    expect(cls.Class).toBe("Class");
    expect(cls.Name).toBe("Session");
    expect(cls.ADsPath).toBe(P.schemaPath("CORP", "Session"));
    expect(cls.ADsPath).toBe("WinNT://CORP/Schema/Session");
    expect(cls.MandatoryProperties).toEqual([]);
    expect(cls.OptionalProperties).toEqual(["User", "Computer", "ConnectTime", "IdleTime"]);
  });

  it("schema Property and Syntax objects expose IADsProperty / IADsSyntax", () => {
    const emu = fresh();
    const property = emu.GetObject<IADsProperty>("WinNT://CORP/Schema/MaxUserCount");
    expect(property.Syntax).toBe("Integer");
    expect(property.MultiValued).toBe(false);
    expect(emu.GetObject<IADsProperty>("WinNT://CORP/Schema/Dependencies").MultiValued).toBe(true);
    expect(emu.GetObject<IADsSyntax>("WinNT://CORP/Schema/String").OleAutoDataType).toBe(8);
    expect(emu.GetObject<IADsSyntax>("WinNT://CORP/Schema/Integer").OleAutoDataType).toBe(3);
  });

  it("the schema container enumerates classes, properties and syntaxes", () => {
    const names = childNames(container(fresh(), "WinNT://CORP/Schema"));
    for (const name of [
      "Computer",
      "FileService",
      "FileShare",
      "Service",
      "Session",
      "Resource",
      "Path",
      "String",
    ]) {
      expect(names).toContain(name);
    }
  });
});

describe("not-found codes (spec §11.3)", () => {
  it("unknown computer → profile.unknownComputerError (0x80070035)", () => {
    expect(HRESULT[P.unknownComputerError]).toBe(0x80070035);
    const emu = fresh();
    expectAdsError(() => emu.GetObject("WinNT://NOPE"), P.unknownComputerError, 0x80070035);
    expectAdsError(() => emu.GetObject("WinNT://NOPE,computer"), P.unknownComputerError, 0x80070035);
    expectAdsError(() => emu.GetObject("WinNT://NOPE/LanmanServer"), P.unknownComputerError, 0x80070035);
    expectAdsError(() => emu.GetObject("WinNT://CORP/NOPE/LanmanServer"), P.unknownComputerError, 0x80070035);
    expectAdsError(
      () => emu.GetObject("WinNT://CORP/LAB01/LanmanServer"),
      P.unknownComputerError,
      0x80070035,
    );
    expectAdsError(
      () => emu.OpenDSObject("WinNT://NOPE", ALICE.user, ALICE.password, ADS_SECURE_AUTHENTICATION),
      P.unknownComputerError,
      0x80070035,
    );
    const custom = createEmulator({ profile: { ...P, unknownComputerError: "RPC_S_SERVER_UNAVAILABLE" } });
    expectAdsError(() => custom.GetObject("WinNT://NOPE"), "RPC_S_SERVER_UNAVAILABLE", 0x800706ba);
  });

  it("unknown domain with a ,domain hint → profile.unknownDomainError (0x8007054B)", () => {
    expect(HRESULT[P.unknownDomainError]).toBe(0x8007054b);
    expectAdsError(() => fresh().GetObject("WinNT://NOPE,domain"), P.unknownDomainError, 0x8007054b);
  });

  it("unknown service below a service name → profile.unknownServiceError (0x80070424)", () => {
    expect(HRESULT[P.unknownServiceError]).toBe(0x80070424);
    const emu = fresh();
    // A share path below a service that does not exist.
    expectAdsError(() => emu.GetObject("WinNT://FS01/NoSuch/Public"), P.unknownServiceError, 0x80070424);
    // The container form with a class.
    expectAdsError(
      () => container(emu, "WinNT://FS01").GetObject("Service", "NoSuch"),
      P.unknownServiceError,
      0x80070424,
    );
    expectAdsError(
      () => container(emu, "WinNT://FS01").GetObject("FileService", "Spooler"),
      P.unknownServiceError,
      0x80070424,
    );
  });

  // Regression: a `,service` hint on a missing service once fell back to unknownComputerChildError.
  it("unknown service with a hint: WinNT://FS01/NoSuch,service → 0x80070424", () => {
    expectAdsError(() => fresh().GetObject("WinNT://FS01/NoSuch,service"), P.unknownServiceError, 0x80070424);
  });

  it("unknown service with a hint, domain-qualified: WinNT://CORP/FS01/NoSuch,service → 0x80070424", () => {
    expectAdsError(
      () => fresh().GetObject("WinNT://CORP/FS01/NoSuch,service"),
      P.unknownServiceError,
      0x80070424,
    );
  });

  it("class-less unknown child of a computer → profile.unknownComputerChildError (0x800708AC)", () => {
    expect(HRESULT[P.unknownComputerChildError]).toBe(0x800708ac);
    expectAdsError(() => fresh().GetObject("WinNT://FS01/NoSuch"), P.unknownComputerChildError, 0x800708ac);
  });

  it("unknown share → NERR_NetNameNotFound (0x80070906)", () => {
    const emu = fresh();
    expectAdsError(
      () => emu.GetObject("WinNT://FS01/LanmanServer/NoSuch"),
      "NERR_NetNameNotFound",
      0x80070906,
    );
    expectAdsError(
      () => emu.GetObject("WinNT://CORP/FS01/LanmanServer/NoSuch"),
      "NERR_NetNameNotFound",
      0x80070906,
    );
    expectAdsError(
      () => container(emu, "WinNT://FS01/LanmanServer").GetObject("FileShare", "NoSuch"),
      "NERR_NetNameNotFound",
      0x80070906,
    );
    // A share of another server is not a share of this one.
    expectAdsError(
      () => emu.GetObject("WinNT://DC01/LanmanServer/Public"),
      "NERR_NetNameNotFound",
      0x80070906,
    );
  });

  it("nothing binds below a share or an ordinary service", () => {
    const emu = fresh();
    expectAdsError(() => emu.GetObject("WinNT://FS01/Spooler/Public"), "E_ADS_UNKNOWN_OBJECT", 0x80005004);
    expectAdsError(
      () => emu.GetObject("WinNT://FS01/LanmanServer/Public/x"),
      "E_ADS_UNKNOWN_OBJECT",
      0x80005004,
    );
    expectAdsError(
      () => emu.GetObject("WinNT://CORP/Schema/FileShare/x"),
      "E_ADS_UNKNOWN_OBJECT",
      0x80005004,
    );
    expectAdsError(
      () => emu.GetObject("WinNT://CORP/Schema/NoSuchClass"),
      "E_ADS_UNKNOWN_OBJECT",
      0x80005004,
    );
  });

  it("WinNT://FS01/alice,user → E_NOTIMPL (User objects are not modelled)", () => {
    const emu = fresh();
    expectAdsError(() => emu.GetObject("WinNT://FS01/alice,user"), "E_NOTIMPL", 0x80004001);
    expectAdsError(() => emu.GetObject("WinNT://CORP/alice,user"), "E_NOTIMPL", 0x80004001);
    expectAdsError(() => emu.GetObject("WinNT://CORP/Domain Users,group"), "E_NOTIMPL", 0x80004001);
  });

  it("malformed paths → E_ADS_BAD_PATHNAME (0x80005000)", () => {
    const emu = fresh();
    for (const path of ["WinNT:/x", "WinNT://", "WinNT://a//b", "LDAP://CORP", "", "WinNT://FS01/"]) {
      expectAdsError(() => emu.GetObject(path), "E_ADS_BAD_PATHNAME", 0x80005000);
    }
  });
});

// Regression: the domain-qualified form WinNT://<domain>/<server>,computer (spec §2.1, e.g.
// WinNT://INDEPENDENCE/SEATTLE,computer) once skipped the domain and failed.
describe("domain-qualified computer with a ,computer hint (spec §2.1 [C])", () => {
  it("WinNT://CORP/FS01,computer binds FS01", () => {
    const computer = fresh().GetObject("WinNT://CORP/FS01,computer");
    expect([computer.Class, computer.ADsPath]).toEqual(["Computer", "WinNT://CORP/FS01"]);
  });

  it("WinNT://CORP,computer still refuses a domain named as a computer", () => {
    const error = catchAdsError(() => fresh().GetObject("WinNT://CORP,computer"));
    expect(error.code).toBe(P.unknownComputerError);
  });
});

// With localDotSpelling "keep", an object bound through WinNT://. reports ADsPath WinNT://CORP/.…;
// spec §3.1 [C] says an object can always be rebound with its ADsPath, and samples build child paths
// as comp.ADsPath & "/LanmanServer" (spec §2.4).
describe("objects bound through WinNT://. can be rebound with their ADsPath (spec §3.1)", () => {
  for (const path of [
    "WinNT://.",
    "WinNT://./LanmanServer",
    "WinNT://./LanmanServer/Public",
    "WinNT://./Spooler",
  ]) {
    it(`${path}: GetObject(obj.ADsPath) binds the same object`, () => {
      const emu = fresh();
      const object = emu.GetObject(path);
      const again = emu.GetObject(object.ADsPath);
      expect([again.Class, again.Name, again.ADsPath]).toEqual([object.Class, object.Name, object.ADsPath]);
    });
  }

  it('comp.ADsPath & "/LanmanServer" works for a computer bound as WinNT://.', () => {
    const emu = fresh();
    const computer = emu.GetObject("WinNT://.");
    expect(emu.GetObject(`${computer.ADsPath}/LanmanServer`).Class).toBe("FileService");
  });

  it("with localDotSpelling resolve the ADsPath names the computer and rebinds", () => {
    const emu = createEmulator({ profile: { ...P, localDotSpelling: "resolve" } });
    const object = emu.GetObject("WinNT://./LanmanServer/Public");
    expect(object.ADsPath).toBe("WinNT://CORP/FS01/LanmanServer/Public");
    expect(emu.GetObject(object.ADsPath).Name).toBe("Public");
  });
});

describe("GetObject(obj.Schema) (spec §2.4)", () => {
  const kinds: [string, string][] = [
    ["Domain", "WinNT://CORP"],
    ["Domain (workgroup)", "WinNT://LAB"],
    ["Computer", "WinNT://FS01"],
    ["Computer via .", "WinNT://."],
    ["Computer (workgroup)", "WinNT://LAB01"],
    ["FileService", "WinNT://FS01/LanmanServer"],
    ["Service", "WinNT://FS01/Spooler"],
    ["FileShare", "WinNT://FS01/LanmanServer/Public"],
    ["FileShare (workgroup)", "WinNT://LAB01/LanmanServer/Tools"],
  ];
  for (const [kind, path] of kinds) {
    it(`${kind}: Schema binds the IADsClass named after the object's Class`, () => {
      const emu = fresh();
      const object = emu.GetObject(path);
      const cls = emu.GetObject<IADsClass>(object.Schema);
      expect(cls.Class).toBe("Class");
      expect(cls.Name).toBe(object.Class);
      expect(QueryInterface(cls, "IADsClass")).toBe(cls);
      expect(Array.isArray(cls.OptionalProperties)).toBe(true);
    });
  }

  it("a created, unsaved share has a Schema too", () => {
    const emu = fresh();
    const draft = container(emu, "WinNT://FS01/LanmanServer").Create("FileShare", "Draft");
    expect(emu.GetObject<IADsClass>(draft.Schema).MandatoryProperties).toEqual(["Path", "MaxUserCount"]);
  });

  it("Session and Resource objects have a Schema that binds", () => {
    const emu = fresh();
    const ops = emu.GetObject<IADsFileServiceOperations & IADs>("WinNT://FS01/LanmanServer");
    if (typeof ops.Sessions !== "function") return;
    const items: IADs[] = [...[...ops.Sessions()].slice(0, 1), ...[...ops.Resources()].slice(0, 1)];
    expect(items.length).toBe(2);
    for (const item of items) expect(emu.GetObject(item.Schema).Name).toBe(item.Class);
  });

  it("the namespace and schema objects have no Schema: profile.unsupportedPropertyError ([U], no source)", () => {
    const emu = fresh();
    for (const path of [
      "WinNT:",
      "WinNT://CORP/Schema",
      "WinNT://CORP/Schema/FileShare",
      "WinNT://CORP/Schema/Path",
    ]) {
      expectAdsError(() => emu.GetObject(path).Schema, P.unsupportedPropertyError, 0x80005006);
    }
  });
});

describe("spec §13 worked example (golden; domain CORP instead of WORKGROUP)", () => {
  it('GetObject("WinNT://FS01/LanmanServer") → Class FileService, Name LanmanServer, Parent WinNT://CORP/FS01; .Count → E_NOTIMPL', () => {
    const fso = container(fresh(), "WinNT://FS01/LanmanServer");
    expect(fso.Class).toBe("FileService");
    expect(fso.Name).toBe("LanmanServer");
    expect(fso.Parent).toBe("WinNT://CORP/FS01");
    expect(fso.ADsPath).toBe("WinNT://CORP/FS01/LanmanServer");
    expectAdsError(() => fso.Count, "E_NOTIMPL", 0x80004001);
  });

  const sessionsAvailable = (() => {
    try {
      return typeof bind(fresh(), "WinNT://FS01/LanmanServer").Sessions === "function";
    } catch {
      return false;
    }
  })();
  const sessionsTitle =
    "Sessions: alice from 10.0.0.5, 125 s connected, 20 s idle; Add → E_NOTIMPL; unknown Remove → 0x80070908";
  const resourcesTitle = 'Resources: alice holds C:\\Shares\\Public\\a.txt (id 42, 1 lock), Name "42"';
  if (sessionsAvailable) {
    it(sessionsTitle, () => {
      const emu = fresh();
      const sessions = emu.GetObject<IADsFileServiceOperations>("WinNT://FS01/LanmanServer").Sessions();
      const alice = [...sessions].find((s) => s.User === "alice");
      expect(alice).toBeDefined();
      if (!alice) return;
      expect(alice.Class).toBe("Session");
      expect(alice.Computer).toBe("10.0.0.5");
      expect(alice.ConnectTime).toBe(125);
      expect(alice.IdleTime).toBe(20);
      expect(alice.Name).toBe(P.sessionName("alice", "10.0.0.5"));
      expect(alice.Name).toBe("alice\\10.0.0.5");
      expect(sessions.GetObject(alice.Name).User).toBe("alice");
      expectAdsError(() => sessions.Add("x", null), "E_NOTIMPL", 0x80004001);
      expect(HRESULT[P.unknownSessionError]).toBe(0x80070908);
      expectAdsError(() => sessions.Remove("nobody\\x"), P.unknownSessionError, 0x80070908);
    });
    it(resourcesTitle, () => {
      const emu = fresh();
      const resources = emu.GetObject<IADsFileServiceOperations>("WinNT://FS01/LanmanServer").Resources();
      const file = [...resources].find((r) => r.Path === "C:\\Shares\\Public\\a.txt");
      expect(file).toBeDefined();
      if (!file) return;
      expect(file.Class).toBe("Resource");
      expect(file.User).toBe("alice");
      expect(file.LockCount).toBe(1);
      expect(file.Name).toBe(P.resourceName(42));
      expect(file.Name).toBe("42");
    });
  } else {
    it.todo(sessionsTitle);
    it.todo(resourcesTitle);
  }
});

describe("binding a workgroup checks no credentials (it has no accounts; spec §2.5)", () => {
  it("OpenDSObject on WinNT://LAB binds with any credentials, as GetObject does", () => {
    const emu = fresh();
    const viaOpen = emu.OpenDSObject("WinNT://LAB", "anyone", "anything", 1);
    expect([viaOpen.Class, viaOpen.ADsPath]).toEqual(["Domain", "WinNT://LAB"]);
  });

  it("a computer of the workgroup still checks credentials against its own local accounts", () => {
    const emu = fresh();
    expect(catchAdsError(() => emu.OpenDSObject("WinNT://LAB/LAB01", "anyone", "anything", 1)).code).toBe(
      "ERROR_LOGON_FAILURE",
    );
    expect(emu.OpenDSObject("WinNT://LAB/LAB01", "labadmin", "lab-pw", 1).Class).toBe("Computer");
  });
});
