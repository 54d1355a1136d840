// Type-checked with the strictest options against the installed package (ESM resolution).
import {
  AdsError,
  createEmulator,
  type EmulatorEvent,
  type Fixture,
  fixtureBuilder,
  type IADsFileServiceOperations,
  renderTimelineSvg,
} from "adsi-emulator";
import { fixtureArb, type FixtureArbOptions } from "adsi-emulator/arbitraries";
import { expect, test } from "adsi-emulator/vitest";

// An inline fixture is typed (and completes in an editor), no cast needed:
const inline: Fixture = {
  version: 1,
  now: "2026-01-05T09:00:00Z",
  domains: [{ name: "WG", type: "workgroup", computers: [{ name: "PC1" }] }],
};
const emu = createEmulator({ fixture: inline, seed: 2, profile: "samba" });
const plus = fixtureBuilder().addSession("FS01", { user: "bob", computer: "10.1.1.1", connectedAt: "2026-01-05T08:00:00Z" }).build();
const fso = createEmulator({ fixture: plus }).GetObject<IADsFileServiceOperations>("WinNT://FS01/LanmanServer");
const names: string[] = [...fso.Sessions()].map((s) => s.Name);
const events: EmulatorEvent[] = [...emu.events];
const svg: string = renderTimelineSvg(events, { width: 800 });
const options: FixtureArbOptions = { maxComputers: 2 };
const arb = fixtureArb(options);
const isAdsError = (e: unknown): boolean => AdsError.is(e, "E_ACCESSDENIED");
test("typed", ({ emu: fixtureEmu }) => {
  expect(fixtureEmu).toHaveSession({ user: "alice" });
  expect(() => fixtureEmu.GetObject("WinNT://X")).toThrowAdsError("ERROR_BAD_NETPATH");
});
export { arb, isAdsError, names, svg };
