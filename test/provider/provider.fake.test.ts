import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { AdsError } from "../../src/errors/AdsError.js";
import { FAULT_STATUS } from "../../src/msrvs/dcerpc/faultStatus.js";
import { Smb2Error } from "../../src/msrvs/smb2/Smb2Error.js";
import { SRVSVC_OPNUM } from "../../src/msrvs/srvsvc/interface.js";
import { connectMsSrvs, type MsSrvsProvider } from "../../src/provider/msrvs/connectMsSrvs.js";
import type { RemoteFileService } from "../../src/provider/msrvs/RemoteFileService.js";
import { type FakeSession, FakeSrvsvcServer, logonFailure } from "./support/fakeSrvsvcServer.js";

const OPTIONS = { host: "fs01", user: "admin", password: "pw" };

async function rejection(promise: Promise<unknown>): Promise<AdsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdsError);
  return error as AdsError;
}

async function names<T extends { Name: string }>(items: AsyncIterable<T>): Promise<string[]> {
  const out: string[] = [];
  for await (const item of items) out.push(item.Name);
  return out;
}

async function bound(server: FakeSrvsvcServer, options = {}): Promise<[MsSrvsProvider, RemoteFileService]> {
  const provider = await connectMsSrvs({ ...OPTIONS, ...options }, server.opener);
  return [provider, await provider.GetObject("WinNT://fs01/LanmanServer")];
}

const session = (user: string, client: string, time = 5): FakeSession => ({
  user,
  client,
  time,
  idleTime: 1,
});

describe("connecting and binding (fake srvsvc)", () => {
  it("bad options are E_INVALIDARG before anything is opened", async () => {
    const server = new FakeSrvsvcServer();
    const bad = [
      { ...OPTIONS, host: "" },
      { ...OPTIONS, host: "a\\b" },
      { ...OPTIONS, host: "two words" },
      { ...OPTIONS, user: "" },
      { ...OPTIONS, password: 5 },
      { ...OPTIONS, port: 0 },
      { ...OPTIONS, port: 70000 },
      { ...OPTIONS, port: 1.5 },
      { ...OPTIONS, timeoutMs: -1 },
      { ...OPTIONS, sessionLevel: 0 },
      { ...OPTIONS, sessionLevel: 3 },
      null,
    ];
    for (const options of bad) {
      const error = await rejection(connectMsSrvs(options as never, server.opener));
      expect(error.code).toBe("E_INVALIDARG");
    }
    expect(server.opened).toBe(0);
  });

  it("a wrong password fails at connect with ERROR_LOGON_FAILURE; a refused bind with RPC_S_SERVER_UNAVAILABLE", async () => {
    const server = new FakeSrvsvcServer();
    server.openFailure = logonFailure();
    expect((await rejection(connectMsSrvs(OPTIONS, server.opener))).code).toBe("ERROR_LOGON_FAILURE");
    server.openFailure = new Smb2Error("DISCONNECTED", "cannot connect"); // a custom opener's raw error
    expect((await rejection(connectMsSrvs(OPTIONS, server.opener))).code).toBe("ERROR_BAD_NETPATH");
    server.openFailure = new Error("boom");
    expect((await rejection(connectMsSrvs(OPTIONS, server.opener))).code).toBe("E_FAIL");
    server.openFailure = undefined;
    for (const bind of ["nak", "reject"] as const) {
      server.bind = bind;
      expect((await rejection(connectMsSrvs(OPTIONS, server.opener))).code).toBe("RPC_S_SERVER_UNAVAILABLE");
    }
    expect(server.open).toBe(0); // the pipe is closed when the bind fails
  });

  it("GetObject: the file service of the host only; other paths get the codes of the docs", async () => {
    const server = new FakeSrvsvcServer();
    const provider = await connectMsSrvs(OPTIONS, server.opener);
    for (const path of [
      "WinNT://fs01/LanmanServer",
      "WinNT://FS01/lanmanserver,FileService",
      "WinNT://WG/fs01/LanmanServer,service",
    ]) {
      const fso = await provider.GetObject(path);
      expect([fso.Name, fso.Class]).toEqual(["LanmanServer", "FileService"]);
    }
    const dom = await provider.GetObject("WinNT://WG/FS01/lanmanserver");
    expect([dom.ADsPath, dom.Parent, dom.Schema]).toEqual([
      "WinNT://WG/FS01/LanmanServer",
      "WinNT://WG/FS01",
      "WinNT://WG/Schema/FileService",
    ]);
    const cases: [unknown, string][] = [
      ["WinNT://other/LanmanServer", "ERROR_BAD_NETPATH"],
      ["WinNT://fs01", "E_NOTIMPL"],
      ["WinNT://fs01/Browser", "E_NOTIMPL"],
      ["WinNT://fs01/LanmanServer/Public", "E_NOTIMPL"],
      ["WinNT:", "E_NOTIMPL"],
      ["WinNT://fs01/LanmanServer,Computer", "E_ADS_UNKNOWN_OBJECT"],
      ["WinNT://fs01/LanmanServer,NoSuchClass", "E_ADS_UNKNOWN_OBJECT"],
      ["winnt://fs01/LanmanServer", "E_ADS_BAD_PATHNAME"],
      ["WinNT://fs01//LanmanServer", "E_ADS_BAD_PATHNAME"],
      ["LDAP://fs01", "E_ADS_BAD_PATHNAME"],
      [42, "E_ADS_BAD_PATHNAME"],
    ];
    for (const [path, code] of cases)
      expect((await rejection(provider.GetObject(path as string))).code).toBe(code);
    const fso = await provider.GetObject("WinNT://fs01/LanmanServer");
    for (const call of [
      () => fso.Get("Description"),
      () => fso.GetInfo(),
      () => fso.Start(),
      () => fso.SetInfo(),
    ])
      expect((await rejection(call())).code).toBe("E_NOTIMPL");
    await provider.close();
    expect((await rejection(provider.GetObject("WinNT://fs01/LanmanServer"))).code).toBe(
      "RPC_S_SERVER_UNAVAILABLE",
    );
    expect((await rejection(fso.Sessions())).code).toBe("RPC_S_SERVER_UNAVAILABLE");
    expect(server.open).toBe(0);
  });
});

describe("enumeration (fake srvsvc)", () => {
  it("Windows paging: ERROR_MORE_DATA pages are followed with the resume handle until WERROR 0", async () => {
    const server = new FakeSrvsvcServer();
    server.pageSize = 3;
    server.sessions = Array.from({ length: 8 }, (_, i) => session(`u${i}`, `10.0.0.${i}`));
    server.files = Array.from({ length: 7 }, (_, i) => ({
      id: 100 + i,
      permissions: 3,
      numLocks: i,
      path: `C:\\f${i}`,
      user: `u${i}`,
      client: `10.0.0.${i}`,
    }));
    const [provider, fso] = await bound(server);
    expect(await names(await fso.Sessions())).toEqual(server.sessions.map((s) => `${s.user}\\${s.client}`));
    expect(await names(await fso.Resources())).toEqual(server.files.map((f) => String(f.id)));
    const resumes = server.calls.map((c) => (c.request as { resumeHandle: number }).resumeHandle);
    expect(resumes).toEqual([0, 3, 6, 0, 3, 6]);
    await provider.close();
  });

  it("a reply larger than one fragment is reassembled (many long paths)", async () => {
    const server = new FakeSrvsvcServer();
    server.files = Array.from({ length: 60 }, (_, i) => ({
      id: i + 1,
      permissions: 1,
      numLocks: 0,
      path: `C:\\Shares\\Projects\\a-rather-long-folder-name\\document-number-${i}.docx`,
      user: "bob",
      client: "10.0.0.7",
    }));
    const [provider, fso] = await bound(server);
    const paths: string[] = [];
    for await (const r of await fso.Resources()) paths.push(r.Path);
    expect(paths).toEqual(server.files.map((f) => f.path));
    await provider.close();
  });

  it("Samba answers only levels 0/1: the default level 1 works, level 502 is ERROR_INVALID_LEVEL", async () => {
    const server = new FakeSrvsvcServer();
    server.flavor = "samba";
    server.sessions = [session("alice", "127.0.0.1")];
    const [p1, level1] = await bound(server);
    expect(await names(await level1.Sessions())).toEqual(["alice\\127.0.0.1"]);
    const [p502, level502] = await bound(server, { sessionLevel: 502 });
    const sessions = await level502.Sessions();
    expect((await rejection(sessions._NewEnum.Next(1))).code).toBe("ERROR_INVALID_LEVEL");
    await Promise.all([p1.close(), p502.close()]);
  });

  it("levels 2, 10 and 502 give the same sessions on a Windows-like server", async () => {
    const server = new FakeSrvsvcServer();
    server.sessions = [session("alice", "10.0.0.5", 70), session("bob", "WS-BOB", 0xffffffff)];
    for (const sessionLevel of [1, 2, 10, 502] as const) {
      const [provider, fso] = await bound(server, { sessionLevel });
      const seen: unknown[] = [];
      for await (const s of await fso.Sessions()) seen.push([s.Name, s.ConnectTime, s.IdleTime]);
      expect(seen).toEqual([
        ["alice\\10.0.0.5", 70, 1],
        ["bob\\WS-BOB", 0, 1], // 0xFFFFFFFF: Samba's first-second underflow reads 0
      ]);
      await provider.close();
    }
  });

  it("each enumeration re-reads the server; _NewEnum Next/Skip/Reset/Clone behave as IEnumVARIANT", async () => {
    const server = new FakeSrvsvcServer();
    server.sessions = [session("a", "1"), session("b", "2"), session("c", "3")];
    const [provider, fso] = await bound(server);
    const sessions = await fso.Sessions();
    const enumerator = sessions._NewEnum;
    expect((await enumerator.Next(2)).map((s) => s.Name)).toEqual(["a\\1", "b\\2"]);
    const clone = enumerator.Clone();
    server.sessions.push(session("d", "4"));
    expect(await enumerator.Skip(5)).toBe(false);
    expect((await clone.Next(5)).map((s) => s.Name)).toEqual(["c\\3"]);
    enumerator.Reset();
    expect(await enumerator.Skip(4)).toBe(true);
    expect(await names(sessions)).toEqual(["a\\1", "b\\2", "c\\3", "d\\4"]);
    expect((await rejection(enumerator.Next(-1))).code).toBe("E_INVALIDARG");
    await provider.close();
  });
});

describe("Remove (fake srvsvc)", () => {
  it("Sessions.Remove sends NetrSessionDel(\\\\client, user) and the pair's sessions and files are gone", async () => {
    const server = new FakeSrvsvcServer();
    server.sessions = [
      session("alice", "10.0.0.5"),
      session("alice", "10.0.0.5"),
      session("alice", "10.0.0.6"),
    ];
    server.files = [{ id: 7, permissions: 1, numLocks: 0, path: "C:\\a", user: "alice", client: "10.0.0.5" }];
    const [provider, fso] = await bound(server);
    const sessions = await fso.Sessions();
    await sessions.Remove("alice\\10.0.0.5");
    expect(server.calls.at(-1)?.request).toEqual({
      serverName: "\\\\fs01",
      clientName: "\\\\10.0.0.5",
      userName: "alice",
    });
    expect(await names(sessions)).toEqual(["alice\\10.0.0.6"]);
    expect(await names(await fso.Resources())).toEqual([]);
    expect((await rejection(sessions.Remove("alice\\10.0.0.5"))).code).toBe("NERR_ClientNameNotFound");
    await provider.close();
  });

  it("a DOMAIN\\user session (a Samba domain member) round trips: the Name splits at its last backslash", async () => {
    const server = new FakeSrvsvcServer();
    server.sessions = [session("CORP\\alice", "10.0.0.5")];
    const [provider, fso] = await bound(server);
    const sessions = await fso.Sessions();
    const [listed] = await sessions._NewEnum.Next(1);
    expect(listed?.Name).toBe("CORP\\alice\\10.0.0.5");
    expect((await sessions.GetObject(listed?.Name as string)).User).toBe("CORP\\alice");
    await sessions.Remove(listed?.Name as string);
    expect(server.calls.at(-1)?.request).toMatchObject({
      clientName: "\\\\10.0.0.5",
      userName: "CORP\\alice",
    });
    expect(server.sessions).toEqual([]);
    await provider.close();
  });

  it("Resources.Remove sends NetrFileClose(id); the session stays", async () => {
    const server = new FakeSrvsvcServer();
    server.flavor = "samba";
    server.sessions = [session("bob", "127.0.0.1")];
    server.files = [
      { id: 0x10002, permissions: 3, numLocks: 1, path: "C:\\b", user: "bob", client: "127.0.0.1" },
    ];
    const [provider, fso] = await bound(server);
    const resources = await fso.Resources();
    await resources.Remove("65538");
    expect(server.calls.at(-1)?.request).toEqual({ serverName: "\\\\fs01", fileId: 65538 });
    expect(await names(resources)).toEqual([]);
    expect(await names(await fso.Sessions())).toEqual(["bob\\127.0.0.1"]);
    expect((await rejection(resources.Remove("65538"))).code).toBe("ERROR_FILE_NOT_FOUND"); // Samba's code
    await provider.close();
  });

  const anyChars = fc.string({
    maxLength: 8,
    unit: fc.oneof(
      fc.constantFrom("\0", "\\", "\ud800"),
      fc.string({ minLength: 1, maxLength: 1, unit: "binary" }),
    ),
  });
  const nameArb = fc.oneof(
    anyChars,
    fc.tuple(anyChars, anyChars).map(([user, client]) => `${user}\\${client}`),
  );
  test.prop([nameArb], { numRuns: 300 })(
    "a session name without a user and a client around its last backslash (or with a NUL), or a file name that is not a u32, sends nothing",
    async (name) => {
      const server = new FakeSrvsvcServer();
      server.sessions = [session("alice", "10.0.0.5")];
      const [provider, fso] = await bound(server);
      const at = name.lastIndexOf("\\");
      const parts = [name.slice(0, at), name.slice(at + 1)];
      const sessionName = at > 0 && at < name.length - 1 && !name.includes("\0");
      const fileId = /^\d{1,10}$/.test(name) && Number(name) <= 0xffffffff;
      const sessionRemove = (await fso.Sessions()).Remove(name);
      const fileRemove = (await fso.Resources()).Remove(name);
      if (!sessionName) expect((await rejection(sessionRemove)).code).toBe("E_INVALIDARG");
      else await sessionRemove.catch(() => undefined);
      if (!fileId) expect((await rejection(fileRemove)).code).toBe("E_INVALIDARG");
      else await fileRemove.catch(() => undefined);
      const sent = server.calls.filter(
        (c) => c.opnum === SRVSVC_OPNUM.NetrSessionDel || c.opnum === SRVSVC_OPNUM.NetrFileClose,
      );
      expect(sent.length).toBe(Number(sessionName) + Number(fileId));
      for (const call of sent) {
        const request = call.request as { clientName?: string; userName?: string };
        if (call.opnum === SRVSVC_OPNUM.NetrSessionDel)
          expect([request.userName, request.clientName]).toEqual([parts[0], `\\\\${parts[1]}`]);
      }
      await provider.close();
    },
  );

  it("non-string names are E_INVALIDARG; GetObject of an unknown or malformed name is 'not found'", async () => {
    const server = new FakeSrvsvcServer();
    const [provider, fso] = await bound(server);
    const sessions = await fso.Sessions();
    const resources = await fso.Resources();
    for (const name of [undefined, 5, null, {}] as never[]) {
      const calls = [
        () => sessions.Remove(name),
        () => sessions.GetObject(name),
        () => resources.Remove(name),
        () => resources.GetObject(name),
      ];
      for (const call of calls) expect((await rejection(call())).code).toBe("E_INVALIDARG");
    }
    expect((await rejection(sessions.GetObject("no-backslash"))).code).toBe("NERR_ClientNameNotFound");
    expect((await rejection(resources.GetObject("x1"))).code).toBe("ERROR_FILE_NOT_FOUND");
    await provider.close();
  });
});

describe("failures (fake srvsvc)", () => {
  it("a non-zero WERROR maps through the table and the association stays usable", async () => {
    const server = new FakeSrvsvcServer();
    const [provider, fso] = await bound(server);
    server.werrors.set(SRVSVC_OPNUM.NetrSessionEnum, 5);
    expect((await rejection(names(await fso.Sessions()))).code).toBe("E_ACCESSDENIED");
    server.werrors.set(SRVSVC_OPNUM.NetrFileEnum, 0x84b);
    expect((await rejection(names(await fso.Resources()))).code).toBe("NERR_BufTooSmall");
    server.werrors.clear();
    expect(await names(await fso.Sessions())).toEqual([]);
    expect(server.opened).toBe(1);
    await provider.close();
  });

  it("a fault is RPC_S_SERVER_UNAVAILABLE (access denied: E_ACCESSDENIED) and the association stays usable", async () => {
    const server = new FakeSrvsvcServer();
    const [provider, fso] = await bound(server);
    server.faults.set(SRVSVC_OPNUM.NetrFileEnum, FAULT_STATUS.nca_s_op_rng_error);
    expect((await rejection(names(await fso.Resources()))).code).toBe("RPC_S_SERVER_UNAVAILABLE");
    server.faults.set(SRVSVC_OPNUM.NetrFileEnum, FAULT_STATUS.nca_s_fault_access_denied);
    expect((await rejection(names(await fso.Resources()))).code).toBe("E_ACCESSDENIED");
    server.faults.clear();
    expect(await names(await fso.Resources())).toEqual([]);
    expect(server.opened).toBe(1);
    await provider.close();
  });

  it("a disconnect, a malformed PDU or a reply to another call: RPC_S_SERVER_UNAVAILABLE, then a new association; a stub that does not decode keeps it", async () => {
    const server = new FakeSrvsvcServer();
    server.sessions = [session("alice", "10.0.0.5")];
    const [provider, fso] = await bound(server);
    const sessions = await fso.Sessions();
    const cases = [
      ["disconnect", true],
      ["garbage", true],
      ["wrong-call-id", true],
      ["truncated-stub", false],
    ] as const;
    for (const [failure, reopens] of cases) {
      const opened = server.opened;
      server.failures.push(failure);
      expect((await rejection(names(sessions))).code).toBe("RPC_S_SERVER_UNAVAILABLE");
      expect(await names(sessions)).toEqual(["alice\\10.0.0.5"]);
      expect(server.opened - opened).toBe(reopens ? 1 : 0);
      expect(server.open).toBe(1);
    }
    await provider.close();
    expect(server.open).toBe(0);
  });

  it("removing the caller's own session: a disconnect during NetrSessionDel counts as success", async () => {
    const server = new FakeSrvsvcServer();
    server.sessions = [session("admin", "10.0.0.1"), session("alice", "10.0.0.1")];
    const [provider, fso] = await bound(server);
    const sessions = await fso.Sessions();
    server.failures.push("disconnect");
    await sessions.Remove("ADMIN\\10.0.0.1");
    server.failures.push("disconnect");
    expect((await rejection(sessions.Remove("alice\\10.0.0.1"))).code).toBe("RPC_S_SERVER_UNAVAILABLE");
    expect(await names(sessions)).toEqual(["admin\\10.0.0.1", "alice\\10.0.0.1"]);
    await provider.close();
  });

  it("a reconnect that fails rejects with the logon code; the next call tries again", async () => {
    const server = new FakeSrvsvcServer();
    const [provider, fso] = await bound(server);
    const sessions = await fso.Sessions();
    server.failures.push("disconnect");
    await rejection(names(sessions));
    server.openFailure = logonFailure();
    expect((await rejection(names(sessions))).code).toBe("ERROR_LOGON_FAILURE");
    expect((await rejection(fso.Resources())).code).toBe("ERROR_LOGON_FAILURE");
    server.openFailure = undefined;
    expect(await names(sessions)).toEqual([]);
    await provider.close();
  });

  it("a server that drops every new association: RPC_S_SERVER_UNAVAILABLE after three attempts, no loop", async () => {
    const server = new FakeSrvsvcServer();
    server.dropAfterBind = true;
    expect((await rejection(connectMsSrvs(OPTIONS, server.opener))).code).toBe("RPC_S_SERVER_UNAVAILABLE");
    expect([server.opened, server.open]).toEqual([3, 0]);
  });

  it("concurrent calls on one provider run one at a time and all succeed", async () => {
    const server = new FakeSrvsvcServer();
    server.pageSize = 2;
    server.sessions = Array.from({ length: 5 }, (_, i) => session(`u${i}`, "c"));
    const [provider, fso] = await bound(server);
    const sessions = await fso.Sessions();
    const all = await Promise.all(Array.from({ length: 6 }, () => names(sessions)));
    for (const listed of all) expect(listed).toHaveLength(5);
    await provider.close();
  });
});
