import { authTarget, buildObject, locatePath, parseBindPath } from "./adsi/binder.js";
import { ADS_SECURE_AUTHENTICATION } from "./adsi/constants.js";
import { authenticate, hasAdminGroup } from "./adsi/core/auth.js";
import type { Credentials, EmulatorCore } from "./adsi/core/context.js";
import { copyCredentials } from "./adsi/core/credentials.js";
import { withLateBinding } from "./adsi/core/lateBinding.js";
import type { IADs } from "./adsi/interfaces/IADs.js";
import type { DirectoryState } from "./engine/state.js";
import type { Environment } from "./env/environment.js";
import { AdsError } from "./errors/AdsError.js";
import { describeValue } from "./errors/describeValue.js";
import { defaultFixture } from "./fixture/defaultFixture.js";
import { parseIsoUtc } from "./fixture/isoTime.js";
import type { Scenario, ScenarioStep } from "./fixture/scenarioTypes.js";
import type { Fixture } from "./fixture/types.js";
import { validateFixture } from "./fixture/validateFixture.js";
import type { FidelityProfile } from "./profile/FidelityProfile.js";
import { type ProfileName, resolveProfile } from "./profile/profiles.js";
import { EmulatorRuntime, type EmulatorSnapshot } from "./runtime/EmulatorRuntime.js";
import type { EventLog, EventsMatching, EventTypePattern } from "./runtime/EventLog.js";
import type { FaultRules } from "./runtime/faults/FaultRules.js";
import type { Injector } from "./runtime/inject/Injector.js";
import type { VirtualClock } from "./runtime/VirtualClock.js";
import { parseInstant, type TimeInput } from "./time/timeInput.js";

/** Options of {@link createEmulator}; all optional. */
export interface EmulatorOptions {
  /**
   * The directory: a fixture object (typed, so an inline fixture completes in an editor) or parsed JSON;
   * validated either way. Default: the bundled `fixtures/default.json`. To extend the default, use
   * `fixtureBuilder()`.
   */
  readonly fixture?: Fixture;
  /** Seed of every random choice and generated id; default 1. Same seed, same fixture: same behaviour. */
  readonly seed?: number;
  /** Fidelity profile: `windows` (default), `samba`, or a custom profile object. */
  readonly profile?: ProfileName | FidelityProfile;
  /**
   * The credentials `GetObject` binds with (the "caller's own context", spec §2.5). Default: the first
   * administrator account of the fixture (a domain account in Domain Admins/Administrators, else a local
   * Administrators member). `null` binds every object in the guest context.
   */
  readonly caller?: Credentials | null;
  /** Where the virtual clock starts (epoch ms, Date or ISO text); default: the fixture's `now`. */
  readonly start?: TimeInput;
  /** The event log: how many events it keeps (default 10,000; 0 keeps none, listeners still fire). */
  readonly eventLog?: { readonly capacity?: number };
  /**
   * Late binding, as VBScript, PowerShell and winax see COM objects (default false): member names are
   * case-insensitive (`share.path`, `share.description = "x"`) and an unknown member raises
   * DISP_E_UNKNOWNNAME instead of being `undefined` (see src/adsi/core/lateBinding.ts).
   */
  readonly lateBinding?: boolean;
}

/**
 * An in-memory WinNT: namespace. `GetObject` and `OpenDSObject` are the two ways ADSI code binds
 * (spec §2.5); everything else is reached from the objects they return.
 */
export class Emulator {
  readonly #runtime: EmulatorRuntime;
  readonly #core: EmulatorCore;
  readonly #caller: Credentials | null;

  /**
   * Use {@link createEmulator}.
   * @internal
   */
  constructor(runtime: EmulatorRuntime, caller: Credentials | null) {
    this.#runtime = runtime;
    this.#core = runtime.core;
    this.#caller = caller;
  }

  /** The current directory state (immutable; keeping a reference is a snapshot of the directory). */
  get state(): DirectoryState {
    return this.#core.store.state;
  }

  /** The fidelity profile in force. */
  get profile(): FidelityProfile {
    return this.#core.profile;
  }

  /** The injected environment: clock, seeded random source, id generator. */
  get env(): Environment {
    return this.#core.env;
  }

  /** The caller credentials GetObject uses (null = guest). */
  get caller(): Credentials | null {
    return this.#caller;
  }

  /** The virtual clock: `now`, `tick("15m")`, `tickTo`, `next`, `runAll`, `setSystemTime`, `pending`. */
  get clock(): VirtualClock {
    return this.#runtime.clock;
  }

  /** The event injector: the outside world acting on servers (clients connect, files open, services crash). */
  get inject(): Injector {
    return this.#runtime.injector;
  }

  /** The fault rules: make operations fail or slow down (docs/faults.md). */
  get faults(): FaultRules {
    return this.#runtime.faults;
  }

  /** The event log: every change with its virtual time; iterable, queryable, bounded. */
  get events(): EventLog {
    return this.#runtime.events;
  }

  /** Calls `listener` with every later event matching `type` (`session.closed`, `session.*`, `*`); returns the unsubscribe function. */
  on<P extends EventTypePattern>(type: P, listener: (event: EventsMatching<P>) => void): () => void {
    return this.#runtime.events.on(type, listener);
  }

  /**
   * Schedules a scenario's timeline (docs/scenarios.md); relative times (`+5m`) count from now. The steps
   * run as the clock reaches them. Returns the number of steps scheduled; a bad step schedules none.
   */
  play(scenario: Scenario | readonly ScenarioStep[]): number {
    return this.#runtime.scenario.play(scenario, this.#runtime.clock.now());
  }

  /** Captures the whole emulator in O(1): directory, clock, random generator, schedule, fault rules, labels. */
  snapshot(): EmulatorSnapshot {
    return this.#runtime.snapshot();
  }

  /** Brings back a snapshot of this emulator (the event log keeps its history and records the restore). */
  restore(snapshot: EmulatorSnapshot): void {
    this.#runtime.restore(snapshot);
  }

  /** Back to the state at creation, event log emptied (listeners stay subscribed). */
  reset(): void {
    this.#runtime.reset();
  }

  /**
   * Everything as a fixture, hidden counters included: `createEmulator({ fixture: emu.toFixture() })`
   * continues exactly from here (same next ids, random draws, scheduled steps and fault rules).
   */
  toFixture(): Fixture {
    return this.#runtime.toFixture();
  }

  /**
   * VB's `GetObject(path)` / `ADsGetObject`: binds in the caller's context; if its credentials fail on
   * the target, binds again with null credentials, as guest (spec §2.5, §14 item 33).
   */
  GetObject<T = IADs>(path: string): T {
    return this.#bind(path, this.#caller, "guest") as T;
  }

  /**
   * `ADsOpenObject` / `IADsOpenDSObject.OpenDSObject` (spec §2.5): binds with `user`/`password`
   * (`name`, `DOMAIN\name`, `COMPUTER\name`); both null = the caller's context. Wrong credentials fail
   * with ERROR_LOGON_FAILURE; there is no guest fallback. Only ADS_SECURE_AUTHENTICATION is honoured
   * (spec §14 item 32, profile `unsupportedBindFlags`).
   */
  OpenDSObject<T = IADs>(path: string, user: string | null, password: string | null, flags: number): T {
    return this.#open(path, user, password, flags) as T;
  }

  readonly #open = (path: string, user: string | null, password: string | null, flags: number): IADs => {
    if (!Number.isInteger(flags) || flags < 0 || flags > 0xffffffff) {
      throw new AdsError(
        "E_ADS_BAD_PARAMETER",
        `bind flags must be a 32-bit unsigned integer, got ${describeValue(flags)}`,
      );
    }
    if ((flags & ~ADS_SECURE_AUTHENTICATION) !== 0 && this.#core.profile.unsupportedBindFlags === "reject") {
      throw new AdsError(
        "E_ADS_BAD_PARAMETER",
        `WinNT does not support bind flags 0x${(flags >>> 0).toString(16)}`,
      );
    }
    if ((user === null || user === undefined) && (password === null || password === undefined)) {
      return this.#bind(path, this.#caller, "guest");
    }
    if (typeof (user ?? "") !== "string" || typeof (password ?? "") !== "string") {
      throw new AdsError("E_INVALIDARG", "user and password must be strings or null");
    }
    return this.#bind(path, { user: user ?? "", password: password ?? "" }, "logonFailure");
  };

  /**
   * Binds `path` with `credentials`. When they fail on the bind target: `guest` binds with null
   * credentials (GetObject, spec §2.5); `logonFailure` throws ERROR_LOGON_FAILURE (OpenDSObject).
   */
  #bind(path: string, credentials: Credentials | null, onFailure: "guest" | "logonFailure"): IADs {
    this.#core.intercept("bind", typeof path === "string" ? path : String(describeValue(path)));
    const parsed = parseBindPath(path, this.#core.profile);
    const target = locatePath(this.state, parsed, this.#core.profile);
    const where = authTarget(this.state, target);
    const valid =
      credentials !== null &&
      (where === undefined ||
        authenticate(this.state, where, credentials.user, credentials.password) !== undefined);
    if (!valid && onFailure === "logonFailure") {
      throw new AdsError("ERROR_LOGON_FAILURE", `logon failure for ${credentials?.user ?? "(null)"}`);
    }
    const fellBack = !valid && credentials !== null;
    return buildObject(
      {
        core: this.#core,
        credentials: valid ? credentials : null,
        ...(fellBack ? { guestFallbackFrom: credentials.user } : {}),
      },
      target,
      parsed,
      this.#open,
    );
  }
}

/** Creates an emulator: `createEmulator({ fixture, seed: 1, profile: "windows" })`, all options optional. */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const fixture = options.fixture === undefined ? defaultFixture() : validateFixture(options.fixture);
  const profile = resolveProfile(options.profile);
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed))
    throw new AdsError("E_INVALIDARG", `seed must be a safe integer, got ${describeValue(seed)}`);
  const start = options.start === undefined ? undefined : parseInstant(options.start);
  if (start !== undefined && start < (parseIsoUtc(fixture.now) ?? start)) {
    throw new AdsError(
      "E_INVALIDARG",
      `start ${describeValue(options.start)} lies before the fixture's now (${fixture.now})`,
    );
  }
  const runtime = new EmulatorRuntime({
    fixture,
    profile,
    seed,
    start,
    eventCapacity: options.eventLog?.capacity,
  });
  withLateBinding(runtime.core, options.lateBinding);
  const caller = copyCredentials(options.caller === undefined ? defaultCaller(fixture) : options.caller);
  return new Emulator(runtime, caller);
}

/** The first administrator account of the fixture, as `DOMAIN\name` or `COMPUTER\name` (rule: auth.ts). */
function defaultCaller(fixture: Fixture): Credentials | null {
  for (const domain of fixture.domains) {
    const admin = (domain.users ?? []).find((user) => hasAdminGroup(user.groups ?? [], "domain"));
    if (admin) return { user: `${domain.name}\\${admin.name}`, password: admin.password };
  }
  for (const domain of fixture.domains) {
    for (const computer of domain.computers ?? []) {
      const admin = (computer.users ?? []).find((user) => hasAdminGroup(user.groups ?? [], "local"));
      if (admin) return { user: `${computer.name}\\${admin.name}`, password: admin.password };
    }
  }
  return null;
}
