/** The contract suite against the emulator with the `samba` profile: its divergences must be real Samba's. */
import { readFileSync } from "node:fs";
import { defineContractSuite } from "../../src/contract/defineContractSuite.js";
import { emulatorTarget } from "../../src/contract/emulatorTarget.js";
import type { DivergenceManifest } from "../../src/contract/types.js";

const manifest: DivergenceManifest = JSON.parse(
  readFileSync(new URL("./manifests/emulator-samba.json", import.meta.url), "utf8"),
);

defineContractSuite({
  name: "emulator (samba profile)",
  setup: () => emulatorTarget({ profile: "samba" }),
  manifest,
});
