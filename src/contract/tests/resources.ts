/** Contract tests of the Resources collection (spec §5.3, §7, §12.4, §14 item 34). */
import { ensure, eventually, rejects, same } from "../check.js";
import type { ContractTest } from "./catalog.js";

export const RESOURCE_TESTS: readonly ContractTest[] = [
  {
    id: "resources.enumerate",
    title:
      "Resources() lists an open file: Class Resource, User, a Path ending with the file's name, LockCount 0",
    async run({ target, resources }) {
      const [alice] = target.accounts.users;
      const session = await target.driver.openSession(alice);
      const file = await session.openFile("contract-a.txt");
      const rows = await resources();
      same(rows.length, 1, "one open file");
      const [row] = rows;
      ensure(row, "the file is listed");
      same(
        [row.Class, row.User.toLowerCase(), row.LockCount],
        ["Resource", alice.toLowerCase(), 0],
        "resource",
      );
      ensure(
        row.Path.replaceAll("/", "\\").endsWith(`\\${file.name}`),
        `Path ${row.Path} ends with ${file.name}`,
      );
      ensure(/^\d+$/.test(row.Name), `the Name ${row.Name} is a decimal file id (§5.3)`);
    },
  },
  {
    id: "resources.locks",
    title: "LockCount shows the locks a client holds (§7, §12.4)",
    requires: ["locks"],
    async run({ target, resources }) {
      const session = await target.driver.openSession(target.accounts.users[0]);
      const file = await session.openFile("contract-locks.txt");
      await file.lock?.(2);
      await eventually(target.settleMs ?? 0, async () => {
        same(
          (await resources()).map((r) => r.LockCount),
          [2],
          "LockCount",
        );
      });
    },
  },
  {
    id: "resources.remove",
    title: "Resources.Remove(Name) closes the file; its session stays (§14.34)",
    async run({ target, fso, sessions, resources }) {
      const session = await target.driver.openSession(target.accounts.users[0]);
      await session.openFile("contract-close.txt");
      const [file] = await resources();
      ensure(file, "the file is listed");
      await (await fso.Resources()).Remove(file.Name);
      await eventually(target.settleMs ?? 0, async () => {
        same((await resources()).length, 0, "open files after Remove");
        same((await sessions()).length, 1, "the session stays");
      });
    },
  },
  {
    id: "resources.unknown-id",
    title: "Resources.Remove of an id that is not open fails with NERR_FileIdNotFound (§12.4)",
    async run({ fso }) {
      await rejects(
        async () => (await fso.Resources()).Remove("4294967295"),
        "NERR_FileIdNotFound",
        "Remove",
      );
    },
  },
  {
    id: "resources.client-close",
    title: "a file the client closes is gone from the next enumeration",
    async run({ target, resources }) {
      const session = await target.driver.openSession(target.accounts.users[1]);
      const file = await session.openFile("contract-b.txt");
      same((await resources()).length, 1, "one open file");
      await file.close();
      await eventually(target.settleMs ?? 0, async () => same((await resources()).length, 0, "after close"));
    },
  },
];
