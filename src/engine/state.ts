import { foldName } from "../names/foldName.js";
import type { HashIndex } from "./hashIndex.js";
import type { IdTrie } from "./idTrie.js";
import type { OrderedIndex } from "./orderedIndex.js";

/**
 * The directory state: immutable, frozen data, changed only through named transitions (store.ts).
 * Names are keyed case-insensitively by {@link nameKey} (spec §2.2) while the directory's own spelling
 * is kept in `name`. Collections that can grow large (sessions, open files, the pair index) are
 * persistent structures (idTrie.ts, hashIndex.ts): one change copies one path of small nodes, so it
 * costs the same with 10 or 1,000,000 sessions, and a new state shares everything else with the old
 * one. The small collections (domains, computers, services, shares, accounts) are frozen Maps in
 * enumeration order.
 */
export interface DirectoryState {
  /** Domains and workgroups, in enumeration order. */
  readonly domains: ReadonlyMap<NameKey, DomainState>;
  /** Every computer of every domain, in fixture order. */
  readonly computers: ReadonlyMap<NameKey, ComputerState>;
  /** The computer `WinNT://.` resolves to. */
  readonly localComputer: NameKey | undefined;
}

/** A mutable view of a readonly record, for building state and change sets before they are frozen. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** A case-insensitive lookup key for a directory name (spec §2.2). */
export type NameKey = string & { readonly __nameKey: true };

/**
 * The lookup key of a name: upper-cased per UTF-16 code unit through the Windows upper-case table, as
 * Windows compares names ([MS-UCODEREF] §3.1.5.3, §3.1.5.5; see `foldName` in src/names/foldName.ts).
 */
export function nameKey(name: string): NameKey {
  return foldName(name) as NameKey;
}

/** A domain or workgroup. */
export interface DomainState {
  readonly name: string;
  readonly type: "domain" | "workgroup";
  /** Domain accounts. */
  readonly users: ReadonlyMap<NameKey, AccountState>;
  /** Member computers, in enumeration order. */
  readonly computers: readonly NameKey[];
}

/** An account that can authenticate. */
export interface AccountState {
  readonly name: string;
  readonly password: string;
  readonly groups: readonly string[];
  readonly fullName: string | undefined;
}

/** The IADsComputer properties WinNT supports (spec §9.1), by ADSI name; absent = unset. */
export interface ComputerProperties {
  readonly Division?: string;
  readonly Owner?: string;
  readonly OperatingSystem?: string;
  readonly OperatingSystemVersion?: string;
  readonly Processor?: string;
  readonly ProcessorCount?: string;
}

/** A computer. */
export interface ComputerState {
  readonly name: string;
  /** Key of the domain or workgroup it belongs to. */
  readonly domain: NameKey;
  readonly properties: ComputerProperties;
  /** Local accounts. */
  readonly users: ReadonlyMap<NameKey, AccountState>;
  /** Services, including file services, in enumeration order. */
  readonly services: ReadonlyMap<NameKey, ServiceState>;
}

/** A control a service may accept: stop, or pause and continue. */
export type ServiceControlKind = "stop" | "pauseContinue";

/** Which schema class a service object has (spec §1.1). */
export type ServiceKind = "service" | "fileService" | "fpnwFileService";

/** The IADsService configuration properties (spec §8.3), by ADSI name; absent = unset. */
export interface ServiceConfig {
  readonly DisplayName?: string;
  readonly Version?: string;
  readonly ServiceType?: number;
  readonly StartType?: number;
  readonly Path?: string;
  readonly ErrorControl?: number;
  readonly LoadOrderGroup?: string;
  readonly ServiceAccountName?: string;
  readonly Dependencies?: readonly string[];
}

/** A service of a computer. */
export interface ServiceState {
  readonly name: string;
  readonly kind: ServiceKind;
  readonly config: ServiceConfig;
  /** ADS_SERVICE_STATUS_ENUM value 1..8 (spec §8.1). */
  readonly status: number;
  /** Password last set with IADsServiceOperations.SetPassword. */
  readonly accountPassword: string | undefined;
  /** Controls the service accepts (SERVICE_ACCEPT_*; spec §8.1): others fail with `cannotAcceptControl`. */
  readonly acceptedControls: readonly ServiceControlKind[];
  /** Present exactly when kind is a file service. */
  readonly fileService: FileServiceState | undefined;
}

/** The file-service part of LanmanServer / FPNW (spec §8.4, §5, §12). */
export interface FileServiceState {
  readonly Description?: string;
  /** -1 = no limit. */
  readonly MaxUserCount: number;
  /** Shares, in enumeration order. */
  readonly shares: ReadonlyMap<NameKey, ShareState>;
  /**
   * Sessions by session id (ascending id = connection order). The trie also carries the idle queue
   * (idleQueue.ts) as its summary.
   */
  readonly sessions: IdTrie<SessionState>;
  /** Open files by file id (`fi3_id`). */
  readonly files: IdTrie<OpenFileState>;
  /**
   * Session ids by the hash of their (user, computer) pair (sessionPairs.ts): NetSessionDel matches on
   * this pair.
   */
  readonly sessionsByPair: HashIndex;
  /** Next session id to assign. */
  readonly nextSessionId: number;
  /** Next file id to assign. */
  readonly nextFileId: number;
  /** The server's auto-disconnect setting (spec §12.7). */
  readonly autoDisconnect: AutoDisconnect;
  /**
   * The sessions auto-disconnect may end, keyed by (lastActivityAt, session id): every session, except
   * those holding open files when `autoDisconnect.exemptOpenFiles`. The first entry is the next session to
   * cross the idle threshold, so the schedule is found without scanning sessions (spec §12.7). A view of
   * the summary `sessions` keeps (idleQueue.ts).
   */
  readonly idleQueue: OrderedIndex;
}

/**
 * Auto-disconnect of idle sessions (spec §12.7): `SERVER_INFO_1010.sv1010_disc` minutes (-1 =
 * SV_NODISC, off) and whether a session holding open files is exempt (profile `autoDisconnect`).
 */
export interface AutoDisconnect {
  /** Idle minutes after which the server ends a session; -1 turns auto-disconnect off. */
  readonly minutes: number;
  /** Whether sessions that hold open files are never auto-disconnected. */
  readonly exemptOpenFiles: boolean;
}

/** A file share (SHARE_INFO_2, spec §12.6). */
export interface ShareState {
  readonly name: string;
  readonly Path: string;
  readonly Description?: string;
  /** -1 = unlimited. */
  readonly MaxUserCount: number;
  /** Sessions connected to this share; kept equal to the count derived from the sessions by every transition. */
  readonly currentUses: number;
}

/** A server session (SESSION_INFO_502, spec §12.1). Times are epoch ms; the ADSI numbers are derived when read. */
export interface SessionState {
  readonly id: number;
  readonly user: string;
  readonly computer: string;
  readonly connectedAt: number;
  readonly lastActivityAt: number;
  /** Keys of the shares this session is connected to. */
  readonly shares: readonly NameKey[];
  readonly guest: boolean;
  readonly clientType: string | undefined;
  readonly transport: string | undefined;
  /** Ids of the files this session holds open, in open order. */
  readonly fileIds: readonly number[];
}

/** An open file (FILE_INFO_3, spec §12.4). */
export interface OpenFileState {
  readonly id: number;
  readonly sessionId: number;
  readonly path: string;
  readonly permissions: number;
  readonly locks: number;
}

/** The (user, computer) key of a session, case-insensitive (NetSessionDel matching, spec §12.3). */
export function sessionPairKey(user: string, computer: string): string {
  return `${nameKey(user)}\u0000${nameKey(computer)}`;
}
