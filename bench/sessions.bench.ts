/**
 * Per-event cost against the number of sessions on a server: `npm run bench`.
 * The claim under test: one session event costs the same with 10 or 100,000 sessions.
 */
import { bench, describe } from "vitest";
import type { DirectoryStore } from "../src/engine/store.js";
import { closeSession, openSession, touchSession } from "../src/engine/transitions/sessions.js";
import { AT, lanmanServer, NOW, serverStore } from "../test/support/serverStore.js";

const address = AT;

function storeWith(sessions: number): DirectoryStore {
  const store = serverStore([lanmanServer({ shares: [{ name: "Data", path: "C:\\Data" }] })]);
  for (let i = 0; i < sessions; i++) {
    store.apply(openSession, {
      ...address,
      user: `user${i % 997}`,
      client: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      shares: ["Data"],
    });
  }
  return store;
}

for (const size of [10, 100_000]) {
  describe(`${size} sessions`, () => {
    const store = storeWith(size);
    let next = 1;
    bench("open + close one session", () => {
      const id = store.apply(openSession, {
        ...address,
        user: "bench",
        client: "192.168.0.1",
        shares: ["Data"],
      });
      store.apply(closeSession, { ...address, sessionId: id });
    });
    bench("touch one session", () => {
      store.apply(touchSession, { ...address, sessionId: (next++ % size) + 1, at: NOW });
    });
  });
}
