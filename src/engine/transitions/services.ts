import { AdsError } from "../../errors/AdsError.js";
import { idleQueueOf, sessionsExempting } from "../idleQueue.js";
import type {
  AutoDisconnect,
  ComputerProperties,
  FileServiceState,
  NameKey,
  ServiceConfig,
  Writable,
} from "../state.js";
import { defineTransition } from "../store.js";
import {
  checkAutoDisconnectMinutes,
  checkMaxUserCount,
  checkRoomFor,
  draftFileService,
  draftService,
} from "./draftAccess.js";

/** An integer property the SCM range-checks (ChangeServiceConfig's ERROR_INVALID_PARAMETER, spec §8.3). */
function checkRange(value: unknown, min: number, max: number, what: string): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new AdsError("E_INVALIDARG", `${what} must be an integer ${min}..${max}, got ${String(value)}`);
  }
}

/**
 * SetInfo on a Service / FileService, as one change (spec §3.4, §8.3-8.4): IADsService properties
 * (undefined values unset) and, for a file service, Description and MaxUserCount (-1 = no limit).
 * A refused MaxUserCount leaves everything unchanged.
 */
export const configureService = defineTransition<{
  readonly computer: NameKey;
  readonly service: NameKey;
  readonly config: Partial<Record<keyof ServiceConfig, ServiceConfig[keyof ServiceConfig] | undefined>>;
  /** File services only: a new Description, or null to unset it. */
  readonly description?: string | null;
  /** File services only. */
  readonly maxUserCount?: number;
}>("service.configure", (draft, { computer, service, config, description, maxUserCount }, { record }) => {
  if (description !== undefined || maxUserCount !== undefined) {
    const fileService = draftFileService(draft, computer, service);
    checkMaxUserCount(maxUserCount);
    checkRoomFor(fileService.sessions.size, maxUserCount, `${draftService(draft, computer, service).name}`);
    if (maxUserCount !== undefined) fileService.MaxUserCount = maxUserCount;
    if (description === null) delete fileService.Description;
    else if (description !== undefined) fileService.Description = description;
  }
  checkRange(config.StartType, 0, 4, "StartType (ADS_SERVICE_START_TYPE_ENUM)");
  checkRange(config.ErrorControl, 0, 3, "ErrorControl (ADS_SERVICE_ERROR_CONTROL_ENUM)");
  checkRange(config.ServiceType, 0, 0xffffffff, "ServiceType");
  const target = draftService(draft, computer, service).config as Writable<ServiceConfig>;
  for (const [key, value] of Object.entries(config) as [keyof ServiceConfig, never][]) {
    if (value === undefined) delete target[key];
    else target[key] = value;
  }
  record({ kind: "service.configured", computer, service });
});

/** SetInfo on a Computer, when the profile persists it (spec §3.4 [U]). Undefined values unset. */
export const updateComputerProperties = defineTransition<{
  readonly computer: NameKey;
  readonly changes: Partial<Record<keyof ComputerProperties, string | undefined>>;
}>("computer.configure", (draft, { computer, changes }, { record }) => {
  const target = draft.computers.get(computer);
  if (!target) throw new RangeError(`transition on missing computer ${computer}`);
  const properties = target.properties as Writable<ComputerProperties>;
  for (const [key, value] of Object.entries(changes) as [keyof ComputerProperties, string | undefined][]) {
    if (value === undefined) delete properties[key];
    else properties[key] = value;
  }
  record({ kind: "computer.configured", computer });
});

/**
 * Sets a file service's auto-disconnect (spec §12.7): `minutes` -1 (off) or 0..35,791 (the largest
 * whole minutes that fit the SERVER_INFO_1010 DWORD in milliseconds), and optionally whether sessions
 * with open files are exempt. Changing the exemption rebuilds the idle queue (O(sessions); an
 * administrator's rare action).
 */
export const configureAutoDisconnect = defineTransition<{
  readonly computer: NameKey;
  readonly service: NameKey;
  readonly minutes?: number;
  readonly exemptOpenFiles?: boolean;
}>("service.autoDisconnect", (draft, { computer, service, minutes, exemptOpenFiles }, { record }) => {
  const fileService = draftFileService(draft, computer, service);
  checkAutoDisconnectMinutes(minutes);
  if (exemptOpenFiles !== undefined && typeof exemptOpenFiles !== "boolean") {
    throw new AdsError("E_INVALIDARG", "exemptOpenFiles must be a boolean");
  }
  const next: AutoDisconnect = {
    minutes: minutes ?? fileService.autoDisconnect.minutes,
    exemptOpenFiles: exemptOpenFiles ?? fileService.autoDisconnect.exemptOpenFiles,
  };
  if (next.exemptOpenFiles !== fileService.autoDisconnect.exemptOpenFiles) {
    const target = fileService as Writable<FileServiceState>;
    target.sessions = sessionsExempting(target.sessions, next.exemptOpenFiles);
    target.idleQueue = idleQueueOf(target.sessions);
  }
  fileService.autoDisconnect = next;
  record({ kind: "service.configured", computer, service });
});
