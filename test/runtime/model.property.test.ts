/**
 * Model-based test (fast-check `fc.commands`): random sequences of injector, clock, fault and ADSI calls
 * run against the emulator and against a small reference model of a file server with auto-disconnect
 * (15 minutes, sessions holding files exempt), written independently of the engine. Every check
 * compares what Sessions() and Resources() show with the model.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { AdsError, type Emulator } from "../../src/index.js";
import { fs01, MINUTE, office } from "./helpers.js";

const RUNS = Number(process.env.FC_RUNS ?? 60);
const THRESHOLD = 15 * MINUTE;

interface ModelSession {
  readonly id: number;
  readonly user: string;
  readonly client: string;
  readonly connectedAt: number;
  last: number;
  readonly files: Set<number>;
}

interface Model {
  now: number;
  nextSessionId: number;
  nextFileId: number;
  readonly sessions: Map<number, ModelSession>;
  readonly files: Map<number, { session: number; locks: number }>;
  /** Remaining `first` counts of the Sessions() fault rules. */
  faults: number[];
}

const ordered = (m: Model) => [...m.sessions.values()].sort((a, b) => a.id - b.id);
const pick = (m: Model, i: number) => {
  const list = ordered(m);
  return list.length === 0 ? undefined : list[i % list.length];
};

/** Sessions() as the model predicts it: fails while a fault rule has calls left. */
function sessionsCall(m: Model): boolean {
  const fails = m.faults.some((left) => left > 0);
  m.faults = m.faults.map((left) => Math.max(0, left - 1));
  return !fails;
}

function expectFault(action: () => unknown): void {
  let error: unknown;
  try {
    action();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(AdsError);
  expect((error as AdsError).code).toBe("RPC_S_SERVER_UNAVAILABLE");
}

type Cmd = fc.Command<Model, Emulator>;

class Open implements Cmd {
  constructor(
    readonly user: string,
    readonly client: string,
  ) {}
  check = () => true;
  run(m: Model, emu: Emulator): void {
    const handle = emu.inject.openSession({ server: "FS01", user: this.user, client: this.client });
    expect(handle.id).toBe(m.nextSessionId);
    m.sessions.set(m.nextSessionId, {
      id: m.nextSessionId,
      user: this.user,
      client: this.client,
      connectedAt: m.now,
      last: m.now,
      files: new Set(),
    });
    m.nextSessionId += 1;
  }
  toString = () => `open(${this.user}, ${this.client})`;
}

class Activity implements Cmd {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.sessions.size > 0;
  run(m: Model, emu: Emulator): void {
    const s = pick(m, this.index) as ModelSession;
    emu.inject.activity(emu.inject.session("FS01", s.id));
    s.last = m.now;
  }
  toString = () => `activity(${this.index})`;
}

class Close implements Cmd {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.sessions.size > 0;
  run(m: Model, emu: Emulator): void {
    const s = pick(m, this.index) as ModelSession;
    emu.inject.closeSession(emu.inject.session("FS01", s.id));
    for (const file of s.files) m.files.delete(file);
    m.sessions.delete(s.id);
  }
  toString = () => `close(${this.index})`;
}

class OpenFile implements Cmd {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.sessions.size > 0;
  run(m: Model, emu: Emulator): void {
    const s = pick(m, this.index) as ModelSession;
    const file = emu.inject.openFile(emu.inject.session("FS01", s.id), "Public\\f.txt");
    expect(file.id).toBe(m.nextFileId);
    m.files.set(m.nextFileId, { session: s.id, locks: 0 });
    s.files.add(m.nextFileId);
    s.last = m.now;
    m.nextFileId += 1;
  }
  toString = () => `openFile(${this.index})`;
}

class CloseFile implements Cmd {
  constructor(
    readonly index: number,
    readonly byAdmin: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.files.size > 0;
  run(m: Model, emu: Emulator): void {
    const ids = [...m.files.keys()].sort((a, b) => a - b);
    const id = ids[this.index % ids.length] as number;
    const owner = m.sessions.get(m.files.get(id)?.session ?? -1) as ModelSession;
    if (this.byAdmin) fs01(emu).Resources().Remove(String(id));
    else {
      emu.inject.closeFile(emu.inject.files("FS01").find((f) => f.id === id) as never);
      owner.last = m.now;
    }
    m.files.delete(id);
    owner.files.delete(id);
  }
  toString = () => `closeFile(${this.index}, ${this.byAdmin ? "admin" : "client"})`;
}

class Lock implements Cmd {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.files.size > 0;
  run(m: Model, emu: Emulator): void {
    const ids = [...m.files.keys()].sort((a, b) => a - b);
    const id = ids[this.index % ids.length] as number;
    emu.inject.lock(emu.inject.files("FS01").find((f) => f.id === id) as never);
    const file = m.files.get(id) as { session: number; locks: number };
    file.locks += 1;
    (m.sessions.get(file.session) as ModelSession).last = m.now;
  }
  toString = () => `lock(${this.index})`;
}

class Remove implements Cmd {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.sessions.size > 0;
  run(m: Model, emu: Emulator): void {
    const s = pick(m, this.index) as ModelSession;
    if (!sessionsCall(m)) {
      expectFault(() => fs01(emu).Sessions());
      return;
    }
    fs01(emu).Sessions().Remove(`${s.user}\\${s.client}`);
    for (const other of ordered(m)) {
      if (other.user === s.user && other.client === s.client) {
        for (const file of other.files) m.files.delete(file);
        m.sessions.delete(other.id);
      }
    }
  }
  toString = () => `remove(${this.index})`;
}

class Tick implements Cmd {
  constructor(readonly ms: number) {}
  check = () => true;
  run(m: Model, emu: Emulator): void {
    emu.clock.tick(this.ms);
    m.now += this.ms;
    for (const s of ordered(m))
      if (s.files.size === 0 && s.last + THRESHOLD <= m.now) m.sessions.delete(s.id);
  }
  toString = () => `tick(${this.ms})`;
}

class Fault implements Cmd {
  constructor(readonly first: number) {}
  check = () => true;
  run(m: Model, emu: Emulator): void {
    emu.faults.add({ operation: "Sessions", first: this.first, error: "RPC_S_SERVER_UNAVAILABLE" });
    m.faults = [...m.faults, this.first];
  }
  toString = () => `fault(first ${this.first})`;
}

class Check implements Cmd {
  check = () => true;
  run(m: Model, emu: Emulator): void {
    if (!sessionsCall(m)) {
      expectFault(() => fs01(emu).Sessions());
      return;
    }
    const rows = [...fs01(emu).Sessions()].map((s) => [s.Name, s.ConnectTime, s.IdleTime]);
    expect(rows).toEqual(
      ordered(m).map((s) => [
        `${s.user}\\${s.client}`,
        Math.floor((m.now - s.connectedAt) / 1000),
        Math.floor((m.now - s.last) / 1000),
      ]),
    );
    const resources = [...fs01(emu).Resources()].map((r) => [Number(r.Name), r.LockCount]);
    expect(resources).toEqual([...m.files].sort(([a], [b]) => a - b).map(([id, f]) => [id, f.locks]));
  }
  toString = () => "check";
}

const commands = [
  fc.tuple(fc.constantFrom("alice", "bob"), fc.constantFrom("a", "b")).map(([u, c]) => new Open(u, c)),
  fc.nat(9).map((i) => new Activity(i)),
  fc.nat(9).map((i) => new Close(i)),
  fc.nat(9).map((i) => new OpenFile(i)),
  fc.tuple(fc.nat(9), fc.boolean()).map(([i, admin]) => new CloseFile(i, admin)),
  fc.nat(9).map((i) => new Lock(i)),
  fc.nat(9).map((i) => new Remove(i)),
  fc.integer({ min: 0, max: 20 * MINUTE }).map((ms) => new Tick(ms)),
  fc.integer({ min: 1, max: 3 }).map((n) => new Fault(n)),
  fc.constant(new Check()),
];

describe("model-based: the emulator agrees with a reference model of a file server", () => {
  test.prop([fc.commands(commands, { maxCommands: 80, size: "large" })], { numRuns: RUNS })(
    "no divergence",
    (cmds) => {
      const emu = office();
      const model: Model = {
        now: emu.clock.now(),
        nextSessionId: 1,
        nextFileId: 1,
        sessions: new Map(),
        files: new Map(),
        faults: [],
      };
      fc.modelRun(() => ({ model, real: emu }), cmds);
      new Check().run(model, emu);
    },
  );
});
