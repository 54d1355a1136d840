/**
 * The Sessions and Resources collections (spec §5, §8.1-8.2, §9.3; docs/behaviour.md "Sessions and
 * open files", "Shares"): IEnumVARIANT semantics, re-reading the server, GetObject/Remove by name,
 * FPNW classes, a stopped or paused server, and how sessions interact with shares. Rules the ADSI
 * surface cannot reach (a client connecting) are driven through the engine's DirectoryStore.
 */
import { describe, expect, it } from "vitest";
import { stateFromFixture } from "../../src/engine/fromFixture.js";
import { nameKey } from "../../src/engine/state.js";
import { DirectoryStore } from "../../src/engine/store.js";
import { connectShare, deleteSessions, openSession } from "../../src/engine/transitions/sessions.js";
import { FixedClock } from "../../src/env/clock.js";
import { createEnvironment } from "../../src/env/environment.js";
import {
  AdsError,
  createEmulator,
  type Fixture,
  type IADsFileShare,
  validateFixture,
  windowsProfile,
} from "../../src/index.js";
import {
  ago,
  currentUserCount,
  expectAdsError,
  lanman,
  NOW,
  names,
  resourceRows,
  serverFixture,
  sessionRows,
} from "./helpers.js";

const P = windowsProfile;
const DEFAULT_NAMES = ["alice\\10.0.0.5", "bob\\10.0.0.7", "carol\\WS-CAROL", "administrator\\10.0.0.2"];

function itemNames(items: readonly { Name: string }[]): string[] {
  return items.map((item) => item.Name);
}

describe("_NewEnum (IEnumVARIANT)", () => {
  it("Next(n) returns up to n items and fewer at the end, then none", () => {
    const e = lanman(createEmulator()).Sessions()._NewEnum;
    expect(itemNames(e.Next(0))).toEqual([]);
    expect(itemNames(e.Next(3))).toEqual(DEFAULT_NAMES.slice(0, 3));
    expect(itemNames(e.Next(3))).toEqual(DEFAULT_NAMES.slice(3));
    expect(e.Next(3)).toEqual([]);
    expect(e.Next(1)).toEqual([]);
  });

  it("Skip(n) returns true when n items were skipped and false when fewer were left (skipping to the end)", () => {
    const e = lanman(createEmulator()).Sessions()._NewEnum;
    expect(e.Skip(0)).toBe(true);
    expect(e.Skip(2)).toBe(true);
    expect(itemNames(e.Next(1))).toEqual([DEFAULT_NAMES[2]]);
    expect(e.Skip(5)).toBe(false);
    expect(e.Next(1)).toEqual([]);
    expect(e.Skip(1)).toBe(false);
    const exact = lanman(createEmulator()).Resources()._NewEnum;
    expect(exact.Skip(4)).toBe(true);
    expect(exact.Next(1)).toEqual([]);
  });

  it("Clone() is at the same position and independent of the original", () => {
    const e = lanman(createEmulator()).Sessions()._NewEnum;
    expect(itemNames(e.Next(1))).toEqual([DEFAULT_NAMES[0]]);
    const c = e.Clone();
    expect(itemNames(c.Next(2))).toEqual(DEFAULT_NAMES.slice(1, 3));
    expect(itemNames(e.Next(1))).toEqual([DEFAULT_NAMES[1]]);
    c.Reset();
    expect(itemNames(e.Next(5))).toEqual(DEFAULT_NAMES.slice(2));
    expect(itemNames(c.Next(5))).toEqual(DEFAULT_NAMES);
    // A clone of an enumerator that has not read yet.
    const fresh = lanman(createEmulator()).Resources()._NewEnum;
    const twin = fresh.Clone();
    expect(itemNames(fresh.Next(4))).toEqual(["42", "43", "44", "45"]);
    expect(itemNames(twin.Next(1))).toEqual(["42"]);
  });

  it("Reset() re-reads the server: a session removed between Reset and Next is gone", () => {
    const fso = lanman(createEmulator());
    const sessions = fso.Sessions();
    const e = sessions._NewEnum;
    expect(itemNames(e.Next(10))).toEqual(DEFAULT_NAMES);
    e.Reset();
    sessions.Remove("bob\\10.0.0.7");
    expect(itemNames(e.Next(10))).toEqual(DEFAULT_NAMES.filter((n) => n !== "bob\\10.0.0.7"));
    const files = fso.Resources()._NewEnum;
    expect(itemNames(files.Next(10))).toEqual(["42", "45"]);
    fso.Resources().Remove("42");
    files.Reset();
    expect(itemNames(files.Next(10))).toEqual(["45"]);
  });

  it("an enumeration under way is a snapshot taken at its first Next; each new enumeration re-reads", () => {
    const fso = lanman(createEmulator());
    const sessions = fso.Sessions();
    const e = sessions._NewEnum;
    expect(itemNames(e.Next(1))).toEqual([DEFAULT_NAMES[0]]);
    sessions.Remove("carol\\WS-CAROL");
    expect(itemNames(e.Next(10))).toEqual(DEFAULT_NAMES.slice(1));
    // The same collection object, enumerated again, sees the server as it is now.
    expect(names(sessions)).toEqual(DEFAULT_NAMES.filter((n) => n !== "carol\\WS-CAROL"));
    expect(itemNames(sessions._NewEnum.Next(10))).toEqual(names(fso.Sessions()));
    // An enumerator created before a change but not yet read sees the change.
    const pending = sessions._NewEnum;
    sessions.Remove("alice\\10.0.0.5");
    expect(itemNames(pending.Next(10))).toEqual(["bob\\10.0.0.7", "administrator\\10.0.0.2"]);
  });

  it("Next and Skip refuse a negative or fractional count with E_INVALIDARG", () => {
    const e = lanman(createEmulator()).Sessions()._NewEnum;
    expectAdsError(() => e.Next(-1), "E_INVALIDARG", 0x80070057);
    expectAdsError(() => e.Skip(1.5), "E_INVALIDARG", 0x80070057);
    expect(itemNames(e.Next(1))).toEqual([DEFAULT_NAMES[0]]);
  });
});

describe("GetObject / Remove by name", () => {
  it("Sessions.GetObject(name) returns a Session with the same Name, User and Computer", () => {
    const sessions = lanman(createEmulator()).Sessions();
    for (const s of sessions) {
      const got = sessions.GetObject(s.Name);
      expect([got.Class, got.Name, got.User, got.Computer, got.ConnectTime, got.IdleTime]).toEqual([
        "Session",
        s.Name,
        s.User,
        s.Computer,
        s.ConnectTime,
        s.IdleTime,
      ]);
      expect(got.Parent).toBe(s.Parent);
      expect(got.ADsPath).toBe(s.ADsPath);
    }
  });

  it("the (user, computer) pair of a name is matched case-insensitively", () => {
    const fso = lanman(createEmulator());
    const got = fso.Sessions().GetObject("ALICE\\10.0.0.5");
    expect([got.Name, got.User]).toEqual(["alice\\10.0.0.5", "alice"]);
    fso.Sessions().Remove("CAROL\\ws-carol");
    expect(names(fso.Sessions())).toEqual(DEFAULT_NAMES.filter((n) => n !== "carol\\WS-CAROL"));
  });

  it("Resources.GetObject(id) returns the Resource with that Name", () => {
    const resources = lanman(createEmulator()).Resources();
    const r = resources.GetObject("44");
    expect([r.Class, r.Name, r.User, r.Path, r.LockCount]).toEqual([
      "Resource",
      "44",
      "bob",
      "C:\\Shares\\Public\\plan.xlsx",
      2,
    ]);
  });

  it("unknown or malformed names fail with the profile's codes and change nothing", () => {
    const fso = lanman(createEmulator());
    const sessions = fso.Sessions();
    const resources = fso.Resources();
    for (const name of ["nobody\\x", "alice\\10.0.0.99", "alice", "", "a\\b\\c", "\\10.0.0.5"]) {
      expectAdsError(() => sessions.GetObject(name), P.unknownSessionError, 0x80070908);
      expectAdsError(() => sessions.Remove(name), P.unknownSessionError, 0x80070908);
    }
    for (const name of ["999", "abc", "0", "", "-42", "42.0", "4294967296"]) {
      expectAdsError(() => resources.GetObject(name), P.unknownResourceError, 0x80070002);
      expectAdsError(() => resources.Remove(name), P.closeUnknownFileError, 0x8007090a);
    }
    expect(names(sessions)).toEqual(DEFAULT_NAMES);
    expect(names(resources)).toEqual(["42", "43", "44", "45"]);
  });

  it("a session object whose session has ended fails to load its properties with the unknown-session code", () => {
    const fso = lanman(createEmulator());
    const bob = fso.Sessions().GetObject("bob\\10.0.0.7");
    fso.Sessions().Remove(bob.Name);
    expect(bob.Name).toBe("bob\\10.0.0.7");
    expectAdsError(() => bob.User, P.unknownSessionError, 0x80070908);
  });
});

describe("FPNW file service", () => {
  const fixture = serverFixture({
    service: "FPNW",
    kind: "fpnwFileService",
    sessions: [
      {
        user: "alice",
        computer: "NWCLIENT",
        connectedAt: ago(60),
        lastActivityAt: ago(10),
        shares: ["Data"],
        openFiles: [{ id: 7, path: "C:\\data\\nw.txt", locks: 3 }],
      },
    ],
  });

  it("items are FPNWSession / FPNWResource objects and FPNWSession has no IdleTime", () => {
    const fpnw = lanman(createEmulator({ fixture }), "WinNT://FS01/FPNW");
    expect(fpnw.Class).toBe("FPNWFileService");
    const [session] = fpnw.Sessions();
    const [resource] = fpnw.Resources();
    expect(session?.Class).toBe("FPNWSession");
    expect(resource?.Class).toBe("FPNWResource");
    expect([session?.Name, session?.User, session?.Computer, session?.ConnectTime]).toEqual([
      "alice\\NWCLIENT",
      "alice",
      "NWCLIENT",
      60,
    ]);
    expectAdsError(() => session?.Get("IdleTime"), P.propertyNotInClassError, 0x80005006);
    expectAdsError(() => session?.IdleTime, P.propertyNotInClassError, 0x80005006);
    expect([resource?.Name, resource?.User, resource?.Path, resource?.LockCount]).toEqual([
      "7",
      "alice",
      "C:\\data\\nw.txt",
      3,
    ]);
    expect(fpnw.Sessions().GetObject("alice\\NWCLIENT").Class).toBe("FPNWSession");
    fpnw.Sessions().Remove("alice\\NWCLIENT");
    expect(names(fpnw.Sessions())).toEqual([]);
    expect(names(fpnw.Resources())).toEqual([]);
  });
});

describe("service status and the collections", () => {
  it("a LanmanServer stopped in the fixture: Sessions() and Resources() fail with serverNotRunningError; Start makes them work", () => {
    const fso = lanman(createEmulator({ fixture: serverFixture({ status: "stopped" }) }));
    expect(fso.Status).toBe(1);
    expect(P.serverNotRunningError).toBe("RPC_S_SERVER_UNAVAILABLE");
    expectAdsError(() => fso.Sessions(), P.serverNotRunningError, 0x800706ba);
    expectAdsError(() => fso.Resources(), P.serverNotRunningError, 0x800706ba);
    fso.Start();
    expect(fso.Status).toBe(4);
    expect(names(fso.Sessions())).toEqual([]);
    expect(names(fso.Resources())).toEqual([]);
  });

  it("Stop() through the facade ends every session; the collections fail until Start(), after which the old sessions are gone", () => {
    const fso = lanman(createEmulator());
    const before = fso.Sessions();
    fso.Stop();
    expect(fso.Status).toBe(1);
    expectAdsError(() => fso.Sessions(), P.serverNotRunningError, 0x800706ba);
    expectAdsError(() => fso.Resources(), P.serverNotRunningError, 0x800706ba);
    // A collection obtained while running cannot enumerate, look up or remove either.
    expectAdsError(() => [...before], P.serverNotRunningError, 0x800706ba);
    expectAdsError(() => before.GetObject("alice\\10.0.0.5"), P.serverNotRunningError, 0x800706ba);
    expectAdsError(() => before.Remove("alice\\10.0.0.5"), P.serverNotRunningError, 0x800706ba);
    fso.Start();
    expect(fso.Status).toBe(4);
    expect(names(fso.Sessions())).toEqual([]);
    expect(names(fso.Resources())).toEqual([]);
    expect(names(before)).toEqual([]);
    expectAdsError(() => fso.Sessions().GetObject("alice\\10.0.0.5"), P.unknownSessionError, 0x80070908);
    for (const share of ["Public", "Finance", "Users", "C$"]) expect(currentUserCount(fso, share)).toBe(0);
  });

  it("Pause keeps existing sessions and files enumerable (and removable); Continue resumes", () => {
    const fso = lanman(createEmulator());
    const sessions = sessionRows(fso);
    const files = resourceRows(fso);
    fso.Pause();
    expect(fso.Status).toBe(7);
    expect(sessionRows(fso)).toEqual(sessions);
    expect(resourceRows(fso)).toEqual(files);
    fso.Sessions().Remove("alice\\10.0.0.5");
    expect(names(fso.Sessions())).toEqual(DEFAULT_NAMES.slice(1));
    fso.Continue();
    expect(fso.Status).toBe(4);
    expect(names(fso.Sessions())).toEqual(DEFAULT_NAMES.slice(1));
  });
});

describe("sessions and shares", () => {
  it("a share's CurrentUserCount decreases when a session connected to it is removed", () => {
    const fso = lanman(createEmulator());
    const counts = () => ["Public", "Users", "Finance", "C$"].map((s) => currentUserCount(fso, s));
    expect(counts()).toEqual([2, 1, 1, 1]);
    fso.Sessions().Remove("alice\\10.0.0.5");
    expect(counts()).toEqual([1, 1, 1, 1]);
    fso.Sessions().Remove("bob\\10.0.0.7");
    expect(counts()).toEqual([0, 0, 1, 1]);
    // Closing a file does not change the count (the tree connect stays).
    fso.Resources().Remove("45");
    expect(counts()).toEqual([0, 0, 1, 1]);
  });

  it("deleting a share with sessions connected closes their files under its path and keeps the sessions", () => {
    const fso = lanman(createEmulator());
    const sessionsBefore = sessionRows(fso);
    fso.Delete("FileShare", "Public");
    expectAdsError(() => fso.GetObject("FileShare", "Public"), "NERR_NetNameNotFound", 0x80070906);
    // alice's a.txt and bob's plan.xlsx were under C:\Shares\Public; bob's notes.docx and carol's q4.xlsx were not.
    expect(names(fso.Resources())).toEqual(["43", "45"]);
    expect(sessionRows(fso)).toEqual(sessionsBefore);
    expect(currentUserCount(fso, "Users")).toBe(1);
    expect(currentUserCount(fso, "Finance")).toBe(1);
    // Removing bob afterwards releases Users only.
    fso.Sessions().Remove("bob\\10.0.0.7");
    expect(currentUserCount(fso, "Users")).toBe(0);
    expect(names(fso.Resources())).toEqual(["45"]);
  });

  it("a share Create + SetInfo still works with sessions present", () => {
    const fso = lanman(createEmulator());
    const share = fso.Create("FileShare", "Projects") as IADsFileShare;
    share.Put("Path", "C:\\Shares\\Projects");
    share.SetInfo();
    const bound = fso.GetObject("FileShare", "Projects") as IADsFileShare;
    expect([bound.Path, bound.MaxUserCount, bound.CurrentUserCount]).toEqual(["C:\\Shares\\Projects", -1, 0]);
    expect(names(fso.Sessions())).toEqual(DEFAULT_NAMES);
    expect(currentUserCount(fso, "Public")).toBe(2);
    // Changing an existing share's MaxUserCount with sessions connected also commits.
    const users = fso.GetObject("FileShare", "Users") as IADsFileShare;
    users.MaxUserCount = 10;
    users.SetInfo();
    expect(currentUserCount(fso, "Users")).toBe(1);
  });
});

describe("MaxUserCount enforcement when a client connects (engine)", () => {
  const FS01 = nameKey("FS01");
  const LANMAN = nameKey("LanmanServer");
  const at = { computer: FS01, service: LANMAN };

  function store(fixture: Fixture): DirectoryStore {
    return new DirectoryStore(stateFromFixture(validateFixture(fixture), windowsProfile), {
      env: createEnvironment(1, new FixedClock(NOW)),
      profile: windowsProfile,
    });
  }

  function refused(s: DirectoryStore, action: () => unknown): void {
    const before = s.state;
    let thrown: unknown;
    try {
      action();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AdsError);
    expect((thrown as AdsError).code).toBe(P.tooManyUsersError);
    expect((thrown as AdsError).hresult).toBe(0x80070047);
    expect(s.state).toBe(before);
  }

  const fixture = serverFixture({
    shares: [
      { name: "Limited", path: "C:\\Limited", maxUserCount: 1 },
      { name: "Open", path: "C:\\Open" },
    ],
    sessions: [{ user: "alice", computer: "10.0.0.5", connectedAt: ago(60), shares: ["Limited"] }],
  });

  it("opening a session onto a share at its MaxUserCount fails with tooManyUsersError (0x80070047)", () => {
    expect(P.tooManyUsersError).toBe("ERROR_REQ_NOT_ACCEP");
    const s = store(fixture);
    refused(s, () => s.apply(openSession, { ...at, user: "bob", client: "WS02", shares: ["Limited"] }));
    refused(s, () =>
      s.apply(openSession, { ...at, user: "bob", client: "WS02", shares: ["Open", "limited"] }),
    );
  });

  it("a tree connect of an existing session to a full share fails the same way; after the holder leaves it succeeds", () => {
    const s = store(fixture);
    const bob = s.apply(openSession, { ...at, user: "bob", client: "WS02", shares: ["Open"] });
    refused(s, () => s.apply(connectShare, { ...at, sessionId: bob, share: "Limited" }));
    s.apply(deleteSessions, { ...at, user: "alice", client: "10.0.0.5" });
    s.apply(connectShare, { ...at, sessionId: bob, share: "Limited" });
    expect(
      s.state.computers.get(FS01)?.services.get(LANMAN)?.fileService?.shares.get(nameKey("Limited")),
    ).toMatchObject({ currentUses: 1, MaxUserCount: 1 });
  });

  it("the server's own MaxUserCount refuses a session past it", () => {
    const s = store(
      serverFixture({
        maxUserCount: 1,
        sessions: [{ user: "alice", computer: "10.0.0.5", connectedAt: ago(60) }],
      }),
    );
    refused(s, () => s.apply(openSession, { ...at, user: "bob", client: "WS02" }));
  });
});
