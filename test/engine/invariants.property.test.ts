import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SERVICE_STATUS } from "../../src/engine/fromFixture.js";
import { bucketIds, type HamtNode, type HashIndex } from "../../src/engine/hashIndex.js";
import { type IdTrie, NODE_WIDTH, type TrieNode } from "../../src/engine/idTrie.js";
import { pairHash, pairSessionIds } from "../../src/engine/sessionPairs.js";
import {
  type DirectoryState,
  type FileServiceState,
  nameKey,
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
  const sessions = [...fs.sessions.values()];
  const files = [...fs.files.values()];
  expect(fs.sessions.size).toBe(sessions.length);
  expect(fs.files.size).toBe(files.length);
  for (const [key, share] of fs.shares) {
    expect(share.currentUses).toBe(sessions.filter((s) => s.shares.includes(key)).length);
    if (share.MaxUserCount !== -1) expect(share.currentUses).toBeLessThanOrEqual(share.MaxUserCount);
  }
  // Every session is in its pair's bucket and the index holds nothing else.
  expect(fs.sessionsByPair.size).toBe(sessions.length);
  for (const session of sessions) {
    expect(bucketIds(fs.sessionsByPair.bucket(pairHash(session.user, session.computer)))).toContain(
      session.id,
    );
    expect(pairSessionIds(fs.sessionsByPair, fs.sessions, session.user, session.computer)).toEqual(
      sessions
        .filter((s) => sessionPairKey(s.user, s.computer) === sessionPairKey(session.user, session.computer))
        .map((s) => s.id),
    );
    expect(new Set(session.shares).size).toBe(session.shares.length);
    for (const fileId of session.fileIds) expect(fs.files.get(fileId)?.sessionId).toBe(session.id);
    expect(session.id).toBeLessThan(fs.nextSessionId);
    expect(
      Object.isFrozen(session) && Object.isFrozen(session.shares) && Object.isFrozen(session.fileIds),
    ).toBe(true);
  }
  // The idle queue: every disconnectable session by (last activity, id), first entry first (spec §12.7).
  const queued = sessions
    .filter((s) => !(fs.autoDisconnect.exemptOpenFiles && s.fileIds.length > 0))
    .sort((a, b) => a.lastActivityAt - b.lastActivityAt || a.id - b.id)
    .map((s) => ({ time: s.lastActivityAt, id: s.id, value: null }));
  expect([...fs.idleQueue]).toEqual(queued);
  expect(fs.idleQueue.size).toBe(queued.length);
  expect(fs.idleQueue.first()).toEqual(queued[0]);
  for (const entry of queued) expect(fs.idleQueue.has(entry.time, entry.id)).toBe(true);
  // The view is read-only in effect: set and delete give a detached index, the state's queue stays.
  const [head] = queued;
  if (head) {
    expect([...fs.idleQueue.delete(head.time, head.id)]).toEqual(queued.slice(1));
    expect([...fs.idleQueue.set(head.time - 1, 0, null)][0]).toEqual({
      time: head.time - 1,
      id: 0,
      value: null,
    });
    expect(fs.idleQueue.size).toBe(queued.length);
  }
  for (const file of files) expect(fs.sessions.get(file.sessionId)?.fileIds).toContain(file.id);
  for (const id of ended) expect(fs.sessions.get(id)).toBeUndefined();
  for (const id of closed) expect(fs.files.get(id)).toBeUndefined();
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
  const sessionIds = [...fs.sessions.values()].map((s) => s.id);
  const fileIds = [...fs.files.values()].map((f) => f.id);
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
  const sessions = [...fs.sessions.values()];
  const session = (n: number) =>
    fs.sessions.get(
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
      return fs.files.get(
        choose(
          [...fs.files.values()].map((f) => f.id),
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
          const liveSessions = new Set([...fsBefore.sessions.values()].map((s) => s.id));
          const liveFiles = new Set([...fsBefore.files.values()].map((f) => f.id));
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
          for (const id of liveSessions) if (!fs.sessions.get(id)) ended.add(id);
          for (const id of liveFiles) if (!fs.files.get(id)) closed.add(id);
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

/** Plain objects and Maps reachable from `root`; the persistent structures are counted apart (below). */
function reachable(root: unknown, into = new Set<object>()): Set<object> {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== "object" || value === null || into.has(value)) continue;
    into.add(value);
    if (value instanceof Map) for (const item of value.values()) stack.push(item);
    else if (Object.getPrototypeOf(value) === Object.prototype)
      for (const item of Object.values(value)) stack.push(item);
  }
  return into;
}

/** Trie nodes reachable from a trie's root (leaf values excluded). */
function trieNodes(trie: IdTrie<object>): Set<unknown> {
  const out = new Set<unknown>();
  const walk = (node: TrieNode | null, depth: number): void => {
    if (node === null) return;
    out.add(node);
    if (depth > 1) for (let i = 0; i < NODE_WIDTH; i++) walk(node[i] as TrieNode | null, depth - 1);
  };
  walk(trie.root, trie.depth);
  return out;
}

/** HAMT nodes reachable from a hash index's root. */
function indexNodes(index: HashIndex): Set<unknown> {
  const out = new Set<unknown>();
  const walk = (node: HamtNode): void => {
    out.add(node);
    for (let at = 1; at < node.length; at += 2) if (node[at] === null) walk(node[at + 1] as HamtNode);
  };
  if (index.root !== null) walk(index.root);
  return out;
}

const fresh = (old: Set<unknown>, next: Set<unknown>) => [...next].filter((node) => !old.has(node)).length;

describe("structural sharing with 20,000 sessions", () => {
  const SESSIONS = 20_000;
  const list = Array.from({ length: SESSIONS }, (_, i) => ({
    user: `user${i + 1}`,
    computer: `10.0.${(i + 1) >> 8}.${(i + 1) & 255}`,
    connectedAt: "2026-01-05T08:59:00Z",
  }));
  const base = makeStore(-1, list).state;
  const fresh20k = () =>
    new DirectoryStore(base, { env: createEnvironment(1, new FixedClock(NOW)), profile: windowsProfile });

  it.each([
    [
      "openSession",
      (s: DirectoryStore) => s.apply(openSession, { ...at, user: "zed", client: "WS99", shares: ["Public"] }),
    ],
    ["touchSession", (s: DirectoryStore) => s.apply(touchSession, { ...at, sessionId: 12_345 })],
    ["closeSession", (s: DirectoryStore) => s.apply(closeSession, { ...at, sessionId: 12_345 })],
    ["openFile", (s: DirectoryStore) => s.apply(openFile, { ...at, sessionId: 777, path: "C:\\x" })],
    [
      "deleting one pair",
      (s: DirectoryStore) => s.apply(deleteSessions, { ...at, user: "USER42", client: "10.0.0.42" }),
    ],
  ] as const)("%s copies one path per structure and a bounded spine", (_, action) => {
    const target = fresh20k();
    const old = target.state;
    const oldFs = fileServiceOf(old);
    const [oldSessions, oldFiles, oldPairs] = [
      trieNodes(oldFs.sessions),
      trieNodes(oldFs.files),
      indexNodes(oldFs.sessionsByPair),
    ];
    const oldAll = reachable(old);
    action(target);
    const next = fileServiceOf(target.state);
    expect(next).not.toBe(oldFs);
    // One path of at most `depth` nodes per persistent structure (5 levels at 20,000 sessions).
    expect(next.sessions.depth).toBeLessThanOrEqual(5);
    expect(fresh(oldSessions, trieNodes(next.sessions))).toBeLessThanOrEqual(next.sessions.depth);
    expect(fresh(oldFiles, trieNodes(next.files))).toBeLessThanOrEqual(Math.max(1, next.files.depth));
    expect(fresh(oldPairs, indexNodes(next.sessionsByPair))).toBeLessThanOrEqual(8);
    // The spine (state, computers, computer, services, service, file service, shares, records): bounded.
    expect([...reachable(target.state)].filter((value) => !oldAll.has(value)).length).toBeLessThanOrEqual(16);
    expect(Math.abs(next.sessions.size - SESSIONS)).toBeLessThanOrEqual(1);
  });
});
