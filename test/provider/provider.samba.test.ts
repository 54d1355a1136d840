/**
 * The MS-SRVS provider against a real Samba (one private instance for this file, test/support/samba):
 * sessions opened by two independent clients (in-process SMB2 and smbclient processes), files opened,
 * locked and closed, sessions removed, and the codes Samba answers (samba-provider.md).
 */
import { setTimeout as sleep } from "node:timers/promises";
import { expect, it } from "vitest";
import { runRemoteSessions } from "../../src/cli/remoteSessions.js";
import { AdsError } from "../../src/errors/AdsError.js";
import { connectMsSrvs, type MsSrvsProvider } from "../../src/provider/msrvs/connectMsSrvs.js";
import type { RemoteFileService } from "../../src/provider/msrvs/RemoteFileService.js";
import type { RemoteResource } from "../../src/provider/msrvs/RemoteResource.js";
import type { RemoteSession } from "../../src/provider/msrvs/RemoteSession.js";
import { describeWithSamba } from "../support/samba/describeWithSamba.js";
import type { SambaServer } from "../support/samba/SambaServer.js";

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<AdsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdsError);
  return error as AdsError;
}

/** Re-reads until `done` holds (Samba ends sessions and closes files asynchronously), at most ~5 s. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const value = await read();
    if (done(value) || attempt >= 100) return value;
    await sleep(50);
  }
}

async function connect(samba: SambaServer, user = samba.admin.name, extra = {}): Promise<MsSrvsProvider> {
  return connectMsSrvs({
    host: samba.host,
    port: samba.port,
    user,
    password: samba.user(user).password,
    ...extra,
  });
}

async function lanmanServer(provider: MsSrvsProvider): Promise<RemoteFileService> {
  return provider.GetObject(`WinNT://${provider.host}/LanmanServer`);
}

const sessionsOf = async (fso: RemoteFileService) => all<RemoteSession>(await fso.Sessions());
const filesOf = async (fso: RemoteFileService) => all<RemoteResource>(await fso.Resources());
const named = (name: string) => (r: RemoteResource) => r.Path.endsWith(`\\share\\${name}`);

describeWithSamba("the MS-SRVS provider against a real Samba", (samba) => {
  it("lists the sessions and open files of two independent clients with user, client, path and lock counts", async () => {
    const alice = await samba().holdFile("alice", "enum-alice.txt");
    await alice.file.lock(0n, 4n);
    await alice.file.lock(8n, 4n, { shared: true });
    const bob = await samba().smbclient("bob", ["enum-bob.txt"]);
    const provider = await connect(samba());
    const fso = await lanmanServer(provider);
    expect([fso.Name, fso.Class, fso.ADsPath]).toEqual([
      "LanmanServer",
      "FileService",
      "WinNT://127.0.0.1/LanmanServer",
    ]);

    const sessions = await sessionsOf(fso);
    const pairs = sessions.map((s) => s.Name);
    expect(pairs).toEqual(
      expect.arrayContaining(["alice\\127.0.0.1", "bob\\127.0.0.1", "sadmin\\127.0.0.1"]),
    );
    for (const s of sessions) {
      expect([s.Class, s.Computer, s.Name]).toEqual(["Session", "127.0.0.1", `${s.User}\\127.0.0.1`]);
      expect(Number.isInteger(s.ConnectTime) && s.ConnectTime >= 0 && s.ConnectTime < 3600).toBe(true);
      expect(s.IdleTime).toBe(0); // Samba does not track idle time
    }

    const files = await filesOf(fso);
    const aliceFile = files.find(named("enum-alice.txt"));
    const bobFile = files.find(named("enum-bob.txt"));
    expect([aliceFile?.User, aliceFile?.LockCount, aliceFile?.Class]).toEqual(["alice", 2, "Resource"]);
    expect([bobFile?.User, bobFile?.LockCount]).toEqual(["bob", 0]);
    expect(aliceFile?.Path).toBe(`C:${samba().shareDir}\\enum-alice.txt`.replaceAll("/", "\\"));
    expect(aliceFile?.Name).toMatch(/^\d+$/);

    await alice.file.unlock(0n, 4n);
    expect((await filesOf(fso)).find(named("enum-alice.txt"))?.LockCount).toBe(1); // a fresh enumeration re-reads
    await Promise.all([alice.release(), bob.close(), provider.close()]);
  });

  it("every Name round trips through GetObject; GetInfo re-reads a snapshot", async () => {
    const carol = await samba().holdFile("carol", "roundtrip.txt");
    const provider = await connect(samba());
    const fso = await lanmanServer(provider);
    const sessions = await fso.Sessions();
    for (const s of await all(sessions)) {
      const again = await sessions.GetObject(s.Name);
      expect([again.Name, again.User, again.Computer, again.ADsPath]).toEqual([
        s.Name,
        s.User,
        s.Computer,
        s.ADsPath,
      ]);
    }
    const resources = await fso.Resources();
    const file = (await all(resources)).find(named("roundtrip.txt")) as RemoteResource;
    expect((await resources.GetObject(file.Name)).Path).toBe(file.Path);
    await carol.file.lock(0n, 1n);
    expect(file.LockCount).toBe(0);
    await file.GetInfo();
    expect(file.LockCount).toBe(1);
    await Promise.all([carol.release(), provider.close()]);
  });

  it("a file opened shows up, and disappears once its client closes it; the session stays", async () => {
    const provider = await connect(samba());
    const fso = await lanmanServer(provider);
    const carol = await samba().connect("carol");
    const tree = await carol.treeConnect(samba().share);
    samba().createFile("open-close.txt");
    expect((await filesOf(fso)).some(named("open-close.txt"))).toBe(false);
    const file = await tree.openFile("open-close.txt");
    expect((await filesOf(fso)).filter(named("open-close.txt")).map((r) => r.User)).toEqual(["carol"]);
    await file.close();
    expect(
      (
        await until(
          () => filesOf(fso),
          (f) => !f.some(named("open-close.txt")),
        )
      ).some(named("open-close.txt")),
    ).toBe(false);
    expect((await sessionsOf(fso)).some((s) => s.User === "carol")).toBe(true);
    await Promise.all([carol.close(), provider.close()]);
  });

  it("Sessions.Remove ends the session (smbclient and in-process clients alike) and closes its files", async () => {
    const bob = await samba().smbclient("bob", ["removed-bob.txt"]);
    const provider = await connect(samba());
    const fso = await lanmanServer(provider);
    const sessions = await fso.Sessions();
    expect((await all(sessions)).some((s) => s.Name === "bob\\127.0.0.1")).toBe(true);
    await sessions.Remove("bob\\127.0.0.1");
    const after = await until(
      () => all(sessions),
      (list) => !list.some((s) => s.User === "bob"),
    );
    expect(after.some((s) => s.User === "bob")).toBe(false);
    expect(after.some((s) => s.User === "sadmin")).toBe(true); // the caller's own session was not touched
    expect((await filesOf(fso)).some(named("removed-bob.txt"))).toBe(false);
    expect((await failure(sessions.GetObject("bob\\127.0.0.1"))).code).toBe("NERR_ClientNameNotFound");
    await Promise.all([bob.close(), provider.close()]);
  });

  it("Resources.Remove closes one file (NetrFileClose); its session and its other files stay", async () => {
    const alice = await samba().holdFile("alice", "closed-by-admin.txt");
    const other = await alice.tree.openFile("kept-open.txt", { create: true });
    const provider = await connect(samba());
    const fso = await lanmanServer(provider);
    const resources = await fso.Resources();
    const target = (await all(resources)).find(named("closed-by-admin.txt")) as RemoteResource;
    await resources.Remove(target.Name);
    const files = await until(
      () => all(resources),
      (list) => !list.some(named("closed-by-admin.txt")),
    );
    expect(files.some(named("closed-by-admin.txt"))).toBe(false);
    expect(files.some(named("kept-open.txt"))).toBe(true);
    expect((await sessionsOf(fso)).some((s) => s.User === "alice")).toBe(true);
    await other.close();
    await Promise.all([alice.release(), provider.close()]);
  });

  it("unknown names get Samba's codes: NetSessDel no match E_ACCESSDENIED, NetFileClose unknown ERROR_FILE_NOT_FOUND", async () => {
    const provider = await connect(samba());
    const fso = await lanmanServer(provider);
    const sessions = await fso.Sessions();
    const resources = await fso.Resources();
    const noSession = await failure(sessions.Remove("nobody\\127.0.0.1"));
    expect([noSession.code, noSession.hresult]).toEqual(["E_ACCESSDENIED", 0x80070005]);
    const noFile = await failure(resources.Remove("4294967295"));
    expect([noFile.code, noFile.hresult]).toEqual(["ERROR_FILE_NOT_FOUND", 0x80070002]);
    expect((await failure(sessions.GetObject("nobody\\127.0.0.1"))).code).toBe("NERR_ClientNameNotFound");
    expect((await failure(resources.GetObject("4294967295"))).code).toBe("ERROR_FILE_NOT_FOUND");
    expect((await failure(sessions.Remove("\\127.0.0.1"))).code).toBe("E_INVALIDARG"); // a wildcard: never sent
    expect((await sessionsOf(fso)).some((s) => s.User === "sadmin")).toBe(true);
    await provider.close();
  });

  it("a non-admin (dave) signs in but is denied everything with E_ACCESSDENIED", async () => {
    const bob = await samba().holdFile("bob", "denied.txt");
    const provider = await connect(samba(), "dave");
    const fso = await lanmanServer(provider);
    const sessions = await fso.Sessions();
    const resources = await fso.Resources();
    const admin = await connect(samba());
    const bobFile = (await filesOf(await lanmanServer(admin))).find(named("denied.txt"));
    const attempts = [
      all(sessions),
      all(resources),
      sessions.Remove("bob\\127.0.0.1"),
      resources.Remove(bobFile?.Name as string),
    ];
    for (const attempt of attempts) expect((await failure(attempt)).code).toBe("E_ACCESSDENIED");
    expect((await filesOf(await lanmanServer(admin))).some(named("denied.txt"))).toBe(true);
    await Promise.all([bob.release(), provider.close(), admin.close()]);
  });

  it("a wrong password is ERROR_LOGON_FAILURE; a closed port or an unknown host ERROR_BAD_NETPATH", async () => {
    const wrong = await failure(
      connectMsSrvs({ host: samba().host, port: samba().port, user: "alice", password: "not-it" }),
    );
    expect([wrong.code, wrong.hresult]).toEqual(["ERROR_LOGON_FAILURE", 0x8007052e]);
    const unknownUser = await failure(
      connectMsSrvs({ host: samba().host, port: samba().port, user: "nobody", password: "x" }),
    );
    expect(unknownUser.code).toBe("ERROR_LOGON_FAILURE");
    const closed = await failure(connectMsSrvs({ host: "127.0.0.1", port: 1, user: "a", password: "b" }));
    expect(closed.code).toBe("ERROR_BAD_NETPATH");
    const unknown = await failure(
      connectMsSrvs({ host: "no-such-host.invalid", port: samba().port, user: "a", password: "b" }),
    );
    expect(unknown.code).toBe("ERROR_BAD_NETPATH");
  });

  it("session levels other than 1 are ERROR_INVALID_LEVEL on Samba (what an ADSI using level 2, 10 or 502 would get)", async () => {
    for (const sessionLevel of [2, 10, 502] as const) {
      const provider = await connect(samba(), samba().admin.name, { sessionLevel });
      const error = await failure(sessionsOf(await lanmanServer(provider)));
      expect([error.code, error.hresult]).toEqual(["ERROR_INVALID_LEVEL", 0x8007007c]);
      await provider.close();
    }
  });

  it("when the serving smbd dies the call fails with RPC_S_SERVER_UNAVAILABLE and the next one signs in again", async () => {
    const provider = await connect(samba(), "sadmin");
    const fso = await lanmanServer(provider);
    const sessions = await fso.Sessions();
    await all(sessions);
    const mine = await samba().sessionPids("sadmin");
    expect(mine.length).toBeGreaterThan(0);
    for (const pid of mine) process.kill(pid, "SIGKILL");
    expect((await failure(all(sessions))).code).toBe("RPC_S_SERVER_UNAVAILABLE");
    expect((await all(sessions)).some((s) => s.User === "sadmin")).toBe(true);
    await provider.close();
  });

  it("removing the caller's own session succeeds, and the provider signs in again for the next call", async () => {
    const provider = await connect(samba());
    const fso = await lanmanServer(provider);
    const sessions = await fso.Sessions();
    await sessions.Remove(`${samba().admin.name}\\127.0.0.1`);
    expect((await all(sessions)).some((s) => s.User === samba().admin.name)).toBe(true);
    await provider.close();
  });

  it("the CLI verb lists the live server (tables and --json) and exits 1 for a non-admin", async () => {
    const alice = await samba().holdFile("alice", "cli-alice.txt");
    const cli = async (user: string, json: boolean) => {
      let out = "";
      let err = "";
      const args = ["--host", samba().host, "--port", String(samba().port), "--user", user];
      const status = await runRemoteSessions(json ? [...args, "--json"] : args, {
        out: (text) => {
          out += text;
        },
        err: (text) => {
          err += text;
        },
        env: { ADSI_MSRVS_PASSWORD: samba().user(user).password },
      });
      return { status, out, err };
    };
    const table = await cli("sadmin", false);
    expect([table.status, table.err]).toEqual([0, ""]);
    expect(table.out).toMatch(/^alice\\127\.0\.0\.1 +alice +127\.0\.0\.1 +\d+ +0$/m);
    expect(table.out).toMatch(/^\d+ +alice +C:.*\\cli-alice\.txt +0$/m);
    const json = JSON.parse((await cli("sadmin", true)).out);
    expect(json.sessions.map((s: { User: string }) => s.User)).toEqual(
      expect.arrayContaining(["alice", "sadmin"]),
    );
    expect(json.openFiles.some((f: { Path: string }) => f.Path.endsWith("\\cli-alice.txt"))).toBe(true);
    const denied = await cli("dave", false);
    expect([denied.status, denied.out]).toEqual([1, ""]);
    expect(denied.err).toContain("E_ACCESSDENIED");
    await alice.release();
  });
});
