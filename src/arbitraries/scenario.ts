/**
 * A fast-check arbitrary for scenarios (docs/scenarios.md) that run cleanly on a given fixture: client
 * stories (connect, work in bursts, open and close files, leave) whose steps all succeed when played
 * from the fixture's `now`, so a property test can assert that the user's code copes with any of them.
 */
import fc from "fast-check";
import type { Fixture, Scenario, ScenarioStep } from "../index.js";
import { clientAddress, fileName } from "./names.js";

/** Options of {@link scenarioArb}. */
export interface ScenarioArbOptions {
  /** Most client stories (sessions); default 4. */
  readonly maxStories?: number;
  /** Most steps after a story's connect; default 6. */
  readonly maxStepsPerStory?: number;
  /**
   * Longest pause between two steps of one story, seconds; default 300. Keep it below the servers'
   * auto-disconnect (15 minutes by default) so that no session is dropped under a story's feet.
   */
  readonly maxGapSeconds?: number;
  /** Latest start of a story after the scenario starts, seconds; default 3600. */
  readonly maxStartSeconds?: number;
}

interface Server {
  readonly name: string;
  readonly shares: readonly string[];
  /** Accounts that may log on there (domain and local), or none: then stories connect as guest. */
  readonly users: readonly string[];
}

/** File servers of a fixture whose LanmanServer runs, with their shares (IPC$ aside) and usable accounts. */
function servers(fixture: Fixture): Server[] {
  const out: Server[] = [];
  for (const domain of fixture.domains) {
    const domainUsers = (domain.users ?? []).map((u) => `${domain.name}\\${u.name}`);
    for (const computer of domain.computers ?? []) {
      const lanman = computer.services?.find(
        (s) => s.name.toUpperCase() === "LANMANSERVER" && s.kind === "fileService",
      );
      if (lanman?.kind !== "fileService" || (lanman.status ?? "running") !== "running") continue;
      const shares = (lanman.shares ?? [])
        .filter((s) => s.path !== "" && (s.maxUserCount ?? -1) === -1)
        .map((s) => s.name);
      if (lanman.maxUserCount !== undefined && lanman.maxUserCount !== -1) continue;
      const local = (computer.users ?? []).map((u) => `${computer.name}\\${u.name}`);
      out.push({ name: computer.name, shares, users: [...domainUsers, ...local] });
    }
  }
  return out;
}

type Work = { kind: "activity" } | { kind: "file"; share: string; name: string; locks: number };

const work = (shares: readonly string[]): fc.Arbitrary<Work> =>
  shares.length === 0
    ? fc.constant({ kind: "activity" })
    : fc.oneof(
        fc.constant<Work>({ kind: "activity" }),
        fc.record({
          kind: fc.constant("file" as const),
          share: fc.constantFrom(...shares),
          name: fileName,
          locks: fc.nat(2),
        }),
      );

function storyArb(server: Server, index: number, options: ScenarioArbOptions): fc.Arbitrary<ScenarioStep[]> {
  const maxGap = Math.max(1, options.maxGapSeconds ?? 300);
  return fc
    .record({
      start: fc.nat(Math.max(0, options.maxStartSeconds ?? 3600)),
      user: server.users.length > 0 ? fc.constantFrom(...server.users) : fc.constant("guest"),
      client: clientAddress,
      steps: fc.array(fc.tuple(fc.integer({ min: 1, max: maxGap }), work(server.shares)), {
        maxLength: options.maxStepsPerStory ?? 6,
      }),
      leaves: fc.boolean(),
    })
    .map(({ start, user, client, steps, leaves }) => {
      const session = `s${index}`;
      let t = start;
      const timeline: ScenarioStep[] = [
        {
          at: `+${t}s`,
          action: "openSession",
          server: server.name,
          user,
          client,
          ...(server.users.length === 0 ? { guest: true } : {}),
          as: session,
        },
      ];
      for (const [k, [gap, what]] of steps.entries()) {
        t += gap;
        if (what.kind === "activity") {
          timeline.push({ at: `+${t}s`, action: "activity", session });
          continue;
        }
        const file = `${session}f${k}`;
        timeline.push({
          at: `+${t}s`,
          action: "openFile",
          session,
          path: `${what.share}\\${what.name}`,
          as: file,
        });
        if (what.locks > 0) timeline.push({ at: `+${t}s`, action: "lock", file, count: what.locks });
        t += 1;
        timeline.push({ at: `+${t}s`, action: "closeFile", file });
      }
      if (leaves) timeline.push({ at: `+${t + 1}s`, action: "closeSession", session });
      return timeline;
    });
}

/**
 * A scenario of client stories on the running file servers of `fixture` (shares without a user limit;
 * accounts of the server's domain or its own, else guest). Played with `emu.play` on an emulator of
 * that fixture, at its `now`, every step succeeds. @throws RangeError when the fixture has no such server.
 */
export function scenarioArb(fixture: Fixture, options: ScenarioArbOptions = {}): fc.Arbitrary<Scenario> {
  const candidates = servers(fixture);
  if (candidates.length === 0) throw new RangeError("scenarioArb: the fixture has no running LanmanServer");
  return fc
    .array(fc.constantFrom(...candidates), { minLength: 1, maxLength: Math.max(1, options.maxStories ?? 4) })
    .chain((picked) => fc.tuple(...picked.map((server, i) => storyArb(server, i, options))))
    .map((stories) => ({ name: "generated", timeline: stories.flat() }));
}
