/**
 * `emu.inject`: the outside world acting on a server. Clients connect, work, go quiet and leave; files
 * open, lock and close; services stop, start and crash. Every call is checked the way the server checks
 * it (unknown user or wrong password, wrong domain, unknown share, a share or server at MaxUserCount, a
 * paused or stopped service) and fails with a typed AdsError leaving the state unchanged. Every call
 * also passes the fault rules (operations `inject.*`). It bypasses ADSI's access checks: it is not an
 * administrator acting, it is the world.
 */
import { accountCandidates } from "../../adsi/core/auth.js";
import { nameKey as nameKeyOf, type SessionState } from "../../engine/state.js";
import type { DirectoryStore } from "../../engine/store.js";
import { clientOpenFile } from "../../engine/transitions/clientFiles.js";
import { closeFile, setFileLocks } from "../../engine/transitions/files.js";
import {
  controlService,
  crashService,
  type ServiceControlRequest,
} from "../../engine/transitions/serviceControl.js";
import { configureAutoDisconnect } from "../../engine/transitions/services.js";
import { closeSession, openSession, touchSession } from "../../engine/transitions/sessions.js";
import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";
import type { FidelityProfile } from "../../profile/FidelityProfile.js";
import type { FaultOperation } from "../faults/operations.js";
import { resolveClientPath } from "./clientPath.js";
import { type FileHandle, handleAddress, type SessionHandle } from "./handles.js";
import { AddressBook, type FileServiceAddress, resolveFileService, resolveService } from "./serverAddress.js";

/** What a client sends to connect (SMB session setup and tree connects). */
export interface OpenSessionRequest {
  /** Computer name of the server, e.g. `FS01`. */
  readonly server: string;
  /** File service; default `LanmanServer`. */
  readonly service?: string;
  /** `name`, `DOMAIN\name` or `COMPUTER\name`: an account of the server or of its domain. */
  readonly user: string;
  /** Checked when given; omitted means the client authenticates correctly. */
  readonly password?: string;
  /** The client's address or NetBIOS name (`sesi_cname`), e.g. `10.0.0.5`. */
  readonly client: string;
  /** Shares to tree-connect at once. */
  readonly shares?: readonly string[];
  /** Log on as guest (SESS_GUEST): no account check, the name is kept as given. */
  readonly guest?: boolean;
  readonly clientType?: string;
  readonly transport?: string;
}

/** Options of {@link Injector.openFile}. */
export interface OpenFileOptions {
  /** `fi3_permissions` bits (READ 1, WRITE 2, CREATE 4, ...); default 1. */
  readonly permissions?: number;
  /** Initial lock count; default 0. */
  readonly locks?: number;
}

/** What the injector needs from the emulator. */
export interface InjectorHost {
  readonly store: DirectoryStore;
  readonly profile: FidelityProfile;
  /** Evaluates the fault rules for `operation` on `path` (may advance the clock; may throw). */
  guard(operation: FaultOperation, path: string): void;
}

type ServiceAction = "start" | "stop" | "pause" | "continue" | "crash";

const SERVICE_OPERATIONS: Readonly<Record<ServiceAction, FaultOperation>> = {
  start: "inject.startService",
  stop: "inject.stopService",
  pause: "inject.pauseService",
  continue: "inject.continueService",
  crash: "inject.crashService",
};

/** `emu.inject`; see the module comment. */
export class Injector {
  readonly #host: InjectorHost;
  readonly #book = new AddressBook();

  /** An injector acting on `host`'s store. */
  constructor(host: InjectorHost) {
    this.#host = host;
  }

  /**
   * A client connects. Fails with ERROR_LOGON_FAILURE for an unknown account (or one of another
   * domain) or a wrong password, ERROR_BAD_NET_NAME for an unknown share, the profile's codes for a
   * paused or stopped service and for a share or server at its MaxUserCount.
   */
  openSession(request: OpenSessionRequest): SessionHandle {
    if (typeof request !== "object" || request === null) {
      throw new AdsError("E_INVALIDARG", "openSession takes { server, user, client, ... }");
    }
    const address = this.#fileService(request.server, request.service ?? "LanmanServer");
    this.#host.guard("inject.openSession", address.path);
    const user = this.#logon(address, request);
    const shares = request.shares ?? [];
    if (!Array.isArray(shares) || shares.some((share) => typeof share !== "string")) {
      throw new AdsError("E_INVALIDARG", "shares must be an array of share names");
    }
    for (const share of shares) {
      if (!address.fileService.shares.has(nameKeyOf(share))) {
        throw new AdsError(
          "ERROR_BAD_NET_NAME",
          `no share ${JSON.stringify(share)} on ${address.serverName}`,
        );
      }
    }
    for (const [field, value, required] of [
      ["client", request.client, true],
      ["clientType", request.clientType, false],
      ["transport", request.transport, false],
    ] as const) {
      if ((required || value !== undefined) && typeof value !== "string") {
        throw new AdsError("E_INVALIDARG", `${field} must be a string, got ${describeValue(value)}`);
      }
    }
    const id = this.#host.store.apply(openSession, {
      computer: address.computer,
      service: address.service,
      user,
      client: request.client,
      shares,
      guest: request.guest === true,
      clientType: request.clientType,
      transport: request.transport,
    });
    const after = this.#fileService(address.serverName, address.serviceName);
    return this.#sessionHandle(after, this.#sessionState(after, id));
  }

  /** Client activity on the session: its IdleTime starts again from 0. */
  activity(session: SessionHandle): void {
    const { address, id } = this.#session(session, "inject.activity");
    this.#host.store.apply(touchSession, {
      computer: address.computer,
      service: address.service,
      sessionId: id,
    });
  }

  /** The client logs off: the session ends, its files close. */
  closeSession(session: SessionHandle): void {
    const { address, id } = this.#session(session, "inject.closeSession");
    this.#host.store.apply(closeSession, {
      computer: address.computer,
      service: address.service,
      sessionId: id,
      reason: "client",
    });
  }

  /**
   * The session's client opens `path` (`Share\dir\file`, `\\server\Share\dir\file`, or a server-local
   * path under a share), tree-connecting the share first if needed. Returns the open file's handle.
   */
  openFile(session: SessionHandle, path: string, options: OpenFileOptions = {}): FileHandle {
    const { address, id, state } = this.#session(session, "inject.openFile");
    if (typeof options !== "object" || options === null)
      throw new AdsError("E_INVALIDARG", "options must be an object");
    const resolved = resolveClientPath(address.fileService, address.serverName, path, state.shares);
    const fileId = this.#host.store.apply(clientOpenFile, {
      computer: address.computer,
      service: address.service,
      sessionId: id,
      share: resolved.share.name,
      path: resolved.serverPath,
      permissions: options.permissions,
      locks: options.locks,
    });
    return this.#fileHandle(address, fileId, resolved.serverPath, id);
  }

  /** The client closes the file (activity on its session). */
  closeFile(file: FileHandle): void {
    const { address, id } = this.#file(file, "inject.closeFile");
    this.#host.store.apply(closeFile, {
      computer: address.computer,
      service: address.service,
      fileId: id,
      byClient: true,
    });
  }

  /** The client takes `count` byte-range locks (default 1) on the file. */
  lock(file: FileHandle, count = 1): void {
    const { address, id, locks } = this.#file(file, "inject.lock");
    this.#locks(address, id, locks + checkLockCount(count));
  }

  /** The client releases `count` locks (default 1); more than it holds is ERROR_NOT_LOCKED. */
  unlock(file: FileHandle, count = 1): void {
    const { address, id, locks } = this.#file(file, "inject.unlock");
    const release = checkLockCount(count);
    if (release > locks)
      throw new AdsError("ERROR_NOT_LOCKED", `file ${id} holds ${locks} lock(s), cannot release ${release}`);
    this.#locks(address, id, locks - release);
  }

  /** The service starts (as the SCM does; no ADSI rights needed). */
  startService(server: string, service = "LanmanServer"): void {
    this.#control(server, service, "start");
  }

  /** The service stops; a file service's sessions end (reason `serviceStopped`). */
  stopService(server: string, service = "LanmanServer"): void {
    this.#control(server, service, "stop");
  }

  /** The service pauses; a paused file service keeps its sessions and refuses new ones. */
  pauseService(server: string, service = "LanmanServer"): void {
    this.#control(server, service, "pause");
  }

  /** The service continues after a pause. */
  continueService(server: string, service = "LanmanServer"): void {
    this.#control(server, service, "continue");
  }

  /** The service's process dies: it is STOPPED at once; a file service's sessions end (`serviceCrashed`). */
  crashService(server: string, service = "LanmanServer"): void {
    this.#control(server, service, "crash");
  }

  /** Changes a file service's auto-disconnect (spec §12.7): idle minutes (-1 off) and the open-files exemption. */
  setAutoDisconnect(
    server: string,
    settings: { readonly minutes?: number; readonly exemptOpenFiles?: boolean; readonly service?: string },
  ): void {
    if (typeof settings !== "object" || settings === null)
      throw new AdsError("E_INVALIDARG", "settings must be an object");
    const address = this.#fileService(server, settings.service ?? "LanmanServer");
    this.#host.guard("inject.setAutoDisconnect", address.path);
    this.#host.store.apply(configureAutoDisconnect, {
      computer: address.computer,
      service: address.service,
      ...(settings.minutes === undefined ? {} : { minutes: settings.minutes }),
      ...(settings.exemptOpenFiles === undefined ? {} : { exemptOpenFiles: settings.exemptOpenFiles }),
    });
  }

  /** Handles of the sessions on a file service now, in connection order (fixture sessions included). */
  sessions(server: string, service = "LanmanServer"): SessionHandle[] {
    const address = this.#fileService(server, service);
    return [...address.fileService.sessions.values()].map((s) => this.#sessionHandle(address, s));
  }

  /** The session with this id or Name (the first of its pair) on a file service; unknown → `profile.unknownSessionError`. */
  session(server: string, idOrName: number | string, service = "LanmanServer"): SessionHandle {
    const address = this.#fileService(server, service);
    const found =
      typeof idOrName === "number"
        ? address.fileService.sessions.get(idOrName)
        : [...address.fileService.sessions.values()].find(
            (s) =>
              nameKeyOf(this.#host.profile.sessionName(s.user, s.computer)) === nameKeyOf(String(idOrName)),
          );
    if (!found)
      throw new AdsError(
        this.#host.profile.unknownSessionError,
        `no session ${describeValue(idOrName)} on ${address.serverName}`,
      );
    return this.#sessionHandle(address, found);
  }

  /** Handles of the files open on a file service now, in id order. */
  files(server: string, service = "LanmanServer"): FileHandle[] {
    const address = this.#fileService(server, service);
    return [...address.fileService.files.values()].map((f) =>
      this.#fileHandle(address, f.id, f.path, f.sessionId),
    );
  }

  #fileService(server: unknown, service: unknown): FileServiceAddress {
    return resolveFileService(this.#host.store.state, this.#host.profile, server, service, this.#book);
  }

  /** The bare account name the session shows, after the server's logon checks. */
  #logon(address: FileServiceAddress, request: OpenSessionRequest): string {
    const user = request.user;
    if (typeof user !== "string" || user === "" || user.split("\\").length > 2) {
      throw new AdsError(
        "E_INVALIDARG",
        `user must be name, DOMAIN\\name or COMPUTER\\name, got ${describeValue(user)}`,
      );
    }
    if (request.password !== undefined && typeof request.password !== "string") {
      throw new AdsError("E_INVALIDARG", "password must be a string");
    }
    const bare = user.slice(user.indexOf("\\") + 1);
    if (request.guest === true) return bare;
    const state = this.#host.store.state;
    const host = state.computers.get(address.computer);
    const candidates = accountCandidates(state, { domain: host?.domain, computer: address.computer }, user);
    const account = candidates.find(
      (identity) =>
        identity.kind === "account" &&
        (request.password === undefined || identity.account.password === request.password),
    );
    if (account?.kind !== "account") {
      throw new AdsError("ERROR_LOGON_FAILURE", `logon failure for ${user} on ${address.serverName}`);
    }
    return account.account.name;
  }

  /**
   * Resolves a handle's server, passes the fault rules, and resolves again only if they changed the
   * state (a rule's latency runs the clock, and the schedule with it).
   */
  #guarded(server: string, service: string, operation: FaultOperation): FileServiceAddress {
    const before = this.#host.store.state;
    const address = this.#fileService(server, service);
    this.#host.guard(operation, address.path);
    return this.#host.store.state === before ? address : this.#fileService(server, service);
  }

  #session(handle: SessionHandle, operation: FaultOperation) {
    const { server, service, id } = handleAddress(handle, "session");
    const address = this.#guarded(server, service, operation);
    return { address, id, state: this.#sessionState(address, id) };
  }

  #file(handle: FileHandle, operation: FaultOperation) {
    const { server, service, id } = handleAddress(handle, "file");
    const address = this.#guarded(server, service, operation);
    const file = address.fileService.files.get(id);
    if (!file)
      throw new AdsError(
        this.#host.profile.closeUnknownFileError,
        `file ${id} is not open on ${address.serverName}`,
      );
    return { address, id, locks: file.locks };
  }

  #sessionState(address: FileServiceAddress, id: number): SessionState {
    const state = address.fileService.sessions.get(id);
    if (!state)
      throw new AdsError(
        this.#host.profile.unknownSessionError,
        `session ${id} has ended on ${address.serverName}`,
      );
    return state;
  }

  #sessionHandle(address: FileServiceAddress, session: SessionState): SessionHandle {
    return Object.freeze({
      kind: "session",
      server: address.serverName,
      service: address.serviceName,
      id: session.id,
      name: this.#host.profile.sessionName(session.user, session.computer),
      user: session.user,
      client: session.computer,
    });
  }

  #fileHandle(address: FileServiceAddress, id: number, path: string, sessionId: number): FileHandle {
    return Object.freeze({
      kind: "file",
      server: address.serverName,
      service: address.serviceName,
      id,
      name: this.#host.profile.resourceName(id),
      path,
      sessionId,
    });
  }

  #locks(address: FileServiceAddress, fileId: number, locks: number): void {
    this.#host.store.apply(setFileLocks, {
      computer: address.computer,
      service: address.service,
      fileId,
      locks,
      byClient: true,
    });
  }

  #control(server: string, service: string, action: ServiceAction): void {
    const address = resolveService(this.#host.store.state, this.#host.profile, server, service, this.#book);
    this.#host.guard(SERVICE_OPERATIONS[action], address.path);
    const target = { computer: address.computer, service: address.service };
    if (action === "crash") this.#host.store.apply(crashService, target);
    else this.#host.store.apply(controlService, { ...target, control: action as ServiceControlRequest });
  }
}

function checkLockCount(count: unknown): number {
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > 2_147_483_647) {
    throw new AdsError("E_INVALIDARG", `a lock count is a positive integer, got ${describeValue(count)}`);
  }
  return count;
}
