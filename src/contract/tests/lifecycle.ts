/** Contract tests of the session lifecycle (spec §12.7; docs/time-and-events.md). */
import { same } from "../check.js";
import type { ContractTest } from "./catalog.js";

const MINUTE = 60_000;

export const LIFECYCLE_TESTS: readonly ContractTest[] = [
  {
    id: "lifecycle.auto-disconnect",
    title:
      "an idle session is dropped at exactly the server's auto-disconnect minutes, present one second before (§12.7)",
    requires: ["autoDisconnect", "virtualClock"],
    async run({ target, sessions }) {
      const threshold = (target.autoDisconnectMinutes ?? 15) * MINUTE;
      await target.driver.openSession(target.accounts.users[0]);
      await target.driver.advance(threshold - 1_000);
      same((await sessions()).length, 1, "one second before");
      await target.driver.advance(1_000);
      same((await sessions()).length, 0, "at the threshold");
    },
  },
  {
    id: "lifecycle.open-files-keep-session",
    title: "a session holding open files is not auto-disconnected (§12.7)",
    requires: ["autoDisconnect", "virtualClock"],
    async run({ target, sessions }) {
      const session = await target.driver.openSession(target.accounts.users[0]);
      await session.openFile("contract-keep.txt");
      await target.driver.advance(4 * (target.autoDisconnectMinutes ?? 15) * MINUTE);
      same((await sessions()).length, 1, "long past the threshold with a file open");
    },
  },
  {
    id: "lifecycle.distinct-clients",
    title: "one user from two clients makes two pairs: removing one keeps the other (§12.3)",
    requires: ["distinctClients"],
    async run({ target, fso, sessions }) {
      const [alice] = target.accounts.users;
      await target.driver.openSession(alice, { client: "10.1.0.1" });
      await target.driver.openSession(alice, { client: "10.1.0.2" });
      const listed = await sessions();
      same(listed.map((s) => s.Computer).sort(), ["10.1.0.1", "10.1.0.2"], "clients");
      await (await fso.Sessions()).Remove(listed[0]?.Name ?? "");
      same((await sessions()).length, 1, "one pair left");
    },
  },
];
