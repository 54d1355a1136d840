/**
 * Spec §14 checklist, the file-service items 14-23, 28, 29, 34 and 35: one test per item, titled with
 * the item number. [U] codes are read from the profile field that settles them and the default's
 * numeric HRESULT is pinned as well, so a profile change moves the test with it and a silent catalog
 * change is caught.
 */
import { describe, expect, it } from "vitest";
import {
  AdsError,
  createEmulator,
  type FidelityProfile,
  type Fixture,
  type HResultSymbol,
  type IADs,
  type IADsCollection,
  type IADsComputerOperations,
  type IADsServiceOperations,
  QueryInterface,
  sambaProfile,
  windowsProfile,
} from "../../src/index.js";
import {
  ADMIN,
  ALICE,
  ago,
  currentUserCount,
  defaultFixtureCopy,
  expectAdsError,
  type FileService,
  type LateBound,
  LOCAL_ADMIN,
  lanman,
  names,
  resourceRows,
  serverFixture,
  sessionRows,
  thrownBy,
} from "./helpers.js";

const W = windowsProfile;
const FS01 = "WinNT://FS01/LanmanServer";

/** The default fixture's sessions as enumeration shows them (fixtures/default.json, now 09:00:00Z). */
const DEFAULT_SESSIONS = [
  { name: "alice\\10.0.0.5", user: "alice", computer: "10.0.0.5", connectTime: 125, idleTime: 20 },
  { name: "bob\\10.0.0.7", user: "bob", computer: "10.0.0.7", connectTime: 5400, idleTime: 900 },
  { name: "carol\\WS-CAROL", user: "carol", computer: "WS-CAROL", connectTime: 3600, idleTime: 120 },
  {
    name: "administrator\\10.0.0.2",
    user: "administrator",
    computer: "10.0.0.2",
    connectTime: 600,
    idleTime: 0,
  },
].map((row) => ({ className: "Session", ...row }));

/** The default fixture's open files (FILE_INFO_3 rows) as Resources shows them. */
const DEFAULT_RESOURCES = [
  { name: "42", user: "alice", path: "C:\\Shares\\Public\\a.txt", lockCount: 1 },
  { name: "43", user: "bob", path: "C:\\Shares\\Users\\bob\\notes.docx", lockCount: 0 },
  { name: "44", user: "bob", path: "C:\\Shares\\Public\\plan.xlsx", lockCount: 2 },
  { name: "45", user: "carol", path: "C:\\Shares\\Finance\\q4.xlsx", lockCount: 1 },
].map((row) => ({ className: "Resource", ...row }));

/** What assigning `member` of `target` late-bound does: the AdsError code, or the other error's text. */
function assignmentOutcome(target: unknown, member: string): string {
  const thrown = thrownBy(() => {
    (target as LateBound)[member] = "x";
  });
  if (thrown === undefined) return "no error";
  if (thrown instanceof AdsError) return thrown.code;
  return thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
}

/** Reads late-bound `member` of `target`. */
function read(target: unknown, member: string): unknown {
  return (target as LateBound)[member];
}

describe("spec §14 checklist (file service, sessions, resources)", () => {
  it("§14.14 IADsCollection objects expose no Count, no Name/ADsPath, and do not answer QueryInterface for IADs", () => {
    const fso = lanman(createEmulator());
    const collections: [string, IADsCollection<IADs>][] = [
      ["Sessions", fso.Sessions()],
      ["Resources", fso.Resources()],
    ];
    for (const [, collection] of collections) {
      for (const member of ["Count", "Name", "ADsPath"]) {
        expectAdsError(() => read(collection, member), "DISP_E_UNKNOWNNAME", 0x80020006);
      }
      expectAdsError(() => QueryInterface(collection, "IADs"), "E_NOINTERFACE", 0x80004002);
      expect(QueryInterface(collection, "IADsCollection")).toBe(collection);
      expect(QueryInterface(collection, "IDispatch")).toBe(collection);
    }
    // The items themselves are IADs objects (IADsSession / IADsResource).
    const [session] = fso.Sessions();
    const [resource] = fso.Resources();
    expect(QueryInterface(session, "IADs")).toBe(session);
    expect(QueryInterface(session, "IADsSession")).toBe(session);
    expect(QueryInterface(resource, "IADsResource")).toBe(resource);
  });

  it("§14.15 Sessions.Add and Resources.Add return E_NOTIMPL", () => {
    const fso = lanman(createEmulator());
    expectAdsError(() => fso.Sessions().Add("x", null), "E_NOTIMPL", 0x80004001);
    expectAdsError(() => fso.Resources().Add("x", null), "E_NOTIMPL", 0x80004001);
    const [session] = fso.Sessions();
    expectAdsError(() => fso.Sessions().Add("copy", session), "E_NOTIMPL", 0x80004001);
    expect(sessionRows(fso)).toEqual(DEFAULT_SESSIONS);
    expect(resourceRows(fso)).toEqual(DEFAULT_RESOURCES);
  });

  it("§14.16 every enumerated Session has Class Session and its Name is accepted by Sessions.GetObject and Sessions.Remove on the same collection", () => {
    const fso = lanman(createEmulator());
    const sessions = fso.Sessions();
    const enumerated = [...sessions];
    expect(enumerated).toHaveLength(4);
    for (const session of enumerated) {
      expect(session.Class).toBe("Session");
      const again = sessions.GetObject(session.Name);
      expect(again.Class).toBe("Session");
      expect([again.Name, again.User, again.Computer]).toEqual([
        session.Name,
        session.User,
        session.Computer,
      ]);
    }
    for (const session of enumerated) sessions.Remove(session.Name);
    expect(names(sessions)).toEqual([]);
  });

  it("§14.17 Sessions.Remove(name) disconnects the session: a fresh enumeration lacks it and its open resources disappear from Resources", () => {
    const fso = lanman(createEmulator());
    fso.Sessions().Remove("bob\\10.0.0.7");
    // Other sessions and files are untouched (same values, same order).
    expect(sessionRows(fso)).toEqual(DEFAULT_SESSIONS.filter((s) => s.user !== "bob"));
    expect(resourceRows(fso)).toEqual(DEFAULT_RESOURCES.filter((r) => r.user !== "bob"));
    expect(names(fso.Resources())).toEqual(["42", "45"]);
    expectAdsError(() => fso.Sessions().GetObject("bob\\10.0.0.7"), W.unknownSessionError, 0x80070908);
    expectAdsError(() => fso.Resources().GetObject("43"), W.unknownResourceError, 0x80070002);
    expectAdsError(() => fso.Resources().GetObject("44"), W.unknownResourceError, 0x80070002);
  });

  it("§14.18 removing a session removes all sessions matching the same (user, computer) pair", () => {
    const fixture = serverFixture({
      shares: [{ name: "Data", path: "C:\\data" }],
      sessions: [
        {
          user: "alice",
          computer: "10.0.0.5",
          connectedAt: ago(300),
          shares: ["Data"],
          openFiles: [{ id: 1, path: "C:\\data\\one.txt" }],
        },
        { user: "alice", computer: "WS03", connectedAt: ago(200), openFiles: [{ id: 2, path: "C:\\x" }] },
        {
          user: "alice",
          computer: "10.0.0.5",
          connectedAt: ago(100),
          shares: ["Data"],
          openFiles: [{ id: 3, path: "C:\\data\\two.txt", locks: 2 }],
        },
        { user: "bob", computer: "10.0.0.5", connectedAt: ago(50), openFiles: [{ id: 4, path: "C:\\y" }] },
      ],
    });
    const fso = lanman(createEmulator({ fixture }));
    expect(names(fso.Sessions())).toEqual([
      "alice\\10.0.0.5",
      "alice\\WS03",
      "alice\\10.0.0.5",
      "bob\\10.0.0.5",
    ]);
    expect(currentUserCount(fso, "Data")).toBe(2);
    fso.Sessions().Remove("alice\\10.0.0.5");
    expect(sessionRows(fso).map((s) => [s.name, s.connectTime])).toEqual([
      ["alice\\WS03", 200],
      ["bob\\10.0.0.5", 50],
    ]);
    expect(names(fso.Resources())).toEqual(["2", "4"]);
    expect(currentUserCount(fso, "Data")).toBe(0);
    // The pair is gone: a second Remove of the same name finds no session.
    expectAdsError(() => fso.Sessions().Remove("alice\\10.0.0.5"), W.unknownSessionError, 0x80070908);
  });

  it("§14.19 ConnectTime and IdleTime are LONG seconds (a session created 125 s ago reports 125, not 2)", () => {
    const fso = lanman(createEmulator());
    const alice = fso.Sessions().GetObject("alice\\10.0.0.5");
    expect(alice.ConnectTime).toBe(125);
    expect(alice.IdleTime).toBe(20);
    expect(alice.Get("ConnectTime")).toBe(125);
    expect(alice.Get("IdleTime")).toBe(20);
    expect(Number.isInteger(alice.ConnectTime) && Number.isInteger(alice.IdleTime)).toBe(true);
    const fresh = serverFixture({
      sessions: [{ user: "dave", computer: "10.1.1.1", connectedAt: ago(125) }],
    });
    const [dave] = lanman(createEmulator({ fixture: fresh })).Sessions();
    // No activity since connecting: idle as long as connected.
    expect([dave?.ConnectTime, dave?.IdleTime]).toEqual([125, 125]);
  });

  it("§14.20 IADsSession.Computer has no leading \\\\; for modern clients it is an IP address string", () => {
    const fso = lanman(createEmulator());
    const computers = [...fso.Sessions()].map((s) => s.Computer);
    expect(computers).toEqual(["10.0.0.5", "10.0.0.7", "WS-CAROL", "10.0.0.2"]);
    for (const computer of computers) expect(computer.startsWith("\\")).toBe(false);
    const alice = fso.Sessions().GetObject("alice\\10.0.0.5");
    expect(alice.Computer).toMatch(/^\d{1,3}(\.\d{1,3}){3}$/);
    expect(typeof alice.Computer).toBe("string");
  });

  it("§14.21 all six IADsSession and all four IADsResource properties are get-only; a late-bound put fails", () => {
    const fso = lanman(createEmulator());
    const session = fso.Sessions().GetObject("alice\\10.0.0.5");
    const resource = fso.Resources().GetObject("42");
    // IADs.Put of a read-only schema property: the profile's code.
    expectAdsError(() => session.Put("User", "mallory"), W.readOnlyPropertyPutError, 0x80005006);
    expectAdsError(() => resource.Put("User", "mallory"), W.readOnlyPropertyPutError, 0x80005006);
    expectAdsError(() => resource.Put("LockCount", 0), W.readOnlyPropertyPutError, 0x80005006);
    // Dual-interface puts: DISP_E_MEMBERNOTFOUND (0x80020003), never a JavaScript TypeError.
    const sessionMembers = [
      "User",
      "UserPath",
      "Computer",
      "ComputerPath",
      "ConnectTime",
      "IdleTime",
      "Name",
    ];
    const resourceMembers = ["User", "UserPath", "Path", "LockCount"];
    const outcomes = [
      ...sessionMembers.map((m) => [`Session.${m}`, assignmentOutcome(session, m)]),
      ...resourceMembers.map((m) => [`Resource.${m}`, assignmentOutcome(resource, m)]),
    ];
    expect
      .soft(outcomes)
      .toEqual([
        ...sessionMembers.map((m) => [`Session.${m}`, "DISP_E_MEMBERNOTFOUND"]),
        ...resourceMembers.map((m) => [`Resource.${m}`, "DISP_E_MEMBERNOTFOUND"]),
      ]);
    expectAdsError(
      () => {
        (session as unknown as LateBound).User = "x";
      },
      "DISP_E_MEMBERNOTFOUND",
      0x80020003,
    );
    // Nothing changed.
    expect([session.Name, session.User, session.Computer, session.ConnectTime]).toEqual([
      "alice\\10.0.0.5",
      "alice",
      "10.0.0.5",
      125,
    ]);
    expect([resource.User, resource.Path, resource.LockCount]).toEqual([
      "alice",
      "C:\\Shares\\Public\\a.txt",
      1,
    ]);
  });

  it("§14.22 UserPath / ComputerPath on sessions and UserPath on resources fail (WinNT does not support them)", () => {
    const fso = lanman(createEmulator());
    const session = fso.Sessions().GetObject("alice\\10.0.0.5");
    const resource = fso.Resources().GetObject("42");
    expectAdsError(() => session.UserPath, W.unsupportedPropertyError, 0x80005006);
    expectAdsError(() => session.ComputerPath, W.unsupportedPropertyError, 0x80005006);
    expectAdsError(() => resource.UserPath, W.unsupportedPropertyError, 0x80005006);
    // The supported ones still read.
    expect([session.User, resource.User]).toEqual(["alice", "alice"]);
  });

  it("§14.23 Sessions/Resources enumeration by a non-administrator fails with 0x80070005 (post-2016 default; pre-2016 switch)", () => {
    const emu = createEmulator();
    const asAlice = emu.OpenDSObject<FileService>(FS01, ALICE.user, ALICE.password, 1);
    const sessions = asAlice.Sessions();
    const resources = asAlice.Resources();
    expectAdsError(() => [...sessions], "E_ACCESSDENIED", 0x80070005);
    expectAdsError(() => sessions._NewEnum.Next(1), "E_ACCESSDENIED", 0x80070005);
    expectAdsError(() => sessions.GetObject("alice\\10.0.0.5"), "E_ACCESSDENIED", 0x80070005);
    expectAdsError(() => sessions.Remove("alice\\10.0.0.5"), "E_ACCESSDENIED", 0x80070005);
    expectAdsError(() => [...resources], "E_ACCESSDENIED", 0x80070005);
    expectAdsError(() => resources.GetObject("42"), "E_ACCESSDENIED", 0x80070005);
    expectAdsError(() => resources.Remove("42"), "E_ACCESSDENIED", 0x80070005);
    // A guest bind is refused the same way; nothing changed on the server.
    const asGuest = lanman(createEmulator({ caller: null }));
    expectAdsError(() => [...asGuest.Sessions()], "E_ACCESSDENIED", 0x80070005);
    expectAdsError(() => [...asGuest.Resources()], "E_ACCESSDENIED", 0x80070005);
    expect(sessionRows(lanman(emu))).toEqual(DEFAULT_SESSIONS);
    expect(resourceRows(lanman(emu))).toEqual(DEFAULT_RESOURCES);

    // Pre-2016 rule (level 10 for everyone): Sessions enumerate, Resources and Remove stay admin-only.
    expect(W.sessionEnumForEveryone).toBe(false);
    const old = createEmulator({ profile: { ...windowsProfile, sessionEnumForEveryone: true } });
    const oldAlice = old.OpenDSObject<FileService>(FS01, ALICE.user, ALICE.password, 1);
    expect(sessionRows(oldAlice)).toEqual(DEFAULT_SESSIONS);
    expect(oldAlice.Sessions().GetObject("bob\\10.0.0.7").User).toBe("bob");
    expectAdsError(() => [...oldAlice.Resources()], "E_ACCESSDENIED", 0x80070005);
    expectAdsError(() => oldAlice.Sessions().Remove("bob\\10.0.0.7"), "E_ACCESSDENIED", 0x80070005);
    expectAdsError(() => oldAlice.Resources().Remove("42"), "E_ACCESSDENIED", 0x80070005);
    expect(sessionRows(lanman(old))).toEqual(DEFAULT_SESSIONS);
  });

  it("§14.28 IADsServiceOperations.Status returns 1..8; Start → 4, Stop → 1, Pause → 7, Continue → 4; invalid transitions fail with the SCM codes", () => {
    const errors = W.serviceControlErrors;
    expect(errors).toEqual({
      alreadyRunning: "ERROR_SERVICE_ALREADY_RUNNING",
      notActive: "ERROR_SERVICE_NOT_ACTIVE",
      cannotAcceptControl: "ERROR_SERVICE_CANNOT_ACCEPT_CTRL",
      disabled: "ERROR_SERVICE_DISABLED",
    });
    const emu = createEmulator();
    type Service = IADsServiceOperations & IADs;
    const spooler = emu.GetObject<Service>("WinNT://FS01/Spooler");
    const w32time = emu.GetObject<Service>("WinNT://FS01/W32Time");
    /** Asserts that `action` fails with `code` (and `hresult`) and leaves `service`'s status as it was. */
    const refused = (service: Service, action: () => void, code: HResultSymbol, hresult: number) => {
      const before = service.Status;
      expectAdsError(action, code, hresult);
      expect(service.Status).toBe(before);
    };

    // Spooler: running.
    expect(spooler.Status).toBe(4);
    refused(spooler, () => spooler.Start(), errors.alreadyRunning, 0x80070420);
    // A Spooler does not accept pause/continue (issue 7 item 14): 0x80070425.
    refused(spooler, () => spooler.Pause(), errors.cannotAcceptControl, 0x80070425);
    refused(spooler, () => spooler.Continue(), errors.cannotAcceptControl, 0x80070425);
    // LanmanServer does: Pause → 7, Continue → 4.
    const lanman = emu.GetObject<Service>("WinNT://FS01/LanmanServer");
    lanman.Pause();
    expect(lanman.Status).toBe(7);
    refused(lanman, () => lanman.Start(), errors.alreadyRunning, 0x80070420);
    lanman.Continue();
    expect(lanman.Status).toBe(4);
    spooler.Stop();
    expect(spooler.Status).toBe(1);
    refused(spooler, () => spooler.Stop(), errors.notActive, 0x80070426);
    refused(spooler, () => spooler.Pause(), errors.notActive, 0x80070426);
    refused(spooler, () => spooler.Continue(), errors.notActive, 0x80070426);
    spooler.Start();
    expect(spooler.Status).toBe(4);
    // A fresh binding sees the same state.
    expect(emu.GetObject<Service>("WinNT://FS01/Spooler").Status).toBe(4);

    // W32Time: stopped, demand start.
    expect(w32time.Status).toBe(1);
    refused(w32time, () => w32time.Stop(), errors.notActive, 0x80070426);
    w32time.Start();
    expect(w32time.Status).toBe(4);
    w32time.Stop();
    expect(w32time.Status).toBe(1);

    // Disabled service (DC01 Browser, StartType 4): Start → ERROR_SERVICE_DISABLED.
    const browser = emu.GetObject<Service>("WinNT://DC01/Browser");
    expect(browser.Status).toBe(1);
    refused(browser, () => browser.Start(), errors.disabled, 0x80070422);

    // Non-administrator: access denied, state unchanged.
    const aliceSpooler = emu.OpenDSObject<Service>("WinNT://FS01/Spooler", ALICE.user, ALICE.password, 1);
    for (const action of [
      () => aliceSpooler.Stop(),
      () => aliceSpooler.Pause(),
      () => aliceSpooler.Start(),
      () => aliceSpooler.Continue(),
    ]) {
      refused(aliceSpooler, action, "E_ACCESSDENIED", 0x80070005);
    }
    const aliceTime = emu.OpenDSObject<Service>("WinNT://FS01/W32Time", ALICE.user, ALICE.password, 1);
    refused(aliceTime, () => aliceTime.Start(), "E_ACCESSDENIED", 0x80070005);
    expect([spooler.Status, w32time.Status]).toEqual([4, 1]);

    // Every ADS_SERVICE_STATUS_ENUM value is reported as is; pending/error states cannot take Pause/Continue.
    const statuses = [
      "stopped",
      "startPending",
      "stopPending",
      "running",
      "continuePending",
      "pausePending",
      "paused",
      "error",
    ] as const;
    const all: Fixture = {
      version: 1,
      now: "2026-01-05T09:00:00Z",
      domains: [
        {
          name: "WORKGROUP",
          type: "workgroup",
          computers: [
            {
              name: "FS01",
              users: [{ name: "admin", password: "admin-pw", groups: ["Administrators"] }],
              services: statuses.map((status) => ({
                name: `Svc-${status}`,
                status,
                startType: "demand" as const,
              })),
            },
          ],
        },
      ],
    };
    const many = createEmulator({ fixture: all });
    statuses.forEach((status, i) => {
      const service = many.GetObject<Service>(`WinNT://FS01/Svc-${status}`);
      expect(service.Status).toBe(i + 1);
      if (status !== "stopped" && status !== "running" && status !== "paused") {
        refused(service, () => service.Pause(), errors.cannotAcceptControl, 0x80070425);
        refused(service, () => service.Continue(), errors.cannotAcceptControl, 0x80070425);
        refused(service, () => service.Start(), errors.alreadyRunning, 0x80070420);
      }
    });
  });

  it("§14.29 IADsComputerOperations.Status and Shutdown return E_NOTIMPL", () => {
    const emu = createEmulator();
    const computer = emu.GetObject<IADsComputerOperations & IADs>("WinNT://FS01,computer");
    expect(computer.Class).toBe("Computer");
    expectAdsError(() => computer.Status(), "E_NOTIMPL", 0x80004001);
    expectAdsError(() => computer.Shutdown(true), "E_NOTIMPL", 0x80004001);
    expectAdsError(() => computer.Shutdown(false), "E_NOTIMPL", 0x80004001);
    // Nothing was shut down.
    expect(lanman(emu).Status).toBe(4);
    expect(names(lanman(emu).Sessions())).toHaveLength(4);
  });

  it("§14.34 Resources expose User, Path, LockCount mapped 1:1 from FILE_INFO_3; closing an unknown id yields 0x8007090A", () => {
    const fixture = defaultFixtureCopy();
    const fs01 = fixture.domains[0]?.computers?.find((c) => c.name === "FS01");
    const service = fs01?.services?.find((s) => s.name === "LanmanServer");
    const sessions = service && "sessions" in service ? (service.sessions ?? []) : [];
    const fileInfo3 = sessions.flatMap((s) =>
      (s.openFiles ?? []).map((f) => ({
        className: "Resource",
        name: String(f.id),
        user: s.user,
        path: f.path,
        lockCount: f.locks ?? 0,
      })),
    );
    expect(fileInfo3).toEqual(DEFAULT_RESOURCES);
    const emu = createEmulator({ fixture });
    const fso = lanman(emu);
    expect(resourceRows(fso)).toEqual(fileInfo3);
    const r42 = fso.Resources().GetObject("42");
    expect([r42.Get("User"), r42.Get("Path"), r42.Get("LockCount")]).toEqual([
      "alice",
      "C:\\Shares\\Public\\a.txt",
      1,
    ]);

    // Closing an unknown id: the profile's NetFileClose code (NERR_FileIdNotFound on Windows).
    expect(W.closeUnknownFileError).toBe("NERR_FileIdNotFound");
    expectAdsError(() => fso.Resources().Remove("999"), W.closeUnknownFileError, 0x8007090a);
    expect(resourceRows(fso)).toEqual(fileInfo3);

    // Closing one of bob's two files: the file goes, bob's session and other file stay.
    fso.Resources().Remove("43");
    expect(names(fso.Resources())).toEqual(["42", "44", "45"]);
    expect(sessionRows(fso)).toEqual(DEFAULT_SESSIONS);
    expect(fso.Sessions().GetObject("bob\\10.0.0.7").ConnectTime).toBe(5400);
    expect(currentUserCount(fso, "Users")).toBe(1);
    expectAdsError(() => fso.Resources().Remove("43"), W.closeUnknownFileError, 0x8007090a);
  });

  describe("§14.35 Samba profile", () => {
    // Out of scope: NetSessEnum levels other than 0/1 → 0x8007007C is a wire-level rule (the info level
    // ADSI requests is not observable through the IADs surface, spec §12.5, §15 item 3), so it is not tested here.
    const S: FidelityProfile = sambaProfile;

    it("§14.35 Samba-backend mode: IdleTime always 0, session delete requires Domain Admins, unknown-session delete → 0x80070005, NetFileClose unknown id → 0x80070002", () => {
      expect(S.idleTimeAlwaysZero).toBe(true);
      expect(S.sessionDeleteRequires).toBe("domainAdmins");
      const emu = createEmulator({ profile: "samba" });
      expect(emu.profile.name).toBe("samba");
      const fso = lanman(emu);

      // IdleTime is always 0; ConnectTime stays right.
      expect(sessionRows(fso)).toEqual(DEFAULT_SESSIONS.map((s) => ({ ...s, idleTime: 0 })));

      // Unknown session: access denied (not NERR_ClientNameNotFound).
      expectAdsError(() => fso.Sessions().Remove("nobody\\x"), S.sessionDeleteNoMatchError, 0x80070005);

      // A local Administrators member may enumerate but not delete sessions; Domain Admins may.
      const asLocalAdmin = emu.OpenDSObject<FileService>(FS01, LOCAL_ADMIN.user, LOCAL_ADMIN.password, 1);
      expect(names(asLocalAdmin.Sessions())).toHaveLength(4);
      expectAdsError(() => asLocalAdmin.Sessions().Remove("alice\\10.0.0.5"), "E_ACCESSDENIED", 0x80070005);
      expect(names(fso.Sessions())).toHaveLength(4);
      const asDomainAdmin = emu.OpenDSObject<FileService>(FS01, ADMIN.user, ADMIN.password, 1);
      asDomainAdmin.Sessions().Remove("alice\\10.0.0.5");
      expect(names(fso.Sessions())).toEqual(["bob\\10.0.0.7", "carol\\WS-CAROL", "administrator\\10.0.0.2"]);
      expect(names(fso.Resources())).toEqual(["43", "44", "45"]);

      // NetFileClose with an unknown id: ERROR_FILE_NOT_FOUND.
      expectAdsError(() => fso.Resources().Remove("999"), S.closeUnknownFileError, 0x80070002);

      // Contrast: on the Windows profile the local administrator may delete sessions.
      const win = createEmulator();
      const winLocal = win.OpenDSObject<FileService>(FS01, LOCAL_ADMIN.user, LOCAL_ADMIN.password, 1);
      winLocal.Sessions().Remove("alice\\10.0.0.5");
      expect(names(lanman(win).Sessions())).toHaveLength(3);
      expectAdsError(
        () => lanman(win).Sessions().Remove("nobody\\x"),
        W.sessionDeleteNoMatchError,
        0x80070908,
      );
    });
  });
});
