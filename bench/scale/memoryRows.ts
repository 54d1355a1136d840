/**
 * Memory figures of the scale benchmark: heap per session, what holding snapshots retains per event,
 * the size of one enumerated Session object, and the peak heap of enumerating every session. Heap is
 * read after full collections (measure.ts).
 */
import {
  createEmulator,
  type Emulator,
  type IADsFileServiceOperations,
  type IADsSession,
} from "../../src/index.js";
import { gc, heapUsed } from "./measure.js";
import { NaiveServer } from "./naiveServer.js";
import { ADMIN, fixtureWith, type PopulationOptions, SERVICE_PATH, sessionSpecs } from "./population.js";

/**
 * Builds what `make` returns in a frame of its own, so that no temporary of the build (the fixture, the
 * specs) stays reachable from the caller's frame while the heap is measured.
 */
function built<T>(make: () => T): T {
  return make();
}

/** Bytes of heap per session of a population of `n` (emulator and baseline), the population's input released. */
export function heapPerSession(
  n: number,
  options: PopulationOptions = {},
): { engine: number; naive: number } {
  const before = heapUsed();
  let emu: Emulator | undefined = built(() =>
    createEmulator({ fixture: fixtureWith(sessionSpecs(n, options)), caller: ADMIN }),
  );
  const engine = (heapUsed() - before) / n;
  if (emu.state.computers.size !== 1) throw new Error("unexpected population");
  emu = undefined;
  const beforeNaive = heapUsed();
  let server: NaiveServer | undefined = built(() => NaiveServer.fromSpecs(sessionSpecs(n, options)));
  const naive = (heapUsed() - beforeNaive) / n;
  if (server.sessions.size !== n) throw new Error("naive population lost sessions");
  server = undefined;
  return { engine, naive };
}

/**
 * Bytes that holding a snapshot before each of `events` events retains per event, at population `n`:
 * the heap with every snapshot held minus the heap once they are dropped. The events cycle through
 * activity, open file, close file, open session, close session.
 */
export function snapshotRetention(n: number, events: number): number {
  const emu = built(() => createEmulator({ fixture: fixtureWith(sessionSpecs(n)), caller: ADMIN }));
  const handles = emu.inject.sessions("FS01");
  const pick = (i: number) => handles[(i * 7919) % handles.length] as (typeof handles)[number];
  const snapshots: unknown[] = [];
  let file: ReturnType<Emulator["inject"]["openFile"]> | undefined;
  let session: (typeof handles)[number] | undefined;
  for (let i = 0; i < events; i++) {
    snapshots.push(emu.snapshot());
    switch (i % 5) {
      case 0:
        emu.inject.activity(pick(i));
        break;
      case 1:
        file = emu.inject.openFile(pick(i), "Data\\bench.txt");
        break;
      case 2:
        if (file) emu.inject.closeFile(file);
        break;
      case 3:
        session = emu.inject.openSession({ server: "FS01", user: "bench", client: `192.168.7.${i & 255}` });
        break;
      default:
        if (session) emu.inject.closeSession(session);
    }
  }
  const held = heapUsed();
  snapshots.length = 0;
  const released = heapUsed();
  return (held - released) / events;
}

/**
 * Bytes of one Session object as `Sessions()` hands it out (before and after reading its six
 * properties) and of one session record of the state, from `n` objects kept in an array.
 */
export function sessionObjectSize(n: number): { fresh: number; read: number; record: number } {
  const emu = built(() => createEmulator({ fixture: fixtureWith(sessionSpecs(n)), caller: ADMIN }));
  const service = emu.GetObject<IADsFileServiceOperations>(SERVICE_PATH);
  const slots = heapUsed();
  const holder: unknown[] = new Array(n).fill(null);
  const empty = heapUsed();
  let i = 0;
  for (const session of service.Sessions()) holder[i++] = session;
  const fresh = (heapUsed() - empty) / n;
  let sink = 0;
  for (const item of holder) sink += readSix(item as IADsSession);
  const read = (heapUsed() - empty) / n;
  holder.fill(null);
  const records = emu.state.computers.values().next().value?.services.values().next().value
    ?.fileService?.sessions;
  const copies: unknown[] = new Array(n).fill(null);
  const start = heapUsed();
  let k = 0;
  records?.forEach((record) => {
    copies[k++] = Object.freeze({ ...record });
  });
  const record = (heapUsed() - start) / n;
  if (sink < 0 || slots < 0) throw new Error("unreachable");
  return { fresh, read, record };
}

/** Reads the six properties the enumeration figures read; returns something depending on all of them. */
export function readSix(session: IADsSession): number {
  return (
    session.Name.length +
    session.User.length +
    session.Computer.length +
    session.ConnectTime +
    session.IdleTime +
    session.ADsPath.length
  );
}

/** ms to enumerate all `n` sessions reading six properties each, and the peak heap growth (MB) meanwhile. */
export function enumerateAll(n: number): { ms: number; peakMb: number } {
  const emu = built(() => createEmulator({ fixture: fixtureWith(sessionSpecs(n)), caller: ADMIN }));
  const service = emu.GetObject<IADsFileServiceOperations>(SERVICE_PATH);
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  let count = 0;
  let sink = 0;
  const start = performance.now();
  for (const session of service.Sessions()) {
    sink += readSix(session as IADsSession);
    if (++count % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const ms = performance.now() - start;
  if (count !== n || sink < 0) throw new Error(`enumerated ${count} of ${n} sessions`);
  return { ms, peakMb: (peak - base) / 2 ** 20 };
}
