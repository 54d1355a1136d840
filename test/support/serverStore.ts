/**
 * Test support: a one-server directory (workgroup WORKGROUP, computer FS01) as a DirectoryStore, for
 * the engine tests and the benchmark. Each test says only what differs: its services.
 */
import { stateFromFixture } from "../../src/engine/fromFixture.js";
import { nameKey } from "../../src/engine/state.js";
import { DirectoryStore } from "../../src/engine/store.js";
import { FixedClock } from "../../src/env/clock.js";
import { createEnvironment } from "../../src/env/environment.js";
import { validateFixture } from "../../src/fixture/validateFixture.js";
import type { FidelityProfile } from "../../src/profile/FidelityProfile.js";
import { windowsProfile } from "../../src/profile/windows.js";

/** The fixture's `now`, as text and as epoch ms. */
export const NOW_TEXT = "2026-01-05T09:00:00Z";
export const NOW = Date.parse(NOW_TEXT);
export const FS01 = nameKey("FS01");
export const LANMAN = nameKey("LanmanServer");
/** The address of FS01's LanmanServer, as transitions take it. */
export const AT = { computer: FS01, service: LANMAN };

/** A LanmanServer entry for the fixture: `fields` are the fixture's file-service fields (shares, sessions, …). */
export function lanmanServer(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: "LanmanServer", kind: "fileService", ...fields };
}

/** A store holding WORKGROUP/FS01 with `services` (fixture JSON, validated). */
export function serverStore(
  services: readonly unknown[],
  options: { readonly profile?: FidelityProfile; readonly seed?: number } = {},
): DirectoryStore {
  const fixture = validateFixture({
    version: 1,
    now: NOW_TEXT,
    domains: [{ name: "WORKGROUP", type: "workgroup", computers: [{ name: "FS01", services }] }],
  });
  const profile = options.profile ?? windowsProfile;
  return new DirectoryStore(stateFromFixture(fixture, profile), {
    env: createEnvironment(options.seed ?? 1, new FixedClock(NOW)),
    profile,
  });
}
