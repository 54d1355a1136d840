/**
 * Moves an emulator's virtual clock along with the host's, for `adsi-emu serve --scenario`: a served
 * scenario plays while real clients watch. This is the one place wire mode reads host time; programs
 * and tests that want determinism drive `emu.clock` themselves instead.
 */
import type { Emulator } from "../emulator.js";

/** Options of {@link followHostClock}. */
export interface HostClockOptions {
  /** Virtual milliseconds per host millisecond (default 1; 60 makes a minute pass each second). */
  readonly speed?: number;
  /** Host milliseconds between ticks (default 250). */
  readonly intervalMs?: number;
  /** Told when a tick throws (a scenario step that failed unexpectedly); the clock keeps going. */
  readonly onError?: (error: unknown) => void;
}

/** Ticks `emu.clock` by the host time elapsed (times `speed`) until the returned stop function is called. */
export function followHostClock(emu: Emulator, options: HostClockOptions = {}): () => void {
  const speed = options.speed ?? 1;
  let last = performance.now(); // host-time: the served clock follows the host's on purpose
  let carry = 0;
  const advance = () => {
    const now = performance.now(); // host-time: elapsed host time since the last tick
    const elapsed = (now - last) * speed + carry;
    last = now;
    const step = Math.floor(elapsed);
    carry = elapsed - step;
    try {
      if (step > 0) emu.clock.tick(step);
    } catch (error) {
      options.onError?.(error);
    }
  };
  const timer = setInterval(advance, options.intervalMs ?? 250); // host-time: the real-time clock driver's period
  return () => clearInterval(timer);
}
