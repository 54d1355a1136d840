import { describe, expect, it } from "vitest";
import type { FileServiceState } from "../../src/engine/state.js";
import type { DirectoryStore } from "../../src/engine/store.js";
import { closeFile, openFile, setFileLocks } from "../../src/engine/transitions/files.js";
import { closeSession } from "../../src/engine/transitions/sessions.js";
import type { FidelityProfile } from "../../src/profile/FidelityProfile.js";
import { sambaProfile } from "../../src/profile/samba.js";
import { windowsProfile } from "../../src/profile/windows.js";
import { expectFails } from "../support/expectFails.js";
import { AT, FS01, LANMAN, lanmanServer, serverStore } from "../support/serverStore.js";

/** FS01's LanmanServer, as transitions address it. */
const at = AT;
function makeStore(profile: FidelityProfile = windowsProfile) {
  const lanman = lanmanServer({
    shares: [{ name: "Public", path: "C:Public" }],
    sessions: [
      {
        user: "alice",
        computer: "10.0.0.5",
        connectedAt: "2026-01-05T08:57:55Z",
        shares: ["Public"],
        openFiles: [{ id: 42, path: "C:Publica.txt", locks: 1 }],
      },
      { user: "bob", computer: "WS02", connectedAt: "2026-01-05T08:58:00Z" },
    ],
  });
  return serverStore([lanman], { profile });
}

function fs(store: DirectoryStore): FileServiceState {
  const found = store.state.computers.get(FS01)?.services.get(LANMAN)?.fileService;
  if (!found) throw new Error("no file service");
  return found;
}
const file = (store: DirectoryStore, id: number) => fs(store).files.get(id);
const fileIdsOf = (store: DirectoryStore, sessionId: number) => fs(store).sessions.get(sessionId)?.fileIds;

describe("openFile (file.open)", () => {
  it("assigns nextFileId, defaults permissions 1 and locks 0, appends to the session", () => {
    const store = makeStore();
    const before = store.state;
    const id = store.apply(openFile, { ...at, sessionId: 1, path: "C:\\Public\\b.txt" });
    expect(id).toBe(43);
    expect(file(store, 43)).toEqual({
      id: 43,
      sessionId: 1,
      path: "C:\\Public\\b.txt",
      permissions: 1,
      locks: 0,
    });
    expect(fileIdsOf(store, 1)).toEqual([42, 43]);
    expect(fs(store).nextFileId).toBe(44);
    expect(fs(store).files.size).toBe(2);
    expect(
      (before.computers.get(FS01)?.services.get(LANMAN)?.fileService?.files ?? fs(store).files).get(43),
    ).toBeUndefined();
  });
  it("uses a given id and skips ids in use when assigning", () => {
    const store = makeStore();
    expect(
      store.apply(openFile, { ...at, sessionId: 2, path: "C:\\x", id: 43, permissions: 3, locks: 2 }),
    ).toBe(43);
    expect(file(store, 43)).toMatchObject({ sessionId: 2, permissions: 3, locks: 2 });
    expect(store.apply(openFile, { ...at, sessionId: 2, path: "C:\\y" })).toBe(44);
    expect(fileIdsOf(store, 2)).toEqual([43, 44]);
  });
  it("refuses a given id in use or out of range, bad permissions/locks and an empty path", () => {
    const store = makeStore();
    const base = { ...at, sessionId: 2, path: "C:\\x" };
    expectFails(store, () => store.apply(openFile, { ...base, id: 42 }), "E_INVALIDARG");
    expectFails(store, () => store.apply(openFile, { ...base, id: 0 }), "E_INVALIDARG");
    expectFails(store, () => store.apply(openFile, { ...base, id: 2 ** 32 }), "E_INVALIDARG");
    expectFails(store, () => store.apply(openFile, { ...base, locks: -1 }), "E_INVALIDARG");
    expectFails(store, () => store.apply(openFile, { ...base, permissions: 1.5 }), "E_INVALIDARG");
    expectFails(store, () => store.apply(openFile, { ...base, path: "" }), "E_INVALIDARG");
  });
  it("fails for an unknown session with the profile's unknown-session code", () => {
    const store = makeStore();
    expectFails(
      store,
      () => store.apply(openFile, { ...at, sessionId: 9, path: "C:\\x" }),
      "NERR_ClientNameNotFound",
    );
  });
  it("files opened later are closed with their session", () => {
    const store = makeStore();
    const id = store.apply(openFile, { ...at, sessionId: 1, path: "C:\\b" });
    expect(store.apply(closeSession, { ...at, sessionId: 1 })).toEqual([42, id]);
    expect(fs(store).files.size).toBe(0);
  });
});

describe("closeFile (file.close, NetFileClose)", () => {
  it("removes the file from the server and from its session, which stays", () => {
    const store = makeStore();
    store.apply(closeFile, { ...at, fileId: 42 });
    expect(file(store, 42)).toBeUndefined();
    expect(fs(store).files.size).toBe(0);
    expect(fileIdsOf(store, 1)).toEqual([]);
    expect(fs(store).sessions.size).toBe(2);
  });
  it("fails for an unknown id: NERR_FileIdNotFound on Windows, ERROR_FILE_NOT_FOUND on Samba", () => {
    const store = makeStore();
    expectFails(store, () => store.apply(closeFile, { ...at, fileId: 41 }), "NERR_FileIdNotFound");
    store.apply(closeFile, { ...at, fileId: 42 });
    expectFails(store, () => store.apply(closeFile, { ...at, fileId: 42 }), "NERR_FileIdNotFound");
    const samba = makeStore(sambaProfile);
    expectFails(samba, () => samba.apply(closeFile, { ...at, fileId: 7 }), "ERROR_FILE_NOT_FOUND");
  });
});

describe("setFileLocks (file.locks)", () => {
  it("sets the lock count", () => {
    const store = makeStore();
    store.apply(setFileLocks, { ...at, fileId: 42, locks: 5 });
    expect(file(store, 42)?.locks).toBe(5);
    store.apply(setFileLocks, { ...at, fileId: 42, locks: 0 });
    expect(file(store, 42)?.locks).toBe(0);
  });
  it("refuses a negative or fractional count and an unknown id", () => {
    const store = makeStore();
    expectFails(store, () => store.apply(setFileLocks, { ...at, fileId: 42, locks: -1 }), "E_INVALIDARG");
    expectFails(store, () => store.apply(setFileLocks, { ...at, fileId: 42, locks: 0.5 }), "E_INVALIDARG");
    expectFails(
      store,
      () => store.apply(setFileLocks, { ...at, fileId: 1, locks: 1 }),
      "ERROR_FILE_NOT_FOUND",
    );
  });
});
