/**
 * `emu.faults`: rules that make operations fail or slow down the way a flaky server does (docs/faults.md).
 * A rule matches an operation (and optionally a path pattern, a count, a virtual time window, a seeded
 * probability) and answers with a real HRESULT, a failure part-way through an enumeration, or virtual
 * latency. Rules are immutable records; counters advance by replacing a rule, so a snapshot keeps the
 * rule list by reference. A fault fires before the operation touches any state: it never corrupts it.
 */

import type { SeededRandom } from "../../env/seededRandom.js";
import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";
import { FixtureError } from "../../errors/FixtureError.js";
import type { HResultSymbol } from "../../errors/hresults.js";
import { faultRuleShape } from "../../fixture/faultShape.js";
import type { FaultRuleSpec } from "../../fixture/scenarioTypes.js";
import { checkShape } from "../../fixture/validateFixture.js";
import { type Duration, formatDuration, parseDuration } from "../../time/duration.js";
import { formatInstant, parseInstant, parseScenarioTime, type TimeInput } from "../../time/timeInput.js";
import type { UnstampedEvent } from "../events.js";
import {
  compileOperationPattern,
  compilePattern,
  type FaultOperation,
  onlyEnumerations,
} from "./operations.js";

/** A fault rule as callers give it: the JSON format, with times and durations also as numbers or Dates. */
export type FaultRuleInput = Omit<
  FaultRuleSpec,
  "operation" | "from" | "to" | "until" | "latency" | "matched" | "fired" | "id"
> & {
  /** Operation pattern, or several (any may match). */
  readonly operation: string | readonly string[];
  readonly from?: TimeInput;
  readonly to?: TimeInput;
  readonly until?: TimeInput;
  readonly latency?: Duration;
};

/** A rule as `emu.faults.list()` shows it and `toFixture` exports it: absolute times, counters. */
export type FaultRule = FaultRuleSpec & {
  readonly id: number;
  readonly matched: number;
  readonly fired: number;
};

/** A compiled rule. */
export interface FaultRuleState {
  readonly rule: FaultRule;
  readonly operation: RegExp;
  readonly path: RegExp | undefined;
  readonly from: number | undefined;
  readonly to: number | undefined;
  readonly until: number | undefined;
  readonly latency: number;
}

/** What the rules answered for one operation. */
export interface FaultOutcome {
  /** Milliseconds the clock must advance before the operation. */
  readonly latency: number;
  /** The error to raise, if any. */
  readonly error: HResultSymbol | undefined;
  /** For enumerations: items to yield before raising `error`. */
  readonly afterItems: number | undefined;
  /** The rule that chose the error. */
  readonly ruleId: number | undefined;
}

/** What the rules need from the emulator. */
export interface FaultHost {
  /** The virtual time. */
  now(): number;
  /** The seeded generator (probabilities). */
  readonly random: SeededRandom;
  /** Records an event. */
  emit(event: UnstampedEvent): void;
}

/** What only the emulator may do with its fault rules. */
export interface FaultRulesControl {
  /** Evaluates the rules for one call (see `FaultRules`); undefined when none fired. */
  evaluate(operation: FaultOperation, path: string): FaultOutcome | undefined;
  /** Whether any rule is kept (expired ones included): when none is, `evaluate` returns undefined. */
  armed(): boolean;
  /** Adds a rule in the JSON format (a scenario's `addFault`), relative times counting from `base`. */
  addSpec(spec: FaultRuleSpec, base: number): FaultRule;
  /** The rules part of a snapshot (O(1)). */
  capture(): FaultRulesState;
  /** Brings back a captured state. */
  restore(state: FaultRulesState): void;
  /** Loads a fixture's rules (relative times from `base`; ids continue at `nextId` when given). */
  load(specs: readonly FaultRuleSpec[], base: number, nextId?: number): void;
  /** Id the next rule gets. */
  nextId(): number;
}

/** The rules part of a snapshot. */
export interface FaultRulesState {
  readonly rules: readonly FaultRuleState[];
  readonly nextId: number;
}

function toTimeText(value: TimeInput | undefined): string | undefined {
  if (value === undefined || typeof value === "string") return value;
  return formatInstant(parseInstant(value));
}

/** Turns caller input into the JSON form the shape validates (numbers and Dates become text). */
function toSpec(input: FaultRuleInput): unknown {
  if (typeof input !== "object" || input === null) return input;
  const spec: Record<string, unknown> = { ...input };
  if (Array.isArray(input.operation)) spec.operation = input.operation.join("|");
  for (const key of ["from", "to", "until"] as const) {
    if (input[key] !== undefined) spec[key] = toTimeText(input[key]);
  }
  if (typeof input.latency === "number") spec.latency = formatDuration(parseDuration(input.latency));
  return spec;
}

/** Rejects a rule: a FixtureError when it comes from a fixture (root `$...`), else E_INVALIDARG. */
function invalid(issues: readonly { path: string; reason: string }[]): never {
  if (issues[0]?.path.startsWith("$")) throw new FixtureError(issues);
  throw new AdsError(
    "E_INVALIDARG",
    `invalid fault rule: ${issues.map((i) => `${i.path}: ${i.reason}`).join("; ")}`,
  );
}

/**
 * Validates and compiles one rule. Relative times (`+5m`, `09:30`) count from `base`. Throws
 * E_INVALIDARG naming the bad field. `id` and the counters come from the spec when present.
 */
export function compileRule(spec: unknown, base: number, id: number, root = "rule"): FaultRuleState {
  const checked = checkShape<FaultRuleSpec>(faultRuleShape, spec, root);
  if (checked.value === undefined) invalid(checked.issues);
  const value = checked.value;
  const fail = (field: string, reason: string): never => invalid([{ path: `${root}.${field}`, reason }]);
  if (value.error === undefined && value.latency === undefined)
    fail("error", "a rule needs an error, a latency, or both");
  const selectors = (["first", "every", "after"] as const).filter((key) => value[key] !== undefined);
  if (selectors.length > 1) fail(selectors[1] as string, "first, every and after exclude each other");
  let operation: RegExp;
  try {
    operation = compileOperationPattern(value.operation);
  } catch (error) {
    return fail("operation", error instanceof Error ? error.message : String(error));
  }
  if (value.afterItems !== undefined) {
    if (value.error === undefined) fail("afterItems", "afterItems needs an error");
    if (!onlyEnumerations(operation))
      fail("afterItems", 'afterItems applies only to "enumerate.*" operations');
  }
  const at = (text: string | undefined) => (text === undefined ? undefined : parseScenarioTime(text, base));
  const [from, to, until] = [at(value.from), at(value.to), at(value.until)];
  if (from !== undefined && to !== undefined && to <= from) fail("to", "must be after from");
  const rule: FaultRule = Object.freeze({
    ...value,
    ...(from === undefined ? {} : { from: formatInstant(from) }),
    ...(to === undefined ? {} : { to: formatInstant(to) }),
    ...(until === undefined ? {} : { until: formatInstant(until) }),
    id: value.id ?? id,
    matched: value.matched ?? 0,
    fired: value.fired ?? 0,
  });
  return Object.freeze({
    rule,
    operation,
    path: value.path === undefined ? undefined : compilePattern(value.path, true),
    from,
    to,
    until,
    latency: value.latency === undefined ? 0 : parseDuration(value.latency),
  });
}

function selected(rule: FaultRule, matched: number): boolean {
  if (rule.first !== undefined) return matched <= rule.first;
  if (rule.every !== undefined) return matched % rule.every === 0;
  if (rule.after !== undefined) return matched > rule.after;
  return true;
}

const expired = (state: FaultRuleState, now: number): boolean =>
  (state.until !== undefined && now >= state.until) ||
  (state.rule.times !== undefined && state.rule.fired >= state.rule.times);

function withCounters(state: FaultRuleState, matched: number, fired: number): FaultRuleState {
  return Object.freeze({ ...state, rule: Object.freeze({ ...state.rule, matched, fired }) });
}

/** `emu.faults`; see the module comment. */
export class FaultRules {
  #rules: readonly FaultRuleState[] = [];
  #nextId = 1;
  readonly #host: FaultHost;

  /**
   * Rules evaluated against `host`'s clock and generator. Evaluating, loading and snapshotting are the
   * emulator's, handed to `grant`; use `emu.faults`.
   * @internal
   */
  constructor(host: FaultHost, grant: (control: FaultRulesControl) => void) {
    this.#host = host;
    grant({
      evaluate: (operation, path) => this.#evaluate(operation, path),
      armed: () => this.#rules.length > 0,
      addSpec: (spec, base) => this.#insert(compileRule(spec, base, this.#nextId)),
      capture: () => ({ rules: this.#rules, nextId: this.#nextId }),
      restore: (state) => {
        this.#rules = state.rules;
        this.#nextId = state.nextId;
      },
      load: (specs, base, nextId) => this.#load(specs, base, nextId),
      nextId: () => this.#nextId,
    });
  }

  /**
   * Adds a rule and returns it as listed. Relative times count from now. Invalid input is E_INVALIDARG
   * naming the field, and adds nothing.
   */
  add(input: FaultRuleInput): FaultRule {
    return this.#insert(compileRule(toSpec(input), this.#host.now(), this.#nextId));
  }

  #insert(state: FaultRuleState): FaultRule {
    if (this.#rules.some((r) => r.rule.id === state.rule.id)) {
      throw new AdsError("E_INVALIDARG", `a fault rule with id ${state.rule.id} exists`);
    }
    this.#rules = [...this.#rules, state];
    this.#nextId = Math.max(this.#nextId, state.rule.id + 1);
    return state.rule;
  }

  /** The rules in force, oldest first (expired rules are gone). */
  list(): FaultRule[] {
    const now = this.#host.now();
    return this.#rules.filter((r) => !expired(r, now)).map((r) => r.rule);
  }

  /** Removes the rule with this id or label; returns whether one was removed. */
  remove(idOrLabel: number | string): boolean {
    if (typeof idOrLabel !== "number" && typeof idOrLabel !== "string") {
      throw new AdsError(
        "E_INVALIDARG",
        `a fault rule is removed by id or label, got ${describeValue(idOrLabel)}`,
      );
    }
    const kept = this.#rules.filter((r) => r.rule.id !== idOrLabel && r.rule.label !== idOrLabel);
    const removed = kept.length !== this.#rules.length;
    this.#rules = kept;
    return removed;
  }

  /** Removes every rule. */
  clear(): void {
    this.#rules = [];
  }

  /**
   * Evaluates the rules for one call of `operation` on `path`: counts the match on every rule that
   * matches, fires the selected ones (an event each), and answers with their combined latency and the
   * first error. O(rules); O(1) when there are none.
   */
  #evaluate(operation: FaultOperation, path: string): FaultOutcome | undefined {
    if (this.#rules.length === 0) return undefined;
    const now = this.#host.now();
    let latency = 0;
    let error: HResultSymbol | undefined;
    let afterItems: number | undefined;
    let ruleId: number | undefined;
    let changed = false;
    const next: FaultRuleState[] = [];
    const fired: FaultRuleState[] = [];
    for (const state of this.#rules) {
      if (expired(state, now)) {
        changed = true;
        continue;
      }
      const inWindow =
        (state.from === undefined || now >= state.from) && (state.to === undefined || now < state.to);
      if (!state.operation.test(operation) || (state.path && !state.path.test(path)) || !inWindow) {
        next.push(state);
        continue;
      }
      changed = true;
      const matched = state.rule.matched + 1;
      const fires =
        selected(state.rule, matched) &&
        (state.rule.probability === undefined || this.#host.random.nextFloat() < state.rule.probability);
      const updated = withCounters(state, matched, state.rule.fired + (fires ? 1 : 0));
      if (fires) {
        fired.push(updated);
        latency += updated.latency;
        if (error === undefined && updated.rule.error !== undefined) {
          error = updated.rule.error;
          afterItems = updated.rule.afterItems;
          ruleId = updated.rule.id;
        }
      }
      if (!expired(updated, now)) next.push(updated);
    }
    if (changed) this.#rules = next;
    for (const state of fired) {
      this.#host.emit({
        type: "fault.fired",
        ruleId: state.rule.id,
        label: state.rule.label,
        operation,
        path,
        error: state.rule.error,
        afterItems: state.rule.afterItems,
        latency: state.latency,
      });
    }
    return fired.length === 0 ? undefined : { latency, error, afterItems, ruleId };
  }

  /**
   * Loads the rules of a fixture (relative times count from `base`; ids continue at `nextId` when given);
   * a bad rule names its JSON path.
   */
  #load(specs: readonly FaultRuleSpec[], base: number, nextId?: number): void {
    const rules: FaultRuleState[] = [];
    let next = 1;
    specs.forEach((spec, i) => {
      const root = `$.faults[${i}]`;
      const state = compileRule(spec, base, next, root);
      if (rules.some((r) => r.rule.id === state.rule.id)) {
        throw new FixtureError([{ path: `${root}.id`, reason: `duplicate fault rule id ${state.rule.id}` }]);
      }
      rules.push(state);
      next = Math.max(next, state.rule.id + 1);
    });
    this.#rules = rules;
    this.#nextId = Math.max(next, nextId ?? 1);
  }
}
