/**
 * Property tests of the Sessions / Resources collections over random valid fixtures (spec §5.2, §5.3,
 * §6, §12.3, §14 items 16-19): one computer with a LanmanServer, 1-6 shares, 0-25 sessions drawn from
 * small user and client pools (with case variants, so pairs collide case-insensitively), random connect
 * and activity times before now, random share subsets and 0-3 open files per session with unique ids.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createEmulator,
  type Fixture,
  type FixtureOpenFile,
  type FixtureSession,
  type FixtureShare,
} from "../../src/index.js";
import { ago, currentUserCount, type FileService, lanman, NOW_ISO, sessionRows } from "./helpers.js";

const RUNS = 150;
const USERS = ["alice", "ALICE", "bob", "Carol", "carol", "DAVE"];
const CLIENTS = ["10.0.0.5", "10.0.0.7", "192.168.1.20", "WS01", "ws01", "LAPTOP-7"];
const MAX_FILES = 25 * 3;

/** The case-insensitive (user, computer) pair key, as NetSessionDel matches (spec §12.3, §12.5). */
function pairKey(user: string, computer: string): string {
  return `${user.toUpperCase()}\u0000${computer.toUpperCase()}`;
}

interface Generated {
  readonly fixture: Fixture;
  readonly shares: readonly FixtureShare[];
  readonly sessions: readonly FixtureSession[];
}

const shareSpec = fc.record({
  bounded: fc.boolean(),
  spare: fc.integer({ min: 0, max: 3 }),
});

const fileSpec = fc.record({
  shareIndex: fc.nat({ max: 5 }),
  leaf: fc.stringMatching(/^[a-z]{1,8}\.(txt|docx|xlsx)$/),
  locks: fc.integer({ min: 0, max: 5 }),
  permissions: fc.integer({ min: 0, max: 0x7f }),
});

const sessionSpec = fc
  .record({
    user: fc.constantFrom(...USERS),
    computer: fc.constantFrom(...CLIENTS),
    connectAgo: fc.integer({ min: 0, max: 200_000 }),
    idleFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    shareMask: fc.nat({ max: 63 }),
    files: fc.array(fileSpec, { maxLength: 3, size: "max" }),
  })
  .map((s) => ({ ...s, idleAgo: Math.floor(s.connectAgo * s.idleFraction) }));

/** A random valid fixture (validated by createEmulator). */
const fixtureArb: fc.Arbitrary<Generated> = fc
  .record({
    shareSpecs: fc.array(shareSpec, { minLength: 1, maxLength: 6, size: "max" }),
    sessionSpecs: fc.array(sessionSpec, { maxLength: 25, size: "max" }),
    fileIds: fc.uniqueArray(fc.integer({ min: 1, max: 0xffffffff }), {
      minLength: MAX_FILES,
      maxLength: MAX_FILES,
    }),
  })
  .map(({ shareSpecs, sessionSpecs, fileIds }) => {
    const shareNames = shareSpecs.map((_, i) => `Share${i}`);
    let nextFile = 0;
    const sessions: FixtureSession[] = sessionSpecs.map((spec) => {
      const shares = shareNames.filter((_, i) => (spec.shareMask & (1 << i)) !== 0);
      const openFiles: FixtureOpenFile[] = spec.files.map((file) => ({
        id: fileIds[nextFile++] ?? 1,
        path: `C:\\Shares\\Share${file.shareIndex % shareNames.length}\\${file.leaf}`,
        locks: file.locks,
        permissions: file.permissions,
      }));
      return {
        user: spec.user,
        computer: spec.computer,
        connectedAt: ago(spec.connectAgo),
        lastActivityAt: ago(spec.idleAgo),
        shares,
        openFiles,
      };
    });
    const shares: FixtureShare[] = shareSpecs.map((spec, i) => {
      const name = shareNames[i] ?? `Share${i}`;
      const used = sessions.filter((s) => s.shares?.includes(name)).length;
      return { name, path: `C:\\Shares\\${name}`, maxUserCount: spec.bounded ? used + spec.spare : -1 };
    });
    const fixture: Fixture = {
      version: 1,
      now: NOW_ISO,
      domains: [
        {
          name: "WORKGROUP",
          type: "workgroup",
          computers: [
            {
              name: "FS01",
              users: [{ name: "admin", password: "admin-pw", groups: ["Administrators"] }],
              services: [{ name: "LanmanServer", kind: "fileService", shares, sessions }],
            },
          ],
        },
      ],
    };
    return { fixture, shares, sessions };
  });

function bindServer(fixture: Fixture): FileService {
  return lanman(createEmulator({ fixture }));
}

/** Every open file id of the fixture, with the pair key of its session. */
function filePairs(sessions: readonly FixtureSession[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const s of sessions)
    for (const f of s.openFiles ?? []) map.set(String(f.id), pairKey(s.user, s.computer));
  return map;
}

/** Sorted rows (user, computer, ConnectTime, IdleTime) the fixture says the server has. */
function expectedSessionRows(sessions: readonly FixtureSession[]): string[] {
  const now = Date.parse(NOW_ISO);
  return sessions
    .map((s) => {
      const connect = Math.floor((now - Date.parse(s.connectedAt)) / 1000);
      const idle = Math.floor((now - Date.parse(s.lastActivityAt ?? s.connectedAt)) / 1000);
      return `${s.user}|${s.computer}|${connect}|${idle}`;
    })
    .sort();
}

/** Share name → number of the given sessions listing it. */
function expectedCounts(shares: readonly FixtureShare[], sessions: readonly FixtureSession[]): number[] {
  return shares.map((share) => sessions.filter((s) => s.shares?.includes(share.name)).length);
}

describe("Sessions / Resources over random fixtures", () => {
  it("enumeration shows exactly the fixture's sessions, with IdleTime <= ConnectTime (seconds)", () => {
    fc.assert(
      fc.property(fixtureArb, ({ fixture, sessions }) => {
        const rows = sessionRows(bindServer(fixture));
        expect(rows.map((r) => `${r.user}|${r.computer}|${r.connectTime}|${r.idleTime}`).sort()).toEqual(
          expectedSessionRows(sessions),
        );
        for (const row of rows) {
          expect(row.className).toBe("Session");
          expect(row.idleTime).toBeGreaterThanOrEqual(0);
          expect(row.idleTime).toBeLessThanOrEqual(row.connectTime);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("every enumerated session's Name round-trips through Sessions.GetObject (same pair, case-insensitively)", () => {
    fc.assert(
      fc.property(fixtureArb, ({ fixture }) => {
        const collection = bindServer(fixture).Sessions();
        for (const session of collection) {
          const again = collection.GetObject(session.Name);
          expect(again.Class).toBe("Session");
          expect(again.Name.toUpperCase()).toBe(session.Name.toUpperCase());
          expect(pairKey(again.User, again.Computer)).toBe(pairKey(session.User, session.Computer));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("Remove of one enumerated name ends exactly that pair's sessions and files; CurrentUserCount follows", () => {
    fc.assert(
      fc.property(
        fixtureArb.filter((g) => g.sessions.length > 0),
        fc.nat(),
        ({ fixture, shares, sessions }, pick) => {
          const fso = bindServer(fixture);
          expect(shares.map((s) => currentUserCount(fso, s.name))).toEqual(expectedCounts(shares, sessions));
          const before = sessionRows(fso);
          const filesBefore = [...fso.Resources()].map((r) => r.Name);
          const fileOwner = filePairs(sessions);
          expect([...filesBefore].sort()).toEqual([...fileOwner.keys()].sort());

          const victim = before[pick % before.length];
          if (!victim) throw new Error("no session picked");
          const pair = pairKey(victim.user, victim.computer);
          fso.Sessions().Remove(victim.name);

          const survivors = sessions.filter((s) => pairKey(s.user, s.computer) !== pair);
          expect(survivors.length).toBeLessThan(sessions.length);
          // Exactly the other sessions remain, in the same order with the same values.
          expect(sessionRows(fso)).toEqual(before.filter((s) => pairKey(s.user, s.computer) !== pair));
          expect(
            sessionRows(fso)
              .map((r) => `${r.user}|${r.computer}|${r.connectTime}|${r.idleTime}`)
              .sort(),
          ).toEqual(expectedSessionRows(survivors));
          // Exactly the other sessions' files remain.
          expect([...fso.Resources()].map((r) => r.Name)).toEqual(
            filesBefore.filter((id) => fileOwner.get(id) !== pair),
          );
          expect(shares.map((s) => currentUserCount(fso, s.name))).toEqual(expectedCounts(shares, survivors));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("Remove of a name whose pair has no session fails and changes nothing", () => {
    fc.assert(
      fc.property(fixtureArb, fc.constantFrom(...USERS), ({ fixture, shares, sessions }, user) => {
        const fso = bindServer(fixture);
        const before = sessionRows(fso);
        const name = `${user}\\10.9.9.9`;
        expect(() => fso.Sessions().Remove(name)).toThrow(expect.objectContaining({ hresult: 0x80070908 }));
        expect(sessionRows(fso)).toEqual(before);
        expect(shares.map((s) => currentUserCount(fso, s.name))).toEqual(expectedCounts(shares, sessions));
      }),
      { numRuns: 50 },
    );
  });
});
