/** Shared helpers of the test/fileService suites (not a test file itself). */
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import {
  AdsError,
  DEFAULT_FIXTURE_URL,
  type Emulator,
  type Fixture,
  type FixtureSession,
  type FixtureShare,
  HRESULT,
  type HResultSymbol,
  type IADs,
  type IADsCollection,
  type IADsContainer,
  type IADsFileService,
  type IADsFileServiceOperations,
  type IADsFileShare,
  type IADsResource,
  type IADsSession,
  toSignedHResult,
} from "../../src/index.js";

/** The virtual "now" of the default fixture and of every fixture built here. */
export const NOW_ISO = "2026-01-05T09:00:00Z";
export const NOW = Date.parse(NOW_ISO);

/** Credentials of the default fixture (fixtures/default.json). */
export const ADMIN = { user: "CORP\\administrator", password: "P@ssw0rd!" } as const;
export const ALICE = { user: "alice", password: "alice-pw" } as const;
export const LOCAL_ADMIN = { user: "FS01\\localadmin", password: "local-pw" } as const;

/** A bound LanmanServer (or FPNW) object: IADsFileService + IADsFileServiceOperations + IADsContainer. */
export type FileService = IADsFileService & IADsFileServiceOperations & IADsContainer;
export type Sessions = IADsCollection<IADsSession>;
export type Resources = IADsCollection<IADsResource>;

/** An object with late-bound (dual-interface) members, to assign or read any member by name. */
export type LateBound = Record<string, unknown>;

/** The ISO time `seconds` before {@link NOW}. */
export function ago(seconds: number): string {
  return new Date(NOW - seconds * 1000).toISOString();
}

/** Runs `fn` and returns what it threw (undefined when nothing). */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

/**
 * Asserts that `fn` throws the AdsError `code` with its catalog HRESULT (unsigned and signed). When
 * `hresult` is given, also pins the numeric value, so a profile field and its default are both checked.
 */
export function expectAdsError(fn: () => unknown, code: HResultSymbol, hresult?: number): AdsError {
  const thrown = thrownBy(fn);
  if (thrown === undefined) throw new Error(`expected AdsError ${code}, nothing was thrown`);
  expect(thrown).toBeInstanceOf(AdsError);
  const error = thrown as AdsError;
  expect(error.code).toBe(code);
  expect(error.hresult).toBe(HRESULT[code]);
  expect(error.number).toBe(toSignedHResult(HRESULT[code]));
  if (hresult !== undefined) expect(error.hresult).toBe(hresult);
  return error;
}

/** Binds the file service at `path` (default `WinNT://FS01/LanmanServer`) with the emulator's caller. */
export function lanman(emu: Emulator, path = "WinNT://FS01/LanmanServer"): FileService {
  return emu.GetObject<FileService>(path);
}

/** One session as a comparable row. */
export interface SessionRow {
  readonly name: string;
  readonly className: string;
  readonly user: string;
  readonly computer: string;
  readonly connectTime: number;
  readonly idleTime: number;
}

/** One open resource as a comparable row. */
export interface ResourceRow {
  readonly name: string;
  readonly className: string;
  readonly user: string;
  readonly path: string;
  readonly lockCount: number;
}

/** The sessions a fresh enumeration of `fso.Sessions()` yields now. */
export function sessionRows(fso: FileService): SessionRow[] {
  return [...fso.Sessions()].map((s) => ({
    name: s.Name,
    className: s.Class,
    user: s.User,
    computer: s.Computer,
    connectTime: s.ConnectTime,
    idleTime: s.IdleTime,
  }));
}

/** The resources a fresh enumeration of `fso.Resources()` yields now. */
export function resourceRows(fso: FileService): ResourceRow[] {
  return [...fso.Resources()].map((r) => ({
    name: r.Name,
    className: r.Class,
    user: r.User,
    path: r.Path,
    lockCount: r.LockCount,
  }));
}

/** Names of the sessions / resources a fresh enumeration yields now. */
export function names(collection: Iterable<IADs>): string[] {
  return [...collection].map((item) => item.Name);
}

/** CurrentUserCount of share `name` of `fso`, read through a freshly bound FileShare object. */
export function currentUserCount(fso: FileService, name: string): number {
  return (fso.GetObject("FileShare", name) as IADsFileShare).CurrentUserCount;
}

/** A mutable deep copy of the bundled default fixture (fixtures/default.json). */
export function defaultFixtureCopy(): Fixture {
  return JSON.parse(readFileSync(DEFAULT_FIXTURE_URL, "utf8")) as Fixture;
}

/** Options of {@link serverFixture}. */
export interface ServerFixtureOptions {
  readonly domain?: string;
  readonly computer?: string;
  readonly service?: string;
  readonly kind?: "fileService" | "fpnwFileService";
  readonly status?: "running" | "stopped" | "paused";
  readonly maxUserCount?: number;
  readonly shares?: readonly FixtureShare[];
  readonly sessions?: readonly FixtureSession[];
}

/**
 * A one-computer workgroup fixture: `WORKGROUP/FS01` with a local administrator (`FS01\admin`,
 * password `admin-pw`, the default caller) and a local non-admin (`FS01\guestuser`), one file service.
 */
export function serverFixture(options: ServerFixtureOptions = {}): Fixture {
  return {
    version: 1,
    now: NOW_ISO,
    domains: [
      {
        name: options.domain ?? "WORKGROUP",
        type: "workgroup",
        computers: [
          {
            name: options.computer ?? "FS01",
            users: [
              { name: "admin", password: "admin-pw", groups: ["Administrators"] },
              { name: "guestuser", password: "guest-pw", groups: ["Users"] },
            ],
            services: [
              {
                name: options.service ?? "LanmanServer",
                kind: options.kind ?? "fileService",
                displayName: "Server",
                status: options.status ?? "running",
                maxUserCount: options.maxUserCount ?? -1,
                shares: options.shares ?? [{ name: "Data", path: "C:\\data" }],
                sessions: options.sessions ?? [],
              },
            ],
          },
        ],
      },
    ],
  };
}
