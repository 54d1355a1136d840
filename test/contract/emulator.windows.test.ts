/** The contract suite against the emulator with the `windows` profile: no divergences. */
import { readFileSync } from "node:fs";
import { defineContractSuite } from "../../src/contract/defineContractSuite.js";
import { emulatorTarget } from "../../src/contract/emulatorTarget.js";
import type { DivergenceManifest } from "../../src/contract/types.js";

const manifest: DivergenceManifest = JSON.parse(
  readFileSync(new URL("./manifests/emulator-windows.json", import.meta.url), "utf8"),
);

defineContractSuite({
  name: "emulator (windows)",
  setup: () => emulatorTarget({ profile: "windows" }),
  manifest,
});
