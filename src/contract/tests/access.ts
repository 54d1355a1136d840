/** Contract tests of access control and binding (spec §2.5, §11.3, §14 items 23, 33). */
import { rejects } from "../check.js";
import type { ContractTest } from "./catalog.js";

export const ACCESS_TESTS: readonly ContractTest[] = [
  {
    id: "access.non-admin-denied",
    title: "a non-administrator is denied: enumerating sessions and files, removing a session (§14.23)",
    async run({ target, sessions }) {
      await target.driver.openSession(target.accounts.users[0]);
      const [listed] = await sessions();
      const fso = await target.bind(target.accounts.user);
      const enumerate = async (collection: "Sessions" | "Resources") => {
        const items = await fso[collection]();
        const iterator = items[Symbol.asyncIterator]?.() ?? items[Symbol.iterator]?.();
        await iterator?.next();
      };
      await rejects(() => enumerate("Sessions"), "E_ACCESSDENIED", "enumerating Sessions");
      await rejects(() => enumerate("Resources"), "E_ACCESSDENIED", "enumerating Resources");
      await rejects(
        async () => (await fso.Sessions()).Remove(listed?.Name ?? "x\\y"),
        "E_ACCESSDENIED",
        "Remove",
      );
    },
  },
  {
    id: "access.wrong-password",
    title: "binding with a wrong password fails with ERROR_LOGON_FAILURE (§2.5)",
    async run({ target }) {
      const { user } = target.accounts.admin;
      await rejects(() => target.bind({ user, password: "not-the-password" }), "ERROR_LOGON_FAILURE", "bind");
    },
  },
  {
    id: "service.stopped",
    title: "while the file service is stopped, Sessions() fails with RPC_S_SERVER_UNAVAILABLE",
    requires: ["serviceControl"],
    async run({ target, fso }) {
      await target.driver.stopService?.();
      try {
        await rejects(() => fso.Sessions(), "RPC_S_SERVER_UNAVAILABLE", "Sessions()");
      } finally {
        await target.driver.startService?.();
      }
    },
  },
];
