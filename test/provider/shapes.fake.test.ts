/**
 * The provider's objects against the emulator's, over a fake srvsvc server holding the same sessions
 * and open files as the default fixture's FS01: same Names, paths, classes, values, and the same codes
 * for what both refuse. This is what the contract suite (issue 9) relies on, checked without Samba.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AdsError } from "../../src/errors/AdsError.js";
import {
  createEmulator,
  type IADsFileServiceOperations,
  type IADsResource,
  type IADsSession,
} from "../../src/index.js";
import { connectMsSrvs, type MsSrvsProvider } from "../../src/provider/msrvs/connectMsSrvs.js";
import type { RemoteFileService } from "../../src/provider/msrvs/RemoteFileService.js";
import { FakeSrvsvcServer } from "./support/fakeSrvsvcServer.js";

const PATH = "WinNT://CORP/FS01/LanmanServer";

/** What `action` threw (sync or async), as an AdsError code. */
async function codeOf(action: () => unknown): Promise<string> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(AdsError);
    return (error as AdsError).code;
  }
  throw new Error("expected a failure");
}

const IDENTITY = ["Name", "Class", "GUID", "ADsPath", "Parent", "Schema"] as const;

describe("the provider presents the emulator's shapes (fake srvsvc server mirroring FS01)", () => {
  const emu = createEmulator();
  const fso = emu.GetObject<IADsFileServiceOperations>(PATH);
  const emuSessions = [...fso.Sessions()];
  const emuFiles = [...fso.Resources()];
  let server: FakeSrvsvcServer;
  let provider: MsSrvsProvider;
  let remote: RemoteFileService;

  beforeEach(async () => {
    server = new FakeSrvsvcServer();
    server.sessions = emuSessions.map((s) => ({
      user: s.User,
      client: s.Computer,
      time: s.ConnectTime,
      idleTime: s.IdleTime,
    }));
    server.files = emuFiles.map((r) => {
      const owner = emuSessions.find((s) => s.User === r.User) as IADsSession;
      return {
        id: Number(r.Name),
        permissions: 1,
        numLocks: r.LockCount,
        path: r.Path,
        user: r.User,
        client: owner.Computer,
      };
    });
    provider = await connectMsSrvs({ host: "FS01", user: "administrator", password: "x" }, server.opener);
    remote = await provider.GetObject(PATH);
  });

  afterEach(async () => {
    await provider.close();
    expect(server.open).toBe(0);
  });

  it("the file service: Name, Class, ADsPath, Parent, Schema, GUID", () => {
    const emuFso = fso as unknown as Record<string, unknown>;
    for (const member of IDENTITY)
      expect((remote as unknown as Record<string, unknown>)[member]).toBe(emuFso[member]);
  });

  it("sessions: every identity string and IADsSession value, in the server's order", async () => {
    const listed: IADsSession[] = [];
    for await (const session of await remote.Sessions()) listed.push(session as unknown as IADsSession);
    expect(listed).toHaveLength(emuSessions.length);
    for (const [i, session] of listed.entries()) {
      const expected = emuSessions[i] as IADsSession;
      for (const member of [...IDENTITY, "User", "Computer", "ConnectTime", "IdleTime"] as const)
        expect(session[member]).toBe(expected[member]);
      expect(session.Get("user")).toBe(expected.Get("user"));
      expect(session.GetEx("ConnectTime")).toEqual(expected.GetEx("ConnectTime"));
    }
  });

  it("resources: every identity string and IADsResource value", async () => {
    const listed: IADsResource[] = [];
    for await (const resource of await remote.Resources()) listed.push(resource as unknown as IADsResource);
    expect(
      listed.map((r) => [
        r.Name,
        r.ADsPath,
        r.Parent,
        r.Schema,
        r.Class,
        r.GUID,
        r.User,
        r.Path,
        r.LockCount,
      ]),
    ).toEqual(
      emuFiles.map((r) => [
        r.Name,
        r.ADsPath,
        r.Parent,
        r.Schema,
        r.Class,
        r.GUID,
        r.User,
        r.Path,
        r.LockCount,
      ]),
    );
  });

  it("what both refuse, with the same codes: unknown property, unsupported property, Put, SetInfo, collection members", async () => {
    const [emuSession] = emuSessions as [IADsSession];
    const [session] = await (await remote.Sessions())._NewEnum.Next(1);
    const pairs: [() => unknown, () => unknown][] = [
      [() => emuSession.Get("Nope"), () => session?.Get("Nope")],
      [() => emuSession.GetEx("Path"), () => session?.GetEx("Path")],
      [() => emuSession.UserPath, () => session?.UserPath],
      [() => emuSession.ComputerPath, () => session?.ComputerPath],
      [() => emuSession.Put("User", "x"), () => session?.Put("User", "x")],
      [() => emuSession.SetInfo(), () => session?.SetInfo()],
      [() => emuSession.GetInfoEx(["User"], 1), () => session?.GetInfoEx(["User"], 1)],
      [
        () => {
          (emuSession as { User: string }).User = "x";
        },
        () => {
          (session as unknown as { User: string }).User = "x";
        },
      ],
    ];
    for (const collection of ["Sessions", "Resources"] as const) {
      const emuCollection = fso[collection]() as unknown as Record<string, unknown> & {
        Add(n: string, i: unknown): void;
      };
      const remoteCollection = (await remote[collection]()) as unknown as Record<string, unknown> & {
        Add(n: string, i: unknown): Promise<void>;
      };
      for (const member of ["Count", "Name", "ADsPath", "Class"])
        pairs.push([() => emuCollection[member], () => remoteCollection[member]]);
      pairs.push([() => emuCollection.Add("x", null), () => remoteCollection.Add("x", null)]);
    }
    for (const [emulated, real] of pairs) expect(await codeOf(real)).toBe(await codeOf(emulated));
  });

  it("GetObject(Name) round trips; GetInfo re-reads the server", async () => {
    const sessions = await remote.Sessions();
    for (const expected of emuSessions) {
      const session = await sessions.GetObject(expected.Name);
      expect([session.Name, session.User, session.Computer]).toEqual([
        expected.Name,
        expected.User,
        expected.Computer,
      ]);
    }
    const resources = await remote.Resources();
    for (const expected of emuFiles)
      expect((await resources.GetObject(expected.Name)).Path).toBe(expected.Path);
    const alice = await sessions.GetObject("ALICE\\10.0.0.5"); // names compare case-insensitively
    (server.sessions[0] as { time: number }).time += 60;
    expect(alice.ConnectTime).toBe(emuSessions[0]?.ConnectTime); // a snapshot
    await alice.GetInfo();
    expect(alice.ConnectTime).toBe((emuSessions[0]?.ConnectTime as number) + 60);
  });

  it("the emulator's windows-profile codes for unknown names come from the server: NERR_ClientNameNotFound, NERR_FileIdNotFound", async () => {
    const sessions = await remote.Sessions();
    const resources = await remote.Resources();
    expect(await codeOf(() => sessions.Remove("nobody\\10.9.9.9"))).toBe(
      await codeOf(() => fso.Sessions().Remove("nobody\\10.9.9.9")),
    );
    expect(await codeOf(() => resources.Remove("999"))).toBe(
      await codeOf(() => fso.Resources().Remove("999")),
    );
    expect(await codeOf(() => sessions.GetObject("nobody\\10.9.9.9"))).toBe(
      await codeOf(() => fso.Sessions().GetObject("nobody\\10.9.9.9")),
    );
    expect(await codeOf(() => resources.GetObject("999"))).toBe(
      await codeOf(() => fso.Resources().GetObject("999")),
    );
  });
});
