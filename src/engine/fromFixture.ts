import { parseIsoUtc } from "../fixture/isoTime.js";
import type {
  Fixture,
  FixtureComputer,
  FixtureDomain,
  FixtureErrorControl,
  FixtureFileService,
  FixtureService,
  FixtureServiceStatus,
  FixtureStartType,
  FixtureUser,
} from "../fixture/types.js";
import { freezeMap } from "../shared/frozenMap.js";
import { HashIndexBuilder } from "./hashIndex.js";
import { idleQueueOf, idleSummary } from "./idleQueue.js";
import { IdTrieBuilder } from "./idTrie.js";
import { fileRecord, NO_IDS, sessionRecord, shareList } from "./records.js";
import { pairHash } from "./sessionPairs.js";
import {
  type AccountState,
  type AutoDisconnect,
  type ComputerProperties,
  type ComputerState,
  type DirectoryState,
  type DomainState,
  type FileServiceState,
  type NameKey,
  nameKey,
  type OpenFileState,
  type ServiceConfig,
  type ServiceState,
  type SessionState,
  type ShareState,
  type Writable,
} from "./state.js";

/** ADS_SERVICE_STATUS_ENUM by fixture name (spec §8.1). */
export const SERVICE_STATUS: Readonly<Record<FixtureServiceStatus, number>> = Object.freeze({
  stopped: 1,
  startPending: 2,
  stopPending: 3,
  running: 4,
  continuePending: 5,
  pausePending: 6,
  paused: 7,
  error: 8,
});

/** ADS_SERVICE_START_TYPE_ENUM by fixture name (spec §8.3). */
export const START_TYPE: Readonly<Record<FixtureStartType, number>> = Object.freeze({
  boot: 0,
  system: 1,
  auto: 2,
  demand: 3,
  disabled: 4,
});

/** ADS_SERVICE_ERROR_CONTROL_ENUM by fixture name (spec §8.3). */
export const ERROR_CONTROL: Readonly<Record<FixtureErrorControl, number>> = Object.freeze({
  ignore: 0,
  normal: 1,
  severe: 2,
  critical: 3,
});

/** Default Path of a service: the shared service host. */
export const DEFAULT_SERVICE_PATH = "C:\\Windows\\System32\\svchost.exe";

/** Default ServiceType: ADS_SERVICE_WIN32_SHARE_PROCESS (spec §8.3). */
const DEFAULT_SERVICE_TYPE = 0x20;

/** What a fixture leaves to the fidelity profile. */
export interface FixtureDefaults {
  /** Auto-disconnect of a file service whose fixture entry does not set it (profile `autoDisconnect`). */
  readonly autoDisconnect: AutoDisconnect;
}

/**
 * Builds the initial directory state from a fixture that {@link validateFixture} accepted, filling what
 * the fixture leaves open from `defaults`. The result is deep-frozen. Cannot fail on a validated
 * fixture, so nothing is ever half-loaded.
 */
export function stateFromFixture(fixture: Fixture, defaults: FixtureDefaults): DirectoryState {
  const domains = new Map<NameKey, DomainState>();
  const computers = new Map<NameKey, ComputerState>();
  for (const domain of fixture.domains) {
    const domainKey = nameKey(domain.name);
    const members = (domain.computers ?? []).map((computer) => {
      computers.set(nameKey(computer.name), buildComputer(computer, domainKey, defaults));
      return nameKey(computer.name);
    });
    domains.set(domainKey, buildDomain(domain, members));
  }
  const firstComputer = computers.keys().next();
  const localComputer =
    fixture.localComputer !== undefined
      ? nameKey(fixture.localComputer)
      : firstComputer.done
        ? undefined
        : firstComputer.value;
  const state: DirectoryState = { domains, computers, localComputer };
  freezeDirectory(state);
  return state;
}

/**
 * Deep-freezes a directory state built here: every object, array and Map of the spine (the persistent
 * structures and the records in them are frozen when made). Written out rather than walked
 * generically: `createEmulator()` on the default fixture runs it every time.
 */
function freezeDirectory(state: DirectoryState): void {
  for (const domain of state.domains.values()) {
    freezeAccounts(domain.users);
    Object.freeze(domain.computers);
    Object.freeze(domain);
  }
  freezeMap(state.domains as Map<NameKey, DomainState>);
  for (const computer of state.computers.values()) {
    Object.freeze(computer.properties);
    freezeAccounts(computer.users);
    for (const service of computer.services.values()) {
      if (service.config.Dependencies) Object.freeze(service.config.Dependencies);
      Object.freeze(service.config);
      Object.freeze(service.acceptedControls);
      const fileService = service.fileService;
      if (fileService) {
        for (const share of fileService.shares.values()) Object.freeze(share);
        freezeMap(fileService.shares as Map<NameKey, ShareState>);
        Object.freeze(fileService.autoDisconnect);
        Object.freeze(fileService);
      }
      Object.freeze(service);
    }
    freezeMap(computer.services as Map<NameKey, ServiceState>);
    Object.freeze(computer);
  }
  freezeMap(state.computers as Map<NameKey, ComputerState>);
  Object.freeze(state);
}

function freezeAccounts(accounts: ReadonlyMap<NameKey, AccountState>): void {
  for (const account of accounts.values()) {
    Object.freeze(account.groups);
    Object.freeze(account);
  }
  freezeMap(accounts as Map<NameKey, AccountState>);
}

function buildDomain(domain: FixtureDomain, members: NameKey[]): DomainState {
  return {
    name: domain.name,
    type: domain.type ?? "domain",
    users: buildAccounts(domain.users),
    computers: members,
  };
}

function buildAccounts(users: readonly FixtureUser[] | undefined): Map<NameKey, AccountState> {
  const accounts = new Map<NameKey, AccountState>();
  for (const user of users ?? []) {
    accounts.set(nameKey(user.name), {
      name: user.name,
      password: user.password,
      groups: [...(user.groups ?? [])],
      fullName: user.fullName,
    });
  }
  return accounts;
}

function buildComputer(computer: FixtureComputer, domain: NameKey, defaults: FixtureDefaults): ComputerState {
  const properties: Writable<ComputerProperties> = {};
  if (computer.division !== undefined) properties.Division = computer.division;
  if (computer.owner !== undefined) properties.Owner = computer.owner;
  if (computer.operatingSystem !== undefined) properties.OperatingSystem = computer.operatingSystem;
  if (computer.operatingSystemVersion !== undefined) {
    properties.OperatingSystemVersion = computer.operatingSystemVersion;
  }
  if (computer.processor !== undefined) properties.Processor = computer.processor;
  if (computer.processorCount !== undefined) properties.ProcessorCount = computer.processorCount;
  const services = new Map<NameKey, ServiceState>();
  for (const service of computer.services ?? []) {
    services.set(nameKey(service.name), buildService(service, defaults));
  }
  return { name: computer.name, domain, properties, users: buildAccounts(computer.users), services };
}

function buildService(service: FixtureService, defaults: FixtureDefaults): ServiceState {
  const config: Writable<ServiceConfig> = {
    ServiceType: service.serviceType ?? DEFAULT_SERVICE_TYPE,
    StartType: START_TYPE[service.startType ?? "auto"],
    ErrorControl: ERROR_CONTROL[service.errorControl ?? "normal"],
  };
  // DisplayName and Path are mandatory in the Service class (spec §10): every real service has them.
  config.DisplayName = service.displayName ?? service.name;
  config.Path = service.path ?? DEFAULT_SERVICE_PATH;
  if (service.version !== undefined) config.Version = service.version;
  if (service.loadOrderGroup !== undefined) config.LoadOrderGroup = service.loadOrderGroup;
  if (service.serviceAccountName !== undefined) config.ServiceAccountName = service.serviceAccountName;
  if (service.dependencies !== undefined) config.Dependencies = [...service.dependencies];
  const kind = service.kind ?? "service";
  return {
    name: service.name,
    kind,
    config,
    status: SERVICE_STATUS[service.status ?? "running"],
    accountPassword: service.accountPassword,
    acceptedControls: [
      ...(service.acceptedControls ?? (kind === "service" ? ["stop"] : ["stop", "pauseContinue"])),
    ],
    fileService: kind === "service" ? undefined : buildFileService(service as FixtureFileService, defaults),
  };
}

/** The largest of `values` and `floor`, without spreading (a fixture may hold millions of ids). */
function maxOf(values: Iterable<number | undefined>, floor: number): number {
  let max = floor;
  for (const value of values) if (value !== undefined && value > max) max = value;
  return max;
}

function* givenFileIds(service: FixtureFileService): Generator<number | undefined> {
  for (const session of service.sessions ?? []) for (const file of session.openFiles ?? []) yield file.id;
}

function* givenSessionIds(service: FixtureFileService): Generator<number | undefined> {
  for (const session of service.sessions ?? []) yield session.id;
}

function buildShares(service: FixtureFileService): Map<NameKey, Writable<ShareState>> {
  const shares = new Map<NameKey, Writable<ShareState>>();
  for (const share of service.shares ?? []) {
    const state: Writable<ShareState> = {
      name: share.name,
      Path: share.path,
      MaxUserCount: share.maxUserCount ?? -1,
      currentUses: 0,
    };
    if (share.description !== undefined) state.Description = share.description;
    shares.set(nameKey(share.name), state);
  }
  return shares;
}

/**
 * What repeats across a million sessions is stored once: user names, share lists, file paths, client
 * types and transports come out of these tables (one per file service being loaded).
 */
class LoadInterning {
  readonly #text = new Map<string, string>();
  readonly #keys = new Map<string, NameKey>();
  readonly #shareLists = new Map<string, readonly NameKey[]>();

  /** The first equal string seen. */
  text(value: string): string;
  text(value: string | undefined): string | undefined;
  text(value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const known = this.#text.get(value);
    if (known !== undefined) return known;
    this.#text.set(value, value);
    return value;
  }

  /** The share keys of `names`, as one shared frozen list per distinct list. */
  shareKeys(names: readonly string[] | undefined): readonly NameKey[] {
    if (names === undefined || names.length === 0) return shareList([]);
    const keys: NameKey[] = [];
    for (const name of names) {
      let key = this.#keys.get(name);
      if (key === undefined) {
        key = nameKey(name);
        this.#keys.set(name, key);
      }
      keys.push(key);
    }
    const joined = keys.join("\u0000");
    let list = this.#shareLists.get(joined);
    if (list === undefined) {
      list = shareList(keys);
      this.#shareLists.set(joined, list);
    }
    return list;
  }
}

/**
 * Sessions and open files with their ids: given ids are kept; the others are assigned in document
 * order after the largest given id (sessions and files separately). The id counters continue from the
 * fixture's `nextSessionId`/`nextFileId` when given, else one past the largest id. One linear pass over
 * the sessions (a validated fixture has unique ids), building the persistent structures in place
 * (IdTrieBuilder, HashIndexBuilder): a million sessions load in about a second.
 */
function buildFileService(service: FixtureFileService, defaults: FixtureDefaults): FileServiceState {
  const shares = buildShares(service);
  let nextAutoFileId = maxOf(givenFileIds(service), 0) + 1;
  let nextAutoSessionId = maxOf(givenSessionIds(service), 0) + 1;
  const autoDisconnect: AutoDisconnect = {
    minutes: service.autoDisconnect?.minutes ?? defaults.autoDisconnect.minutes,
    exemptOpenFiles: service.autoDisconnect?.exemptOpenFiles ?? defaults.autoDisconnect.exemptOpenFiles,
  };
  const sessions = new IdTrieBuilder<SessionState>(idleSummary(autoDisconnect.exemptOpenFiles));
  const files = new IdTrieBuilder<OpenFileState>();
  const pairs = new HashIndexBuilder();
  const intern = new LoadInterning();
  for (const session of service.sessions ?? []) {
    const id = session.id ?? nextAutoSessionId++;
    const shareKeys = intern.shareKeys(session.shares);
    for (const key of shareKeys) {
      const share = shares.get(key);
      if (share) share.currentUses += 1;
    }
    let fileIds: readonly number[] = NO_IDS;
    if (session.openFiles !== undefined && session.openFiles.length > 0) {
      const ids: number[] = [];
      for (const file of session.openFiles) {
        const fileId = file.id ?? nextAutoFileId++;
        ids.push(fileId);
        files.set(
          fileId,
          fileRecord({
            id: fileId,
            sessionId: id,
            path: intern.text(file.path),
            permissions: file.permissions ?? 1,
            locks: file.locks ?? 0,
          }),
        );
      }
      fileIds = ids;
    }
    const connectedAt = parseIsoUtc(session.connectedAt) ?? 0;
    const user = intern.text(session.user);
    sessions.set(
      id,
      sessionRecord({
        id,
        user,
        computer: session.computer,
        connectedAt,
        lastActivityAt:
          session.lastActivityAt === undefined ? connectedAt : (parseIsoUtc(session.lastActivityAt) ?? 0),
        shares: shareKeys,
        guest: session.guest ?? false,
        clientType: intern.text(session.clientType),
        transport: intern.text(session.transport),
        fileIds,
      }),
    );
    pairs.add(pairHash(user, session.computer), id);
  }
  const sessionTrie = sessions.build();
  const state: Writable<FileServiceState> = {
    MaxUserCount: service.maxUserCount ?? -1,
    shares,
    sessions: sessionTrie,
    files: files.build(),
    sessionsByPair: pairs.build(),
    nextSessionId: service.nextSessionId ?? nextAutoSessionId,
    nextFileId: service.nextFileId ?? nextAutoFileId,
    autoDisconnect,
    idleQueue: idleQueueOf(sessionTrie),
  };
  if (service.description !== undefined) state.Description = service.description;
  return state;
}
