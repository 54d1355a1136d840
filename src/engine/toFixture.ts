/**
 * The directory state written back as fixture JSON (format v1): the inverse of {@link stateFromFixture}.
 * Everything the state holds is written, defaults included, so that loading the result rebuilds an
 * equal state whatever profile loads it (session and file ids, id counters, auto-disconnect).
 */
import { formatIsoUtc } from "../fixture/isoTime.js";
import type {
  FixtureComputer,
  FixtureDomain,
  FixtureErrorControl,
  FixtureFileService,
  FixtureOpenFile,
  FixtureService,
  FixtureServiceStatus,
  FixtureSession,
  FixtureShare,
  FixtureStartType,
  FixtureUser,
} from "../fixture/types.js";
import { ERROR_CONTROL, SERVICE_STATUS, START_TYPE } from "./fromFixture.js";
import type {
  AccountState,
  ComputerState,
  DirectoryState,
  DomainState,
  FileServiceState,
  NameKey,
  ServiceState,
  SessionState,
} from "./state.js";

function nameOf<T extends string>(table: Readonly<Record<T, number>>, value: number): T {
  const found = (Object.keys(table) as T[]).find((key) => table[key] === value);
  if (found === undefined) throw new RangeError(`no fixture name for ${value}`);
  return found;
}

function users(accounts: ReadonlyMap<NameKey, AccountState>): FixtureUser[] | undefined {
  if (accounts.size === 0) return undefined;
  return [...accounts.values()].map((account) => ({
    name: account.name,
    password: account.password,
    ...(account.groups.length > 0 ? { groups: [...account.groups] } : {}),
    ...(account.fullName === undefined ? {} : { fullName: account.fullName }),
  }));
}

function session(fileService: FileServiceState, state: SessionState): FixtureSession {
  const openFiles: FixtureOpenFile[] = state.fileIds.flatMap((id) => {
    const file = fileService.files.get(id);
    if (!file) return [];
    return [{ id, path: file.path, permissions: file.permissions, locks: file.locks }];
  });
  return {
    id: state.id,
    user: state.user,
    computer: state.computer,
    connectedAt: formatIsoUtc(state.connectedAt),
    lastActivityAt: formatIsoUtc(state.lastActivityAt),
    ...(state.shares.length > 0
      ? { shares: state.shares.map((key) => fileService.shares.get(key)?.name ?? key) }
      : {}),
    ...(state.guest ? { guest: true } : {}),
    ...(state.clientType === undefined ? {} : { clientType: state.clientType }),
    ...(state.transport === undefined ? {} : { transport: state.transport }),
    ...(openFiles.length > 0 ? { openFiles } : {}),
  };
}

function fileServiceFields(fileService: FileServiceState): Omit<FixtureFileService, "name" | "kind"> {
  const shares: FixtureShare[] = [...fileService.shares.values()].map((share) => ({
    name: share.name,
    path: share.Path,
    ...(share.Description === undefined ? {} : { description: share.Description }),
    maxUserCount: share.MaxUserCount,
  }));
  const sessions: FixtureSession[] = [];
  fileService.sessions.forEach((s) => {
    sessions.push(session(fileService, s));
  });
  return {
    ...(fileService.Description === undefined ? {} : { description: fileService.Description }),
    maxUserCount: fileService.MaxUserCount,
    ...(shares.length > 0 ? { shares } : {}),
    ...(sessions.length > 0 ? { sessions } : {}),
    nextSessionId: fileService.nextSessionId,
    nextFileId: fileService.nextFileId,
    autoDisconnect: { ...fileService.autoDisconnect },
  };
}

function service(state: ServiceState): FixtureService {
  const config = state.config;
  const base = {
    name: state.name,
    ...(config.DisplayName === undefined ? {} : { displayName: config.DisplayName }),
    status: nameOf<FixtureServiceStatus>(SERVICE_STATUS, state.status),
    ...(config.ServiceType === undefined ? {} : { serviceType: config.ServiceType }),
    ...(config.StartType === undefined
      ? {}
      : { startType: nameOf<FixtureStartType>(START_TYPE, config.StartType) }),
    ...(config.Path === undefined ? {} : { path: config.Path }),
    ...(config.ErrorControl === undefined
      ? {}
      : { errorControl: nameOf<FixtureErrorControl>(ERROR_CONTROL, config.ErrorControl) }),
    ...(config.LoadOrderGroup === undefined ? {} : { loadOrderGroup: config.LoadOrderGroup }),
    ...(config.ServiceAccountName === undefined ? {} : { serviceAccountName: config.ServiceAccountName }),
    ...(config.Dependencies === undefined ? {} : { dependencies: [...config.Dependencies] }),
    ...(config.Version === undefined ? {} : { version: config.Version }),
    ...(state.accountPassword === undefined ? {} : { accountPassword: state.accountPassword }),
    acceptedControls: [...state.acceptedControls],
  };
  if (!state.fileService) return { ...base, kind: "service" };
  return {
    ...base,
    kind: state.kind as "fileService" | "fpnwFileService",
    ...fileServiceFields(state.fileService),
  };
}

function computer(state: ComputerState): FixtureComputer {
  const p = state.properties;
  const accounts = users(state.users);
  const services = [...state.services.values()].map(service);
  return {
    name: state.name,
    ...(p.Division === undefined ? {} : { division: p.Division }),
    ...(p.Owner === undefined ? {} : { owner: p.Owner }),
    ...(p.OperatingSystem === undefined ? {} : { operatingSystem: p.OperatingSystem }),
    ...(p.OperatingSystemVersion === undefined ? {} : { operatingSystemVersion: p.OperatingSystemVersion }),
    ...(p.Processor === undefined ? {} : { processor: p.Processor }),
    ...(p.ProcessorCount === undefined ? {} : { processorCount: p.ProcessorCount }),
    ...(accounts ? { users: accounts } : {}),
    ...(services.length > 0 ? { services } : {}),
  };
}

function domain(state: DirectoryState, domainState: DomainState): FixtureDomain {
  const accounts = users(domainState.users);
  const members = domainState.computers.flatMap((key) => {
    const member = state.computers.get(key);
    return member ? [computer(member)] : [];
  });
  return {
    name: domainState.name,
    type: domainState.type,
    ...(accounts && domainState.type === "domain" ? { users: accounts } : {}),
    ...(members.length > 0 ? { computers: members } : {}),
  };
}

/**
 * The directory of `state` as fixture fields (`localComputer` and `domains`); the caller adds `now`,
 * the random state, the timeline and the fault rules.
 */
export function directoryToFixture(state: DirectoryState): {
  readonly localComputer?: string;
  readonly domains: FixtureDomain[];
} {
  const local =
    state.localComputer === undefined ? undefined : state.computers.get(state.localComputer)?.name;
  return {
    ...(local === undefined ? {} : { localComputer: local }),
    domains: [...state.domains.values()].map((d) => domain(state, d)),
  };
}
