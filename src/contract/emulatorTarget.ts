/**
 * The emulator as a contract-suite target: a small server (CORP\administrator, alice, bob; FS01 with a
 * `data` share), bound with OpenDSObject, driven through the event injector and the virtual clock, and
 * reset after each test. Use it to run the suite against the emulator, or as the model for an adapter
 * of your own provider.
 */
import { ADS_SECURE_AUTHENTICATION } from "../adsi/constants.js";
import type { Credentials } from "../adsi/core/context.js";
import { createEmulator, type Emulator } from "../emulator.js";
import type { Fixture } from "../fixture/types.js";
import type { FidelityProfile } from "../profile/FidelityProfile.js";
import type { ProfileName } from "../profile/profiles.js";
import type { FileHandle, SessionHandle } from "../runtime/inject/handles.js";
import type { ContractFileService, ContractTarget, DriverFile, DriverSession } from "./types.js";

const ADMIN: Credentials = Object.freeze({ user: "CORP\\administrator", password: "admin-pw" });
const USER: Credentials = Object.freeze({ user: "CORP\\alice", password: "alice-pw" });

/** The contract fixture: one domain, one file server, one share. */
export function contractFixture(): Fixture {
  return {
    version: 1,
    now: "2026-01-05T09:00:00Z",
    domains: [
      {
        name: "CORP",
        users: [
          { name: "administrator", password: "admin-pw", groups: ["Domain Admins"] },
          { name: "alice", password: "alice-pw", groups: ["Domain Users"] },
          { name: "bob", password: "bob-pw", groups: ["Domain Users"] },
        ],
        computers: [
          {
            name: "FS01",
            services: [
              {
                name: "LanmanServer",
                kind: "fileService",
                shares: [{ name: "data", path: "C:\\Shares\\data" }],
              },
            ],
          },
        ],
      },
    ],
  };
}

/** Options of {@link emulatorTarget}. */
export interface EmulatorTargetOptions {
  /** Fidelity profile; default `windows`. */
  readonly profile?: ProfileName | FidelityProfile;
  /** Seed; default 1. */
  readonly seed?: number;
}

/** The emulator as a {@link ContractTarget}; `emulator` exposes it to tests that want to look inside. */
export function emulatorTarget(
  options: EmulatorTargetOptions = {},
): ContractTarget & { readonly emulator: Emulator } {
  const emu = createEmulator({
    fixture: contractFixture(),
    profile: options.profile ?? "windows",
    seed: options.seed ?? 1,
    caller: ADMIN,
  });
  const fileOf = (handle: FileHandle): DriverFile => ({
    name: handle.path.slice(handle.path.lastIndexOf("\\") + 1),
    lock: (count = 1) => emu.inject.lock(handle, count),
    close: () => emu.inject.closeFile(handle),
  });
  const sessionOf = (handle: SessionHandle): DriverSession => ({
    user: handle.user,
    client: handle.client,
    openFile: (name) => fileOf(emu.inject.openFile(handle, `data\\${name}`)),
    activity: () => emu.inject.activity(handle),
    close: () => emu.inject.closeSession(handle),
  });
  return {
    emulator: emu,
    bind: (credentials = ADMIN) =>
      emu.OpenDSObject<ContractFileService>(
        "WinNT://FS01/LanmanServer",
        credentials.user,
        credentials.password,
        ADS_SECURE_AUTHENTICATION,
      ),
    accounts: { admin: ADMIN, user: USER, users: ["alice", "bob"] },
    driver: {
      openSession: (user, sessionOptions) =>
        sessionOf(
          emu.inject.openSession({
            server: "FS01",
            user,
            client: sessionOptions?.client ?? "10.0.0.5",
            shares: ["data"],
          }),
        ),
      advance: (ms) => {
        emu.clock.tick(ms);
      },
      stopService: () => emu.inject.stopService("FS01"),
      startService: () => emu.inject.startService("FS01"),
      cleanup: () => emu.reset(),
    },
    supports: {
      virtualClock: true,
      idleTime: !emu.profile.idleTimeAlwaysZero,
      locks: true,
      distinctClients: true,
      autoDisconnect: emu.profile.autoDisconnect.minutes >= 0,
      serviceControl: true,
      activity: true,
    },
    autoDisconnectMinutes: emu.profile.autoDisconnect.minutes,
  };
}
