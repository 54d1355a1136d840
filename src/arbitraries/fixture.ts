/**
 * fast-check arbitraries for fixtures and their sessions: every value they produce is a valid fixture
 * (docs/fixtures.md), so `createEmulator({ fixture })` accepts it; a property test checks this.
 */
import fc from "fast-check";
import type { Fixture, FixtureComputer, FixtureOpenFile, FixtureSession, FixtureShare } from "../index.js";
import {
  clientAddress,
  computerName,
  domainName,
  fileName,
  isoAt,
  nowMs,
  shareName,
  uniqueNames,
  userName,
} from "./names.js";

/** What {@link sessionArb} draws from. */
export interface SessionArbOptions {
  /** Account names the session may log on as. */
  readonly users: readonly string[];
  /** Shares of the file service (`name` and server-local `path`). */
  readonly shares: readonly Pick<FixtureShare, "name" | "path">[];
  /** The fixture's `now`, ISO or epoch ms: sessions connect before it. */
  readonly now: string | number;
  /** How long before `now` a session may have connected (ms); default 8 hours. */
  readonly maxAgeMs?: number;
  /** Most open files per session; default 3. */
  readonly maxOpenFiles?: number;
}

/** A session of a fixture (SESSION_INFO_502 fields, spec §12.1) with open files under its shares. */
export function sessionArb(options: SessionArbOptions): fc.Arbitrary<FixtureSession> {
  const now = typeof options.now === "number" ? options.now : Date.parse(options.now);
  if (options.users.length === 0) throw new RangeError("sessionArb: `users` must name at least one account");
  const maxAge = Math.max(0, Math.floor((options.maxAgeMs ?? 8 * 3_600_000) / 1000));
  return fc
    .record({
      user: fc.constantFrom(...options.users),
      computer: clientAddress,
      age: fc.integer({ min: 0, max: maxAge }),
      idle: fc.double({ min: 0, max: 1, noNaN: true }),
      shares: fc.subarray([...options.shares]),
      guest: fc.boolean(),
    })
    .chain((drawn) => {
      const connected = now - drawn.age * 1000;
      const lastActivity = connected + Math.floor(drawn.age * (1 - drawn.idle)) * 1000;
      const files: fc.Arbitrary<FixtureOpenFile[]> =
        drawn.shares.length === 0
          ? fc.constant([])
          : fc
              .array(
                fc.record({
                  share: fc.constantFrom(...drawn.shares),
                  name: fileName,
                  permissions: fc.integer({ min: 1, max: 7 }),
                  locks: fc.nat(3),
                }),
                { maxLength: options.maxOpenFiles ?? 3 },
              )
              .map((list) =>
                list.map((f) => ({
                  path: `${f.share.path}\\${f.name}`,
                  permissions: f.permissions,
                  locks: f.locks,
                })),
              );
      return files.map(
        (openFiles): FixtureSession => ({
          user: drawn.user,
          computer: drawn.computer,
          connectedAt: isoAt(connected),
          lastActivityAt: isoAt(lastActivity),
          shares: drawn.shares.map((s) => s.name),
          ...(drawn.guest ? { guest: true } : {}),
          ...(openFiles.length > 0 ? { openFiles } : {}),
        }),
      );
    });
}

/** Options of {@link fixtureArb}. */
export interface FixtureArbOptions {
  /** Most computers in the domain (at least 1); default 3. */
  readonly maxComputers?: number;
  /** Most sessions per file server; default 6. */
  readonly maxSessions?: number;
  /** Most shares per file server (at least 1); default 4. */
  readonly maxShares?: number;
  /** Whether a workgroup with one computer may be added; default true. */
  readonly workgroup?: boolean;
}

function serverArb(
  name: string,
  users: readonly string[],
  now: number,
  options: FixtureArbOptions,
): fc.Arbitrary<FixtureComputer> {
  return uniqueNames(shareName, { minLength: 1, maxLength: Math.max(1, options.maxShares ?? 4) }).chain(
    (shareNames) => {
      const shares = shareNames.map((share) => ({
        name: share,
        path: `C:\\Shares\\${share.replace("$", "")}`,
      }));
      return fc.array(sessionArb({ users, shares, now }), { maxLength: options.maxSessions ?? 6 }).map(
        (sessions): FixtureComputer => ({
          name,
          operatingSystem: "Windows NT",
          operatingSystemVersion: "10.0",
          services: [{ name: "LanmanServer", kind: "fileService", shares, sessions }],
        }),
      );
    },
  );
}

/**
 * A valid fixture: one domain (an `administrator` in Domain Admins and up to four users) with 1 to
 * `maxComputers` file servers, each with shares, sessions and open files; maybe a workgroup computer
 * with a local administrator. `now` lies between 2020 and 2030.
 */
export function fixtureArb(options: FixtureArbOptions = {}): fc.Arbitrary<Fixture> {
  const maxComputers = Math.max(1, options.maxComputers ?? 3);
  return fc
    .record({
      now: nowMs,
      domain: domainName,
      users: uniqueNames(
        userName.filter((u) => u !== "administrator"),
        { minLength: 0, maxLength: 4 },
      ),
      computers: uniqueNames(computerName, { minLength: 1, maxLength: maxComputers + 1 }),
      withWorkgroup: options.workgroup === false ? fc.constant(false) : fc.boolean(),
    })
    .chain(({ now, domain, users, computers, withWorkgroup }) => {
      const accounts = ["administrator", ...users];
      const inDomain = computers.slice(0, maxComputers);
      const lab =
        withWorkgroup && computers.length > inDomain.length ? computers[inDomain.length] : undefined;
      return fc
        .tuple(
          fc.tuple(...inDomain.map((name) => serverArb(name, accounts, now, options))),
          lab === undefined ? fc.constant(undefined) : serverArb(lab, ["labadmin"], now, options),
        )
        .map(([servers, labServer]): Fixture => {
          const domains: Fixture["domains"][number][] = [
            {
              name: domain,
              users: accounts.map((name) => ({
                name,
                password: `${name}-pw`,
                groups: name === "administrator" ? ["Domain Admins"] : ["Domain Users"],
              })),
              computers: servers,
            },
          ];
          if (labServer) {
            domains.push({
              name: `${domain}WG`,
              type: "workgroup",
              computers: [
                {
                  ...labServer,
                  users: [{ name: "labadmin", password: "lab-pw", groups: ["Administrators"] }],
                },
              ],
            });
          }
          return { version: 1, now: isoAt(now), localComputer: servers[0]?.name, domains };
        });
    });
}
