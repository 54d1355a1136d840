import { freeze } from "immer";
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
import { emptyHashIndex, indexAdd } from "./hashIndex.js";
import { emptyTrie, trieSet } from "./idTrie.js";
import {
  type AccountState,
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
  sessionPairKey,
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

/** Default ServiceType: ADS_SERVICE_WIN32_SHARE_PROCESS (spec §8.3). */
const DEFAULT_SERVICE_TYPE = 0x20;

/**
 * Builds the initial directory state from a fixture that {@link validateFixture} accepted. The
 * result is deep-frozen. Cannot fail on a validated fixture, so nothing is ever half-loaded.
 */
export function stateFromFixture(fixture: Fixture): DirectoryState {
  const domains = new Map<NameKey, DomainState>();
  const computers = new Map<NameKey, ComputerState>();
  for (const domain of fixture.domains) {
    const domainKey = nameKey(domain.name);
    const members = (domain.computers ?? []).map((computer) => {
      computers.set(nameKey(computer.name), buildComputer(computer, domainKey));
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
  return freeze({ domains, computers, localComputer }, true);
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

function buildComputer(computer: FixtureComputer, domain: NameKey): ComputerState {
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
  for (const service of computer.services ?? []) services.set(nameKey(service.name), buildService(service));
  return { name: computer.name, domain, properties, users: buildAccounts(computer.users), services };
}

function buildService(service: FixtureService): ServiceState {
  const config: Writable<ServiceConfig> = {
    ServiceType: service.serviceType ?? DEFAULT_SERVICE_TYPE,
    StartType: START_TYPE[service.startType ?? "auto"],
    ErrorControl: ERROR_CONTROL[service.errorControl ?? "normal"],
  };
  if (service.displayName !== undefined) config.DisplayName = service.displayName;
  if (service.version !== undefined) config.Version = service.version;
  if (service.path !== undefined) config.Path = service.path;
  if (service.loadOrderGroup !== undefined) config.LoadOrderGroup = service.loadOrderGroup;
  if (service.serviceAccountName !== undefined) config.ServiceAccountName = service.serviceAccountName;
  if (service.dependencies !== undefined) config.Dependencies = [...service.dependencies];
  const kind = service.kind ?? "service";
  return {
    name: service.name,
    kind,
    config,
    status: SERVICE_STATUS[service.status ?? "running"],
    accountPassword: undefined,
    fileService: kind === "service" ? undefined : buildFileService(service as FixtureFileService),
  };
}

function buildFileService(service: FixtureFileService): FileServiceState {
  const shares = new Map<NameKey, ShareState>();
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
  const given = (service.sessions ?? []).flatMap((s) => (s.openFiles ?? []).map((f) => f.id ?? 0));
  let nextFileId = Math.max(0, ...given) + 1;
  const sessions = emptyTrie<SessionState>();
  const files = emptyTrie<OpenFileState>();
  const sessionsByPair = emptyHashIndex();
  let nextSessionId = 1;
  for (const session of service.sessions ?? []) {
    const id = nextSessionId++;
    const shareKeys = (session.shares ?? []).map(nameKey);
    for (const key of shareKeys) {
      const share = shares.get(key);
      if (share) shares.set(key, { ...share, currentUses: share.currentUses + 1 });
    }
    const fileIds: number[] = [];
    for (const file of session.openFiles ?? []) {
      const fileId = file.id ?? nextFileId++;
      fileIds.push(fileId);
      trieSet(files, fileId, {
        id: fileId,
        sessionId: id,
        path: file.path,
        permissions: file.permissions ?? 1,
        locks: file.locks ?? 0,
      });
    }
    const connectedAt = parseIsoUtc(session.connectedAt) ?? 0;
    trieSet(sessions, id, {
      id,
      user: session.user,
      computer: session.computer,
      connectedAt,
      lastActivityAt:
        session.lastActivityAt === undefined ? connectedAt : (parseIsoUtc(session.lastActivityAt) ?? 0),
      shares: shareKeys,
      guest: session.guest ?? false,
      clientType: session.clientType,
      transport: session.transport,
      fileIds,
    });
    indexAdd(sessionsByPair, sessionPairKey(session.user, session.computer), id);
  }
  const state: Writable<FileServiceState> = {
    MaxUserCount: service.maxUserCount ?? -1,
    shares,
    sessions,
    files,
    sessionsByPair,
    nextSessionId,
    nextFileId,
  };
  if (service.description !== undefined) state.Description = service.description;
  return state;
}
