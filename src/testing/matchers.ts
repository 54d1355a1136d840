/**
 * Matchers for vitest and jest (`expect.extend`), shared by `adsi-emulator/vitest` and
 * `adsi-emulator/jest`: `toHaveSession`, `toHaveOpenFile` (on an emulator) and `toThrowAdsError` (on a
 * function, or on a rejection with `.rejects`). They read the emulator through its public API only.
 */
import {
  AdsError,
  type Emulator,
  type FileHandle,
  type HResultSymbol,
  isHResultSymbol,
  type SessionHandle,
} from "../index.js";

/** What `toHaveSession` looks for; every given field must match (names case-insensitively, as Windows compares them). */
export interface SessionQuery {
  /** Account name as the session shows it (`alice`, not `CORP\alice`). */
  readonly user?: string;
  /** The client: `sesi_cname`, an IP address or NetBIOS name. */
  readonly computer?: string;
  /** The session's Name as `Sessions()` shows it. */
  readonly name?: string;
  /** The file server (default: any computer of the emulator). */
  readonly server?: string;
}

/** What `toHaveOpenFile` looks for; every given field must match. */
export interface OpenFileQuery {
  /** Server-local path (`C:\Shares\Public\a.txt`); case-insensitive. */
  readonly path?: string;
  /** Account holding it open. */
  readonly user?: string;
  /** The file server (default: any computer). */
  readonly server?: string;
}

/** The matchers' type, for `declare module` augmentations of vitest and jest. */
export interface AdsiMatchers<R = unknown> {
  /** The emulator has a live session matching `query` (e.g. `{ user: "alice", computer: "10.0.0.5" }`). */
  toHaveSession(query: SessionQuery): R;
  /** The emulator has an open file matching `query`. */
  toHaveOpenFile(query: OpenFileQuery): R;
  /** The function throws (or the promise rejects with) an AdsError with this code or HRESULT (signed or unsigned). */
  toThrowAdsError(expected: HResultSymbol | number): R;
}

/** A matcher's answer, as both runners expect it. */
export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

const same = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

function isEmulator(value: unknown): value is Emulator {
  return (
    typeof value === "object" && value !== null && "inject" in value && "state" in value && "clock" in value
  );
}

/** The file services (computer, service) of the emulator, only those of `server` when given. */
function fileServices(emu: Emulator, server: string | undefined): [string, string][] {
  const found: [string, string][] = [];
  for (const computer of emu.state.computers.values()) {
    if (server !== undefined && !same(computer.name, server)) continue;
    for (const service of computer.services.values()) {
      if (service.fileService) found.push([computer.name, service.name]);
    }
  }
  return found;
}

function sessionsOf(emu: Emulator, server: string | undefined): SessionHandle[] {
  return fileServices(emu, server).flatMap(([name, service]) => emu.inject.sessions(name, service));
}

const show = (value: unknown): string => JSON.stringify(value);

function listing(items: readonly string[]): string {
  return items.length === 0 ? "none" : items.slice(0, 20).join(", ") + (items.length > 20 ? ", ..." : "");
}

function requireEmulator(received: unknown, matcher: string): Emulator {
  if (!isEmulator(received)) {
    throw new TypeError(`${matcher} expects an Emulator (from createEmulator), got ${typeof received}`);
  }
  return received;
}

/** `expect(emu).toHaveSession({ user, computer })`. */
export function toHaveSession(received: unknown, query: SessionQuery): MatcherResult {
  const emu = requireEmulator(received, "toHaveSession");
  const sessions = sessionsOf(emu, query.server);
  const pass = sessions.some(
    (s) =>
      (query.user === undefined || same(s.user, query.user)) &&
      (query.computer === undefined || same(s.client, query.computer)) &&
      (query.name === undefined || same(s.name, query.name)) &&
      (query.server === undefined || same(s.server, query.server)),
  );
  const seen = listing(sessions.map((s) => `${s.server}: ${s.name}`));
  return {
    pass,
    message: () =>
      pass
        ? `expected no session matching ${show(query)}, but there is one (sessions: ${seen})`
        : `expected a session matching ${show(query)} (sessions: ${seen})`,
  };
}

/** `expect(emu).toHaveOpenFile({ path, user })`. */
export function toHaveOpenFile(received: unknown, query: OpenFileQuery): MatcherResult {
  const emu = requireEmulator(received, "toHaveOpenFile");
  const found: { file: FileHandle; user: string }[] = [];
  for (const [server, service] of fileServices(emu, query.server)) {
    const users = new Map(emu.inject.sessions(server, service).map((s) => [s.id, s.user]));
    for (const file of emu.inject.files(server, service)) {
      found.push({ file, user: users.get(file.sessionId) ?? "" });
    }
  }
  const pass = found.some(
    ({ file, user }) =>
      (query.path === undefined || same(file.path, query.path)) &&
      (query.user === undefined || same(user, query.user)) &&
      (query.server === undefined || same(file.server, query.server)),
  );
  const seen = listing(found.map(({ file, user }) => `${file.server}: ${file.path} (${user})`));
  return {
    pass,
    message: () =>
      pass
        ? `expected no open file matching ${show(query)}, but there is one (open files: ${seen})`
        : `expected an open file matching ${show(query)} (open files: ${seen})`,
  };
}

function describeThrown(thrown: unknown): string {
  if (thrown instanceof AdsError)
    return `AdsError ${thrown.code} (0x${thrown.hresult.toString(16).toUpperCase()})`;
  if (thrown instanceof Error) return `${thrown.name}: ${thrown.message}`;
  return `a non-error value ${String(thrown)}`;
}

/**
 * `expect(() => op()).toThrowAdsError("E_ACCESSDENIED")`, or by HRESULT (`0x80070005` or `-2147024891`);
 * `await expect(promise).rejects.toThrowAdsError(...)` passes the rejection itself.
 */
export function toThrowAdsError(received: unknown, expected: HResultSymbol | number): MatcherResult {
  if (typeof expected === "string" && !isHResultSymbol(expected)) {
    throw new TypeError(`toThrowAdsError: ${show(expected)} is not an HRESULT symbol of the catalog`);
  }
  if (typeof expected === "number" && !Number.isInteger(expected)) {
    throw new TypeError(`toThrowAdsError: ${expected} is not an HRESULT`);
  }
  let thrown: unknown;
  let threw = true;
  if (typeof received === "function") {
    threw = false;
    try {
      received();
    } catch (error) {
      threw = true;
      thrown = error;
    }
  } else {
    thrown = received;
  }
  const matches = (error: unknown): boolean =>
    error instanceof AdsError &&
    (typeof expected === "string" ? error.code === expected : error.hresult === expected >>> 0);
  const pass = threw && matches(thrown);
  const wanted = typeof expected === "string" ? expected : `0x${(expected >>> 0).toString(16).toUpperCase()}`;
  return {
    pass,
    message: () => {
      if (pass) return `expected no AdsError ${wanted}, but it was thrown`;
      return threw
        ? `expected AdsError ${wanted}, but got ${describeThrown(thrown)}`
        : `expected AdsError ${wanted}, but nothing was thrown`;
    },
  };
}

/** The three matchers, ready for `expect.extend(adsiMatchers)`. */
export const adsiMatchers = Object.freeze({ toHaveSession, toHaveOpenFile, toThrowAdsError });
