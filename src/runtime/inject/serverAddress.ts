/**
 * Finding the server an injector call names: a computer by name and one of its services (LanmanServer
 * by default), with the ADsPath fault rules match against.
 */
import { adsPathOf } from "../../adsi/core/paths.js";
import {
  type DirectoryState,
  type FileServiceState,
  type NameKey,
  nameKey,
  type ServiceState,
} from "../../engine/state.js";
import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";
import type { FidelityProfile } from "../../profile/FidelityProfile.js";

/** A service of a computer, resolved. */
export interface ServiceAddress {
  readonly computer: NameKey;
  readonly service: NameKey;
  /** Directory spelling of the computer. */
  readonly serverName: string;
  readonly serviceName: string;
  /** `WinNT://DOMAIN/COMPUTER/SERVICE`. */
  readonly path: string;
  readonly state: ServiceState;
}

/** A file service of a computer, resolved. */
export interface FileServiceAddress extends ServiceAddress {
  readonly fileService: FileServiceState;
}

/** The default file service a client reaches. */
export const DEFAULT_FILE_SERVICE = "LanmanServer";

function requireName(value: unknown, what: string): string {
  if (typeof value !== "string" || value === "") {
    throw new AdsError("E_INVALIDARG", `${what} must be a non-empty string, got ${describeValue(value)}`);
  }
  return value;
}

/** What a server and service name resolve to that never changes for one emulator: keys, spellings, path. */
interface ServiceIdentity {
  readonly computer: NameKey;
  readonly service: NameKey;
  readonly serverName: string;
  readonly serviceName: string;
  readonly path: string;
}

/**
 * Remembers how names an emulator was asked for resolve. A directory's computers and services are
 * those of its fixture for good (no transition adds, removes or renames one), so a name that resolved
 * once resolves the same way in every later state; caching it spares the folding and the ADsPath
 * escaping on every injector call.
 */
export class AddressBook {
  readonly #known = new Map<string, Map<string, ServiceIdentity>>();

  /** The identity of `service` on `server` in `state`, from the book when known. */
  identity(
    state: DirectoryState,
    profile: FidelityProfile,
    server: unknown,
    service: unknown,
  ): ServiceIdentity {
    if (typeof server === "string" && typeof service === "string") {
      const known = this.#known.get(server)?.get(service);
      if (known !== undefined) return known;
    }
    const found = lookUp(state, profile, server, service);
    if (typeof server === "string" && typeof service === "string") {
      let services = this.#known.get(server);
      if (services === undefined) {
        services = new Map();
        this.#known.set(server, services);
      }
      services.set(service, found);
    }
    return found;
  }
}

function lookUp(
  state: DirectoryState,
  profile: FidelityProfile,
  server: unknown,
  service: unknown,
): ServiceIdentity {
  const serverName = requireName(server, "server");
  const serviceName = requireName(service, "service");
  const computer = nameKey(serverName);
  const host = state.computers.get(computer);
  if (!host) throw new AdsError(profile.unknownComputerError, `no computer named ${serverName}`);
  const key = nameKey(serviceName);
  const found = host.services.get(key);
  if (!found) throw new AdsError(profile.unknownServiceError, `no service ${serviceName} on ${host.name}`);
  const domain = state.domains.get(host.domain)?.name ?? host.domain;
  return Object.freeze({
    computer,
    service: key,
    serverName: host.name,
    serviceName: found.name,
    path: adsPathOf([domain, host.name, found.name]),
  });
}

/**
 * The service `service` of computer `server` (E_INVALIDARG for a non-string; the profile's unknown
 * computer or service code when absent). `book` remembers names already resolved.
 */
export function resolveService(
  state: DirectoryState,
  profile: FidelityProfile,
  server: unknown,
  service: unknown,
  book?: AddressBook,
): ServiceAddress {
  const id = book ? book.identity(state, profile, server, service) : lookUp(state, profile, server, service);
  const found = state.computers.get(id.computer)?.services.get(id.service);
  if (!found)
    throw new AdsError(profile.unknownServiceError, `no service ${id.serviceName} on ${id.serverName}`);
  return {
    computer: id.computer,
    service: id.service,
    serverName: id.serverName,
    serviceName: id.serviceName,
    path: id.path,
    state: found,
  };
}

/** Like {@link resolveService} for a file service (default LanmanServer); another service is E_INVALIDARG. */
export function resolveFileService(
  state: DirectoryState,
  profile: FidelityProfile,
  server: unknown,
  service: unknown = DEFAULT_FILE_SERVICE,
  book?: AddressBook,
): FileServiceAddress {
  const address = resolveService(state, profile, server, service, book);
  const fileService = address.state.fileService;
  if (!fileService) {
    throw new AdsError(
      "E_INVALIDARG",
      `${address.serviceName} on ${address.serverName} is not a file service`,
    );
  }
  return {
    computer: address.computer,
    service: address.service,
    serverName: address.serverName,
    serviceName: address.serviceName,
    path: address.path,
    state: address.state,
    fileService,
  };
}
