/**
 * adsi-emulator: an in-memory, deterministic emulator of the ADSI `WinNT:` namespace.
 * This file is the whole public API, listed explicitly.
 */

// ADSI enum constants
export {
  ADS_AUTH_RESERVED,
  ADS_FAST_BIND,
  ADS_NO_AUTHENTICATION,
  ADS_NO_REFERRAL_CHASING,
  ADS_PROMPT_CREDENTIALS,
  ADS_PROPERTY_APPEND,
  ADS_PROPERTY_CLEAR,
  ADS_PROPERTY_DELETE,
  ADS_PROPERTY_UPDATE,
  ADS_READONLY_SERVER,
  ADS_SECURE_AUTHENTICATION,
  ADS_SERVER_BIND,
  ADS_SERVICE_AUTO_START,
  ADS_SERVICE_BOOT_START,
  ADS_SERVICE_CONTINUE_PENDING,
  ADS_SERVICE_DEMAND_START,
  ADS_SERVICE_DISABLED,
  ADS_SERVICE_ERROR,
  ADS_SERVICE_ERROR_CRITICAL,
  ADS_SERVICE_ERROR_IGNORE,
  ADS_SERVICE_ERROR_NORMAL,
  ADS_SERVICE_ERROR_SEVERE,
  ADS_SERVICE_FILE_SYSTEM_DRIVER,
  ADS_SERVICE_KERNEL_DRIVER,
  ADS_SERVICE_OWN_PROCESS,
  ADS_SERVICE_PAUSE_PENDING,
  ADS_SERVICE_PAUSED,
  ADS_SERVICE_RUNNING,
  ADS_SERVICE_SHARE_PROCESS,
  ADS_SERVICE_START_PENDING,
  ADS_SERVICE_STOP_PENDING,
  ADS_SERVICE_STOPPED,
  ADS_SERVICE_SYSTEM_START,
  ADS_USE_DELEGATION,
  ADS_USE_ENCRYPTION,
  ADS_USE_SEALING,
  ADS_USE_SIGNING,
  ADS_USE_SSL,
} from "./adsi/constants.js";
export { QueryInterface } from "./adsi/core/AdsObject.js";
export type { Credentials } from "./adsi/core/context.js";
export type { IADs } from "./adsi/interfaces/IADs.js";
export type { IADsCollection } from "./adsi/interfaces/IADsCollection.js";
export type { IADsComputer, IADsComputerOperations } from "./adsi/interfaces/IADsComputer.js";
export type { IADsContainer } from "./adsi/interfaces/IADsContainer.js";
export type { IADsFileService, IADsFileServiceOperations } from "./adsi/interfaces/IADsFileService.js";
export type { IADsFileShare } from "./adsi/interfaces/IADsFileShare.js";
export type { IADsOpenDSObject } from "./adsi/interfaces/IADsOpenDSObject.js";
export type {
  IADsPropertyEntry,
  IADsPropertyList,
  IADsPropertyValue,
} from "./adsi/interfaces/IADsPropertyList.js";
export type { IADsResource } from "./adsi/interfaces/IADsResource.js";
export type { IADsClass, IADsProperty, IADsSyntax } from "./adsi/interfaces/IADsSchema.js";
export type { IADsService, IADsServiceOperations } from "./adsi/interfaces/IADsService.js";
export type { IADsSession } from "./adsi/interfaces/IADsSession.js";
export type { IEnumVARIANT } from "./adsi/interfaces/IEnumVARIANT.js";
// COM contracts (spec §3-9)
export type { Variant } from "./adsi/interfaces/Variant.js";
// IADsPropertyList (spec §1.1) and its ADSTYPE_ values
export {
  ADSTYPE_BACKLINK,
  ADSTYPE_BOOLEAN,
  ADSTYPE_CASE_EXACT_STRING,
  ADSTYPE_CASE_IGNORE_STRING,
  ADSTYPE_CASEIGNORE_LIST,
  ADSTYPE_DN_STRING,
  ADSTYPE_DN_WITH_BINARY,
  ADSTYPE_DN_WITH_STRING,
  ADSTYPE_EMAIL,
  ADSTYPE_FAXNUMBER,
  ADSTYPE_HOLD,
  ADSTYPE_INTEGER,
  ADSTYPE_INVALID,
  ADSTYPE_LARGE_INTEGER,
  ADSTYPE_NETADDRESS,
  ADSTYPE_NT_SECURITY_DESCRIPTOR,
  ADSTYPE_NUMERIC_STRING,
  ADSTYPE_OBJECT_CLASS,
  ADSTYPE_OCTET_LIST,
  ADSTYPE_OCTET_STRING,
  ADSTYPE_PATH,
  ADSTYPE_POSTALADDRESS,
  ADSTYPE_PRINTABLE_STRING,
  ADSTYPE_PROV_SPECIFIC,
  ADSTYPE_REPLICAPOINTER,
  ADSTYPE_TIMESTAMP,
  ADSTYPE_TYPEDNAME,
  ADSTYPE_UNKNOWN,
  ADSTYPE_UTC_TIME,
} from "./adsi/propertyList/adsTypes.js";
export { createPropertyEntry } from "./adsi/propertyList/PropertyEntry.js";
export { createPropertyValue } from "./adsi/propertyList/PropertyValue.js";
// Entry points
export { createEmulator, Emulator, type EmulatorOptions } from "./emulator.js";
// Time and events: clock, injector, faults, scenarios, event log, snapshots
export type { FileCloseReason, SessionEndReason } from "./engine/changes.js";
export type { HamtNode, HashIndex, IndexBucket } from "./engine/hashIndex.js";
// State (read-only view for assertions)
export type { IdTrie, TrieCursor, TrieNode, TrieSummary } from "./engine/idTrie.js";
export type { OrderedEntry, OrderedIndex } from "./engine/orderedIndex.js";
export type {
  AccountState,
  AutoDisconnect,
  ComputerProperties,
  ComputerState,
  DirectoryState,
  DomainState,
  FileServiceState,
  NameKey,
  OpenFileState,
  ServiceConfig,
  ServiceControlKind,
  ServiceKind,
  ServiceState,
  SessionState,
  ShareState,
} from "./engine/state.js";
export { nameKey, sessionPairKey } from "./engine/state.js";
// Environment (clock, seeded randomness)
export type { Clock } from "./env/clock.js";
export { FixedClock } from "./env/clock.js";
export type { Environment } from "./env/environment.js";
export type { RandomState, SeededRandom } from "./env/seededRandom.js";
export { createSeededRandom } from "./env/seededRandom.js";
// Errors (spec §11)
export { AdsError } from "./errors/AdsError.js";
export { FixtureError, type FixtureIssue } from "./errors/FixtureError.js";
export {
  formatHResult,
  HRESULT,
  HRESULT_CATALOG,
  type HResultInfo,
  type HResultSymbol,
  hresultByValue,
  hresultInfo,
  isHResultSymbol,
  toSignedHResult,
} from "./errors/hresults.js";
// Fixtures for humans: the default fixture plus this, without casts
export { FixtureBuilder, fixtureBuilder, type WritableFixture } from "./fixture/builder.js";
export { DEFAULT_FIXTURE_URL, loadDefaultFixture } from "./fixture/defaultFixture.js";
export { fixtureJsonSchema, scenarioJsonSchema } from "./fixture/jsonSchema.js";
export type { FaultRuleSpec, Scenario, ScenarioAction, ScenarioStep } from "./fixture/scenarioTypes.js";
// Fixtures
export type {
  Fixture,
  FixtureAutoDisconnect,
  FixtureComputer,
  FixtureDomain,
  FixtureErrorControl,
  FixtureFileService,
  FixtureLabel,
  FixtureOpenFile,
  FixtureOrdinaryService,
  FixtureService,
  FixtureServiceBase,
  FixtureServiceControl,
  FixtureServiceStatus,
  FixtureSession,
  FixtureShare,
  FixtureStartType,
  FixtureUser,
} from "./fixture/types.js";
export { MAX_ISSUES, parseFixtureJson, validateFixture } from "./fixture/validateFixture.js";
// Names: Windows case folding (spec §2.2)
export { foldName, sameName } from "./names/foldName.js";
// ADsPath (spec §2)
export {
  type AdsPath,
  childPath,
  escapeComponent,
  formatAdsPath,
  isWrongCaseProvider,
  parseAdsPath,
  samePath,
  WINNT_PROVIDER,
} from "./path/adsPath.js";
// Fidelity profiles
export type { FidelityProfile } from "./profile/FidelityProfile.js";
export { PROFILES, type ProfileName, resolveProfile } from "./profile/profiles.js";
export { sambaProfile } from "./profile/samba.js";
export { windowsProfile } from "./profile/windows.js";
export type { AsyncEnumerator } from "./provider/msrvs/AsyncEnumerator.js";
// The real provider: MS-SRVS over SMB2 (docs/msrvs-provider.md)
export { connectMsSrvs, type MsSrvsProvider } from "./provider/msrvs/connectMsSrvs.js";
export {
  type ErrorMapRow,
  type FailurePhase,
  MSRVS_ERROR_MAP,
  ntStatusHResult,
  werrorHResult,
} from "./provider/msrvs/errorMap.js";
export {
  type MsSrvsConnectOptions,
  type ResolvedMsSrvsOptions,
  SESSION_LEVELS,
  type SessionLevel,
} from "./provider/msrvs/options.js";
export type { RemoteFileService } from "./provider/msrvs/RemoteFileService.js";
export type { RemoteResource } from "./provider/msrvs/RemoteResource.js";
export type { RemoteResources } from "./provider/msrvs/RemoteResources.js";
export type { RemoteSession } from "./provider/msrvs/RemoteSession.js";
export type { RemoteSessions } from "./provider/msrvs/RemoteSessions.js";
export { openSmb2SrvsvcPipe, type RpcPipe, type RpcPipeOpener } from "./provider/msrvs/rpcPipe.js";
export type { DeferredFault, EmulatorSnapshot } from "./runtime/EmulatorRuntime.js";
export {
  DEFAULT_EVENT_CAPACITY,
  type EventLog,
  type EventQuery,
  type EventsMatching,
  type EventTypePattern,
} from "./runtime/EventLog.js";
export {
  type ClockJumpedEvent,
  type ComputerConfiguredEvent,
  type EmulatorEvent,
  type EmulatorEventType,
  type EmulatorRestoredEvent,
  EVENT_TYPES,
  type EventBase,
  type EventOfType,
  type FaultFiredEvent,
  type FileClosedEvent,
  type FileLocksEvent,
  type FileOpenedEvent,
  type FileSubject,
  type ScenarioStepEvent,
  type ServerSubject,
  type ServiceConfiguredEvent,
  type ServiceStatusEvent,
  type SessionActivityEvent,
  type SessionClosedEvent,
  type SessionOpenedEvent,
  type SessionShareEvent,
  type SessionSubject,
  type ShareEvent,
} from "./runtime/events.js";
export type { FaultOutcome, FaultRule, FaultRuleInput, FaultRules } from "./runtime/faults/FaultRules.js";
export { FAULT_OPERATIONS, type FaultOperation } from "./runtime/faults/operations.js";
export type { FileHandle, SessionHandle } from "./runtime/inject/handles.js";
export type { Injector, OpenFileOptions, OpenSessionRequest } from "./runtime/inject/Injector.js";
export { type ClockSchedule, type Happening, RUN_LIMIT, type VirtualClock } from "./runtime/VirtualClock.js";
export { type Duration, formatDuration, parseDuration } from "./time/duration.js";
export type { TimeInput } from "./time/timeInput.js";
// The timeline picture of an event log
export { renderTimelineSvg, type TimelineSvgOptions, timelineToSvg } from "./timeline/renderSvg.js";
export {
  buildTimeline,
  type SessionAtStart,
  type Timeline,
  type TimelineFile,
  type TimelineLane,
  type TimelineMark,
  type TimelineOptions,
} from "./timeline/timelineModel.js";
// Wire mode: the emulator served over SMB2 + MS-SRVS (docs/wire-mode.md)
export { isLoopback, type WireServeOptions } from "./wire/options.js";
export { followHostClock, type HostClockOptions } from "./wire/realTimeClock.js";
export { serve, type WireServer } from "./wire/serve.js";
