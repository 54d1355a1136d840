import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adsPathArb,
  fixtureArb,
  fixturePathArb,
  scenarioArb,
  sessionArb,
} from "../../src/arbitraries/index.js";
import { fixtureBuilder } from "../../src/fixture/builder.js";
import {
  AdsError,
  createEmulator,
  loadDefaultFixture,
  parseAdsPath,
  validateFixture,
} from "../../src/index.js";
import { fcRuns } from "../support/fcRuns.js";

describe("adsi-emulator/arbitraries", () => {
  it("fixtureArb: every fixture is valid and loads with all its sessions", () => {
    fc.assert(
      fc.property(fixtureArb(), (fixture) => {
        expect(() => validateFixture(fixture)).not.toThrow();
        const emu = createEmulator({ fixture });
        for (const domain of fixture.domains) {
          for (const computer of domain.computers ?? []) {
            const lanman = computer.services?.find((s) => s.name === "LanmanServer");
            const expected = lanman?.kind === "fileService" ? (lanman.sessions?.length ?? 0) : 0;
            expect(emu.inject.sessions(computer.name)).toHaveLength(expected);
          }
        }
      }),
      { numRuns: fcRuns(60) },
    );
  });

  it("sessionArb: sessions added to the default fixture keep it valid", () => {
    const base = loadDefaultFixture();
    const shares = [
      { name: "Public", path: "C:\\Shares\\Public" },
      { name: "Users", path: "C:\\Shares\\Users" },
    ];
    const arb = fc.array(sessionArb({ users: ["alice", "bob"], shares, now: base.now }), { maxLength: 5 });
    fc.assert(
      fc.property(arb, (sessions) => {
        const builder = fixtureBuilder(base);
        for (const session of sessions) builder.addSession("FS01", session);
        const emu = createEmulator({ fixture: builder.build() });
        expect(emu.inject.sessions("FS01")).toHaveLength(4 + sessions.length);
        for (const session of sessions) {
          expect(Date.parse(session.connectedAt)).toBeLessThanOrEqual(Date.parse(base.now));
        }
      }),
      { numRuns: fcRuns(60) },
    );
  });

  it("fixturePathArb: every path binds, in any case and with its class hint", () => {
    const arb = fixtureArb().chain((fixture) => fc.tuple(fc.constant(fixture), fixturePathArb(fixture)));
    fc.assert(
      fc.property(arb, ([fixture, path]) => {
        const emu = createEmulator({ fixture });
        const object = emu.GetObject(path);
        expect(emu.GetObject(object.ADsPath).ADsPath).toBe(object.ADsPath);
      }),
      { numRuns: fcRuns(80) },
    );
  });

  it("adsPathArb: every path parses; binding it answers an AdsError or an object, nothing else", () => {
    const emu = createEmulator();
    fc.assert(
      fc.property(adsPathArb(), (path) => {
        expect(parseAdsPath(path).provider).toBe("WinNT");
        try {
          emu.GetObject(path);
        } catch (error) {
          expect(error).toBeInstanceOf(AdsError);
        }
      }),
      { numRuns: fcRuns(200) },
    );
  });

  it("scenarioArb: generated stories play on their fixture and every step succeeds", () => {
    const arb = fixtureArb().chain((fixture) => fc.tuple(fc.constant(fixture), scenarioArb(fixture)));
    fc.assert(
      fc.property(arb, ([fixture, scenario]) => {
        const emu = createEmulator({ fixture });
        expect(emu.play(scenario)).toBe(scenario.timeline.length);
        emu.clock.runAll();
        const steps = emu.events.query({ type: "scenario.step" });
        expect(steps).toHaveLength(scenario.timeline.length);
        expect(steps.filter((s) => s.outcome !== "ok")).toEqual([]);
      }),
      { numRuns: fcRuns(60) },
    );
  });

  it("scenarioArb works on the default fixture too, and refuses a fixture without a running file server", () => {
    const fixture = loadDefaultFixture();
    fc.assert(
      fc.property(scenarioArb(fixture), (scenario) => {
        const emu = createEmulator({ fixture });
        emu.play(scenario);
        emu.clock.runAll();
        expect(emu.events.query({ type: "scenario.step" }).every((s) => s.outcome === "ok")).toBe(true);
      }),
      { numRuns: fcRuns(40) },
    );
    const stopped = fixtureBuilder()
      .edit((draft) => {
        for (const domain of draft.domains) {
          for (const computer of domain.computers ?? []) {
            for (const service of computer.services ?? []) service.status = "stopped";
          }
        }
      })
      .build();
    expect(() => scenarioArb(stopped)).toThrow(RangeError);
  });
});
