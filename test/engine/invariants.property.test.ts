import fc from "fast-check";
import { freeze } from "immer";
import { describe, expect, it } from "vitest";
import { SERVICE_STATUS } from "../../src/engine/fromFixture.js";
import { emptyHashIndex, indexAdd, indexGet } from "../../src/engine/hashIndex.js";
import { emptyTrie, TRIE_DEPTH, trieGet, trieSet, trieValues } from "../../src/engine/idTrie.js";
import {
  type DirectoryState,
  type FileServiceState,
  nameKey,
  type SessionState,
  sessionPairKey,
} from "../../src/engine/state.js";
import { DirectoryStore } from "../../src/engine/store.js";
import { closeFile, openFile } from "../../src/engine/transitions/files.js";
import { controlService } from "../../src/engine/transitions/serviceControl.js";
import {
  closeSession,
  connectShare,
  deleteSessions,
  disconnectShare,
  openSession,
  touchSession,
} from "../../src/engine/transitions/sessions.js";
import { FixedClock } from "../../src/env/clock.js";
import { createEnvironment } from "../../src/env/environment.js";
import { AdsError } from "../../src/errors/AdsError.js";
import type { HResultSymbol } from "../../src/errors/hresults.js";
import { windowsProfile } from "../../src/profile/windows.js";
import { AT, FS01, LANMAN, lanmanServer, NOW, serverStore } from "../support/serverStore.js";

/** FS01's LanmanServer, as transitions address it. */
const at = AT;
const USERS = ["alice", "ALICE", "bob"];
const CLIENTS = ["10.0.0.5", "ws01", "WS01"];
const SHARES = ["Public", "Limited", "Team"];

function makeStore(maxUserCount = 6, sessions: unknown[] = []) {
  const lanman = lanmanServer({
    maxUserCount,
    shares: [
      { name: "Public", path: "C:Public" },
      { name: "Limited", path: "C:Limited", maxUserCount: 2 },
      { name: "Team", path: "C:Team", maxUserCount: 1 },
    ],
    sessions,
  });
  return serverStore([lanman], { seed: 7 });
}

const fileServiceOf = (state: DirectoryState): FileServiceState => {
  const found = state.computers.get(FS01)?.services.get(LANMAN)?.fileService;
  if (!found) throw new Error("no file service");
  return found;
};

/** The invariants every transition keeps (state.ts: FileServiceState, ShareState.currentUses). */
function checkInvariants(
  fs: FileServiceState,
  ended: ReadonlySet<number>,
  closed: ReadonlySet<number>,
): void {
  const sessions = [...trieValues<SessionState>(fs.sessions)];
  const files = [...trieValues(fs.files)];
  expect(fs.sessions.size).toBe(sessions.length);
  expect(fs.files.size).toBe(files.length);
  for (const [key, share] of fs.shares) {
    expect(share.currentUses).toBe(sessions.filter((s) => s.shares.includes(key)).length);
    if (share.MaxUserCount !== -1) expect(share.currentUses).toBeLessThanOrEqual(share.MaxUserCount);
  }
  let indexed = 0;
  for (const bucket of trieValues(fs.sessionsByPair)) {
    for (const entry of bucket.entries) {
      expect(entry.ids.length).toBeGreaterThan(0);
      for (const id of entry.ids) {
        const session = trieGet(fs.sessions, id);
        expect(session && sessionPairKey(session.user, session.computer)).toBe(entry.key);
        indexed += 1;
      }
    }
  }
  expect(indexed).toBe(sessions.length);
  for (const session of sessions) {
    expect(indexGet(fs.sessionsByPair, sessionPairKey(session.user, session.computer))).toContain(session.id);
    expect(new Set(session.shares).size).toBe(session.shares.length);
    for (const fileId of session.fileIds) expect(trieGet(fs.files, fileId)?.sessionId).toBe(session.id);
    expect(session.id).toBeLessThan(fs.nextSessionId);
  }
  for (const file of files) expect(trieGet(fs.sessions, file.sessionId)?.fileIds).toContain(file.id);
  for (const id of ended) expect(trieGet(fs.sessions, id)).toBeUndefined();
  for (const id of closed) expect(trieGet(fs.files, id)).toBeUndefined();
}

type Op =
  | { op: "open"; user: number; client: number; shares: boolean[]; age: number }
  | { op: "connect" | "disconnect"; pick: number; share: number }
  | { op: "openFile" | "closeSession"; pick: number }
  | { op: "closeFile"; pick: number }
  | { op: "touch"; pick: number; age: number }
  | { op: "deletePair"; user: number; client: number }
  | { op: "deleteUser"; user: number }
  | { op: "deleteClient"; client: number }
  | { op: "control"; control: "start" | "stop" | "pause" | "continue" };

const pick = fc.nat({ max: 20 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant("open" as const),
      user: fc.nat({ max: 2 }),
      client: fc.nat({ max: 2 }),
      shares: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      age: fc.nat({ max: 3 }),
    }),
  },
  fc.record({
    op: fc.constantFrom("connect" as const, "disconnect" as const),
    pick,
    share: fc.nat({ max: 2 }),
  }),
  { weight: 3, arbitrary: fc.record({ op: fc.constant("openFile" as const), pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("closeFile" as const), pick }) },
  fc.record({ op: fc.constant("closeSession" as const), pick }),
  fc.record({ op: fc.constant("touch" as const), pick, age: fc.integer({ min: -1, max: 3 }) }),
  fc.record({ op: fc.constant("deletePair" as const), user: fc.nat({ max: 2 }), client: fc.nat({ max: 2 }) }),
  fc.record({ op: fc.constant("deleteUser" as const), user: fc.nat({ max: 2 }) }),
  fc.record({ op: fc.constant("deleteClient" as const), client: fc.nat({ max: 2 }) }),
  fc.record({
    op: fc.constant("control" as const),
    control: fc.constantFrom("start", "stop", "pause", "continue"),
  }),
);

/** An id among `ids`, or (for the largest picks, or when there is none) one that does not exist. */
const choose = (ids: readonly number[], n: number) =>
  (n < 19 ? ids[n % Math.max(1, ids.length)] : undefined) ?? 1_000_000 + n;

function run(store: DirectoryStore, op: Op, fs: FileServiceState): unknown {
  const sessionIds = [...trieValues<SessionState>(fs.sessions)].map((s) => s.id);
  const fileIds = [...trieValues(fs.files)].map((f) => f.id);
  switch (op.op) {
    case "open": {
      const shares = SHARES.filter((_, i) => op.shares[i]);
      const args = { ...at, user: USERS[op.user] ?? "", client: CLIENTS[op.client] ?? "", shares };
      return store.apply(openSession, { ...args, at: NOW - op.age * 1000 });
    }
    case "connect":
    case "disconnect":
      return store.apply(op.op === "connect" ? connectShare : disconnectShare, {
        ...at,
        sessionId: choose(sessionIds, op.pick),
        share: SHARES[op.share] ?? "",
      });
    case "openFile":
      return store.apply(openFile, {
        ...at,
        sessionId: choose(sessionIds, op.pick),
        path: `C:\\f${op.pick}`,
      });
    case "closeFile":
      return store.apply(closeFile, { ...at, fileId: choose(fileIds, op.pick) });
    case "closeSession":
      return store.apply(closeSession, { ...at, sessionId: choose(sessionIds, op.pick) });
    case "touch":
      return store.apply(touchSession, {
        ...at,
        sessionId: choose(sessionIds, op.pick),
        at: NOW - op.age * 1000,
      });
    case "deletePair":
      return store.apply(deleteSessions, { ...at, user: USERS[op.user], client: CLIENTS[op.client] });
    case "deleteUser":
      return store.apply(deleteSessions, { ...at, user: USERS[op.user] });
    case "deleteClient":
      return store.apply(deleteSessions, { ...at, client: CLIENTS[op.client] });
    case "control":
      return store.apply(controlService, { ...at, control: op.control });
  }
}

/** What the model predicts: the error code, or (for NetSessionDel) the number of sessions ended. */
function predict(
  op: Op,
  fs: FileServiceState,
  status: number | undefined,
): HResultSymbol | number | undefined {
  const sessions = [...trieValues<SessionState>(fs.sessions)];
  const session = (n: number) =>
    trieGet(
      fs.sessions,
      choose(
        sessions.map((x) => x.id),
        n,
      ),
    );
  const full = (name: string) => {
    const share = fs.shares.get(nameKey(name));
    return share !== undefined && share.MaxUserCount !== -1 && share.currentUses >= share.MaxUserCount;
  };
  const notAccepting =
    status === SERVICE_STATUS.paused
      ? "ERROR_SHARING_PAUSED"
      : status === SERVICE_STATUS.running
        ? undefined
        : "RPC_S_SERVER_UNAVAILABLE";
  const matches = (user?: string, client?: string) =>
    sessions.filter(
      (x) =>
        (user === undefined || nameKey(x.user) === nameKey(user)) &&
        (client === undefined || nameKey(x.computer) === nameKey(client)),
    ).length || "NERR_ClientNameNotFound";
  switch (op.op) {
    case "open":
      if (notAccepting) return notAccepting;
      if (fs.sessions.size >= fs.MaxUserCount) return "ERROR_REQ_NOT_ACCEP";
      return SHARES.some((name, i) => op.shares[i] && full(name)) ? "ERROR_REQ_NOT_ACCEP" : undefined;
    case "connect": {
      if (notAccepting) return notAccepting;
      const target = session(op.pick);
      if (!target) return "NERR_ClientNameNotFound";
      const name = SHARES[op.share] ?? "";
      return !target.shares.includes(nameKey(name)) && full(name) ? "ERROR_REQ_NOT_ACCEP" : undefined;
    }
    case "disconnect":
    case "openFile":
    case "closeSession":
      return session(op.pick) ? undefined : "NERR_ClientNameNotFound";
    case "closeFile":
      return trieGet(
        fs.files,
        choose(
          [...trieValues(fs.files)].map((f) => f.id),
          op.pick,
        ),
      )
        ? undefined
        : "NERR_FileIdNotFound";
    case "touch": {
      const target = session(op.pick);
      if (!target) return "NERR_ClientNameNotFound";
      const when = NOW - op.age * 1000;
      return when < target.connectedAt || when > NOW ? "E_INVALIDARG" : undefined;
    }
    case "deletePair":
      return matches(USERS[op.user], CLIENTS[op.client]);
    case "deleteUser":
      return matches(USERS[op.user]);
    case "deleteClient":
      return matches(undefined, CLIENTS[op.client]);
    case "control": {
      const errors = windowsProfile.serviceControlErrors;
      if (status === SERVICE_STATUS.stopped) return op.control === "start" ? undefined : errors.notActive;
      return op.control === "start" ? errors.alreadyRunning : undefined;
    }
  }
}

describe("session/file transitions keep the file-service invariants", () => {
  it("holds after every step of random operation sequences", () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 5, maxLength: 80, size: "large" }), (ops) => {
        const store = makeStore();
        const ended = new Set<number>();
        const closed = new Set<number>();
        for (const op of ops) {
          const before = store.state;
          const fsBefore = fileServiceOf(before);
          const predicted = predict(op, fsBefore, before.computers.get(FS01)?.services.get(LANMAN)?.status);
          const liveSessions = new Set([...trieValues<SessionState>(fsBefore.sessions)].map((s) => s.id));
          const liveFiles = new Set([...trieValues(fsBefore.files)].map((f) => f.id));
          try {
            const result = run(store, op, fsBefore);
            if (typeof predicted === "number") expect(result).toBe(predicted);
            else expect(predicted).toBeUndefined();
            if (op.op === "openFile") closed.delete(result as number);
          } catch (error) {
            expect(error).toBeInstanceOf(AdsError);
            expect((error as AdsError).code).toBe(predicted);
            expect(store.state).toBe(before);
          }
          const fs = fileServiceOf(store.state);
          for (const id of liveSessions) if (!trieGet(fs.sessions, id)) ended.add(id);
          for (const id of liveFiles) if (!trieGet(fs.files, id)) closed.add(id);
          checkInvariants(fs, ended, closed);
          const status = store.state.computers.get(FS01)?.services.get(LANMAN)?.status;
          if (status === SERVICE_STATUS.stopped) expect(fs.sessions.size + fs.files.size).toBe(0);
          expect(fileServiceOf(before)).toBe(fsBefore);
        }
      }),
      { numRuns: 200, seed: 20260105 },
    );
  });
});

/** Every array/object reachable from `root` (Maps by their values), by identity. */
function reachable(root: unknown, into = new Set<object>()): Set<object> {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== "object" || value === null || into.has(value)) continue;
    into.add(value);
    if (value instanceof Map) stack.push(...value.values());
    else stack.push(...Object.values(value));
  }
  return into;
}

/** Objects reachable from `next` that are not in `old`, not descending into shared ones. */
function countNew(old: Set<object>, next: unknown): number {
  let count = 0;
  const seen = new Set<object>();
  const stack: unknown[] = [next];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== "object" || value === null || seen.has(value) || old.has(value)) continue;
    seen.add(value);
    count += 1;
    if (value instanceof Map) stack.push(...value.values());
    else stack.push(...Object.values(value));
  }
  return count;
}

describe("structural sharing with 20,000 sessions", () => {
  const SESSIONS = 20_000;
  const BOUND = 3 * TRIE_DEPTH + 10;
  // Built directly (one trie write per session) and then handed to a store, like stateFromFixture does.
  const store = makeStore(-1);
  const built = (() => {
    const fs = fileServiceOf(store.state);
    const sessions = emptyTrie<SessionState>();
    const sessionsByPair = emptyHashIndex();
    for (let id = 1; id <= SESSIONS; id++) {
      const user = `user${id}`;
      const computer = `10.0.${id >> 8}.${id & 255}`;
      indexAdd(sessionsByPair, sessionPairKey(user, computer), id);
      trieSet(sessions, id, {
        id,
        user,
        computer,
        connectedAt: NOW - 60_000,
        lastActivityAt: NOW - 60_000,
        shares: [],
        guest: false,
        clientType: undefined,
        transport: undefined,
        fileIds: [],
      });
    }
    return { ...fs, sessions, sessionsByPair, nextSessionId: SESSIONS + 1 };
  })();
  const fresh = () => {
    const state = store.state;
    const computer = state.computers.get(FS01);
    const service = computer?.services.get(LANMAN);
    if (!computer || !service) throw new Error("no file service");
    const services = new Map(computer.services).set(LANMAN, { ...service, fileService: built });
    const computers = new Map(state.computers).set(FS01, { ...computer, services });
    return new DirectoryStore(freeze({ ...state, computers }, true), {
      env: createEnvironment(1, new FixedClock(NOW)),
      profile: windowsProfile,
    });
  };

  it.each([
    [
      "openSession",
      (s: DirectoryStore) => s.apply(openSession, { ...at, user: "zed", client: "WS99", shares: ["Public"] }),
    ],
    ["touchSession", (s: DirectoryStore) => s.apply(touchSession, { ...at, sessionId: 12_345 })],
    ["closeSession", (s: DirectoryStore) => s.apply(closeSession, { ...at, sessionId: 12_345 })],
    ["openFile", (s: DirectoryStore) => s.apply(openFile, { ...at, sessionId: 777, path: "C:\\x" })],
  ] as const)("%s copies a bounded number of arrays/objects", (_, action) => {
    const target = fresh();
    const old = target.state;
    const oldFs = fileServiceOf(old);
    const oldSessions = reachable(oldFs.sessions);
    const oldAll = reachable(old);
    action(target);
    const next = fileServiceOf(target.state);
    expect(next).not.toBe(oldFs);
    expect(countNew(oldSessions, next.sessions)).toBeLessThanOrEqual(BOUND);
    expect(countNew(oldAll, target.state)).toBeLessThanOrEqual(3 * BOUND);
    expect(Math.abs(next.sessions.size - SESSIONS)).toBeLessThanOrEqual(1);
  });
  it("deleting one (user, client) pair costs the same", () => {
    const target = fresh();
    const oldSessions = reachable(fileServiceOf(target.state).sessions);
    expect(target.apply(deleteSessions, { ...at, user: "USER42", client: "10.0.0.42" })).toBe(1);
    expect(countNew(oldSessions, fileServiceOf(target.state).sessions)).toBeLessThanOrEqual(BOUND);
  });
});
