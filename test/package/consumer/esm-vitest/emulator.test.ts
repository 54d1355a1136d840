// A consumer's vitest suite (ESM), run against the installed tarball by test/package/consumer.test.ts.
import fc from "fast-check";
import { createEmulator, fixtureBuilder, type IADsFileServiceOperations, renderTimelineSvg } from "adsi-emulator";
import { fixtureArb, scenarioArb } from "adsi-emulator/arbitraries";
import { createEmulatorTest, expect, test } from "adsi-emulator/vitest";

test("the emu fixture and the matchers", ({ emu }) => {
  expect(emu).toHaveSession({ user: "alice", computer: "10.0.0.5" });
  expect(emu).toHaveOpenFile({ path: "C:\\Shares\\Public\\a.txt", user: "alice" });
  const fso = emu.GetObject<IADsFileServiceOperations>("WinNT://FS01/LanmanServer");
  const sessions = fso.Sessions();
  sessions.Remove("alice\\10.0.0.5");
  expect(emu).not.toHaveSession({ user: "alice" });
  expect(() => emu.GetObject("WinNT://NOPE")).toThrowAdsError("ERROR_BAD_NETPATH");
});

const onLab = createEmulatorTest({
  fixture: fixtureBuilder().addShare("LAB01", { name: "Data", path: "C:\\Data" }).build(),
  caller: { user: "LAB01\\labadmin", password: "lab-pw" },
  mode: "reset",
});

onLab("a built fixture, reset between tests", ({ emu }) => {
  emu.inject.openSession({ server: "LAB01", user: "labadmin", client: "10.5.5.5", shares: ["Data"] });
  expect(emu).toHaveSession({ server: "LAB01", computer: "10.5.5.5" });
  expect(renderTimelineSvg(emu.events)).toContain('class="lane"');
});

test("property: any generated world plays any generated scenario", () => {
  fc.assert(
    fc.property(
      fixtureArb().chain((fixture) => fc.tuple(fc.constant(fixture), scenarioArb(fixture))),
      ([fixture, scenario]) => {
        const emu = createEmulator({ fixture });
        emu.play(scenario);
        emu.clock.runAll();
        return emu.events.query({ type: "scenario.step" }).every((step) => step.outcome === "ok");
      },
    ),
    { numRuns: 25 },
  );
});
