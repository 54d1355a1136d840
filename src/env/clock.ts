/**
 * The emulator's clock. Time is epoch milliseconds, read only through this interface, never from the
 * host. This clock is fixed at the fixture's `now`; a moving virtual clock implements the same
 * interface later.
 */
export interface Clock {
  /** Current time in epoch milliseconds. */
  now(): number;
}

/** A clock that always reads the same instant. */
export class FixedClock implements Clock {
  readonly #now: number;

  /** Creates a clock fixed at `now` (epoch ms). */
  constructor(now: number) {
    if (!Number.isFinite(now)) throw new RangeError(`clock time must be finite, got ${String(now)}`);
    this.#now = now;
  }

  /** The fixed instant. */
  now(): number {
    return this.#now;
  }
}
