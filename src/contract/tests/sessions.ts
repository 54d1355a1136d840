/** Contract tests of the Sessions collection (spec §5.1-5.2, §6, §14 items 14-18). */
import { ensure, eventually, rejects, same } from "../check.js";
import type { ContractTest } from "./catalog.js";

export const SESSION_TESTS: readonly ContractTest[] = [
  {
    id: "sessions.enumerate",
    title: "Sessions() lists a connected client: Class Session, User and Computer as the server sees them",
    async run({ target, sessions }) {
      const [alice] = target.accounts.users;
      const session = await target.driver.openSession(alice);
      const rows = (await sessions()).map((s) => [s.Class, s.User.toLowerCase(), s.Computer]);
      same(rows, [["Session", alice.toLowerCase(), session.client]], "sessions");
    },
  },
  {
    id: "sessions.name-roundtrip",
    title: "the Name of an enumerated session is accepted by GetObject of the same collection (§14.16)",
    async run({ target, fso, sessions }) {
      await target.driver.openSession(target.accounts.users[0]);
      const [listed] = await sessions();
      ensure(listed, "a session is listed");
      const found = await (await fso.Sessions()).GetObject(listed.Name);
      same(
        [found.Name, found.User, found.Computer, found.Class],
        [listed.Name, listed.User, listed.Computer, "Session"],
        "GetObject(Name)",
      );
    },
  },
  {
    id: "sessions.add-notimpl",
    title: "Add on Sessions and Resources is E_NOTIMPL (§14.15)",
    async run({ fso }) {
      await rejects(async () => (await fso.Sessions()).Add("x", null), "E_NOTIMPL", "Sessions.Add");
      await rejects(async () => (await fso.Resources()).Add("x", null), "E_NOTIMPL", "Resources.Add");
    },
  },
  {
    id: "sessions.remove",
    title: "Remove(Name) disconnects the session and closes its files (§14.17)",
    async run({ target, fso, sessions, resources }) {
      const [alice] = target.accounts.users;
      const session = await target.driver.openSession(alice);
      await session.openFile("remove-me.txt");
      const [listed] = await sessions();
      ensure(listed, "the session is listed");
      await (await fso.Sessions()).Remove(listed.Name);
      await eventually(target.settleMs ?? 0, async () => {
        same((await sessions()).length, 0, "sessions after Remove");
        same((await resources()).length, 0, "open files after Remove");
      });
    },
  },
  {
    id: "sessions.remove-pair",
    title: "Remove ends every session of the (user, client) pair and only those (§14.18)",
    async run({ target, fso, sessions }) {
      const [alice, bob] = target.accounts.users;
      await target.driver.openSession(alice);
      await target.driver.openSession(alice);
      await target.driver.openSession(bob);
      const before = await sessions();
      same(before.length, 3, "three sessions");
      const aliceName = before.find((s) => s.User.toLowerCase() === alice.toLowerCase())?.Name;
      ensure(aliceName, "alice is listed");
      await (await fso.Sessions()).Remove(aliceName);
      await eventually(target.settleMs ?? 0, async () => {
        same(
          (await sessions()).map((s) => s.User.toLowerCase()),
          [bob.toLowerCase()],
          "sessions after Remove",
        );
      });
    },
  },
  {
    id: "sessions.unknown-getobject",
    title: "GetObject of a name that matches no session fails with NERR_ClientNameNotFound (§5.2)",
    async run({ fso }) {
      await rejects(
        async () => (await fso.Sessions()).GetObject("nobody\\10.254.254.254"),
        "NERR_ClientNameNotFound",
        "GetObject",
      );
    },
  },
  {
    id: "sessions.unknown-remove",
    title: "Remove of a name that matches no session fails with NERR_ClientNameNotFound (§5.2, §12.3)",
    async run({ fso }) {
      await rejects(
        async () => (await fso.Sessions()).Remove("nobody\\10.254.254.254"),
        "NERR_ClientNameNotFound",
        "Remove",
      );
    },
  },
  {
    id: "sessions.fresh-enumeration",
    title:
      "every enumeration reads the server again (§5.2): a client that logs off is gone from the next one",
    async run({ target, sessions }) {
      const session = await target.driver.openSession(target.accounts.users[1]);
      same((await sessions()).length, 1, "one session");
      await session.close();
      await eventually(target.settleMs ?? 0, async () => same((await sessions()).length, 0, "after logoff"));
    },
  },
];
