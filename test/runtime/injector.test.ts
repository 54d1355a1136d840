import { describe, expect, it } from "vitest";
import type { Emulator, HResultSymbol, IADsFileShare, IADsResource } from "../../src/index.js";
import { expectAdsError } from "../adsi/helpers.js";
import { connectAlice, fs01, office } from "./helpers.js";

/** Asserts that `action` fails with `code` and changes nothing: same state object, no new event. */
function refused(emu: Emulator, action: () => unknown, code: HResultSymbol): void {
  const before = emu.state;
  const seq = emu.events.lastSeq;
  expectAdsError(action, code);
  expect(emu.state).toBe(before);
  expect(emu.events.lastSeq).toBe(seq);
}

const share = (emu: Emulator, name: string) => fs01(emu).GetObject("FileShare", name) as IADsFileShare;

describe("emu.inject.openSession: checked the way the server checks a session setup", () => {
  it("opens a session that Sessions() lists, with a handle naming it", () => {
    const emu = office();
    const alice = connectAlice(emu);
    expect(alice).toEqual({
      kind: "session",
      server: "FS01",
      service: "LanmanServer",
      id: 1,
      name: "alice\\10.0.0.5",
      user: "alice",
      client: "10.0.0.5",
    });
    expect(Object.isFrozen(alice)).toBe(true);
    const [session] = [...fs01(emu).Sessions()];
    expect([session?.Name, session?.User, session?.Computer]).toEqual([alice.name, "alice", "10.0.0.5"]);
    expect(share(emu, "Public").CurrentUserCount).toBe(1);
  });

  it("accepts domain, local and qualified names, and shows the directory's spelling", () => {
    const emu = office();
    expect(emu.inject.openSession({ server: "fs01", user: "CORP\\ALICE", client: "a" }).user).toBe("alice");
    expect(
      emu.inject.openSession({ server: "FS01", user: "FS01\\localadmin", password: "local-pw", client: "b" })
        .user,
    ).toBe("localadmin");
    expect(emu.inject.openSession({ server: "FS01", user: "Mallory", client: "c", guest: true }).user).toBe(
      "Mallory",
    );
    expect(
      emu.state.computers.get("FS01" as never)?.services.get("LANMANSERVER" as never)?.fileService?.sessions
        .size,
    ).toBe(3);
  });

  it.each([
    ["an unknown user", { user: "mallory" }, "ERROR_LOGON_FAILURE"],
    ["a wrong password", { user: "alice", password: "nope" }, "ERROR_LOGON_FAILURE"],
    ["another domain's account", { user: "LAB\\labadmin", password: "lab-pw" }, "ERROR_LOGON_FAILURE"],
    ["another computer's local account", { user: "LAB01\\labadmin" }, "ERROR_LOGON_FAILURE"],
    ["an unknown share", { user: "alice", shares: ["Nope"] }, "ERROR_BAD_NET_NAME"],
    ["an unknown server", { server: "FS99", user: "alice" }, "ERROR_BAD_NETPATH"],
    ["an unknown service", { service: "FPNW", user: "alice" }, "ERROR_SERVICE_DOES_NOT_EXIST"],
    ["a service that is no file service", { service: "Spooler", user: "alice" }, "E_INVALIDARG"],
    ["a client with a backslash", { user: "alice", client: "\\\\WS1" }, "E_INVALIDARG"],
    ["an empty client", { user: "alice", client: "" }, "E_INVALIDARG"],
    ["a user with two backslashes", { user: "A\\B\\C" }, "E_INVALIDARG"],
    ["shares that are no array", { user: "alice", shares: "Public" }, "E_INVALIDARG"],
  ] as const)("refuses %s and changes nothing", (_what, fields, code) => {
    const emu = office();
    refused(
      emu,
      () => emu.inject.openSession({ server: "FS01", client: "10.0.0.5", ...fields } as never),
      code,
    );
  });

  it("refuses a share at its MaxUserCount and a server at its MaxUserCount", () => {
    const emu = office({ fileService: { maxUserCount: 2 } });
    emu.inject.openSession({ server: "FS01", user: "alice", client: "a", shares: ["Small"] });
    refused(
      emu,
      () => emu.inject.openSession({ server: "FS01", user: "bob", client: "b", shares: ["Small"] }),
      "ERROR_REQ_NOT_ACCEP",
    );
    emu.inject.openSession({ server: "FS01", user: "bob", client: "b" });
    refused(
      emu,
      () => emu.inject.openSession({ server: "FS01", user: "carol", client: "c" }),
      "ERROR_REQ_NOT_ACCEP",
    );
  });

  it("refuses new sessions while the service is paused or stopped; a paused server keeps its sessions", () => {
    const emu = office();
    const alice = connectAlice(emu);
    emu.inject.pauseService("FS01");
    refused(emu, () => connectAlice(emu, "10.0.0.6"), "ERROR_SHARING_PAUSED");
    emu.inject.activity(alice);
    emu.inject.continueService("FS01");
    emu.inject.stopService("FS01");
    refused(emu, () => connectAlice(emu, "10.0.0.6"), "RPC_S_SERVER_UNAVAILABLE");
    emu.inject.startService("FS01");
    expect(connectAlice(emu, "10.0.0.6").id).toBe(2);
  });

  it("rejects garbage requests with E_INVALIDARG", () => {
    const emu = office();
    for (const bad of [
      null,
      1,
      "FS01",
      { server: 1, user: "alice", client: "x" },
      { server: "FS01", user: "alice", client: 3 },
    ]) {
      refused(emu, () => emu.inject.openSession(bad as never), "E_INVALIDARG");
    }
  });
});

describe("emu.inject files", () => {
  it("opens through a share in every form a client names it, tree-connecting as needed", () => {
    const emu = office();
    const alice = connectAlice(emu);
    const paths = [
      emu.inject.openFile(alice, "Public\\docs\\a.txt").path,
      emu.inject.openFile(alice, "\\\\FS01\\Users\\alice\\b.txt").path,
      emu.inject.openFile(alice, "//fs01/public/c.txt").path,
      emu.inject.openFile(alice, "C:\\Shares\\Public\\d.txt").path,
      emu.inject.openFile(alice, "Users").path,
    ];
    expect(paths).toEqual([
      "C:\\Shares\\Public\\docs\\a.txt",
      "D:\\Users\\alice\\b.txt",
      "C:\\Shares\\Public\\c.txt",
      "C:\\Shares\\Public\\d.txt",
      "D:\\Users",
    ]);
    expect(share(emu, "Users").CurrentUserCount).toBe(1);
    const resources = [...fs01(emu).Resources()].map((r: IADsResource) => [
      r.Name,
      r.User,
      r.Path,
      r.LockCount,
    ]);
    expect(resources[0]).toEqual(["1", "alice", "C:\\Shares\\Public\\docs\\a.txt", 0]);
    expect(resources).toHaveLength(5);
  });

  it.each([
    ["an unknown share", "Nope\\a.txt", "ERROR_BAD_NET_NAME"],
    ["another server's UNC path", "\\\\FS02\\Public\\a.txt", "E_INVALIDARG"],
    ["a local path under no share", "E:\\x.txt", "E_INVALIDARG"],
    ["IPC$, which has no directory", "IPC$\\srvsvc", "E_INVALIDARG"],
    ["an empty path", "", "E_INVALIDARG"],
    ["a control character", "Public\\a\u0007.txt", "E_INVALIDARG"],
  ] as const)("refuses %s", (_what, path, code) => {
    const emu = office();
    const alice = connectAlice(emu);
    refused(emu, () => emu.inject.openFile(alice, path), code);
  });

  it("a refused open keeps no tree connect (one change: connect + open)", () => {
    const emu = office();
    emu.inject.openSession({ server: "FS01", user: "bob", client: "b", shares: ["Small"] });
    const alice = connectAlice(emu);
    refused(emu, () => emu.inject.openFile(alice, "Small\\x.txt"), "ERROR_REQ_NOT_ACCEP");
    refused(emu, () => emu.inject.openFile(alice, "Users\\x.txt", { permissions: 999 }), "E_INVALIDARG");
    expect(share(emu, "Users").CurrentUserCount).toBe(0);
  });

  it("locks and unlocks; releasing more than held is ERROR_NOT_LOCKED", () => {
    const emu = office();
    const file = emu.inject.openFile(connectAlice(emu), "Public\\a.txt", { locks: 1, permissions: 3 });
    emu.inject.lock(file, 2);
    expect(fs01(emu).Resources().GetObject(file.name).LockCount).toBe(3);
    emu.inject.unlock(file);
    expect(fs01(emu).Resources().GetObject(file.name).LockCount).toBe(2);
    refused(emu, () => emu.inject.unlock(file, 3), "ERROR_NOT_LOCKED");
    refused(emu, () => emu.inject.lock(file, 0), "E_INVALIDARG");
    expect(emu.events.query({ type: "file.locks" }).map((e) => [e.previous, e.locks])).toEqual([
      [1, 3],
      [3, 2],
    ]);
  });

  it("closes a file; closing it again, or a file of an ended session, is the profile's unknown-file code", () => {
    const emu = office();
    const alice = connectAlice(emu);
    const file = emu.inject.openFile(alice, "Public\\a.txt");
    emu.inject.closeFile(file);
    expect([...fs01(emu).Resources()]).toEqual([]);
    refused(emu, () => emu.inject.closeFile(file), "NERR_FileIdNotFound");
    const other = emu.inject.openFile(alice, "Public\\b.txt");
    emu.inject.closeSession(alice);
    refused(emu, () => emu.inject.lock(other), "NERR_FileIdNotFound");
    refused(emu, () => emu.inject.activity(alice), "NERR_ClientNameNotFound");
  });

  it("rejects anything but a handle of the right kind", () => {
    const emu = office();
    const alice = connectAlice(emu);
    const file = emu.inject.openFile(alice, "Public\\a.txt");
    for (const bad of [null, {}, "alice", { ...alice, kind: "file" }, { ...alice, id: "1" }]) {
      refused(emu, () => emu.inject.activity(bad as never), "E_INVALIDARG");
    }
    refused(emu, () => emu.inject.closeFile(alice as never), "E_INVALIDARG");
    refused(emu, () => emu.inject.closeSession(file as never), "E_INVALIDARG");
  });
});

describe("emu.inject lookups and services", () => {
  it("finds the sessions and files a fixture loaded", () => {
    const emu = office({
      fileService: {
        sessions: [
          {
            id: 7,
            user: "bob",
            computer: "10.0.0.7",
            connectedAt: "2026-01-05T08:00:00Z",
            openFiles: [{ id: 42, path: "C:\\Shares\\Public\\x" }],
          },
        ],
      },
    });
    const [bob] = emu.inject.sessions("FS01");
    expect(bob).toMatchObject({ id: 7, name: "bob\\10.0.0.7" });
    expect(emu.inject.session("FS01", "BOB\\10.0.0.7")).toEqual(bob);
    expect(emu.inject.session("FS01", 7)).toEqual(bob);
    expect(emu.inject.files("FS01")).toEqual([
      {
        kind: "file",
        server: "FS01",
        service: "LanmanServer",
        id: 42,
        name: "42",
        path: "C:\\Shares\\Public\\x",
        sessionId: 7,
      },
    ]);
    expectAdsError(() => emu.inject.session("FS01", "nobody\\x"), "NERR_ClientNameNotFound");
    if (bob) emu.inject.activity(bob);
    expect(connectAlice(emu).id).toBe(8);
  });

  it("stops, starts, pauses, continues and crashes any service without ADSI rights", () => {
    const emu = office({ caller: null });
    const spooler = emu.GetObject<{ Status: number }>("WinNT://FS01/Spooler");
    const lanman = emu.GetObject<{ Status: number }>("WinNT://FS01/LanmanServer");
    expectAdsError(() => emu.inject.pauseService("FS01", "Spooler"), "ERROR_SERVICE_CANNOT_ACCEPT_CTRL");
    emu.inject.pauseService("FS01");
    expect(lanman.Status).toBe(7);
    emu.inject.continueService("FS01");
    expect(lanman.Status).toBe(4);
    emu.inject.crashService("FS01", "Spooler");
    expect(spooler.Status).toBe(1);
    expectAdsError(() => emu.inject.crashService("FS01", "Spooler"), "ERROR_SERVICE_NOT_ACTIVE");
    emu.inject.startService("FS01", "Spooler");
    expect(spooler.Status).toBe(4);
    expectAdsError(() => emu.inject.startService("FS01", "NoSuch"), "ERROR_SERVICE_DOES_NOT_EXIST");
  });
});
