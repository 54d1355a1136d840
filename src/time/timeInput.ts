/**
 * Instants of the virtual clock as callers write them: epoch milliseconds, a `Date`, a fixture timestamp
 * (`2026-01-05T09:30:00Z`), and in scenarios also `+5m` (relative to a base instant) or `09:30` /
 * `09:30:15` (that time of day, UTC, on the base instant's day). Pure arithmetic on given values.
 */
import { AdsError } from "../errors/AdsError.js";
import { describeValue } from "../errors/describeValue.js";
import { formatIsoUtc, MAX_ISO_UTC_MS, MIN_ISO_UTC_MS, parseIsoUtc } from "../fixture/isoTime.js";
import { parseDuration } from "./duration.js";

/** An absolute instant: epoch ms, a Date, or an ISO-8601 UTC timestamp such as `2026-01-05T09:30:00Z`. */
export type TimeInput = number | string | Date;

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;
const DAY_MS = 86_400_000;

function invalid(value: unknown, what: string): never {
  throw new AdsError("E_INVALIDARG", `${describeValue(value)} is not ${what}`);
}

function inRange(ms: number, value: unknown): number {
  if (!Number.isInteger(ms) || ms < MIN_ISO_UTC_MS || ms > MAX_ISO_UTC_MS) {
    invalid(value, "an instant between the years 0000 and 9999 in whole milliseconds");
  }
  return ms;
}

/** Parses an absolute instant into epoch ms; anything else is E_INVALIDARG. */
export function parseInstant(value: TimeInput): number {
  if (typeof value === "number") return inRange(value, value);
  if (value instanceof Date) return inRange(value.getTime(), value);
  if (typeof value === "string") {
    const ms = parseIsoUtc(value);
    if (ms !== undefined) return ms;
  }
  return invalid(value, "an instant (epoch ms, a Date, or ISO-8601 UTC such as 2026-01-05T09:30:00Z)");
}

/**
 * Parses a scenario time against `base` (epoch ms): `+<duration>` is base + duration; `HH:MM[:SS]` is
 * that time of day (UTC) on base's day; otherwise an absolute instant ({@link parseInstant}).
 */
export function parseScenarioTime(value: TimeInput, base: number): number {
  if (typeof value === "string" && value.startsWith("+"))
    return inRange(base + parseDuration(value.slice(1)), value);
  if (typeof value === "string") {
    const match = TIME_OF_DAY.exec(value);
    if (match) {
      const [hours, minutes, seconds] = [match[1], match[2], match[3] ?? "0"].map(Number) as [
        number,
        number,
        number,
      ];
      const day = Math.floor(base / DAY_MS) * DAY_MS;
      return inRange(day + ((hours * 60 + minutes) * 60 + seconds) * 1000, value);
    }
  }
  return parseInstant(value);
}

/** Formats epoch ms as a fixture timestamp (alias of the fixture's canonical format). */
export function formatInstant(ms: number): string {
  return formatIsoUtc(ms);
}
