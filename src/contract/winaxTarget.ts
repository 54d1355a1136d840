/**
 * The real ADSI WinNT provider as a contract-suite target, on Windows, through `winax` (an optional
 * dependency, loaded only when this is called): `GetObject("WinNT:").OpenDSObject(...)` binds the file
 * service, COM errors become AdsErrors with their HRESULT, and `netUseDriver` opens real SMB sessions
 * with `net use` and keeps files open with file handles. It cannot run on this project's Linux CI; its
 * shape logic is tested with a stand-in COM module (docs/contract.md, "Against a Windows host").
 */
import { spawnSync } from "node:child_process";
import { closeSync, openSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { ADS_SECURE_AUTHENTICATION } from "../adsi/constants.js";
import type { Credentials } from "../adsi/core/context.js";
import { AdsError } from "../errors/AdsError.js";
import { hresultByValue } from "../errors/hresults.js";
import type {
  ContractCollection,
  ContractDriver,
  ContractFileService,
  ContractSupports,
  ContractTarget,
  DriverSession,
} from "./types.js";

/** The part of `winax` the adapter uses: `new Object(moniker, { getobject: true })` binds a moniker. */
export interface ComModule {
  readonly Object: new (name: string, options?: { readonly getobject?: boolean }) => unknown;
}

/** A COM error as an AdsError carrying its HRESULT (unknown HRESULTs become E_FAIL with the raw value). */
export function comError(error: unknown): AdsError {
  if (error instanceof AdsError) return error;
  const record = (typeof error === "object" && error !== null ? error : {}) as {
    number?: unknown;
    message?: unknown;
  };
  const message = typeof record.message === "string" ? record.message : String(error);
  const fromText = /0x([0-9a-f]{8})/i.exec(message)?.[1];
  const value =
    typeof record.number === "number"
      ? record.number >>> 0
      : fromText
        ? Number.parseInt(fromText, 16)
        : undefined;
  const known = value === undefined ? undefined : hresultByValue(value);
  return known ? new AdsError(known.symbol, message) : new AdsError("E_FAIL", `COM error ${message}`);
}

/** Calls `action`, turning a COM error into an AdsError. */
function com<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw comError(error);
  }
}

/** A COM collection (IADsCollection) as the suite reads it: iterable; errors as AdsErrors. */
function collection<T>(raw: Record<string, unknown>): ContractCollection<T> {
  const call = (name: string, ...args: unknown[]) =>
    com(() => (raw[name] as (...a: unknown[]) => unknown).apply(raw, args));
  return {
    GetObject: (name) => call("GetObject", name) as T,
    Remove: (name) => {
      call("Remove", name);
    },
    Add: (name, item) => {
      call("Add", name, item);
    },
    *[Symbol.iterator]() {
      const items = com(() => [...(raw as unknown as Iterable<T>)]);
      yield* items;
    },
  };
}

/** Options of {@link winaxTarget}. */
export interface WinaxTargetOptions {
  /** The server's computer name, e.g. `FS01`. */
  readonly server: string;
  readonly admin: Credentials;
  readonly user: Credentials;
  readonly users: readonly [string, string, ...string[]];
  readonly driver: ContractDriver;
  /** Overrides of the supports manifest (default: real time, no service control). */
  readonly supports?: Partial<ContractSupports>;
  /** How the COM module is loaded; default `require("winax")`, on Windows only. */
  readonly load?: () => ComModule;
}

function loadWinax(): ComModule {
  if (process.platform !== "win32") {
    throw new AdsError("E_NOTIMPL", "the winax target needs Windows (ADSI is a Windows COM API)");
  }
  return createRequire(import.meta.url)("winax") as ComModule;
}

/** The real WinNT provider as a {@link ContractTarget}. */
export function winaxTarget(options: WinaxTargetOptions): ContractTarget {
  const winax = (options.load ?? loadWinax)();
  const namespace = com(() => new winax.Object("WinNT:", { getobject: true })) as {
    OpenDSObject(path: string, user: string, password: string, flags: number): Record<string, unknown>;
  };
  const bind = (credentials: Credentials = options.admin): ContractFileService => {
    const fso = com(() =>
      namespace.OpenDSObject(
        `WinNT://${options.server}/LanmanServer`,
        credentials.user,
        credentials.password,
        ADS_SECURE_AUTHENTICATION,
      ),
    );
    return {
      Sessions: () => collection(com(() => (fso.Sessions as () => Record<string, unknown>).call(fso))),
      Resources: () => collection(com(() => (fso.Resources as () => Record<string, unknown>).call(fso))),
    };
  };
  return {
    bind,
    accounts: { admin: options.admin, user: options.user, users: options.users },
    driver: options.driver,
    supports: {
      virtualClock: false,
      idleTime: true,
      locks: false,
      distinctClients: false,
      autoDisconnect: false,
      serviceControl: false,
      activity: false,
      ...options.supports,
    },
    settleMs: 5_000,
  };
}

/** Options of {@link netUseDriver}. */
export interface NetUseDriverOptions {
  readonly server: string;
  /** A share the users may write to. */
  readonly share: string;
  /** Passwords of the driver's users (`domain\user` or `user`). */
  readonly passwords: Readonly<Record<string, string>>;
  /** This machine's address as the server reports it (`sesi_cname`). */
  readonly client: string;
  /** Runs a command (default: spawnSync); injectable for tests. */
  readonly run?: (
    command: string,
    args: readonly string[],
  ) => { readonly status: number | null; readonly stderr: string };
}

/**
 * A driver that makes real SMB sessions from this Windows machine: `net use \\server\share` per user,
 * files kept open through the UNC path, `net use /delete` to log off, real waits for `advance`.
 */
export function netUseDriver(options: NetUseDriverOptions): ContractDriver {
  const run =
    options.run ??
    ((command: string, args: readonly string[]) => {
      const result = spawnSync(command, [...args], { encoding: "utf8" });
      return { status: result.status, stderr: result.stderr ?? "" };
    });
  const unc = `\\\\${options.server}\\${options.share}`;
  const open: (() => void)[] = [];
  const net = (args: readonly string[]) => {
    const result = run("net", args);
    if (result.status !== 0) throw new AdsError("E_FAIL", `net ${args.join(" ")}: ${result.stderr.trim()}`);
  };
  return {
    openSession(user): DriverSession {
      const password = options.passwords[user];
      if (password === undefined) throw new AdsError("E_INVALIDARG", `no password for ${user}`);
      net(["use", unc, password, `/user:${user}`]);
      const end = () => net(["use", unc, "/delete", "/y"]);
      open.push(end);
      return {
        user: user.slice(user.indexOf("\\") + 1),
        client: options.client,
        openFile(name) {
          const path = `${unc}\\${name}`;
          writeFileSync(path, "contract suite\n");
          const fd = openSync(path, "r");
          const close = () => closeSync(fd);
          open.push(close);
          return { name, close };
        },
        close: end,
      };
    },
    advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), // host-time: real time passes on a real server
    cleanup() {
      for (const close of open.splice(0).reverse()) {
        try {
          close();
        } catch {
          // Already closed by the test.
        }
      }
    },
  };
}
