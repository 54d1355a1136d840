/**
 * Durations of the virtual clock: milliseconds, or text such as `"90s"`, `"15m"`, `"1h30m"`, `"250ms"`,
 * `"2d"` (units d, h, m, s, ms, each at most once, largest first), as @sinonjs/fake-timers' `tick` takes
 * them. Pure arithmetic; nothing here reads the host clock.
 */
import { AdsError } from "../errors/AdsError.js";
import { describeValue } from "../errors/describeValue.js";

/** A duration: milliseconds (a non-negative integer) or duration text (`"1h30m"`). */
export type Duration = number | string;

/** Milliseconds per unit, largest first (the order units must appear in). */
const UNITS = [
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1_000],
  ["ms", 1],
] as const;

const DURATION_TEXT = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Largest duration accepted: 100 years, far beyond any test, small enough to stay exact. */
export const MAX_DURATION_MS = 100 * 366 * 86_400_000;

/**
 * Parses a duration into milliseconds. Numbers must be non-negative safe integers; text is a
 * sequence of `<digits><unit>` parts in the order d, h, m, s, ms (e.g. `1h30m`, `90s`, `1m500ms`).
 * Anything else throws E_INVALIDARG naming the bad value.
 */
export function parseDuration(value: Duration): number {
  let ms: number | undefined;
  if (typeof value === "number") {
    ms = Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  } else if (typeof value === "string" && value !== "") {
    const match = DURATION_TEXT.exec(value);
    if (match) {
      ms = 0;
      for (let i = 0; i < UNITS.length; i++) {
        const digits = match[i + 1];
        if (digits !== undefined) ms += Number(digits) * (UNITS[i]?.[1] ?? 0);
      }
    }
  }
  if (ms === undefined || ms > MAX_DURATION_MS) {
    throw new AdsError(
      "E_INVALIDARG",
      `${describeValue(value)} is not a duration (milliseconds, or text such as "90s", "15m", "1h30m")`,
    );
  }
  return ms;
}

/** Formats milliseconds as canonical duration text (`5400000` → `"1h30m"`, `0` → `"0s"`). */
export function formatDuration(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`not a duration: ${String(ms)}`);
  if (ms === 0) return "0s";
  let rest = ms;
  let text = "";
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * size;
  }
  return text;
}
