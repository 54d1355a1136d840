/**
 * Emulators are isolated (issue 7 item 2): whatever is reachable from one emulator's objects and
 * shared with another is deeply frozen, and a script that mutates everything it can reach in one
 * emulator changes nothing another emulator does.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AdsError,
  createEmulator,
  type Emulator,
  type IADs,
  type IADsClass,
  type IADsContainer,
  type IADsFileServiceOperations,
} from "../../src/index.js";
import { fcRuns } from "../support/fcRuns.js";
import { facadeObjects, reachable } from "../support/reach.js";

/** Everything reachable from `emu`'s objects, its errors and its profile. */
function reach(emu: Emulator): Set<object> {
  return reachable([...facadeObjects(emu), emu.profile]);
}

/** Outcome of `fn` as data: its value, or the code of the AdsError it throws. */
function outcome(fn: () => unknown): unknown {
  try {
    return { value: fn() };
  } catch (error) {
    return error instanceof AdsError ? { code: error.code } : { thrown: String(error) };
  }
}

/** What an emulator does, as data: a battery of reads, refusals and schema answers. */
function transcript(emu: Emulator): unknown[] {
  const share = () => emu.GetObject("WinNT://FS01/LanmanServer/Public");
  const fso = () =>
    emu.GetObject<IADs & IADsContainer & IADsFileServiceOperations>("WinNT://FS01/LanmanServer");
  return [
    outcome(() => [...emu.GetObject<IADsContainer & IADs>("WinNT:")].map((d) => d.ADsPath)),
    outcome(() => [...fso()].map((s) => `${s.Class}:${s.Name}`)),
    outcome(() => [...fso().Sessions()].map((s) => s.Name)),
    outcome(() => [...fso().Resources()].map((r) => r.Name)),
    outcome(() => share().Get("Path")),
    outcome(() => share().Put("CurrentUserCount", 5)),
    outcome(() => share().Put("Nope", 5)),
    outcome(() => share().GUID),
    outcome(() => share().Schema),
    outcome(() => emu.GetObject<IADsClass>("WinNT://CORP/Schema/FileShare").MandatoryProperties),
    outcome(() => emu.GetObject<IADsClass>("WinNT://CORP/Schema/FileShare").OptionalProperties),
    outcome(() => emu.GetObject("WinNT://FS01/Spooler").Get("DisplayName")),
    outcome(() => emu.GetObject("WinNT://NOPE")),
    outcome(() => emu.OpenDSObject("WinNT://FS01", "alice", "wrong", 1)),
    outcome(() => emu.OpenDSObject("WinNT://FS01/LanmanServer", "alice", "alice-pw", 1).Get("MaxUserCount")),
    outcome(() => emu.profile.sessionName("u", "c")),
  ];
}

const JUNK = Object.freeze({ junk: true });

/** Every mutation a script could try on `value`; errors (frozen objects, COM refusals) are ignored. */
const MUTATIONS: readonly ((value: object, key: string | symbol) => void)[] = [
  (v, k) => {
    (v as Record<string | symbol, unknown>)[k] = JUNK;
  },
  (v, k) => {
    delete (v as Record<string | symbol, unknown>)[k];
  },
  (v, k) => {
    Object.defineProperty(v, k, { value: JUNK, writable: true, configurable: true });
  },
  (v) => {
    if (Array.isArray(v)) v.length = 0;
  },
  (v) => {
    if (Array.isArray(v)) v.push(JUNK);
  },
  (v) => {
    if (v instanceof Map || v instanceof Set) v.clear();
  },
  (v) => {
    (v as Record<string, unknown>).added = JUNK;
  },
  (v) => {
    Object.setPrototypeOf(v, null);
  },
];

function mutate(value: object, mutation: (typeof MUTATIONS)[number]): void {
  for (const key of [...Reflect.ownKeys(value), "polluted"]) {
    try {
      mutation(value, key);
    } catch {
      // Frozen, or a COM refusal: the mutation had no effect, which is the point.
    }
  }
}

describe("nothing one emulator exposes can change another (item 2)", () => {
  it("every object reachable from two emulators is deeply frozen and holds no Map, Set or Date", () => {
    const a = reach(createEmulator());
    const b = reach(createEmulator());
    const shared = [...a].filter((value) => b.has(value));
    expect(shared.length).toBeGreaterThan(0); // prototypes, constructors, the profile
    for (const value of shared) {
      expect(
        Object.isFrozen(value),
        String((value as { constructor?: { name?: string } }).constructor?.name),
      ).toBe(true);
      expect(value instanceof Map || value instanceof Set || value instanceof Date).toBe(false);
    }
  });

  it("mutating everything reachable from one emulator leaves another's behaviour unchanged", () => {
    const victim = createEmulator();
    const expected = transcript(victim);
    const attacker = createEmulator();
    for (const value of reach(attacker)) for (const mutation of MUTATIONS) mutate(value, mutation);
    expect(transcript(victim)).toEqual(expected);
    expect(transcript(createEmulator())).toEqual(expected);
  });

  it("random mutations of random reachable objects never reach another emulator (fuzz)", () => {
    const expected = transcript(createEmulator());
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: MUTATIONS.length - 1 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (steps) => {
          const victim = createEmulator();
          const targets = [...reach(createEmulator())];
          for (const [index, mutation] of steps) {
            mutate(
              targets[index % targets.length] as object,
              MUTATIONS[mutation] as (typeof MUTATIONS)[number],
            );
          }
          expect(transcript(victim)).toEqual(expected);
        },
      ),
      { numRuns: fcRuns(25) },
    );
  });
});
