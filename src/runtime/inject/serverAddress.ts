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

/**
 * The service `service` of computer `server` (E_INVALIDARG for a non-string; the profile's unknown
 * computer or service code when absent).
 */
export function resolveService(
  state: DirectoryState,
  profile: FidelityProfile,
  server: unknown,
  service: unknown,
): ServiceAddress {
  const serverName = requireName(server, "server");
  const serviceName = requireName(service, "service");
  const computer = nameKey(serverName);
  const host = state.computers.get(computer);
  if (!host) throw new AdsError(profile.unknownComputerError, `no computer named ${serverName}`);
  const key = nameKey(serviceName);
  const found = host.services.get(key);
  if (!found) throw new AdsError(profile.unknownServiceError, `no service ${serviceName} on ${host.name}`);
  const domain = state.domains.get(host.domain)?.name ?? host.domain;
  return {
    computer,
    service: key,
    serverName: host.name,
    serviceName: found.name,
    path: adsPathOf([domain, host.name, found.name]),
    state: found,
  };
}

/** Like {@link resolveService} for a file service (default LanmanServer); another service is E_INVALIDARG. */
export function resolveFileService(
  state: DirectoryState,
  profile: FidelityProfile,
  server: unknown,
  service: unknown = DEFAULT_FILE_SERVICE,
): FileServiceAddress {
  const address = resolveService(state, profile, server, service);
  if (!address.state.fileService) {
    throw new AdsError(
      "E_INVALIDARG",
      `${address.serviceName} on ${address.serverName} is not a file service`,
    );
  }
  return { ...address, fileService: address.state.fileService };
}
