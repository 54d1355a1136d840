import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { formatDuration, MAX_DURATION_MS, parseDuration } from "../../src/time/duration.js";
import { parseInstant, parseScenarioTime } from "../../src/time/timeInput.js";
import { expectAdsError } from "../adsi/helpers.js";

describe("parseDuration", () => {
  it.each([
    [0, 0],
    [1500, 1500],
    ["90s", 90_000],
    ["15m", 900_000],
    ["1h30m", 5_400_000],
    ["250ms", 250],
    ["1m500ms", 60_500],
    ["2d", 172_800_000],
    ["1d2h3m4s5ms", 93_784_005],
    ["0s", 0],
  ])("%j is %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    "",
    "15",
    "m",
    "1m1h",
    "1.5s",
    "-5s",
    " 5s",
    "5 s",
    "5S",
    "1h1h",
    "5sec",
    "1y",
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    MAX_DURATION_MS + 1,
    null,
    {},
  ])("rejects %j with E_INVALIDARG", (value) => {
    expectAdsError(() => parseDuration(value as never), "E_INVALIDARG");
  });

  test.prop([fc.integer({ min: 0, max: MAX_DURATION_MS })])("formatDuration round-trips", (ms) => {
    expect(parseDuration(formatDuration(ms))).toBe(ms);
  });
});

describe("instants", () => {
  const base = Date.parse("2026-01-05T09:00:00Z");

  it("reads epoch ms, Dates and fixture timestamps", () => {
    expect(parseInstant(base)).toBe(base);
    expect(parseInstant(new Date(base))).toBe(base);
    expect(parseInstant("2026-01-05T09:00:00.250Z")).toBe(base + 250);
  });

  it("reads scenario times relative to a base", () => {
    expect(parseScenarioTime("+5m", base)).toBe(base + 300_000);
    expect(parseScenarioTime("09:30", base)).toBe(Date.parse("2026-01-05T09:30:00Z"));
    expect(parseScenarioTime("08:15:30", base)).toBe(Date.parse("2026-01-05T08:15:30Z"));
    expect(parseScenarioTime("2026-01-06T00:00:00Z", base)).toBe(Date.parse("2026-01-06T00:00:00Z"));
  });

  it.each([
    "9:30",
    "24:00",
    "09:60",
    "+",
    "+5",
    "tomorrow",
    "2026-01-05",
    new Date(Number.NaN),
    1.5,
    Number.NaN,
  ])("rejects %j", (value) => {
    expectAdsError(() => parseScenarioTime(value as never, base), "E_INVALIDARG");
  });
});
