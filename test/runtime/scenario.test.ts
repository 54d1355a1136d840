import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEmulator, FixtureError, scenarioJsonSchema } from "../../src/index.js";
import { catchAdsError, expectAdsError } from "../adsi/helpers.js";
import { ADMIN, at, MINUTE, office, officeFixture, sessionNames } from "./helpers.js";

const story = {
  name: "alice's morning",
  timeline: [
    {
      at: "+0s",
      action: "openSession",
      server: "FS01",
      user: "alice",
      client: "10.0.0.5",
      shares: ["Public"],
      as: "alice",
    },
    { at: "+1m", action: "openFile", session: "alice", path: "Public\\report.docx", as: "report" },
    { at: "+1m", action: "lock", file: "report", count: 2 },
    { at: "+2m", action: "activity", session: "alice", every: "2m", until: "09:10" },
    { at: "09:11", action: "closeFile", file: "report" },
    {
      at: "09:30",
      action: "openSession",
      server: "FS01",
      user: "mallory",
      client: "x",
      expectError: "ERROR_LOGON_FAILURE",
    },
  ],
} as const;

describe("scenarios (emu.play and a fixture's timeline)", () => {
  it("schedules steps relative to now, at times of day and absolute times, and runs them in order", () => {
    const emu = office();
    expect(emu.play(story)).toBe(6);
    expect(emu.clock.pending().map((h) => [h.time, h.description])).toEqual([
      ["2026-01-05T09:00:00Z", "openSession"],
      ["2026-01-05T09:01:00Z", "openFile"],
      ["2026-01-05T09:01:00Z", "lock"],
      ["2026-01-05T09:02:00Z", "activity"],
      ["2026-01-05T09:11:00Z", "closeFile"],
      ["2026-01-05T09:30:00Z", "openSession"],
    ]);
    emu.clock.runAll();
    expect(emu.events.query({ type: "session.activity" }).map((e) => e.time.slice(11, 16))).toEqual([
      "09:02",
      "09:04",
      "09:06",
      "09:08",
      "09:10",
    ]);
    const closed = emu.events.query({ type: "session.closed" });
    expect(closed.map((e) => [e.session, e.reason, e.time])).toEqual([
      ["alice\\10.0.0.5", "autoDisconnect", "2026-01-05T09:26:00Z"],
    ]);
    const steps = emu.events.query({ type: "scenario.step" });
    expect(steps.map((e) => e.outcome)).toEqual([
      "ok",
      "ok",
      "ok",
      "ok",
      "ok",
      "ok",
      "ok",
      "ok",
      "ok",
      "expectedError",
    ]);
    expect(steps[0]).toMatchObject({ scenario: "alice's morning", action: "openSession" });
    expect(emu.clock.now()).toBe(at(30 * MINUTE));
  });

  it("a bare timeline works too; `times` bounds a repetition", () => {
    const emu = office();
    emu.play([
      { at: "+0s", action: "openSession", server: "FS01", user: "bob", client: "b", as: "bob" },
      { at: "+1m", action: "activity", session: "bob", every: "10m", times: 3 },
    ]);
    emu.clock.runAll();
    expect(emu.events.query({ type: "session.activity" }).map((e) => e.at)).toEqual([
      at(MINUTE),
      at(11 * MINUTE),
      at(21 * MINUTE),
    ]);
  });

  it("reports a step that fails unexpectedly from the tick that ran it, after reaching the target", () => {
    const emu = office();
    emu.play([
      { at: "+1m", action: "openSession", server: "FS01", user: "alice", client: "a", shares: ["Nope"] },
      { at: "+2m", action: "openSession", server: "FS01", user: "bob", client: "b", as: "b" },
      { at: "+3m", action: "activity", session: "ghost" },
      {
        at: "+4m",
        action: "openSession",
        server: "FS01",
        user: "carol",
        client: "c",
        expectError: "ERROR_LOGON_FAILURE",
      },
    ]);
    const error = catchAdsError(() => emu.clock.tick("5m"));
    expect(error.code).toBe("ERROR_BAD_NET_NAME");
    expect(error.message).toContain("scenario step openSession at 2026-01-05T09:01:00Z");
    expect(emu.clock.now()).toBe(at(5 * MINUTE));
    expect(sessionNames(emu).sort()).toEqual(["bob\\b", "carol\\c"]);
    expect(emu.events.query({ type: "scenario.step" }).map((e) => [e.outcome, e.error])).toEqual([
      ["failed", "ERROR_BAD_NET_NAME"],
      ["ok", undefined],
      ["failed", "E_INVALIDARG"],
      ["failed", undefined],
    ]);
  });

  it("acts on the world through faults and services, and keeps labels across steps", () => {
    const emu = office();
    emu.play({
      timeline: [
        {
          at: "+0s",
          action: "addFault",
          fault: { operation: "inject.openSession", from: "+5m", error: "ERROR_REQ_NOT_ACCEP" },
        },
        {
          at: "+6m",
          action: "openSession",
          server: "FS01",
          user: "bob",
          client: "b",
          expectError: "ERROR_REQ_NOT_ACCEP",
        },
        { at: "+7m", action: "clearFaults" },
        { at: "+8m", action: "pauseService", server: "FS01" },
        {
          at: "+9m",
          action: "openSession",
          server: "FS01",
          user: "bob",
          client: "b",
          expectError: "ERROR_SHARING_PAUSED",
        },
        { at: "+10m", action: "continueService", server: "FS01" },
        { at: "+11m", action: "setAutoDisconnect", server: "FS01", minutes: 1 },
        { at: "+12m", action: "openSession", server: "FS01", user: "bob", client: "b" },
        { at: "+20m", action: "crashService", server: "FS01" },
        { at: "+21m", action: "startService", server: "FS01" },
        { at: "+22m", action: "stopService", server: "FS01" },
      ],
    });
    emu.clock.runAll();
    expect(emu.faults.list()).toEqual([]);
    expect(emu.events.query({ type: "session.closed" }).map((e) => [e.reason, e.at])).toEqual([
      ["autoDisconnect", at(13 * MINUTE)],
    ]);
    expect(emu.events.query({ type: "scenario.step" }).every((e) => e.outcome !== "failed")).toBe(true);
  });

  it("validates a whole scenario first: a bad step schedules nothing and names its path", () => {
    const emu = office();
    const cases: [unknown, string][] = [
      [{ timeline: [{ at: "+1m", action: "dance" }] }, "scenario.timeline[0].action"],
      [{ timeline: [{ at: "soon", action: "clearFaults" }] }, "scenario.timeline[0].at"],
      [
        { timeline: [{ at: "+1m", action: "activity", session: "a", every: "1m" }] },
        "scenario.timeline[0].every",
      ],
      [
        { timeline: [{ at: "+1m", action: "activity", session: "a", until: "+5m" }] },
        "scenario.timeline[0].until",
      ],
      [
        { timeline: [{ at: "+5m", action: "activity", session: "a", every: "1m", until: "+1m" }] },
        "scenario.timeline[0].until",
      ],
      [
        [
          { at: "+1m", action: "clearFaults" },
          { at: "+1m", action: "lock" },
        ],
        "scenario[1].file",
      ],
      [{ timeline: [], extra: 1 }, "scenario.extra"],
    ];
    for (const [input, path] of cases) {
      const error = expectAdsError(() => emu.play(input as never), "E_INVALIDARG");
      expect(error.message).toContain(path);
    }
    expect(emu.clock.pending()).toEqual([]);
  });

  it("a fixture's timeline is scheduled at load; a bad one is a FixtureError at its JSON path", () => {
    const fixture = { ...officeFixture(), timeline: story.timeline };
    const emu = createEmulator({ fixture, caller: ADMIN });
    expect(emu.clock.pending()).toHaveLength(6);
    const bad = {
      ...officeFixture(),
      timeline: [{ at: "+1m", action: "activity", session: "a", every: "1m" }],
    };
    let error: unknown;
    try {
      createEmulator({ fixture: bad as never }); // invalid on purpose
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FixtureError);
    expect((error as FixtureError).path).toBe("$.timeline[0].every");
  });

  it("ships a JSON Schema for scenario files, committed as generated", () => {
    const committed = readFileSync(new URL("../../fixtures/scenario.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  });
});
