/** The contract-suite targets run in CI, as the scoreboard lists them (their supports and manifests). */
import { readFileSync } from "node:fs";
import { emulatorTarget } from "../../src/contract/emulatorTarget.js";
import type { ScoreboardTarget } from "../../src/contract/scoreboard.js";
import type { DivergenceManifest } from "../../src/contract/types.js";
import { SAMBA_SUPPORTS } from "./sambaTarget.js";
import { WIRE_SUPPORTS } from "./wireTarget.js";

/** A target's divergence manifest, from test/contract/manifests/. */
export function manifest(name: string): DivergenceManifest {
  return JSON.parse(readFileSync(new URL(`./manifests/${name}.json`, import.meta.url), "utf8"));
}

/** The scoreboard's columns. */
export function scoreboardTargets(): ScoreboardTarget[] {
  return [
    {
      name: "emulator (windows)",
      supports: emulatorTarget({ profile: "windows" }).supports,
      manifest: manifest("emulator-windows"),
    },
    {
      name: "emulator (samba)",
      supports: emulatorTarget({ profile: "samba" }).supports,
      manifest: manifest("emulator-samba"),
    },
    { name: "real Samba 4.17 (MS-SRVS provider)", supports: SAMBA_SUPPORTS, manifest: manifest("samba") },
    {
      name: "wire mode (MS-SRVS provider to serve(emu))",
      supports: WIRE_SUPPORTS,
      manifest: manifest("wire"),
    },
  ];
}
