/**
 * The parts of a running emulator around the engine, wired together: the virtual clock and its
 * schedule, the event log, the fault rules, the injector and the scenario player. Each acts on the
 * directory only through the engine's named transitions. Snapshots capture every part by reference.
 */
import type { EmulatorCore } from "../adsi/core/context.js";
import { stateFromFixture } from "../engine/fromFixture.js";
import { DirectoryStore } from "../engine/store.js";
import { directoryToFixture } from "../engine/toFixture.js";
import { createEnvironment, type Environment } from "../env/environment.js";
import type { RandomState } from "../env/seededRandom.js";
import { AdsError } from "../errors/AdsError.js";
import { FixtureError } from "../errors/FixtureError.js";
import { parseIsoUtc } from "../fixture/isoTime.js";
import type { Fixture, FixtureLabel } from "../fixture/types.js";
import type { FidelityProfile } from "../profile/FidelityProfile.js";
import { formatInstant } from "../time/timeInput.js";
import { DEFAULT_EVENT_CAPACITY, EventLog, type EventLogControl } from "./EventLog.js";
import type { UnstampedEvent } from "./events.js";
import { eventOfChange } from "./eventsFromChanges.js";
import { FaultRules, type FaultRulesControl, type FaultRulesState } from "./faults/FaultRules.js";
import type { FaultOperation } from "./faults/operations.js";
import type { FileHandle, SessionHandle } from "./inject/handles.js";
import { Injector } from "./inject/Injector.js";
import { Schedule } from "./Schedule.js";
import type { ScenarioState } from "./scenario/ScenarioQueue.js";
import { ScenarioRunner } from "./scenario/ScenarioRunner.js";
import { type ClockControl, VirtualClock } from "./VirtualClock.js";

/** A failure an enumeration must raise after yielding some items (a fault rule's `afterItems`). */
export interface DeferredFault {
  readonly afterItems: number;
  readonly error: AdsError;
}

/** Options the runtime is built with. */
export interface RuntimeOptions {
  readonly fixture: Fixture;
  readonly profile: FidelityProfile;
  readonly seed: number;
  /** Clock start, epoch ms; default the fixture's `now`. */
  readonly start: number | undefined;
  /** Event log capacity. */
  readonly eventCapacity: number | undefined;
}

/** Everything a snapshot holds. */
interface SnapshotContents {
  readonly owner: EmulatorRuntime;
  readonly directory: DirectoryStore["state"];
  readonly now: number;
  readonly random: RandomState;
  readonly scenario: ScenarioState;
  readonly faults: FaultRulesState;
}

/** An opaque, immutable capture of a whole emulator (`emu.snapshot()`), restored with `emu.restore`. */
export interface EmulatorSnapshot {
  /** Virtual time of the capture, epoch ms. */
  readonly at: number;
  /** Virtual time of the capture, ISO-8601 UTC. */
  readonly time: string;
}

const snapshots = new WeakMap<EmulatorSnapshot, SnapshotContents>();

/** The running parts of one emulator; see the module comment. */
export class EmulatorRuntime {
  readonly profile: FidelityProfile;
  readonly clock: VirtualClock;
  readonly env: Environment;
  readonly store: DirectoryStore;
  readonly events: EventLog;
  readonly faults: FaultRules;
  readonly injector: Injector;
  readonly scenario: ScenarioRunner;
  /** What the ADSI objects reach: state, environment, profile and the fault check. */
  readonly core: EmulatorCore;
  readonly #initial: EmulatorSnapshot;
  readonly #clock: ClockControl;
  readonly #events: EventLogControl;
  readonly #faults: FaultRulesControl;

  /** Builds the runtime from a validated fixture. A bad timeline, rule or label is a FixtureError. */
  constructor(options: RuntimeOptions) {
    const { fixture, profile } = options;
    this.profile = profile;
    const fixtureNow = parseIsoUtc(fixture.now) ?? 0;
    let clock: ClockControl | undefined;
    let events: EventLogControl | undefined;
    let faults: FaultRulesControl | undefined;
    this.clock = new VirtualClock(
      options.start ?? fixtureNow,
      (from) => this.emit({ type: "clock.jumped", from }),
      (control) => {
        clock = control;
      },
    );
    this.env = createEnvironment(options.seed, this.clock);
    if (fixture.randomState !== undefined) this.env.random.setState(fixture.randomState as RandomState);
    this.store = new DirectoryStore(stateFromFixture(fixture, profile), { env: this.env, profile });
    this.events = new EventLog(options.eventCapacity ?? DEFAULT_EVENT_CAPACITY, (control) => {
      events = control;
    });
    this.faults = new FaultRules(
      { now: () => this.clock.now(), random: this.env.random, emit: (e) => this.emit(e) },
      (control) => {
        faults = control;
      },
    );
    if (!clock || !events || !faults) throw new Error("a runtime part did not grant its controls");
    [this.#clock, this.#events, this.#faults] = [clock, events, faults];
    this.store.observe((changes) => {
      if (!this.#events.wanted()) return;
      const state = this.store.state;
      const now = this.clock.now();
      for (const change of changes) {
        this.#events.deliver(eventOfChange(change, state, profile, this.#events.stamp(now)));
      }
    });
    this.injector = new Injector({
      store: this.store,
      profile,
      guard: (operation, path) => {
        this.intercept(operation, path);
      },
    });
    this.scenario = new ScenarioRunner({
      injector: this.injector,
      addFault: (spec, base) => this.#faults.addSpec(spec, base),
      clearFaults: () => this.faults.clear(),
      now: () => this.clock.now(),
      emit: (e) => this.emit(e),
    });
    this.#clock.attach(new Schedule(this.store, this.scenario, profile));
    this.core = {
      store: this.store,
      env: this.env,
      profile,
      intercept: (operation, path) => this.intercept(operation, path),
      faultsArmed: () => this.#faults.armed(),
    };
    this.#faults.load(fixture.faults ?? [], fixtureNow, fixture.nextFaultId);
    for (const [i, label] of (fixture.labels ?? []).entries()) this.#loadLabel(label, `$.labels[${i}]`);
    this.scenario.play(fixture.timeline ?? [], fixtureNow, "$.timeline");
    this.#initial = this.snapshot();
  }

  /** Records an event that no transition made (faults, steps, the clock). */
  emit(event: UnstampedEvent): void {
    if (this.#events.wanted()) this.#events.append(event, this.clock.now());
  }

  /**
   * The fault check at an operation's entry: advances the clock by the fired rules' latency, then
   * throws their error, or (for an enumeration with `afterItems`) returns the failure to raise later.
   */
  intercept(operation: FaultOperation, path: string): DeferredFault | undefined {
    const outcome = this.#faults.evaluate(operation, path);
    if (!outcome) return undefined;
    // Steps that fail while the operation waits are in the event log; the operation itself goes on.
    if (outcome.latency > 0) this.#clock.advance(outcome.latency);
    if (outcome.error === undefined) return undefined;
    const error = new AdsError(
      outcome.error,
      `injected by fault rule #${outcome.ruleId} on ${operation} ${path}`,
    );
    if (outcome.afterItems !== undefined && operation.startsWith("enumerate.")) {
      return { afterItems: outcome.afterItems, error };
    }
    throw error;
  }

  /** Captures every part in O(1). */
  snapshot(): EmulatorSnapshot {
    const now = this.clock.now();
    const handle: EmulatorSnapshot = Object.freeze({ at: now, time: formatInstant(now) });
    snapshots.set(handle, {
      owner: this,
      directory: this.store.state,
      now,
      random: this.env.random.getState(),
      scenario: this.scenario.capture(),
      faults: this.#faults.capture(),
    });
    return handle;
  }

  /** Brings back a snapshot of this emulator: directory, clock, generator, schedule, rules, labels. */
  restore(snapshot: EmulatorSnapshot): void {
    const contents = snapshots.get(snapshot);
    if (!contents)
      throw new AdsError("E_INVALIDARG", "not a snapshot (use the value emu.snapshot() returned)");
    if (contents.owner !== this)
      throw new AdsError("E_INVALIDARG", "this snapshot belongs to another emulator");
    this.store.replace(contents.directory);
    this.#clock.restoreTime(contents.now);
    this.env.random.setState(contents.random);
    this.scenario.restore(contents.scenario);
    this.#faults.restore(contents.faults);
    this.emit({ type: "emulator.restored" });
  }

  /** Back to the state at creation, with an empty event log (sequence numbers start again). */
  reset(): void {
    this.restore(this.#initial);
    this.#events.resetHistory();
  }

  /** Everything as a fixture: loading it continues exactly from here (same ids, draws, steps, rules). */
  toFixture(): Fixture {
    const timeline = this.scenario.timeline();
    const faults = this.faults.list();
    const labels = [...this.scenario.labels()].map(([label, handle]) => labelOf(label, handle));
    return {
      version: 1,
      now: formatInstant(this.clock.now()),
      ...directoryToFixture(this.store.state),
      randomState: [...this.env.random.getState()],
      ...(timeline.length > 0 ? { timeline } : {}),
      ...(faults.length > 0 ? { faults } : {}),
      ...(this.#faults.nextId() > 1 ? { nextFaultId: this.#faults.nextId() } : {}),
      ...(labels.length > 0 ? { labels } : {}),
    };
  }

  #loadLabel(label: FixtureLabel, path: string): void {
    const { label: name, ...handle } = label;
    if (this.scenario.labels().has(name)) {
      throw new FixtureError([{ path: `${path}.label`, reason: `duplicate label ${JSON.stringify(name)}` }]);
    }
    this.scenario.label(name, Object.freeze(handle) as SessionHandle | FileHandle);
  }
}

function labelOf(label: string, handle: SessionHandle | FileHandle): FixtureLabel {
  return { label, ...handle };
}
