/**
 * The contract suite against the served emulator (wire mode, docs/wire-mode.md): the project's own
 * MS-SRVS provider over SMB2 to `serve(emu)`, with real SMB2 connections as the driver. It must pass
 * what the emulator passes: the manifest lists no divergence.
 */
import { defineContractSuite } from "../../src/contract/defineContractSuite.js";
import { manifest } from "./targets.js";
import { wireTarget } from "./wireTarget.js";

defineContractSuite({
  name: "wire mode (MS-SRVS provider to serve(emu))",
  setup: wireTarget,
  manifest: manifest("wire"),
});
