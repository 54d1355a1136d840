/**
 * The populations the scale benchmark measures: one server (CORP/FS01 LanmanServer, share Data) with
 * `n` sessions, as a fixture (what `createEmulator` loads) and as plain session specs (what the naive
 * baseline loads). Users repeat (997 of them), clients do not, as on a real file server.
 */
import type { Fixture, FixtureSession } from "../../src/index.js";

/** The fixture's `now`, epoch ms. */
export const NOW = Date.parse("2026-01-05T09:00:00Z");
/** The administrator the emulator binds as. */
export const ADMIN = { user: "CORP\\administrator", password: "pw" } as const;
/** The file service's ADsPath. */
export const SERVICE_PATH = "WinNT://CORP/FS01/LanmanServer";

/** Options of a population. */
export interface PopulationOptions {
  /** Open files per session (default 0). */
  readonly filesPerSession?: number;
  /** Every session from this one (user, client) pair instead of distinct clients. */
  readonly onePair?: { readonly user: string; readonly client: string };
}

/** Client address of session number `i` (distinct for i < 2^24). */
export function clientOf(i: number): string {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

/** The `n` sessions of a population, as fixture entries (connected 1 ms apart, the oldest first). */
export function sessionSpecs(n: number, options: PopulationOptions = {}): FixtureSession[] {
  const sessions: FixtureSession[] = [];
  const files = options.filesPerSession ?? 0;
  for (let i = 0; i < n; i++) {
    const openFiles = [];
    for (let f = 0; f < files; f++) openFiles.push({ path: `C:\\Data\\dir${i % 100}\\file${f}.txt` });
    sessions.push({
      user: options.onePair?.user ?? `user${i % 997}`,
      computer: options.onePair?.client ?? clientOf(i),
      connectedAt: new Date(NOW - 2 * n + i).toISOString(),
      shares: ["Data"],
      ...(files > 0 ? { openFiles } : {}),
    });
  }
  return sessions;
}

/** A fixture holding `sessions` on FS01's LanmanServer (auto-disconnect after 60 minutes). */
export function fixtureWith(sessions: FixtureSession[]): Fixture {
  return {
    version: 1,
    now: new Date(NOW).toISOString(),
    domains: [
      {
        name: "CORP",
        users: [
          { name: "administrator", password: "pw", groups: ["Domain Admins"] },
          { name: "bench", password: "pw" },
        ],
        computers: [
          {
            name: "FS01",
            services: [
              {
                name: "LanmanServer",
                kind: "fileService",
                shares: [{ name: "Data", path: "C:\\Data" }],
                sessions,
                autoDisconnect: { minutes: 60 },
              },
            ],
          },
        ],
      },
    ],
  };
}
