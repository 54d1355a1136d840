/**
 * Per-event cost against the number of sessions on a server: `npm run bench`.
 * The claim under test: one session event costs the same with 10 or 100,000 sessions.
 */
import { bench, describe } from "vitest";
import { FixedClock } from "../src/env/clock.js";
import { createEnvironment } from "../src/env/environment.js";
import { stateFromFixture } from "../src/engine/fromFixture.js";
import { nameKey } from "../src/engine/state.js";
import { DirectoryStore } from "../src/engine/store.js";
import { closeSession, openSession, touchSession } from "../src/engine/transitions/sessions.js";
import { validateFixture } from "../src/fixture/validateFixture.js";
import { windowsProfile } from "../src/profile/windows.js";

const NOW = Date.UTC(2026, 0, 5, 9);
const address = { computer: nameKey("FS01"), service: nameKey("LanmanServer") };

function storeWith(sessions: number): DirectoryStore {
  const fixture = validateFixture({
    version: 1,
    now: "2026-01-05T09:00:00Z",
    domains: [
      {
        name: "CORP",
        computers: [
          {
            name: "FS01",
            services: [{ name: "LanmanServer", kind: "fileService", shares: [{ name: "Data", path: "C:\\Data" }] }],
          },
        ],
      },
    ],
  });
  const env = createEnvironment(1, new FixedClock(NOW));
  const store = new DirectoryStore(stateFromFixture(fixture), { env, profile: windowsProfile });
  for (let i = 0; i < sessions; i++) {
    store.apply(openSession, { ...address, user: `user${i % 997}`, client: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, shares: ["Data"] });
  }
  return store;
}

for (const size of [10, 100_000]) {
  describe(`${size} sessions`, () => {
    const store = storeWith(size);
    let next = 1;
    bench("open + close one session", () => {
      const id = store.apply(openSession, { ...address, user: "bench", client: "192.168.0.1", shares: ["Data"] });
      store.apply(closeSession, { ...address, sessionId: id });
    });
    bench("touch one session", () => {
      store.apply(touchSession, { ...address, sessionId: (next++ % size) + 1, at: NOW });
    });
  });
}
