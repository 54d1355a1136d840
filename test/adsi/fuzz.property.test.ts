/**
 * Property-based robustness of the IADs facade: whatever a caller passes, every operation returns or
 * throws an AdsError (never a TypeError or anything else); operations that must not write never
 * reach the store (`emu.state` stays the very same object), and nothing leaks onto Object.prototype.
 */
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ADS_NO_AUTHENTICATION,
  ADS_SECURE_AUTHENTICATION,
  ADS_USE_ENCRYPTION,
  AdsError,
  type Emulator,
  type IADs,
  type IADsContainer,
} from "../../src/index.js";
import { fcRuns } from "../support/fcRuns.js";
import { ADMIN, ALICE, expectAdsError, fresh } from "./helpers.js";

/** Runs per property: 150 in CI, `FC_RUNS` for long runs (test/support/fcRuns.ts). */
const RUNS = fcRuns(150);

/** Property names: arbitrary strings plus the ones that would hurt a naive object-as-map cache. */
const propertyName = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "valueOf",
    "hasOwnProperty",
    "__defineGetter__",
    "Path",
    "path",
    "PATH",
    "MaxUserCount",
    "Description",
    "Dependencies",
    "CurrentUserCount",
    "HostComputer",
    "Owner",
    "Division",
    "DisplayName",
    "StartType",
    "",
  ),
);

/** Values: anything fast-check can build, including null-prototype objects and boxed values. */
const anyValue = fc.oneof(
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withNullPrototype: true,
    withObjectString: true,
    withSet: true,
    withSparseArray: true,
    withTypedArray: true,
  }),
  fc.string(),
  fc.integer(),
  fc.array(fc.oneof(fc.string(), fc.integer())),
);

const control = fc.oneof(fc.integer({ min: -1, max: 6 }), fc.integer(), fc.double());
const reserved = fc.oneof(fc.constant(0), fc.integer(), fc.double());

type Op =
  | { readonly kind: "Get" | "GetEx"; readonly name: string }
  | { readonly kind: "Put"; readonly name: string; readonly value: unknown }
  | { readonly kind: "PutEx"; readonly control: number; readonly name: string; readonly values: unknown }
  | { readonly kind: "GetInfoEx"; readonly names: string[]; readonly reserved: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom("Get" as const, "GetEx" as const), name: propertyName }),
  fc.record({ kind: fc.constant("Put" as const), name: propertyName, value: anyValue }),
  fc.record({
    kind: fc.constant("PutEx" as const),
    control,
    name: propertyName,
    values: fc.oneof(fc.array(anyValue, { maxLength: 4 }), anyValue),
  }),
  fc.record({
    kind: fc.constant("GetInfoEx" as const),
    names: fc.array(propertyName, { maxLength: 4 }),
    reserved,
  }),
);

/** What a VARIANT can be (spec §3.2 item 6): string, number, boolean, or an array of those. */
function isVariant(value: unknown): boolean {
  if (typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  return Array.isArray(value) && value.every(isVariant);
}

/** Runs `fn`; an AdsError is an acceptable outcome, anything else thrown is rethrown. */
function outcome<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: AdsError } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    if (error instanceof AdsError) return { ok: false, error };
    throw error;
  }
}

function run(object: IADs, step: Op): void {
  switch (step.kind) {
    case "Get":
    case "GetEx": {
      const result = outcome(() => object[step.kind](step.name));
      if (result.ok) {
        expect(isVariant(result.value)).toBe(true);
        if (step.kind === "GetEx") expect(Array.isArray(result.value)).toBe(true);
      }
      return;
    }
    case "Put":
      outcome(() => object.Put(step.name, step.value as string));
      return;
    case "PutEx":
      outcome(() => object.PutEx(step.control, step.name, step.values as string[]));
      return;
    case "GetInfoEx":
      outcome(() => object.GetInfoEx(step.names, step.reserved));
      return;
  }
}

let prototypeKeys: string[];
beforeEach(() => {
  prototypeKeys = Reflect.ownKeys(Object.prototype).map(String).sort();
});
afterEach(() => {
  expect(Reflect.ownKeys(Object.prototype).map(String).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe("IADs Get/Put/GetEx/PutEx/GetInfoEx with arbitrary names and values", () => {
  const targets: [string, (emu: Emulator) => IADs][] = [
    ["share", (emu) => emu.GetObject("WinNT://FS01/LanmanServer/Public")],
    ["computer", (emu) => emu.GetObject("WinNT://FS01")],
    ["service", (emu) => emu.GetObject("WinNT://FS01/Spooler")],
    ["file service", (emu) => emu.GetObject("WinNT://FS01/LanmanServer")],
    [
      "created, unsaved share",
      (emu) => emu.GetObject<IADsContainer>("WinNT://FS01/LanmanServer").Create("FileShare", "Draft"),
    ],
    [
      "share bound by a non-administrator",
      (emu) => emu.OpenDSObject("WinNT://FS01/LanmanServer/Public", ALICE.user, ALICE.password, 1),
    ],
  ];
  for (const [label, target] of targets) {
    it(`${label}: returns or throws AdsError; emu.state is untouched`, () => {
      fc.assert(
        fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (steps) => {
          const emu = fresh();
          const before = emu.state;
          const object = target(emu);
          for (const step of steps) run(object, step);
          expect(emu.state).toBe(before);
          // The object is still usable afterwards.
          const reload = outcome(() => object.GetInfo());
          if (!reload.ok) expect(reload.error.code).toBe("E_ADS_OBJECT_UNBOUND");
          expect(emu.state).toBe(before);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it("dual-interface accessors with arbitrary values: returns or AdsError, state untouched", () => {
    const members = fc.constantFrom(
      "Path",
      "Description",
      "MaxUserCount",
      "CurrentUserCount",
      "HostComputer",
      "Name",
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(members, anyValue), { maxLength: 8 }), (writes) => {
        const emu = fresh();
        const before = emu.state;
        const share = emu.GetObject<Record<string, unknown>>("WinNT://FS01/LanmanServer/Public");
        for (const [member, value] of writes) {
          try {
            share[member] = value;
          } catch (error) {
            // Every refusal is a COM error; writing the get-only Name is DISP_E_MEMBERNOTFOUND.
            if (!(error instanceof AdsError)) throw error;
          }
        }
        expect(emu.state).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });
});

/** Path strings: arbitrary text, and paths assembled from plausible pieces (to get past the parser). */
const component = fc.oneof(
  fc.constantFrom("FS01", "fs01", "CORP", "LAB", "LAB01", "DC01", ".", "LanmanServer", "Spooler", "W32Time"),
  fc.constantFrom("Public", "C$", "Schema", "FileShare", "Session", "Path", "__proto__", "constructor"),
  fc.string({ minLength: 1, maxLength: 8 }),
);
const hint = fc.constantFrom(
  "",
  ",computer",
  ",service",
  ",FileService",
  ",FileShare",
  ",domain",
  ",user",
  ",bogus",
  ",",
);
const pathText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc
    .tuple(
      fc.constantFrom("WinNT://", "winnt://", "WinNT:", "WinNT:/", "LDAP://"),
      fc.array(component, { maxLength: 5 }),
      hint,
    )
    .map(([prefix, parts, suffix]) => `${prefix}${parts.join("/")}${suffix}`),
);
const userName = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "alice",
    "CORP\\alice",
    "administrator",
    ADMIN.user,
    "FS01\\localadmin",
    ".\\localadmin",
    "labadmin",
  ),
);
const password = fc.oneof(fc.string(), fc.constantFrom("alice-pw", ADMIN.password, "local-pw", "lab-pw"));
const flags = fc.oneof(
  fc.integer(),
  fc.constantFrom(
    0,
    ADS_SECURE_AUTHENTICATION,
    ADS_USE_ENCRYPTION,
    ADS_NO_AUTHENTICATION,
    0x80000000,
    0xffffffff,
  ),
  fc.double(),
);

describe("binding with arbitrary input", () => {
  it("emu.GetObject(arbitrary string) returns an IADs object or throws AdsError; state untouched", () => {
    const emu = fresh();
    const before = emu.state;
    fc.assert(
      fc.property(pathText, (path) => {
        const result = outcome(() => emu.GetObject(path));
        if (result.ok) {
          expect(typeof result.value.ADsPath).toBe("string");
          expect(typeof result.value.Class).toBe("string");
        }
        expect(emu.state).toBe(before);
      }),
      { numRuns: fcRuns(500) },
    );
  });

  it("emu.OpenDSObject(arbitrary path, user, password, flags) returns or throws AdsError; state untouched", () => {
    const emu = fresh();
    const before = emu.state;
    fc.assert(
      fc.property(
        pathText,
        fc.option(userName, { nil: null }),
        fc.option(password, { nil: null }),
        flags,
        (path, user, pass, flag) => {
          const result = outcome(() => emu.OpenDSObject(path, user, pass, flag));
          if (result.ok) expect(typeof result.value.ADsPath).toBe("string");
          expect(emu.state).toBe(before);
        },
      ),
      { numRuns: fcRuns(500) },
    );
  });

  it("a wrong password never binds through OpenDSObject, whatever the flags", () => {
    const emu = fresh();
    fc.assert(
      fc.property(
        fc.constantFrom("WinNT://FS01", "WinNT://FS01/LanmanServer", "WinNT://CORP/FS01/LanmanServer/Public"),
        fc.string().filter((p) => p !== ALICE.password),
        fc.integer({ min: 0, max: 0x7ff }),
        (path, wrong, flag) => {
          expectAdsError(
            () => emu.OpenDSObject(path, ALICE.user, wrong, flag),
            "ERROR_LOGON_FAILURE",
            0x8007052e,
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("containers with arbitrary class and child names", () => {
  const className = fc.oneof(
    fc.string(),
    fc.constantFrom(
      "FileShare",
      "fileshare",
      "FPNWFileShare",
      "Service",
      "service",
      "FileService",
      "Computer",
      "Domain",
      "User",
      "Group",
      "PrintQueue",
      "Schema",
      "Class",
      "Property",
      "Syntax",
      "Session",
      "__proto__",
      "constructor",
      "toString",
      "",
    ),
  );
  const childName = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.constantFrom(
      "Public",
      "C$",
      "Spooler",
      "LanmanServer",
      "FS01",
      "CORP",
      "FileShare",
      "Path",
      "__proto__",
      "a/b",
      "a\\b",
      "a,b",
    ),
  );
  const containers = [
    "WinNT:",
    "WinNT://CORP",
    "WinNT://LAB",
    "WinNT://FS01",
    "WinNT://FS01/LanmanServer",
    "WinNT://LAB01/LanmanServer",
    "WinNT://CORP/Schema",
  ];

  it("GetObject and Create return or throw AdsError and never change the state (Create without SetInfo)", () => {
    const emu = fresh();
    const before = emu.state;
    const bound = containers.map((path) => emu.GetObject<IADsContainer & IADs>(path));
    fc.assert(
      fc.property(
        fc.constantFrom(...bound),
        fc.oneof(className, fc.constant(null)),
        childName,
        fc.boolean(),
        (c, cls, name, create) => {
          if (create) {
            const created = outcome(() => c.Create(cls as string, name));
            if (created.ok) {
              expect(typeof created.value.ADsPath).toBe("string");
              // Put alone does not reach the store either.
              outcome(() => created.value.Put("Path", "C:\\x"));
            }
          } else {
            const found = outcome(() => c.GetObject(cls, name));
            if (found.ok) expect(typeof found.value.Name).toBe("string");
          }
          expect(emu.state).toBe(before);
        },
      ),
      { numRuns: fcRuns(500) },
    );
  });

  it("Delete returns or throws AdsError", () => {
    fc.assert(
      fc.property(fc.constantFrom(...containers), className, childName, (path, cls, name) => {
        const emu = fresh();
        const c = emu.GetObject<IADsContainer>(path);
        const before = emu.state;
        const result = outcome(() => c.Delete(cls, name));
        if (!result.ok) expect(emu.state).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });

  it("Delete by a non-administrator never changes the state", () => {
    const emu = fresh();
    const before = emu.state;
    const c = emu.OpenDSObject<IADsContainer>("WinNT://FS01/LanmanServer", ALICE.user, ALICE.password, 1);
    fc.assert(
      fc.property(className, childName, (cls, name) => {
        outcome(() => c.Delete(cls, name));
        expect(emu.state).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });

  it("Filter with arbitrary values, then enumeration: returns or AdsError; state untouched", () => {
    const emu = fresh();
    const before = emu.state;
    const bound = containers.map((path) => emu.GetObject<IADsContainer>(path));
    fc.assert(
      fc.property(
        fc.constantFrom(...bound),
        fc.oneof(fc.array(className), anyValue, fc.sparseArray(className)),
        (c, filter) => {
          const set = outcome(() => {
            c.Filter = filter as string[];
          });
          if (set.ok) {
            const listed = outcome(() => [...c]);
            if (listed.ok) for (const child of listed.value) expect(typeof child.Class).toBe("string");
          }
          expect(emu.state).toBe(before);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

// Regression: a sparse Filter (`[,]`) was once accepted and crashed the next enumeration.
describe("Filter with a sparse array", () => {
  for (const path of ["WinNT:", "WinNT://FS01", "WinNT://FS01/LanmanServer"]) {
    it(`${path}: Filter = [,] is refused with E_ADS_BAD_PARAMETER or enumerates; never a TypeError`, () => {
      const c = fresh().GetObject<IADsContainer>(path);
      const sparse: string[] = [];
      sparse.length = 1;
      const set = outcome(() => {
        c.Filter = sparse;
      });
      if (!set.ok) {
        expect(set.error.code).toBe("E_ADS_BAD_PARAMETER");
        return;
      }
      outcome(() => [...c]);
    });
  }

  it("a dense array with a non-string is refused with E_ADS_BAD_PARAMETER", () => {
    const c = fresh().GetObject<IADsContainer>("WinNT://FS01");
    expectAdsError(() => {
      c.Filter = [undefined as unknown as string];
    }, "E_ADS_BAD_PARAMETER");
    expectAdsError(() => {
      c.Filter = ["Service", 3 as unknown as string];
    }, "E_ADS_BAD_PARAMETER");
  });
});

/**
 * Non-string arguments (JavaScript callers, or TypeScript through `any`). The emulator checks
 * `typeof name === "string"` and answers with an AdsError; the error message must not itself throw
 * for objects that have no primitive form (null-prototype objects, `{ toString: 0 }`). Regression
 * tests for messages once built with `String(value)`.
 */
describe("non-string arguments that have no primitive form", () => {
  const noPrimitive = (): unknown => Object.create(null);

  it("share.Get(Object.create(null)) throws an AdsError, not a TypeError", () => {
    const share = fresh().GetObject("WinNT://FS01/LanmanServer/Public");
    expectAdsError(() => share.Get(noPrimitive() as string), "E_ADS_PROPERTY_NOT_SUPPORTED");
  });

  it("share.GetInfoEx([Object.create(null)], 0) throws an AdsError, not a TypeError", () => {
    const share = fresh().GetObject("WinNT://FS01/LanmanServer/Public");
    expectAdsError(() => share.GetInfoEx([noPrimitive() as string], 0), "E_ADS_PROPERTY_NOT_SUPPORTED");
  });

  it('share.PutEx(Object.create(null), "Path", ["x"]) throws an AdsError, not a TypeError', () => {
    const share = fresh().GetObject("WinNT://FS01/LanmanServer/Public");
    expectAdsError(() => share.PutEx(noPrimitive() as number, "Path", ["x"]), "E_ADS_BAD_PARAMETER");
  });

  it("container.GetObject(Object.create(null), name) throws an AdsError, not a TypeError", () => {
    const fso = fresh().GetObject<IADsContainer>("WinNT://FS01/LanmanServer");
    expectAdsError(() => fso.GetObject(noPrimitive() as string, "Public"), "E_ADS_UNKNOWN_OBJECT");
  });

  it("OpenDSObject(path, Object.create(null), pw, 1) throws an AdsError, not a TypeError", () => {
    const emu = fresh();
    const error = (() => {
      try {
        emu.OpenDSObject("WinNT://FS01", noPrimitive() as string, "x", 1);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(AdsError);
  });

  it("non-string names that do convert are answered with AdsError", () => {
    const share = fresh().GetObject("WinNT://FS01/LanmanServer/Public");
    for (const name of [1, null, undefined, true, {}, [], ["Path"], Symbol("x")]) {
      expectAdsError(() => share.Get(name as unknown as string), "E_ADS_PROPERTY_NOT_SUPPORTED");
    }
    const fso = fresh().GetObject<IADsContainer>("WinNT://FS01/LanmanServer");
    expectAdsError(() => fso.GetObject(42 as unknown as string, "Public"), "E_ADS_UNKNOWN_OBJECT");
    expectAdsError(() => fresh().GetObject(noPrimitive() as string), "E_ADS_BAD_PATHNAME");
  });
});
