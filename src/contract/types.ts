/**
 * What a provider under test gives the contract suite (docs/contract.md): a way to bind the file service,
 * a driver that makes things happen the way real clients would, and a `supports` manifest. Every member
 * may be synchronous (the emulator) or return a promise (a network client): the suite awaits them all.
 */
import type { Credentials } from "../adsi/core/context.js";

/** A value or a promise of it. */
export type Awaitable<T> = T | Promise<T>;

/** A Session as the suite reads it (IADsSession, spec §6). */
export interface ContractSession {
  readonly Name: string;
  readonly Class: string;
  readonly User: string;
  readonly Computer: string;
  readonly ConnectTime: number;
  readonly IdleTime: number;
}

/** A Resource as the suite reads it (IADsResource, spec §7). */
export interface ContractResource {
  readonly Name: string;
  readonly Class: string;
  readonly User: string;
  readonly Path: string;
  readonly LockCount: number;
}

/** A Sessions or Resources collection (IADsCollection, spec §5.1): iterable or async iterable. */
export interface ContractCollection<T> {
  GetObject(name: string): Awaitable<T>;
  Remove(name: string): Awaitable<void>;
  Add(name: string, item: unknown): Awaitable<void>;
  [Symbol.iterator]?(): Iterator<T>;
  [Symbol.asyncIterator]?(): AsyncIterator<T>;
}

/** The file service (IADsFileServiceOperations, spec §8.2) as the suite uses it. */
export interface ContractFileService {
  Sessions(): Awaitable<ContractCollection<ContractSession>>;
  Resources(): Awaitable<ContractCollection<ContractResource>>;
}

/** A file a driver's client holds open. */
export interface DriverFile {
  /** The file name as the client opened it (the Resource's Path ends with it). */
  readonly name: string;
  /** Takes byte-range locks (when `supports.locks`). */
  lock?(count?: number): Awaitable<void>;
  close(): Awaitable<void>;
}

/** A session a driver's client opened. */
export interface DriverSession {
  /** The user name as the server reports it (`sesi_username`). */
  readonly user: string;
  /** The client as the server reports it (`sesi_cname`), e.g. `127.0.0.1`. */
  readonly client: string;
  /** Opens `name` (a file name inside the server's test share). */
  openFile(name: string): Awaitable<DriverFile>;
  /** Client activity without opening anything (when `supports.activity`). */
  activity?(): Awaitable<void>;
  /** The client logs off. */
  close(): Awaitable<void>;
}

/** Makes things happen on the server the way real clients and administrators would. */
export interface ContractDriver {
  /** A client connects as `user` (one of `accounts.users`); `client` distinguishes clients when supported. */
  openSession(user: string, options?: { readonly client?: string }): Awaitable<DriverSession>;
  /** Lets `ms` of (virtual or real) time pass. */
  advance(ms: number): Awaitable<void>;
  /** Stops and starts the file service (when `supports.serviceControl`). */
  stopService?(): Awaitable<void>;
  startService?(): Awaitable<void>;
  /** Ends everything the driver opened (after each test). */
  cleanup(): Awaitable<void>;
}

/** Optional features a provider may have (abstract-level's `supports` manifest). */
export interface ContractSupports {
  /** Time is virtual: tests assert exact seconds; otherwise real time and bounds. */
  readonly virtualClock: boolean;
  /** IdleTime is tracked (Samba always reports 0). */
  readonly idleTime: boolean;
  /** The driver can take locks and LockCount shows them. */
  readonly locks: boolean;
  /** The driver's sessions can come from distinct clients (`options.client`). */
  readonly distinctClients: boolean;
  /** The server's auto-disconnect can be observed (15 minutes: needs a virtual clock). */
  readonly autoDisconnect: boolean;
  /** The driver can stop and start the file service. */
  readonly serviceControl: boolean;
  /** The driver can make a session active without opening a file. */
  readonly activity: boolean;
}

/** The accounts of the server under test. */
export interface ContractAccounts {
  /** An administrator (may enumerate and delete sessions). */
  readonly admin: Credentials;
  /** An ordinary account (denied). */
  readonly user: Credentials;
  /** Users the driver can open sessions as (at least two). */
  readonly users: readonly [string, string, ...string[]];
}

/** A provider under test, as `setup` returns it. */
export interface ContractTarget {
  /** Binds the file service with `credentials` (default: `accounts.admin`). Wrong credentials reject. */
  bind(credentials?: Credentials): Awaitable<ContractFileService>;
  readonly accounts: ContractAccounts;
  readonly driver: ContractDriver;
  readonly supports: ContractSupports;
  /** How long a Remove may take to show (ms): 0 for immediate; a real server closes asynchronously. */
  readonly settleMs?: number;
  /** The server's auto-disconnect minutes (spec §12.7), when `supports.autoDisconnect`; default 15. */
  readonly autoDisconnectMinutes?: number;
  /** Releases everything (after the last test). */
  close?(): Awaitable<void>;
}

/** The expected-divergence manifest of one target: tests known to differ, and why (a data file). */
export interface DivergenceManifest {
  /** The suite version the manifest was written for. */
  readonly suiteVersion: number;
  /** Test id → why this target differs from the expected (Windows) behaviour. */
  readonly divergences: Readonly<Record<string, string>>;
}
