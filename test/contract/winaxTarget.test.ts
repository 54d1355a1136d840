/**
 * The winax target cannot run here (ADSI is Windows COM). These tests check its shape logic against a
 * stand-in COM module that serves an emulator the way winax serves ADSI: errors are plain Errors with
 * a signed `number`, collections are iterable.
 */
import { describe, expect, it } from "vitest";
import { emulatorTarget } from "../../src/contract/emulatorTarget.js";
import { profileDisagreements, recordObservations } from "../../src/contract/recorder.js";
import { type ComModule, comError, netUseDriver, winaxTarget } from "../../src/contract/winaxTarget.js";
import { AdsError, windowsProfile } from "../../src/index.js";

/** A COM-style error: what winax throws (a message and the signed HRESULT). */
function comStyle(error: unknown): Error {
  if (!(error instanceof AdsError)) return error as Error;
  return Object.assign(new Error(`Exception occurred. (${error.code})`), { number: error.number });
}

/** Wraps every method of `target` so that AdsErrors come out as COM-style errors. */
function asCom<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, key) {
      const value = Reflect.get(object, key, object);
      if (typeof value !== "function" || key === Symbol.iterator) return value;
      return (...args: unknown[]) => {
        try {
          const result = value.apply(object, args);
          return typeof result === "object" && result !== null ? asCom(result) : result;
        } catch (error) {
          throw comStyle(error);
        }
      };
    },
  });
}

function fakeWinax(): { module: ComModule; emulator: ReturnType<typeof emulatorTarget> } {
  const emulator = emulatorTarget();
  // winax's Object is a constructor; a function that returns an object stands in for it.
  function ComObject(name: string, options?: { getobject?: boolean }) {
    if (name !== "WinNT:" || !options?.getobject) throw new Error("unexpected moniker");
    return asCom({
      OpenDSObject: (path: string, user: string, password: string, flags: number) =>
        emulator.emulator.OpenDSObject(path, user, password, flags),
    });
  }
  const module = { Object: ComObject as unknown as ComModule["Object"] };
  return { module, emulator };
}

describe("the winax target (shape logic, with a stand-in COM module)", () => {
  it("maps COM errors to AdsErrors by HRESULT, unknown ones to E_FAIL", () => {
    expect(comError(Object.assign(new Error("x"), { number: -2147024891 })).code).toBe("E_ACCESSDENIED");
    expect(comError(new Error("DispInvoke: Sessions 0x80070035")).code).toBe("ERROR_BAD_NETPATH");
    expect(comError(Object.assign(new Error("odd"), { number: 0x80041234 })).code).toBe("E_FAIL");
    expect(comError("not even an Error").code).toBe("E_FAIL");
  });

  it("binds, enumerates and maps errors well enough for the recorder to see the windows profile", async () => {
    const { module, emulator } = fakeWinax();
    const target = winaxTarget({
      server: "FS01",
      admin: emulator.accounts.admin,
      user: emulator.accounts.user,
      users: emulator.accounts.users,
      driver: emulator.driver,
      supports: { virtualClock: true },
      load: () => module,
    });
    expect(target.supports).toMatchObject({ virtualClock: true, locks: false, serviceControl: false });
    const recording = await recordObservations("stand-in", target);
    expect(profileDisagreements(recording, windowsProfile)).toEqual([]);
  });

  it("refuses to load outside Windows without a stand-in", () => {
    if (process.platform === "win32") return;
    const emulator = emulatorTarget();
    expect(() =>
      winaxTarget({
        server: "FS01",
        admin: emulator.accounts.admin,
        user: emulator.accounts.user,
        users: ["a", "b"],
        driver: emulator.driver,
      }),
    ).toThrow(expect.objectContaining({ code: "E_NOTIMPL" }));
  });

  it("the net use driver runs net use and logs off, reporting failures as AdsErrors", () => {
    const calls: string[] = [];
    const driver = netUseDriver({
      server: "FS01",
      share: "data",
      client: "10.0.0.9",
      passwords: { "CORP\\alice": "pw" },
      run: (command, args) => {
        calls.push(`${command} ${args.join(" ")}`);
        return { status: 0, stderr: "" };
      },
    });
    const session = driver.openSession("CORP\\alice") as { user: string; client: string; close(): void };
    expect([session.user, session.client]).toEqual(["alice", "10.0.0.9"]);
    session.close();
    expect(calls).toEqual([
      "net use \\\\FS01\\data pw /user:CORP\\alice",
      "net use \\\\FS01\\data /delete /y",
    ]);
    expect(() => driver.openSession("bob")).toThrow(expect.objectContaining({ code: "E_INVALIDARG" }));
    const failing = netUseDriver({
      server: "FS01",
      share: "data",
      client: "x",
      passwords: { bob: "pw" },
      run: () => ({ status: 2, stderr: "System error 53" }),
    });
    expect(() => failing.openSession("bob")).toThrow(expect.objectContaining({ code: "E_FAIL" }));
  });
});

describe("the Windows run's environment", () => {
  it("names the variable that is missing", async () => {
    const { windowsTargetFromEnv } = await import("../../src/contract/windowsSuite.js");
    expect(() => windowsTargetFromEnv({})).toThrow(/ADSI_SERVER/);
    expect(() => windowsTargetFromEnv({ ADSI_SERVER: "FS01", ADSI_USERS: "CORP\\alice:pw" })).toThrow(
      /at least two/,
    );
    expect(() =>
      windowsTargetFromEnv({
        ADSI_SERVER: "FS01",
        ADSI_USERS: "a:1,b:2",
        ADSI_SHARE: "s",
        ADSI_CLIENT: "c",
        ADSI_ADMIN: "nopassword",
      }),
    ).toThrow(/ADSI_ADMIN/);
  });
});
