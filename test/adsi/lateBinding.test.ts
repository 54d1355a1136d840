/**
 * The `lateBinding` option (issue 7 item 17): IDispatch semantics — case-insensitive member names,
 * DISP_E_UNKNOWNNAME for a member that does not exist — on every object handed out, while test
 * frameworks' and JavaScript's own probing keep working.
 */
import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AdsError, createEmulator, type Emulator, QueryInterface } from "../../src/index.js";
import { fcRuns } from "../support/fcRuns.js";
import { expectAdsError } from "./helpers.js";

/** A late-bound object, as a script sees it: any member name. */
// biome-ignore lint/suspicious/noExplicitAny: a late-bound object has any member, of any type
type Late = Record<string, any> & Iterable<Late>;

function lateEmulator(): Emulator {
  return createEmulator({ lateBinding: true });
}

describe("member names resolve case-insensitively, unknown names raise DISP_E_UNKNOWNNAME", () => {
  it("fs.NoSuchMember reads and writes raise DISP_E_UNKNOWNNAME (0x80020006)", () => {
    const fs = lateEmulator().GetObject<Late>("WinNT://FS01/LanmanServer");
    expectAdsError(() => fs.NoSuchMember, "DISP_E_UNKNOWNNAME", 0x80020006);
    expectAdsError(() => {
      fs.NoSuchMember = 1;
    }, "DISP_E_UNKNOWNNAME");
    expectAdsError(() => fs.count, "E_NOTIMPL"); // Count exists (E_NOTIMPL on WinNT), in any case
  });

  it('share.description = "x"; share.SetInfo() writes Description (the write is no longer lost)', () => {
    const emu = lateEmulator();
    const share = emu.GetObject<Late>("WinNT://FS01/LanmanServer/Public");
    share.description = "x";
    share.setinfo();
    expect(emu.GetObject<Late>("WinNT://FS01/LanmanServer/Public").DESCRIPTION).toBe("x");
    expect(share.get("path")).toBe(share.Path);
    expect(share.ADSPATH).toBe("WinNT://CORP/FS01/LanmanServer/Public");
  });

  it("what members return is late-bound: collections, their items, enumerators, children, OpenDSObject", () => {
    const emu = lateEmulator();
    const fso = emu.GetObject<Late>("WinNT://FS01/LanmanServer");
    const sessions = fso.sessions() as unknown as Late;
    for (const session of sessions) expect(session.user).toBe(session.User);
    const first = (fso._newenum as Late).next(1) as unknown as Late[];
    expect(first[0]?.CLASS).toBe("FileShare");
    for (const child of emu.GetObject<Late>("WinNT://FS01"))
      expectAdsError(() => child.nope, "DISP_E_UNKNOWNNAME");
    const opened = (emu.GetObject<Late>("WinNT:").opendsobject as (...a: unknown[]) => Late)(
      "WinNT://FS01",
      "alice",
      "alice-pw",
      1,
    );
    expectAdsError(() => opened.nope, "DISP_E_UNKNOWNNAME");
    const resources = fso.Resources() as unknown as Late;
    expect((resources.getobject as (n: string) => Late)("42").lockcount).toBe(1);
  });

  it("QueryInterface answers for the late-bound object and returns it", () => {
    const computer = lateEmulator().GetObject<Late>("WinNT://FS01");
    expect(QueryInterface(computer, "IADsContainer")).toBe(computer);
    expectAdsError(() => QueryInterface(computer, "IADsCollection"), "E_NOINTERFACE");
  });

  it("the same member resolves whatever the case (random casings of every member)", () => {
    const emu = lateEmulator();
    const objects = [
      emu.GetObject<Late>("WinNT://FS01/LanmanServer/Public"),
      emu.GetObject<Late>("WinNT://FS01"),
      emu.GetObject<Late>("WinNT://FS01/Spooler"),
    ];
    const outcome = (fn: () => unknown): unknown => {
      try {
        const value = fn();
        return typeof value === "function" ? "function" : value;
      } catch (error) {
        return error instanceof AdsError ? error.code : String(error);
      }
    };
    const members = objects.flatMap((object) =>
      [...new Set(Object.getOwnPropertyNames(Object.getPrototypeOf(object)))].map(
        (name) => [object, name] as const,
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...members),
        fc.array(fc.boolean(), { maxLength: 40 }),
        ([object, name], flips) => {
          if (name === "constructor" || name === "toJSON") return;
          const cased = [...name].map((c, i) => (flips[i] ? c.toUpperCase() : c.toLowerCase())).join("");
          expect(outcome(() => object[cased])).toEqual(outcome(() => object[name]));
        },
      ),
      { numRuns: fcRuns(300) },
    );
  });
});

describe("JavaScript's and test frameworks' probing still works", () => {
  it("await, JSON, util.inspect, String, template literals", async () => {
    const share = lateEmulator().GetObject<Late>("WinNT://FS01/LanmanServer/Public");
    expect(await Promise.resolve(share)).toBe(share); // reads `then`
    expect(JSON.parse(JSON.stringify(share))).toEqual({
      Name: "Public",
      Class: "FileShare",
      ADsPath: share.ADsPath,
    });
    expect(inspect(share)).toContain("FileShare");
    expect(`${String(share)}`).toBe("[object Object]");
  });

  it("vitest matchers: toBe, toEqual, objectContaining, toMatchObject, toThrow, iterables", () => {
    const emu = lateEmulator();
    const share = emu.GetObject<Late>("WinNT://FS01/LanmanServer/Public");
    expect(share).toBe(share);
    expect(share).toEqual(share);
    expect(share).toEqual(expect.objectContaining({ Name: "Public" }));
    expect(share).toMatchObject({ Name: "Public", Class: "FileShare" });
    expect({ nested: [share] }).toEqual({ nested: [share] });
    expect(() => share.Nope).toThrow(AdsError);
    expect(() => share.Nope).toThrow(expect.objectContaining({ code: "DISP_E_UNKNOWNNAME" }));
    const lanman = emu.GetObject<Late>("WinNT://FS01/LanmanServer");
    expect([...lanman].length).toBeGreaterThan(0);
    expect(lanman).toEqual(lanman);
  });

  it("exact-case host probes answer as on a plain object; a COM spelling of one is a member lookup", () => {
    const share = lateEmulator().GetObject<Late>("WinNT://FS01/LanmanServer/Public");
    for (const probe of [
      "then",
      "asymmetricMatch",
      "$$typeof",
      "nodeType",
      "@@__IMMUTABLE_ITERABLE__@@",
      "size",
    ]) {
      expect(share[probe]).toBeUndefined();
      expect(probe in share).toBe(false);
    }
    expect(typeof share.toString).toBe("function");
    expect(share.constructor).toBeTypeOf("function");
    expectAdsError(() => share.Then, "DISP_E_UNKNOWNNAME");
  });
});

describe("the option", () => {
  it("is off by default: an unknown member is plain JavaScript (undefined)", () => {
    const fs = createEmulator().GetObject<Late>("WinNT://FS01/LanmanServer");
    expect(fs.NoSuchMember).toBeUndefined();
    expect(fs.path).toBeUndefined();
  });

  it("anything but true, false or undefined is E_INVALIDARG", () => {
    expectAdsError(() => createEmulator({ lateBinding: "yes" as never }), "E_INVALIDARG");
  });

  it("late-bound objects are as sealed as plain ones", () => {
    const fso = lateEmulator().GetObject<Late>("WinNT://FS01/LanmanServer");
    expectAdsError(() => fso.context, "DISP_E_UNKNOWNNAME");
    expect(Reflect.ownKeys(fso)).toEqual([]);
    expectAdsError(() => {
      fso.Sessions = () => 0;
    }, "DISP_E_MEMBERNOTFOUND");
  });
});
