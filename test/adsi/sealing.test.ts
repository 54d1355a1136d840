/**
 * Sealed COM objects (issue 7 items 1, 3, 5): an object shows exactly its interface members; nothing
 * reachable from it holds a credential or a way to the store; JSON and util.inspect show identity only;
 * credentials are frozen copies; writing a member that has no put accessor is a COM error, never a
 * JavaScript TypeError.
 */
import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AdsError,
  createEmulator,
  type IADs,
  type IADsFileServiceOperations,
  loadDefaultFixture,
} from "../../src/index.js";
import { fcRuns } from "../support/fcRuns.js";
import { facadeObjects, INTRINSICS, reachable } from "../support/reach.js";
import { ADMIN, expectAdsError, fresh } from "./helpers.js";

/** Every password of the default fixture. */
const PASSWORDS = (() => {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === "object" && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (key === "password" && typeof item === "string") found.push(item);
        else walk(item);
      }
    }
  };
  walk(loadDefaultFixture());
  return found;
})();

/** The members of the interfaces the emulator implements (spec §3-10, iads.idl), and the JS protocol. */
const INTERFACE_MEMBERS = new Set([
  // IADs
  ...[
    "Name",
    "Class",
    "GUID",
    "ADsPath",
    "Parent",
    "Schema",
    "GetInfo",
    "SetInfo",
    "Get",
    "Put",
    "GetEx",
    "PutEx",
  ],
  "GetInfoEx",
  // IADsContainer, IADsCollection, IEnumVARIANT, IADsOpenDSObject
  ...["Count", "_NewEnum", "Filter", "Hints", "GetObject", "Create", "Delete", "CopyHere", "MoveHere"],
  ...["Add", "Remove", "Next", "Skip", "Reset", "Clone", "OpenDSObject"],
  // IADsComputer, IADsComputerOperations
  ...[
    "ComputerID",
    "Site",
    "Description",
    "Location",
    "PrimaryUser",
    "Owner",
    "Division",
    "Department",
    "Role",
  ],
  ...["OperatingSystem", "OperatingSystemVersion", "Model", "Processor", "ProcessorCount", "MemorySize"],
  ...["StorageCapacity", "NetAddresses", "Status", "Shutdown"],
  // IADsService, IADsServiceOperations, IADsFileService(Operations), IADsFileShare
  ...["HostComputer", "DisplayName", "Version", "ServiceType", "StartType", "Path", "StartupParameters"],
  ...["ErrorControl", "LoadOrderGroup", "ServiceAccountName", "ServiceAccountPath", "Dependencies"],
  ...["Start", "Stop", "Pause", "Continue", "SetPassword", "MaxUserCount", "Sessions", "Resources"],
  "CurrentUserCount",
  // IADsSession, IADsResource
  ...["User", "UserPath", "Computer", "ComputerPath", "ConnectTime", "IdleTime", "LockCount"],
  // IADsClass, IADsProperty, IADsSyntax
  ...[
    "PrimaryInterface",
    "CLSID",
    "OID",
    "Abstract",
    "Auxiliary",
    "MandatoryProperties",
    "OptionalProperties",
  ],
  ...["NamingProperties", "DerivedFrom", "AuxDerivedFrom", "PossibleSuperiors", "Containment", "Container"],
  ...["HelpFileName", "HelpFileContext", "Qualifiers", "Syntax", "MinRange", "MaxRange", "MultiValued"],
  "OleAutoDataType",
  // IADsPropertyList, IADsPropertyEntry, IADsPropertyValue
  ...[
    "PropertyCount",
    "Item",
    "GetPropertyItem",
    "PutPropertyItem",
    "ResetPropertyItem",
    "PurgePropertyList",
  ],
  ...["Values", "ADsType", "ControlCode", "Clear", "DNString", "CaseExactString", "CaseIgnoreString"],
  ...["PrintableString", "NumericString", "Boolean", "Integer", "OctetString", "SecurityDescriptor"],
  ...["LargeInteger", "UTCTime"],
  // JavaScript protocol: what JSON.stringify and instanceof use.
  "constructor",
  "toJSON",
]);

/** The string-keyed members on `object`'s prototype chain, below the realm's own prototypes. */
function members(object: object): string[] {
  const names: string[] = [];
  for (let p = Object.getPrototypeOf(object); p && !INTRINSICS.has(p); p = Object.getPrototypeOf(p)) {
    names.push(...Object.getOwnPropertyNames(p));
  }
  return names;
}

describe("an object shows exactly its interface members (item 1)", () => {
  const objects = facadeObjects(fresh()).filter((o) => !(o instanceof AdsError));

  it(`reaches every kind of facade object (${objects.length} objects)`, () => {
    const classes = new Set(objects.map((o) => (o as { constructor: { name: string } }).constructor.name));
    for (const name of [
      "NamespaceObject",
      "DomainObject",
      "ComputerObject",
      "FileServiceObject",
      "ServiceObject",
    ])
      expect(classes).toContain(name);
    for (const name of ["FileShareObject", "SessionObject", "ResourceObject", "SessionsCollection"]) {
      expect(classes).toContain(name);
    }
    for (const name of [
      "ResourcesCollection",
      "Enumerator",
      "ClassObject",
      "PropertyObject",
      "SyntaxObject",
      "PropertyEntry",
      "PropertyValue",
    ]) {
      expect(classes).toContain(name);
    }
  });

  it("no object has an own property, and its prototypes hold interface members only", () => {
    for (const object of objects) {
      expect(Reflect.ownKeys(object as object)).toEqual([]);
      const extra = members(object as object).filter((name) => !INTERFACE_MEMBERS.has(name));
      expect(extra, (object as IADs).constructor.name).toEqual([]);
    }
  });

  it("context, names, cache, classDefinition, interfaces, serviceAddress, location are not there", () => {
    for (const object of objects) {
      for (const internal of [
        "context",
        "names",
        "cache",
        "classDefinition",
        "interfaces",
        "serviceAddress",
      ]) {
        expect(internal in (object as object)).toBe(false);
      }
      expect("location" in (object as object)).toBe(false);
    }
  });

  it("nothing reachable by reflection is a credential, the store, the core or a bind context", () => {
    const strings = new Set<string>();
    const everything = reachable(facadeObjects(fresh()), strings);
    for (const password of PASSWORDS) expect(strings.has(password)).toBe(false);
    for (const value of everything) {
      for (const key of ["store", "core", "credentials", "password", "state", "apply"]) {
        expect(Object.hasOwn(value, key), `${key} on ${String(value.constructor?.name)}`).toBe(false);
      }
    }
  });

  it("JSON.stringify and util.inspect show the identity members and never a credential", () => {
    const emu = createEmulator({ caller: ADMIN });
    const share = emu.GetObject("WinNT://FS01/LanmanServer/Public");
    expect(JSON.parse(JSON.stringify(share))).toEqual({
      Name: "Public",
      Class: "FileShare",
      ADsPath: "WinNT://CORP/FS01/LanmanServer/Public",
    });
    for (const object of facadeObjects(emu)) {
      const texts = [JSON.stringify(object), inspect(object, { showHidden: true, depth: 8, getters: true })];
      for (const text of texts) {
        for (const password of PASSWORDS) expect(text).not.toContain(password);
        // (An AdsError's message may say "cache", as in "cannot be found in the cache".)
        if (!(object instanceof AdsError))
          expect(text).not.toMatch(/\b(context|credentials|store|cache|classDefinition)\b/);
      }
    }
    const shown = inspect(share, { breakLength: Number.POSITIVE_INFINITY });
    expect(shown).toBe(
      `FileShare { Name: 'Public', Class: 'FileShare', ADsPath: 'WinNT://CORP/FS01/LanmanServer/Public' }`,
    );
  });

  it("the attack of the issue: a guest cannot reach the store to delete a share Delete refused", () => {
    const emu = createEmulator({ caller: null }); // GetObject binds as guest
    const before = emu.state;
    const lanman = emu.GetObject<Record<string, unknown> & { Delete(c: string, n: string): void }>(
      "WinNT://FS01/LanmanServer",
    );
    expectAdsError(() => lanman.Delete("FileShare", "Public"), "E_ACCESSDENIED");
    expect(lanman.context).toBeUndefined();
    expect(emu.state).toBe(before);
  });
});

describe("credentials are frozen copies (item 3)", () => {
  it("changing the caller object after createEmulator changes nothing", () => {
    const caller: { user: string; password: string } = { user: ADMIN.user, password: ADMIN.password };
    const emu = createEmulator({ caller });
    caller.user = 1 as unknown as string;
    caller.password = "wrong";
    const fso = emu.GetObject<IADsFileServiceOperations>("WinNT://FS01/LanmanServer");
    expect([...fso.Sessions()].length).toBeGreaterThan(0); // still bound as the administrator
  });

  it("emu.caller is frozen; writing it cannot break later binds", () => {
    const emu = fresh();
    expect(Object.isFrozen(emu.caller)).toBe(true);
    expect(() => {
      (emu.caller as { user: unknown }).user = 1;
    }).toThrow(TypeError);
    expect(emu.GetObject("WinNT://FS01").Name).toBe("FS01");
    expect(
      [...emu.GetObject<IADsFileServiceOperations>("WinNT://FS01/LanmanServer").Sessions()].length,
    ).toBeGreaterThan(0);
  });

  it("a caller that is not { user: string, password: string } is refused with E_INVALIDARG", () => {
    for (const caller of [{ user: 1, password: "x" }, { user: "x" }, "CORP\\administrator", 7]) {
      expectAdsError(() => createEmulator({ caller: caller as never }), "E_INVALIDARG");
    }
  });
});

describe("writing a member without a put accessor is a COM error (item 5)", () => {
  const emu = fresh();
  const fso = emu.GetObject<IADsFileServiceOperations & Record<string, unknown>>("WinNT://FS01/LanmanServer");

  it.each(["Count", "Name", "ADsPath", "Class"])(
    "collection.%s = 1 → DISP_E_UNKNOWNNAME (not a member, spec §5.1)",
    (member) => {
      for (const collection of [fso.Sessions(), fso.Resources()]) {
        expectAdsError(() => {
          (collection as unknown as Record<string, unknown>)[member] = 1;
        }, "DISP_E_UNKNOWNNAME");
      }
    },
  );

  it("collection._NewEnum = x, collection.Remove = x → DISP_E_MEMBERNOTFOUND", () => {
    const sessions = fso.Sessions() as unknown as Record<string, unknown>;
    for (const member of ["_NewEnum", "Remove", "GetObject", "Add"]) {
      expectAdsError(() => {
        sessions[member] = 1;
      }, "DISP_E_MEMBERNOTFOUND");
    }
  });

  it("methods of objects and enumerators: share.Get = x, enumerator.Next = x → DISP_E_MEMBERNOTFOUND", () => {
    const share = emu.GetObject<Record<string, unknown>>("WinNT://FS01/LanmanServer/Public");
    const enumerator = fso.Sessions()._NewEnum as unknown as Record<string, unknown>;
    for (const [object, member] of [
      [share, "Get"],
      [share, "SetInfo"],
      [fso, "Sessions"],
      [fso, "Start"],
      [enumerator, "Next"],
    ] as const) {
      expectAdsError(() => {
        object[member] = () => 0;
      }, "DISP_E_MEMBERNOTFOUND");
    }
    expect((share as unknown as IADs).Get("Path")).toBeTypeOf("string");
  });
});

describe("fuzz: after random operations, the walk still finds no credential and no internals", () => {
  type Step = (emu: ReturnType<typeof fresh>) => void;
  const steps: readonly Step[] = [
    (emu) => {
      const share = emu.GetObject<IADs & { Create(c: string, n: string): IADs }>("WinNT://FS01/LanmanServer");
      const created = share.Create("FileShare", "Fuzz");
      created.Put("Path", "C:\\fuzz");
      created.SetInfo();
    },
    (emu) =>
      emu
        .GetObject<{ Delete(c: string, n: string): void }>("WinNT://FS01/LanmanServer")
        .Delete("FileShare", "Public"),
    (emu) => {
      const sessions = emu.GetObject<IADsFileServiceOperations>("WinNT://FS01/LanmanServer").Sessions();
      for (const session of sessions) sessions.Remove(session.Name);
    },
    (emu) => emu.GetObject<IADsFileServiceOperations>("WinNT://FS01/LanmanServer").Resources().Remove("42"),
    (emu) => {
      const share = emu.GetObject("WinNT://FS01/LanmanServer/Public");
      share.Put("Description", "fuzz");
      share.SetInfo();
    },
    (emu) => emu.GetObject<{ Stop(): void }>("WinNT://FS01/Spooler").Stop(),
    (emu) => emu.GetObject<{ SetPassword(p: string): void }>("WinNT://FS01/Spooler").SetPassword("secret-pw"),
  ];

  it("holds for random operation sequences (FC_RUNS for long runs)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(steps.length - 1), { maxLength: 6 }), fc.boolean(), (sequence, late) => {
        const emu = createEmulator({ lateBinding: late });
        for (const index of sequence) {
          try {
            steps[index]?.(emu);
          } catch (error) {
            expect(error).toBeInstanceOf(AdsError);
          }
        }
        const strings = new Set<string>();
        const objects = facadeObjects(emu);
        reachable(objects, strings);
        for (const secret of [...PASSWORDS, "secret-pw"]) expect(strings.has(secret)).toBe(false);
        for (const object of objects) {
          if (!(object instanceof AdsError)) expect(Reflect.ownKeys(object as object)).toEqual([]);
        }
      }),
      { numRuns: fcRuns(15) },
    );
  });
});
