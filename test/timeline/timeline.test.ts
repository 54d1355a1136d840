import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEmulator, type Scenario } from "../../src/index.js";
import { escapeXml, renderTimelineSvg } from "../../src/timeline/renderSvg.js";
import { buildTimeline } from "../../src/timeline/timelineModel.js";

const SCENARIO = JSON.parse(readFileSync("docs/examples/morning.scenario.json", "utf8")) as Scenario;

/** Plays the example scenario; returns the emulator and where it started. */
function played() {
  const emu = createEmulator();
  const start = emu.clock.now();
  const atStart = emu.inject.sessions("FS01");
  emu.play(SCENARIO);
  emu.clock.runAll();
  return { emu, start, atStart };
}

const count = (svg: string, pattern: RegExp) => (svg.match(pattern) ?? []).length;

/** rsvg-convert is installed by .ci/run (Debian librsvg2-bin); locally without it, the render check is skipped. */
const rsvg = spawnSync("rsvg-convert", ["--version"]).status === 0;
const requireRsvg = rsvg || process.env.CI !== undefined;

describe("timeline model", () => {
  it("one lane per session, with its connect, activity, files and end", () => {
    const { emu, start, atStart } = played();
    const timeline = buildTimeline(emu.events, {
      from: start,
      to: emu.clock.now(),
      sessionsAtStart: atStart,
    });
    expect(timeline.lanes.map((l) => l.session)).toEqual([
      "alice\\10.0.0.5",
      "bob\\10.0.0.7",
      "carol\\WS-CAROL",
      "administrator\\10.0.0.2",
      "bob\\10.0.0.21",
      "carol\\WS-CAROL2",
      "alice\\10.0.0.33",
    ]);
    const bob = timeline.lanes[4]!;
    expect(bob.startSeen).toBe(true);
    expect(bob.activity.length).toBeGreaterThanOrEqual(6);
    expect(bob.files).toEqual([
      expect.objectContaining({ path: "C:\\Shares\\Public\\budget.xlsx", closeReason: "client" }),
    ]);
    expect(bob.endReason).toBe("autoDisconnect");
    expect(timeline.lanes[0]!.startSeen).toBe(false);
    expect(timeline.lanes[0]!.endReason).toBe("serviceCrashed");
    expect(timeline.marks.map((m) => m.label)).toEqual(["LanmanServer crashed", "LanmanServer running"]);
  });

  it("the same events give the same SVG bytes (pure function)", () => {
    const a = played();
    const b = played();
    expect(renderTimelineSvg(a.emu.events)).toBe(renderTimelineSvg(b.emu.events));
  });

  it("lanes and marks match the log for random client stories (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ start: fc.nat(1800), leaves: fc.boolean(), works: fc.nat(4) }), {
          maxLength: 6,
        }),
        (stories) => {
          const emu = createEmulator({ fixture: undefined });
          const start = emu.clock.now();
          emu.play(
            stories.flatMap((story, i) => [
              {
                at: `+${story.start}s`,
                action: "openSession" as const,
                server: "LAB01",
                user: "labadmin",
                client: `10.9.0.${i + 1}`,
                as: `s${i}`,
              },
              ...Array.from({ length: story.works }, (_, k) => ({
                at: `+${story.start + 60 * (k + 1)}s`,
                action: "activity" as const,
                session: `s${i}`,
              })),
              ...(story.leaves
                ? [{ at: `+${story.start + 600}s`, action: "closeSession" as const, session: `s${i}` }]
                : []),
            ]),
          );
          emu.clock.tick("3h");
          const svg = renderTimelineSvg(emu.events.query({ server: "LAB01" } as never), {
            from: start,
            to: emu.clock.now(),
          });
          expect(count(svg, /<g class="lane"/g)).toBe(stories.length);
          expect(count(svg, /class="mark connect"/g)).toBe(stories.length + 1); // + the legend's
          expect(count(svg, /class="mark activity"/g)).toBe(stories.reduce((n, s) => n + s.works, 0) + 1);
          expect(count(svg, /data-reason="client"/g)).toBe(stories.filter((s) => s.leaves).length);
          expect(count(svg, /data-reason="autoDisconnect"/g)).toBe(stories.filter((s) => !s.leaves).length);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("escapes whatever text it draws", () => {
    expect(escapeXml(`<a href="x">&'\u0001`)).toBe("&#60;a href=&#34;x&#34;&#62;&#38;&#39;");
    const emu = createEmulator();
    emu.inject.openSession({ server: "FS01", user: "alice", client: "<script>&\"'", guest: true });
    const svg = renderTimelineSvg(emu.events, { title: "</svg><x>" });
    expect(svg).not.toContain("<script>");
    expect(svg).not.toContain("</svg><x>");
  });
});

describe("timeline rendering", () => {
  it.runIf(requireRsvg)(
    "renders with rsvg-convert to a PNG of the SVG's size, hostile names included",
    () => {
      const { emu, start, atStart } = played();
      emu.inject.openSession({ server: "LAB01", user: "x", client: `<&"'>`, guest: true });
      const svg = renderTimelineSvg(emu.events, {
        from: start,
        to: emu.clock.now(),
        sessionsAtStart: atStart,
        width: 800,
      });
      const dir = mkdtempSync(join(tmpdir(), "adsi-svg-"));
      writeFileSync(join(dir, "t.svg"), svg);
      execFileSync("rsvg-convert", ["-o", join(dir, "t.png"), join(dir, "t.svg")]);
      const png = readFileSync(join(dir, "t.png"));
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(800);
      expect(png.readUInt32BE(20)).toBe(Number(/height="(\d+)"/.exec(svg)?.[1]));
      expect(count(svg, /<g class="lane"/g)).toBe(8);
    },
  );
});
