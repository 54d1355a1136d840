/**
 * `emu.clock`: the emulator's virtual clock, shaped like @sinonjs/fake-timers. It never reads the host's
 * clock or timers, so it works the same under vitest's or jest's fake timers. Time moves only when told;
 * what falls due on the way (auto-disconnects, scenario steps) runs at its exact virtual instant, in
 * time order, also in the middle of one long `tick`.
 */

import type { Clock } from "../env/clock.js";
import { AdsError } from "../errors/AdsError.js";
import { type Duration, parseDuration } from "../time/duration.js";
import { formatInstant, parseInstant, type TimeInput } from "../time/timeInput.js";

/** Something scheduled to happen at a virtual instant. */
export interface Happening {
  /** Epoch ms. */
  readonly at: number;
  /** ISO-8601 UTC of `at`. */
  readonly time: string;
  /** `autoDisconnect` of a session, or a scenario `step`. */
  readonly kind: "autoDisconnect" | "step";
  /** What it acts on: `FS01 alice\10.0.0.5` or the step's action. */
  readonly description: string;
}

/** What the clock runs: the emulator's schedule. */
export interface ClockSchedule {
  /** The time of the earliest scheduled happening, or undefined when nothing is scheduled. */
  nextTime(): number | undefined;
  /** Runs the earliest happening (its time has come); returns an error it raised, to report later. */
  runNext(): unknown;
  /** Scheduled happenings in time order, at most `limit`. */
  pending(limit: number): Happening[];
}

/** What only the emulator may do with its clock. */
export interface ClockControl {
  /** Attaches the schedule the clock runs (once). */
  attach(schedule: ClockSchedule): void;
  /** Advances by `ms` for an injected latency; returns a failed step's error instead of throwing it. */
  advance(ms: number): unknown;
  /** Sets the time directly (restoring a snapshot). */
  restoreTime(now: number): void;
}

/** Largest number of happenings `runAll`/`tick` will run in one call before giving up (a runaway schedule). */
export const RUN_LIMIT = 10_000_000;

/** `emu.clock`; see the module comment. */
export class VirtualClock implements Clock {
  #now: number;
  #schedule: ClockSchedule | undefined;
  readonly #onJump: (from: number, to: number) => void;

  /**
   * A clock at `start` (epoch ms); `onJump` records `setSystemTime` jumps. The emulator's own controls
   * (attaching the schedule, advancing for a latency, restoring a snapshot's time) go to `grant` only:
   * they are no members of the clock. Use `emu.clock`.
   * @internal
   */
  constructor(
    start: number,
    onJump: (from: number, to: number) => void,
    grant: (control: ClockControl) => void,
  ) {
    this.#now = parseInstant(start);
    this.#onJump = onJump;
    grant({
      attach: (schedule) => {
        this.#schedule = schedule;
      },
      advance: (ms) => this.#advance(ms),
      restoreTime: (now) => {
        this.#now = now;
      },
    });
  }

  /** The virtual time, epoch ms. */
  now(): number {
    return this.#now;
  }

  /** The virtual time as a Date (a new object each call). */
  date(): Date {
    return new Date(this.#now);
  }

  /** The virtual time as ISO-8601 UTC. */
  toISOString(): string {
    return formatInstant(this.#now);
  }

  /**
   * Advances by `duration` (ms or text such as `"90s"`, `"15m"`, `"1h30m"`), running everything that
   * falls due on the way at its own instant. Returns the new time. If scenario steps failed, the clock
   * still reaches its target and then throws the first failure.
   */
  tick(duration: Duration): number {
    return this.#runUntil(this.#now + parseDuration(duration));
  }

  /**
   * Advances by `ms` like {@link tick}, but returns a failed step's error instead of throwing it (an
   * injected latency: the operation that waited goes on; the failure is in the event log).
   */
  #advance(ms: number): unknown {
    try {
      this.#runUntil(this.#now + ms);
      return undefined;
    } catch (error) {
      return error;
    }
  }

  /** Advances to `time` (epoch ms, Date or ISO text; not before now), running what falls due. */
  tickTo(time: TimeInput): number {
    const target = parseInstant(time);
    if (target < this.#now) {
      throw new AdsError(
        "E_INVALIDARG",
        `tickTo(${formatInstant(target)}) lies before now (${this.toISOString()})`,
      );
    }
    return this.#runUntil(target);
  }

  /**
   * Advances to the next scheduled happening and runs it (and anything else due at that same instant).
   * Returns the new time; with nothing scheduled, time stays.
   */
  next(): number {
    const at = this.#schedule?.nextTime();
    return at === undefined ? this.#now : this.#runUntil(Math.max(at, this.#now));
  }

  /** Runs every scheduled happening, advancing the clock to the last one. Returns the new time. */
  runAll(): number {
    let failure: unknown;
    for (let runs = 0; ; runs++) {
      const at = this.#schedule?.nextTime();
      if (at === undefined) break;
      if (runs >= RUN_LIMIT) throw new AdsError("E_FAIL", `runAll stopped after ${RUN_LIMIT} happenings`);
      if (at > this.#now) this.#now = at;
      const failed = this.#schedule?.runNext();
      failure ??= failed;
    }
    if (failure !== undefined) throw failure;
    return this.#now;
  }

  /**
   * Moves the clock to `time` without running what falls due in between (it runs at the next tick, late).
   * The virtual clock never runs backwards: an earlier time is E_INVALIDARG (use `emu.restore`).
   */
  setSystemTime(time: TimeInput): void {
    const target = parseInstant(time);
    if (target < this.#now) {
      throw new AdsError(
        "E_INVALIDARG",
        `the virtual clock never runs backwards (${formatInstant(target)} < ${this.toISOString()}); use emu.restore`,
      );
    }
    const from = this.#now;
    this.#now = target;
    if (target !== from) this.#onJump(from, target);
  }

  /** Scheduled happenings in time order (at most `limit`, default 1000). */
  pending(limit = 1000): Happening[] {
    if (!Number.isSafeInteger(limit) || limit < 0) {
      throw new AdsError("E_INVALIDARG", "pending(limit) takes a non-negative integer");
    }
    return this.#schedule?.pending(limit) ?? [];
  }

  #runUntil(target: number): number {
    let failure: unknown;
    for (let runs = 0; ; runs++) {
      const at = this.#schedule?.nextTime();
      if (at === undefined || at > target) break;
      if (runs >= RUN_LIMIT) throw new AdsError("E_FAIL", `the clock stopped after ${RUN_LIMIT} happenings`);
      if (at > this.#now) this.#now = at;
      const failed = this.#schedule?.runNext();
      failure ??= failed;
    }
    if (target > this.#now) this.#now = target;
    if (failure !== undefined) throw failure;
    return this.#now;
  }
}
