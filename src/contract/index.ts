/**
 * adsi-emulator/contract: the provider-agnostic contract suite (docs/contract.md). Register it for a
 * provider under test with {@link defineContractSuite}; this file is the whole API of the subpath.
 */
export { ContractFailure, eventually, failureOf, list, rejects } from "./check.js";
export type { ContractContext } from "./context.js";
export { type ContractSuiteOptions, defineContractSuite } from "./defineContractSuite.js";
export { contractFixture, type EmulatorTargetOptions, emulatorTarget } from "./emulatorTarget.js";
export { checkManifest, underManifest } from "./ratchet.js";
export {
  type Observation,
  profileDisagreements,
  profileExpectations,
  type Recording,
  recordObservations,
} from "./recorder.js";
export { contractScoreboard, type ScoreboardTarget } from "./scoreboard.js";
export { supported } from "./supportedTests.js";
export { CONTRACT_TESTS, type ContractTest } from "./tests/catalog.js";
export type {
  Awaitable,
  ContractAccounts,
  ContractCollection,
  ContractDriver,
  ContractFileService,
  ContractResource,
  ContractSession,
  ContractSupports,
  ContractTarget,
  DivergenceManifest,
  DriverFile,
  DriverSession,
} from "./types.js";
export { CONTRACT_SUITE_VERSION } from "./version.js";
export {
  type ComModule,
  comError,
  type NetUseDriverOptions,
  netUseDriver,
  type WinaxTargetOptions,
  winaxTarget,
} from "./winaxTarget.js";
export { defineWindowsContractSuite, WINDOWS_SUITE_VARIABLES, windowsTargetFromEnv } from "./windowsSuite.js";
