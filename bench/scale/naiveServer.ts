/**
 * The baseline of the scale benchmark: the physical limit of the same bookkeeping, done naively with
 * mutable JavaScript Maps and no snapshots. One `Map<number, Session>` of mutable session records, a
 * `Map<number, File>`, a pair index `Map<string, Set<number>>`, share use counts, id counters, and one
 * event object per change kept in a ring of 10,000 (the emulator's default event log). It checks its
 * arguments' types, as the emulator's entry points do, but keeps no idle order (a mutable server would
 * scan for its next auto-disconnect) and cannot go back in time.
 */
import type { FixtureSession } from "../../src/index.js";

/** A mutable session record. */
export interface NaiveSession {
  id: number;
  user: string;
  computer: string;
  connectedAt: number;
  lastActivityAt: number;
  shares: string[];
  guest: boolean;
  clientType: string | undefined;
  transport: string | undefined;
  fileIds: number[];
}

/** A mutable open-file record. */
export interface NaiveFile {
  id: number;
  sessionId: number;
  path: string;
  permissions: number;
  locks: number;
}

const RING = 10_000;

/** The naive file server; see the module comment. */
export class NaiveServer {
  readonly sessions = new Map<number, NaiveSession>();
  readonly files = new Map<number, NaiveFile>();
  readonly pairs = new Map<string, Set<number>>();
  readonly shareUses = new Map<string, number>([["DATA", 0]]);
  readonly events: unknown[] = new Array(RING);
  #seq = 0;
  #nextSessionId = 1;
  #nextFileId = 1;

  /** A server holding `specs` (the fixture's sessions), built in one pass. */
  static fromSpecs(specs: readonly FixtureSession[]): NaiveServer {
    const server = new NaiveServer();
    for (const spec of specs) {
      const at = Date.parse(spec.connectedAt);
      const id = server.#open(spec.user, spec.computer, spec.shares ?? [], at);
      for (const file of spec.openFiles ?? []) server.#openFile(id, file.path, at);
    }
    return server;
  }

  #event(type: string, session: NaiveSession, at: number, extra?: object): void {
    this.#seq += 1;
    this.events[this.#seq % RING] = {
      seq: this.#seq,
      at,
      type,
      server: "FS01",
      service: "LanmanServer",
      sessionId: session.id,
      session: `${session.user}\\${session.computer}`,
      user: session.user,
      client: session.computer,
      ...extra,
    };
  }

  #open(user: string, client: string, shares: readonly string[], at: number): number {
    if (typeof user !== "string" || typeof client !== "string") throw new TypeError("user and client");
    const id = this.#nextSessionId++;
    const keys = shares.map((share) => share.toUpperCase());
    for (const key of keys) {
      const uses = this.shareUses.get(key);
      if (uses === undefined) throw new Error(`no share ${key}`);
      this.shareUses.set(key, uses + 1);
    }
    const session: NaiveSession = {
      id,
      user,
      computer: client,
      connectedAt: at,
      lastActivityAt: at,
      shares: keys,
      guest: false,
      clientType: undefined,
      transport: undefined,
      fileIds: [],
    };
    this.sessions.set(id, session);
    const pair = `${user.toUpperCase()}\u0000${client.toUpperCase()}`;
    let ids = this.pairs.get(pair);
    if (ids === undefined) {
      ids = new Set();
      this.pairs.set(pair, ids);
    }
    ids.add(id);
    return id;
  }

  /** A client connects; returns the session id. */
  open(user: string, client: string, shares: readonly string[], at: number): number {
    const id = this.#open(user, client, shares, at);
    this.#event("session.opened", this.#session(id), at);
    return id;
  }

  #session(id: number): NaiveSession {
    const session = this.sessions.get(id);
    if (session === undefined) throw new Error(`no session ${id}`);
    return session;
  }

  /** Client activity. */
  touch(id: number, at: number): void {
    const session = this.#session(id);
    session.lastActivityAt = at;
    this.#event("session.activity", session, at);
  }

  #openFile(sessionId: number, path: string, at: number): number {
    if (typeof path !== "string") throw new TypeError("path");
    const session = this.#session(sessionId);
    const id = this.#nextFileId++;
    this.files.set(id, { id, sessionId, path, permissions: 1, locks: 0 });
    session.fileIds.push(id);
    session.lastActivityAt = at;
    return id;
  }

  /** The session's client opens a file; returns the file id. */
  openFile(sessionId: number, path: string, at: number): number {
    const id = this.#openFile(sessionId, path, at);
    this.#event("file.opened", this.#session(sessionId), at, { fileId: id, path });
    return id;
  }

  /** The client closes a file. */
  closeFile(fileId: number, at: number): void {
    const file = this.files.get(fileId);
    if (file === undefined) throw new Error(`no file ${fileId}`);
    this.files.delete(fileId);
    const session = this.sessions.get(file.sessionId);
    if (session) {
      session.fileIds.splice(session.fileIds.indexOf(fileId), 1);
      session.lastActivityAt = at;
      this.#event("file.closed", session, at, { fileId, path: file.path });
    }
  }

  /** The session ends: its files close, its shares are released. */
  close(id: number, at: number): void {
    const session = this.#session(id);
    for (const fileId of session.fileIds) {
      const file = this.files.get(fileId);
      this.files.delete(fileId);
      this.#event("file.closed", session, at, { fileId, path: file?.path });
    }
    for (const key of session.shares) this.shareUses.set(key, (this.shareUses.get(key) ?? 1) - 1);
    const pair = `${session.user.toUpperCase()}\u0000${session.computer.toUpperCase()}`;
    const ids = this.pairs.get(pair);
    ids?.delete(id);
    if (ids?.size === 0) this.pairs.delete(pair);
    this.sessions.delete(id);
    this.#event("session.closed", session, at);
  }

  /** NetSessionDel for a (user, client) pair: every session of the pair ends. Returns how many. */
  remove(user: string, client: string, at: number): number {
    const ids = this.pairs.get(`${user.toUpperCase()}\u0000${client.toUpperCase()}`);
    if (ids === undefined) throw new Error(`no session ${user}\\${client}`);
    const list = [...ids];
    for (const id of list) this.close(id, at);
    return list.length;
  }
}
