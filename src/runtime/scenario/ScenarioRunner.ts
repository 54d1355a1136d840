/**
 * Plays scenarios (docs/scenarios.md): validates a timeline, schedules its steps on the virtual clock,
 * and runs each when the clock reaches it, through the event injector (so every step is checked like
 * the real call and passes the fault rules). A step that fails unexpectedly is reported by the clock
 * call that ran it, after the clock reached its target; its `scenario.step` event says what happened.
 */
import { AdsError } from "../../errors/AdsError.js";
import { FixtureError, type FixtureIssue } from "../../errors/FixtureError.js";
import { scenarioShape } from "../../fixture/scenarioShape.js";
import type { FaultRuleSpec, Scenario, ScenarioStep } from "../../fixture/scenarioTypes.js";
import { checkShape } from "../../fixture/validateFixture.js";
import { formatDuration, parseDuration } from "../../time/duration.js";
import { formatInstant, parseScenarioTime } from "../../time/timeInput.js";
import type { UnstampedEvent } from "../events.js";
import type { FileHandle, SessionHandle } from "../inject/handles.js";
import type { Injector } from "../inject/Injector.js";
import type { Happening } from "../VirtualClock.js";
import {
  emptyScenarioState,
  type LabelTarget,
  type QueuedStep,
  type ScenarioState,
  schedule,
  withLabel,
} from "./ScenarioQueue.js";

/** What the runner needs from the emulator. */
export interface ScenarioHost {
  readonly injector: Injector;
  /** Adds a fault rule in the JSON format, relative times from `base` (a step's `addFault`). */
  addFault(spec: FaultRuleSpec, base: number): void;
  /** Removes every fault rule (a step's `clearFaults`). */
  clearFaults(): void;
  now(): number;
  emit(event: UnstampedEvent): void;
}

/** Validation issues at JSON paths: a FixtureError for fixtures (`$...`), else E_INVALIDARG. */
function reject(issues: readonly FixtureIssue[]): never {
  if (issues[0]?.path.startsWith("$")) throw new FixtureError(issues);
  throw new AdsError(
    "E_INVALIDARG",
    `invalid scenario: ${issues.map((i) => `${i.path}: ${i.reason}`).join("; ")}`,
  );
}

/** Normalizes one validated step against `base`; returns issues instead of throwing. */
function queued(step: ScenarioStep, base: number, path: string, scenario: string | undefined) {
  const issues: FixtureIssue[] = [];
  const at = parseScenarioTime(step.at, base);
  const until = step.until === undefined ? undefined : parseScenarioTime(step.until, base);
  const every = step.every === undefined ? undefined : parseDuration(step.every);
  if (every !== undefined && every <= 0)
    issues.push({ path: `${path}.every`, reason: "must be longer than 0" });
  if (every !== undefined && until === undefined && step.times === undefined) {
    issues.push({ path: `${path}.every`, reason: "a repeating step needs `until` or `times`" });
  }
  if (every === undefined && (until !== undefined || step.times !== undefined)) {
    issues.push({
      path: `${path}.${until !== undefined ? "until" : "times"}`,
      reason: "only a repeating step (with `every`) takes it",
    });
  }
  if (until !== undefined && until < at) issues.push({ path: `${path}.until`, reason: "lies before `at`" });
  const entry: QueuedStep = { step, every, until, remaining: step.times, scenario };
  return { at, entry, issues };
}

/** How a step's run compares with its `expectError`. */
function classify(error: unknown, expectError: string | undefined) {
  const code = error instanceof AdsError ? error.code : undefined;
  if (error === undefined) {
    return expectError === undefined
      ? { outcome: "ok" as const, code, message: undefined }
      : { outcome: "failed" as const, code, message: `expected ${expectError}, but the step succeeded` };
  }
  const message = error instanceof Error ? error.message : String(error);
  const outcome =
    expectError !== undefined && code === expectError ? ("expectedError" as const) : ("failed" as const);
  return { outcome, code, message };
}

/** The play/run half of the scenario engine; see the module comment. */
export class ScenarioRunner {
  #state: ScenarioState = emptyScenarioState();
  readonly #host: ScenarioHost;

  /** A runner acting through `host`. */
  constructor(host: ScenarioHost) {
    this.#host = host;
  }

  /**
   * Validates `input` (a scenario object or a bare timeline) and schedules its steps, relative times
   * counting from `base`. All or nothing: a bad step schedules none. Returns the number scheduled.
   */
  play(input: Scenario | readonly ScenarioStep[], base: number, root = "scenario"): number {
    const scenario = Array.isArray(input) ? { timeline: input } : input;
    const timelinePath = Array.isArray(input) ? root : `${root}.timeline`;
    const checked = checkShape<Scenario>(scenarioShape, scenario, Array.isArray(input) ? "scenario" : root);
    if (checked.value === undefined) {
      reject(
        checked.issues.map((issue) => ({
          ...issue,
          path: issue.path.replace(/^scenario\.timeline/, timelinePath),
        })),
      );
    }
    const entries = checked.value.timeline.map((step, i) =>
      queued(step, base, `${timelinePath}[${i}]`, checked.value?.name),
    );
    const issues = entries.flatMap((e) => e.issues);
    if (issues.length > 0) reject(issues);
    let state = this.#state;
    for (const { at, entry } of entries) state = schedule(state, at, entry);
    this.#state = state;
    return entries.length;
  }

  /** Time of the next step, or undefined. */
  nextTime(): number | undefined {
    return this.#state.queue.first()?.time;
  }

  /** Runs the next step (its time has come); returns the error to report when it failed unexpectedly. */
  runNext(): unknown {
    const next = this.#state.queue.first();
    if (!next) return undefined;
    this.#state = { ...this.#state, queue: this.#state.queue.delete(next.time, next.id) };
    this.#repeat(next.time, next.value);
    return this.#run(next.value, next.time);
  }

  /** The next `limit` steps as clock happenings. */
  pending(limit: number): Happening[] {
    const out: Happening[] = [];
    for (const entry of this.#state.queue) {
      if (out.length >= limit) break;
      out.push({
        at: entry.time,
        time: formatInstant(entry.time),
        kind: "step",
        description: entry.value.step.action,
      });
    }
    return out;
  }

  /** The queue and labels (O(1), for snapshots). */
  capture(): ScenarioState {
    return this.#state;
  }

  /** Brings back captured queue and labels. */
  restore(state: ScenarioState): void {
    this.#state = state;
  }

  /** Names `target` with `label` (fixture labels at load). */
  label(name: string, target: LabelTarget): void {
    this.#state = withLabel(this.#state, name, target);
  }

  /** Every label and what it names. */
  labels(): ReadonlyMap<string, LabelTarget> {
    return this.#state.labels;
  }

  /** The scheduled steps as a timeline with absolute times, in run order (toFixture). */
  timeline(): ScenarioStep[] {
    return [...this.#state.queue].map(({ time, value }) => {
      const { step, every, until, remaining } = value;
      const repeat =
        every === undefined
          ? {}
          : {
              every: formatDuration(every),
              ...(until === undefined ? {} : { until: formatInstant(until) }),
              ...(remaining === undefined ? {} : { times: remaining }),
            };
      const { every: _e, until: _u, times: _t, ...rest } = step;
      return { ...rest, at: formatInstant(time), ...repeat } as ScenarioStep;
    });
  }

  /** Schedules the next repetition of a step that ran at `at`. */
  #repeat(at: number, entry: QueuedStep): void {
    if (entry.every === undefined) return;
    const next = at + entry.every;
    if (entry.until !== undefined && next > entry.until) return;
    if (entry.remaining !== undefined && entry.remaining <= 1) return;
    const remaining = entry.remaining === undefined ? undefined : entry.remaining - 1;
    this.#state = schedule(this.#state, next, { ...entry, remaining });
  }

  #run(entry: QueuedStep, at: number): unknown {
    const { step } = entry;
    let error: unknown;
    try {
      this.#perform(step, at);
    } catch (caught) {
      error = caught;
    }
    const { outcome, code, message } = classify(error, step.expectError);
    this.#host.emit({
      type: "scenario.step",
      action: step.action,
      scenario: entry.scenario,
      note: step.note,
      outcome,
      error: code,
      message,
    });
    if (outcome !== "failed") return undefined;
    const where = `scenario step ${step.action} at ${formatInstant(at)}`;
    if (error === undefined) return new AdsError("E_FAIL", `${where}: ${message}`);
    if (error instanceof AdsError)
      return new AdsError(error.code, `${where}: ${error.detail ?? error.message}`);
    return error;
  }

  #perform(step: ScenarioStep, at: number): void {
    const inject = this.#host.injector;
    switch (step.action) {
      case "openSession": {
        const { server, service, user, password, client, shares, guest, clientType, transport } = step;
        const handle = inject.openSession({
          server,
          service,
          user,
          password,
          client,
          shares,
          guest,
          clientType,
          transport,
        });
        if (step.as !== undefined) this.label(step.as, handle);
        break;
      }
      case "activity":
        inject.activity(this.#session(step.session));
        break;
      case "closeSession":
        inject.closeSession(this.#session(step.session));
        break;
      case "openFile": {
        const handle = inject.openFile(this.#session(step.session), step.path, {
          ...(step.permissions === undefined ? {} : { permissions: step.permissions }),
          ...(step.locks === undefined ? {} : { locks: step.locks }),
        });
        if (step.as !== undefined) this.label(step.as, handle);
        break;
      }
      case "closeFile":
        inject.closeFile(this.#file(step.file));
        break;
      case "lock":
        inject.lock(this.#file(step.file), step.count ?? 1);
        break;
      case "unlock":
        inject.unlock(this.#file(step.file), step.count ?? 1);
        break;
      case "startService":
        inject.startService(step.server, step.service);
        break;
      case "stopService":
        inject.stopService(step.server, step.service);
        break;
      case "pauseService":
        inject.pauseService(step.server, step.service);
        break;
      case "continueService":
        inject.continueService(step.server, step.service);
        break;
      case "crashService":
        inject.crashService(step.server, step.service);
        break;
      case "setAutoDisconnect":
        inject.setAutoDisconnect(step.server, {
          ...(step.service === undefined ? {} : { service: step.service }),
          ...(step.minutes === undefined ? {} : { minutes: step.minutes }),
          ...(step.exemptOpenFiles === undefined ? {} : { exemptOpenFiles: step.exemptOpenFiles }),
        });
        break;
      case "addFault":
        this.#host.addFault(step.fault, at);
        break;
      case "clearFaults":
        this.#host.clearFaults();
        break;
    }
  }

  #session(label: string): SessionHandle {
    const target = this.#state.labels.get(label);
    if (target?.kind !== "session")
      throw new AdsError("E_INVALIDARG", `no session is labelled ${JSON.stringify(label)}`);
    return target;
  }

  #file(label: string): FileHandle {
    const target = this.#state.labels.get(label);
    if (target?.kind !== "file")
      throw new AdsError("E_INVALIDARG", `no open file is labelled ${JSON.stringify(label)}`);
    return target;
  }
}
