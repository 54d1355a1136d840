import {
  type ComputerState,
  type FileServiceState,
  type NameKey,
  nameKey,
  type ServiceState,
  type ShareState,
} from "../../engine/state.js";
import { AdsError } from "../../errors/AdsError.js";
import type { EmulatorCore } from "./context.js";

/**
 * Lookups of live state by key, throwing the code a WinNT client would see when the object is gone
 * (spec §11.3). Facade objects hold keys, never state, and re-read through these on every call.
 */
export function computerOf(core: EmulatorCore, computer: NameKey): ComputerState {
  const state = core.store.state.computers.get(computer);
  if (!state) throw new AdsError(core.profile.unknownComputerError, `no computer ${computer}`);
  return state;
}

/** The service `service` of `computer`, or the profile's unknown-service code. */
export function serviceOf(core: EmulatorCore, computer: NameKey, service: NameKey): ServiceState {
  const state = computerOf(core, computer).services.get(service);
  if (!state) throw new AdsError(core.profile.unknownServiceError, `no service ${service} on ${computer}`);
  return state;
}

/** The file-service part of a service (LanmanServer / FPNW). */
export function fileServiceOf(core: EmulatorCore, computer: NameKey, service: NameKey): FileServiceState {
  const state = serviceOf(core, computer, service).fileService;
  if (!state)
    throw new AdsError(core.profile.unknownServiceError, `${service} on ${computer} is not a file service`);
  return state;
}

/** A share of a file service, or NERR_NetNameNotFound (spec §11.3 [D]). */
export function shareOf(core: EmulatorCore, computer: NameKey, service: NameKey, share: string): ShareState {
  const state = fileServiceOf(core, computer, service).shares.get(nameKey(share));
  if (!state) throw new AdsError("NERR_NetNameNotFound", `no share ${share} on ${computer}`);
  return state;
}
