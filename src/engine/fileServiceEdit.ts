/**
 * A change in progress to one file service: the hot path of the engine (sessions and open files come
 * and go, clients are active), done without immer. The transition works on the file service's
 * persistent structures (each update returns a new version sharing all but one path with the old), and
 * {@link FileServiceEdit.commit} rebuilds only the spine above them (file service, service, services
 * Map, computer, computers Map, state), freezing only those new objects. A transition that throws
 * simply drops its edit: the state it started from is untouched.
 */
import { frozenMapWith, frozenMapWithAll } from "../shared/frozenMap.js";
import type { HashIndex } from "./hashIndex.js";
import { idleQueueOf } from "./idleQueue.js";
import type { IdTrie } from "./idTrie.js";
import type {
  AutoDisconnect,
  ComputerState,
  DirectoryState,
  FileServiceState,
  NameKey,
  OpenFileState,
  ServiceState,
  SessionState,
  ShareState,
} from "./state.js";

/** Where a session lives: a file service of a computer (keys already resolved by the facade). */
export interface FileServiceAddress {
  readonly computer: NameKey;
  readonly service: NameKey;
}

/** The working copy of one file service during a transition; see the module comment. */
export class FileServiceEdit {
  readonly computer: NameKey;
  readonly service: NameKey;
  /** Sessions by id (with the idle queue as their summary). */
  sessions: IdTrie<SessionState>;
  /** Open files by id. */
  files: IdTrie<OpenFileState>;
  /** Session ids by (user, client) pair hash. */
  pairs: HashIndex;
  /** Next session id to assign. */
  nextSessionId: number;
  /** Next file id to assign. */
  nextFileId: number;
  readonly #state: DirectoryState;
  readonly #host: ComputerState;
  readonly #entry: ServiceState;
  readonly #base: FileServiceState;
  /** Shares changed so far, by key (their new records). */
  #shares: Map<NameKey, ShareState> | undefined;

  private constructor(
    state: DirectoryState,
    address: FileServiceAddress,
    host: ComputerState,
    entry: ServiceState,
    base: FileServiceState,
  ) {
    this.computer = address.computer;
    this.service = address.service;
    this.#state = state;
    this.#host = host;
    this.#entry = entry;
    this.#base = base;
    this.sessions = base.sessions;
    this.files = base.files;
    this.pairs = base.sessionsByPair;
    this.nextSessionId = base.nextSessionId;
    this.nextFileId = base.nextFileId;
  }

  /**
   * Starts an edit of the file service at `address` in `state`. The facade has already resolved the
   * keys, so a missing service is a bug in the caller, reported as a RangeError rather than an HRESULT.
   */
  static open(state: DirectoryState, address: FileServiceAddress): FileServiceEdit {
    const host = state.computers.get(address.computer);
    const entry = host?.services.get(address.service);
    if (!host || !entry) {
      throw new RangeError(`transition on missing service ${address.computer}/${address.service}`);
    }
    if (!entry.fileService) {
      throw new RangeError(
        `transition on a service that is not a file service: ${address.computer}/${address.service}`,
      );
    }
    return new FileServiceEdit(state, address, host, entry, entry.fileService);
  }

  /** The service's ADS_SERVICE_STATUS (spec §8.1). */
  get status(): number {
    return this.#entry.status;
  }

  /** The file service's MaxUserCount (-1 = no limit). */
  get maxUserCount(): number {
    return this.#base.MaxUserCount;
  }

  /** The server's auto-disconnect setting. */
  get autoDisconnect(): AutoDisconnect {
    return this.#base.autoDisconnect;
  }

  /** The shares, as changed so far. */
  get shares(): ReadonlyMap<NameKey, ShareState> {
    return this.#shares === undefined ? this.#base.shares : frozenMapWithAll(this.#base.shares, this.#shares);
  }

  /** The share `key`, as changed so far. */
  share(key: NameKey): ShareState | undefined {
    return this.#shares?.get(key) ?? this.#base.shares.get(key);
  }

  /** Adds `delta` to the CurrentUserCount of share `key` (never below 0); unknown shares are ignored. */
  changeShareUses(key: NameKey, delta: number): void {
    const share = this.share(key);
    if (!share) return;
    const uses = Math.max(0, share.currentUses + delta);
    if (uses === share.currentUses) return;
    this.#shares ??= new Map();
    this.#shares.set(key, Object.freeze({ ...share, currentUses: uses }));
  }

  /** Whether anything changed. */
  get changed(): boolean {
    const base = this.#base;
    return (
      this.sessions !== base.sessions ||
      this.files !== base.files ||
      this.pairs !== base.sessionsByPair ||
      this.nextSessionId !== base.nextSessionId ||
      this.nextFileId !== base.nextFileId ||
      this.#shares !== undefined
    );
  }

  /** The state with this edit applied: a new spine over the edited file service (or the same state). */
  commit(): DirectoryState {
    if (!this.changed) return this.#state;
    const base = this.#base;
    // Whole literals, not spreads: the same hidden classes every time, and no generic copying.
    const fields = {
      MaxUserCount: base.MaxUserCount,
      shares: this.#shares ? frozenMapWithAll(base.shares, this.#shares) : base.shares,
      sessions: this.sessions,
      files: this.files,
      sessionsByPair: this.pairs,
      nextSessionId: this.nextSessionId,
      nextFileId: this.nextFileId,
      autoDisconnect: base.autoDisconnect,
      idleQueue: this.sessions === base.sessions ? base.idleQueue : idleQueueOf(this.sessions),
    };
    const fileService: FileServiceState = Object.freeze(
      base.Description === undefined ? fields : { ...fields, Description: base.Description },
    );
    const old = this.#entry;
    const entry: ServiceState = Object.freeze({
      name: old.name,
      kind: old.kind,
      config: old.config,
      status: old.status,
      accountPassword: old.accountPassword,
      acceptedControls: old.acceptedControls,
      fileService,
    });
    const host = this.#host;
    const computer: ComputerState = Object.freeze({
      name: host.name,
      domain: host.domain,
      properties: host.properties,
      users: host.users,
      services: frozenMapWith(host.services, this.service, entry),
    });
    const state = this.#state;
    return Object.freeze({
      domains: state.domains,
      computers: frozenMapWith(state.computers, this.computer, computer),
      localComputer: state.localComputer,
    });
  }
}
