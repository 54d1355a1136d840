/** Shared helpers of the test/runtime suites (time and events): a small office fixture and shortcuts. */
import {
  createEmulator,
  type Emulator,
  type EmulatorOptions,
  type Fixture,
  type IADs,
  type IADsContainer,
  type IADsFileService,
  type IADsFileServiceOperations,
  type IADsServiceOperations,
  type IADsSession,
} from "../../src/index.js";

/** The fixture's `now`. */
export const T0 = "2026-01-05T09:00:00Z";
export const T0_MS = Date.parse(T0);

/** ms after {@link T0_MS}. */
export const at = (ms: number): number => T0_MS + ms;
export const MINUTE = 60_000;

/** Credentials of the fixture's domain administrator. */
export const ADMIN = { user: "CORP\\administrator", password: "admin-pw" } as const;

/**
 * CORP (a domain: administrator, alice, bob, carol) with FS01 (LanmanServer: shares Public, Small with
 * MaxUserCount 1, Users; Spooler) and LAB (a workgroup) with LAB01. No sessions: tests open them.
 */
export function officeFixture(fileService: Record<string, unknown> = {}): Fixture {
  return {
    version: 1,
    now: T0,
    domains: [
      {
        name: "CORP",
        users: [
          { name: "administrator", password: "admin-pw", groups: ["Domain Admins"] },
          { name: "alice", password: "alice-pw", groups: ["Domain Users"] },
          { name: "bob", password: "bob-pw" },
          { name: "carol", password: "carol-pw" },
        ],
        computers: [
          {
            name: "FS01",
            users: [{ name: "localadmin", password: "local-pw", groups: ["Administrators"] }],
            services: [
              {
                name: "LanmanServer",
                kind: "fileService",
                shares: [
                  { name: "Public", path: "C:\\Shares\\Public" },
                  { name: "Small", path: "C:\\Small", maxUserCount: 1 },
                  { name: "Users", path: "D:\\Users" },
                  { name: "IPC$", path: "" },
                ],
                ...fileService,
              },
              { name: "Spooler", status: "running" },
            ],
          },
        ],
      },
      {
        name: "LAB",
        type: "workgroup",
        computers: [
          {
            name: "LAB01",
            users: [{ name: "labadmin", password: "lab-pw", groups: ["Administrators"] }],
            services: [
              { name: "LanmanServer", kind: "fileService", shares: [{ name: "Tools", path: "C:\\Tools" }] },
            ],
          },
        ],
      },
    ],
  } as Fixture;
}

/** An emulator on {@link officeFixture}, bound as the domain administrator. */
export function office(
  options: EmulatorOptions & { readonly fileService?: Record<string, unknown> } = {},
): Emulator {
  const { fileService, ...rest } = options;
  return createEmulator({ fixture: officeFixture(fileService), caller: ADMIN, ...rest });
}

/** A bound LanmanServer: every interface it answers. */
export type FileService = IADs &
  IADsFileService &
  IADsFileServiceOperations &
  IADsServiceOperations &
  IADsContainer;

/** FS01's LanmanServer, bound. */
export function fs01(emu: Emulator): FileService {
  return emu.GetObject<FileService>("WinNT://FS01/LanmanServer");
}

/** The sessions of FS01 as `[Name, ConnectTime, IdleTime]` rows. */
export function sessionRows(emu: Emulator): [string, number, number][] {
  return [...fs01(emu).Sessions()].map((s: IADsSession) => [s.Name, s.ConnectTime, s.IdleTime]);
}

/** The Names of FS01's sessions. */
export function sessionNames(emu: Emulator): string[] {
  return sessionRows(emu).map(([name]) => name);
}

/** alice connects to FS01 from 10.0.0.5 (connected to Public). */
export function connectAlice(emu: Emulator, client = "10.0.0.5") {
  return emu.inject.openSession({
    server: "FS01",
    user: "alice",
    password: "alice-pw",
    client,
    shares: ["Public"],
  });
}
