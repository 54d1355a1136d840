/** Contract tests of ConnectTime and IdleTime (spec §6, §14 item 19). */
import { ensure, same } from "../check.js";
import type { ContractTest } from "./catalog.js";

export const TIME_TESTS: readonly ContractTest[] = [
  {
    id: "time.connect-seconds",
    title: "ConnectTime counts seconds since the session started, and grows (§14.19)",
    async run({ target, supports, sessions }) {
      await target.driver.openSession(target.accounts.users[0]);
      const waited = supports.virtualClock ? 125_000 : 2_100;
      const started = performance.now(); // host-time: bounds for a real-time provider
      await target.driver.advance(waited);
      const elapsed = supports.virtualClock ? waited : performance.now() - started; // host-time: bounds
      const [session] = await sessions();
      ensure(session, "the session is listed");
      if (supports.virtualClock) same(session.ConnectTime, 125, "ConnectTime after 125 s");
      else {
        ensure(
          session.ConnectTime >= Math.floor(waited / 1000) - 1 &&
            session.ConnectTime <= Math.ceil(elapsed / 1000) + 1,
          `ConnectTime ${session.ConnectTime} within the ${elapsed.toFixed(0)} ms waited`,
        );
      }
    },
  },
  {
    id: "time.idle-within-connect",
    title: "IdleTime is never more than ConnectTime, and never negative",
    async run({ target, sessions }) {
      const session = await target.driver.openSession(target.accounts.users[0]);
      await target.driver.advance(1_000);
      await session.openFile("contract-idle.txt");
      await target.driver.advance(1_000);
      for (const s of await sessions()) {
        ensure(
          s.IdleTime >= 0 && s.IdleTime <= s.ConnectTime,
          `IdleTime ${s.IdleTime} ≤ ConnectTime ${s.ConnectTime}`,
        );
      }
    },
  },
  {
    id: "time.idle-resets",
    title: "IdleTime grows while the client is quiet and starts again from 0 on activity (§6)",
    requires: ["idleTime", "activity", "virtualClock"],
    async run({ target, sessions }) {
      const session = await target.driver.openSession(target.accounts.users[0]);
      await target.driver.advance(60_000);
      same(
        (await sessions()).map((s) => s.IdleTime),
        [60],
        "IdleTime after a quiet minute",
      );
      await session.activity?.();
      same(
        (await sessions()).map((s) => s.IdleTime),
        [0],
        "IdleTime after activity",
      );
    },
  },
];
