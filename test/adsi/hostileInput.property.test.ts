/**
 * Bad input gets a typed error and leaves state untouched (issue 7 items 4 and 16): sparse arrays,
 * arrays whose elements are getters, proxies that throw or are revoked, and non-string names. Every
 * call answers with an AdsError or succeeds; nothing else escapes, and nothing half-applied is stored.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AdsError,
  createEmulator,
  type IADs,
  type IADsContainer,
  type IADsFileServiceOperations,
  nameKey,
  windowsProfile,
} from "../../src/index.js";
import { fcRuns } from "../support/fcRuns.js";
import { expectAdsError, fresh } from "./helpers.js";

/** `[, ...items]`: an array whose first slot is a hole. */
function withHole(...items: unknown[]): unknown[] {
  const array: unknown[] = [];
  array.length = 1;
  array.push(...items);
  return array;
}

/** An array whose element 0 is a getter that throws. */
function throwingElement(): unknown[] {
  const array = ["Path", "Path"];
  Object.defineProperty(array, 0, {
    get() {
      throw new Error("boom");
    },
  });
  return array;
}

/** Every kind of hostile value, for the fuzz and the examples. */
function hostileValues(): unknown[] {
  const revoked = Proxy.revocable([], {});
  revoked.revoke();
  const trap = () => {
    throw new Error("trap");
  };
  const throwingArray = new Proxy(["Path"], {
    get: trap,
    has: trap,
    ownKeys: trap,
    getOwnPropertyDescriptor: trap,
  });
  const throwingObject = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap });
  const noPrimitive = { [Symbol.toPrimitive]: trap, toString: trap, valueOf: trap };
  const longArray: unknown[] = [];
  Object.defineProperty(longArray, "length", { value: 2 ** 32 - 1 });
  return [
    withHole("x"),
    withHole(),
    throwingElement(),
    revoked.proxy,
    throwingArray,
    throwingObject,
    noPrimitive,
    longArray,
  ];
}

describe("sparse and hostile arrays are invalid input (item 4)", () => {
  it('GetInfoEx([, "Path"], 0) → E_ADS_BAD_PARAMETER, not a TypeError', () => {
    const share = fresh().GetObject("WinNT://FS01/LanmanServer/Public");
    expectAdsError(() => share.GetInfoEx(withHole("Path") as string[], 0), "E_ADS_BAD_PARAMETER");
    expectAdsError(() => share.GetInfoEx(throwingElement() as string[], 0), "E_ADS_BAD_PARAMETER");
  });

  it('Put("Dependencies", [, "x"]) is refused, so SetInfo never stores undefined', () => {
    const emu = fresh();
    const spooler = emu.GetObject("WinNT://FS01/Spooler");
    const dependencies = () =>
      emu.state.computers.get(nameKey("FS01"))?.services.get(nameKey("Spooler"))?.config.Dependencies;
    const before = dependencies();
    expectAdsError(
      () => spooler.Put("Dependencies", withHole("Service:RPCSS") as string[]),
      "E_ADS_BAD_PARAMETER",
    );
    expectAdsError(
      () => spooler.PutEx(2, "Dependencies", withHole("Service:RPCSS") as string[]),
      "E_ADS_BAD_PARAMETER",
    );
    spooler.SetInfo();
    expect(dependencies()).toEqual(before);
    expect(dependencies() ?? []).not.toContain(undefined);
  });

  it("Filter and Hints take dense arrays of strings; anything else is E_ADS_BAD_PARAMETER", () => {
    const emu = createEmulator({ profile: { ...windowsProfile, hints: "ignored" } });
    const computer = emu.GetObject<IADsContainer>("WinNT://FS01");
    for (const value of [...hostileValues(), 5]) {
      expectAdsError(() => {
        computer.Filter = value as string[];
      }, "E_ADS_BAD_PARAMETER");
      expectAdsError(() => {
        computer.Hints = value as string[];
      }, "E_ADS_BAD_PARAMETER");
    }
    computer.Hints = ["Name"];
    expect(computer.Hints).toEqual(["Name"]);
  });

  it("hostile values as property values and names give AdsErrors only", () => {
    const share = fresh().GetObject("WinNT://FS01/LanmanServer/Public");
    for (const value of hostileValues()) {
      for (const call of [
        () => share.Put("Path", value as string),
        () => share.Put("Dependencies", value as string),
        () => share.PutEx(2, "Path", value as string[]),
        () => share.Get(value as string),
        () => share.GetInfoEx(value as string[], 0),
      ]) {
        expect(() => call()).toThrow(AdsError);
      }
    }
  });
});

describe("names given as numbers are coerced as automation does (item 16)", () => {
  const fso = () => fresh().GetObject<IADsFileServiceOperations>("WinNT://FS01/LanmanServer");

  it('Resources().Remove(43) closes open file 43, as Remove("43") does', () => {
    const service = fso();
    const resources = service.Resources();
    expect(resources.GetObject(43 as unknown as string).Name).toBe("43");
    resources.Remove(43 as unknown as string);
    expect([...service.Resources()].map((r) => r.Name)).not.toContain("43");
  });

  it("a number that is no file id, and a session name given as a number, are unknown names", () => {
    const service = fso();
    expectAdsError(() => service.Resources().Remove(43.5 as unknown as string), "NERR_FileIdNotFound");
    expectAdsError(() => service.Sessions().GetObject(42 as unknown as string), "NERR_ClientNameNotFound");
  });

  it("values automation cannot turn into a name → DISP_E_TYPEMISMATCH, saying so", () => {
    const service = fso();
    for (const collection of [service.Sessions(), service.Resources()]) {
      for (const value of [null, undefined, true, {}, ["43"], ...hostileValues()]) {
        const error = expectAdsError(
          () => collection.Remove(value as string),
          "DISP_E_TYPEMISMATCH",
          0x80020005,
        );
        expect(error.message).toMatch(/type mismatch|string/i);
        expectAdsError(() => collection.GetObject(value as string), "DISP_E_TYPEMISMATCH");
      }
    }
  });
});

describe("fuzz: random hostile arguments to every member answer with AdsErrors only", () => {
  // Hostile values are built inside the property (fast-check itself would trip over their traps).
  const hostileCount = hostileValues().length;
  const argument = fc.oneof(
    fc.anything({ withSparseArray: true, withNullPrototype: true, withBoxedValues: true, withMap: true }),
    fc.nat(hostileCount - 1).map((index) => ({ hostile: index })),
    fc.sparseArray(fc.string(), { maxLength: 4 }),
  );
  const resolve = (value: unknown): unknown =>
    typeof value === "object" && value !== null && Object.keys(value).join() === "hostile"
      ? hostileValues()[(value as { hostile: number }).hostile]
      : value;
  const members: readonly [
    string,
    (o: Record<string, (...a: unknown[]) => unknown>, a: unknown) => unknown,
  ][] = [
    ["Get", (o, a) => o.Get?.(a)],
    ["GetEx", (o, a) => o.GetEx?.(a)],
    ["Put Path", (o, a) => o.Put?.("Path", a)],
    ["Put Dependencies", (o, a) => o.Put?.("Dependencies", a)],
    ["PutEx", (o, a) => o.PutEx?.(2, "Dependencies", a)],
    ["GetInfoEx", (o, a) => o.GetInfoEx?.(a, 0)],
    ["GetObject", (o, a) => o.GetObject?.(a, a)],
    ["Create", (o, a) => o.Create?.("FileShare", a)],
    ["Delete", (o, a) => o.Delete?.("FileShare", a)],
    ["Remove", (o, a) => o.Remove?.(a)],
    ["collection GetObject", (o, a) => o.GetObject?.(a)],
    ["SetPassword", (o, a) => o.SetPassword?.(a)],
    ["Filter", (o, a) => Reflect.set(o, "Filter", a)],
  ];

  it("returns or throws AdsError; refused calls leave emu.state as it was", () => {
    fc.assert(
      fc.property(fc.constantFrom(...members), argument, fc.nat(4), ([, call], value, which) => {
        const emu = createEmulator({ caller: { user: "alice", password: "alice-pw" } });
        const service = emu.GetObject<IADs & IADsFileServiceOperations>("WinNT://FS01/LanmanServer");
        const targets: unknown[] = [
          service,
          service.Sessions(),
          service.Resources(),
          emu.GetObject("WinNT://FS01/LanmanServer/Public"),
          emu.GetObject("WinNT://FS01/Spooler"),
        ];
        const before = emu.state;
        try {
          call(targets[which] as Record<string, (...a: unknown[]) => unknown>, resolve(value));
        } catch (error) {
          expect(error).toBeInstanceOf(AdsError);
          expect(emu.state).toBe(before);
        }
      }),
      { numRuns: fcRuns(400) },
    );
  });
});
