/**
 * Differential property test (issue 9 item 5): the same random command sequence (open a session as a
 * user, open and close files, take locks, close a session, Remove a session through ADSI) runs on the
 * emulator with the `samba` profile and on a real Samba through the MS-SRVS provider, side by side.
 * After each step both enumerations agree: sessions by user and client, open files by user, name and
 * lock count. A small budget in CI; FC_RUNS for long runs.
 */
import { fc } from "@fast-check/vitest";
import { expect, it } from "vitest";
import { eventually, list } from "../../src/contract/check.js";
import { emulatorTarget } from "../../src/contract/emulatorTarget.js";
import type {
  ContractFileService,
  ContractTarget,
  DriverFile,
  DriverSession,
} from "../../src/contract/types.js";
import { describeWithSamba } from "../support/samba/describeWithSamba.js";
import { sambaTarget } from "./sambaTarget.js";

const RUNS = Number(process.env.FC_RUNS ?? 4);
const USERS = ["alice", "bob"] as const;

type Command =
  | { readonly kind: "open"; readonly user: (typeof USERS)[number] }
  | { readonly kind: "openFile"; readonly session: number; readonly name: string }
  | { readonly kind: "lock"; readonly file: number }
  | { readonly kind: "closeFile"; readonly file: number }
  | { readonly kind: "closeSession"; readonly session: number }
  | { readonly kind: "remove"; readonly session: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant("open" as const), user: fc.constantFrom(...USERS) }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("openFile" as const),
      session: fc.nat(5),
      name: fc.constantFrom("d1.txt", "d2.txt", "d3.txt"),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant("lock" as const), file: fc.nat(5) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("closeFile" as const), file: fc.nat(5) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("closeSession" as const), session: fc.nat(5) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("remove" as const), session: fc.nat(5) }), weight: 1 },
);

/** One side of the comparison: a target, its admin file service, and what its driver opened. */
interface Side {
  readonly target: ContractTarget;
  readonly fso: ContractFileService;
  readonly sessions: { readonly user: string; readonly session: DriverSession; open: boolean }[];
  readonly files: { readonly file: DriverFile; readonly owner: number; open: boolean }[];
}

/** What both sides must agree on, normalized. */
async function view(side: Side) {
  const users = new Set<string>(USERS);
  const sessions = (await list(side.fso.Sessions()))
    .filter((s) => users.has(s.User.toLowerCase()))
    .map((s) => `${s.User.toLowerCase()}@${s.Computer}`)
    .sort();
  const files = (await list(side.fso.Resources()))
    .filter((r) => users.has(r.User.toLowerCase()))
    .map((r) => `${r.User.toLowerCase()}:${r.Path.slice(r.Path.lastIndexOf("\\") + 1)}:${r.LockCount}`)
    .sort();
  return { sessions, files };
}

/** Applies `command` to one side; indexes pick among what is open (modulo), as on the other side. */
async function apply(side: Side, cmd: Command): Promise<void> {
  const live = side.sessions.filter((s) => s.open);
  const liveFiles = side.files.filter((f) => f.open && side.sessions[f.owner]?.open);
  switch (cmd.kind) {
    case "open":
      side.sessions.push({
        user: cmd.user,
        session: await side.target.driver.openSession(cmd.user),
        open: true,
      });
      return;
    case "openFile": {
      const owner = live[cmd.session % Math.max(1, live.length)];
      if (!owner) return;
      side.files.push({
        file: await owner.session.openFile(cmd.name),
        owner: side.sessions.indexOf(owner),
        open: true,
      });
      return;
    }
    case "lock":
    case "closeFile": {
      const entry = liveFiles[cmd.file % Math.max(1, liveFiles.length)];
      if (!entry) return;
      if (cmd.kind === "lock") await entry.file.lock?.(1);
      else {
        await entry.file.close();
        entry.open = false;
      }
      return;
    }
    case "closeSession":
    case "remove": {
      const entry = live[cmd.session % Math.max(1, live.length)];
      if (!entry) return;
      if (cmd.kind === "closeSession") {
        await entry.session.close();
        entry.open = false;
      } else {
        const name = `${entry.user}\\${entry.session.client}`;
        await (await side.fso.Sessions()).Remove(name);
        for (const s of side.sessions) if (s.user === entry.user) s.open = false;
      }
      return;
    }
  }
}

describeWithSamba("differential: the samba profile and real Samba side by side", (samba) => {
  it("agree on sessions and open files after every step of random command sequences", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 8 }), async (commands) => {
        const real = sambaTarget(samba());
        const emulated = emulatorTarget({ profile: "samba" });
        const sides: Side[] = [];
        for (const target of [emulated, real]) {
          sides.push({ target, fso: await target.bind(), sessions: [], files: [] });
        }
        const [emulatorSide, sambaSide] = sides as [Side, Side];
        try {
          for (const cmd of commands) {
            await apply(emulatorSide, { ...cmd, ...(cmd.kind === "open" ? {} : {}) });
            await apply(sambaSide, cmd);
            const expected = await view(emulatorSide);
            // The emulator names its client 10.0.0.5; compare users, counts and files, not addresses.
            const strip = (v: Awaited<ReturnType<typeof view>>) => ({
              ...v,
              sessions: v.sessions.map((s) => s.split("@")[0]),
            });
            await eventually(5_000, async () => {
              expect(strip(await view(sambaSide))).toEqual(strip(expected));
            });
          }
        } finally {
          await real.driver.cleanup();
          await emulated.driver.cleanup();
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 600_000);
});
