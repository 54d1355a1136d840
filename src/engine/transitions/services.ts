import type { ComputerProperties, NameKey, ServiceConfig, Writable } from "../state.js";
import { defineTransition } from "../store.js";
import { checkMaxUserCount, draftFileService, draftService } from "./draftAccess.js";

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
}>("service.configure", (draft, { computer, service, config, description, maxUserCount }) => {
  if (description !== undefined || maxUserCount !== undefined) {
    const fileService = draftFileService(draft, computer, service);
    checkMaxUserCount(maxUserCount);
    if (maxUserCount !== undefined) fileService.MaxUserCount = maxUserCount;
    if (description === null) delete fileService.Description;
    else if (description !== undefined) fileService.Description = description;
  }
  const target = draftService(draft, computer, service).config as Writable<ServiceConfig>;
  for (const [key, value] of Object.entries(config) as [keyof ServiceConfig, never][]) {
    if (value === undefined) delete target[key];
    else target[key] = value;
  }
});

/** SetInfo on a Computer, when the profile persists it (spec §3.4 [U]). Undefined values unset. */
export const updateComputerProperties = defineTransition<{
  readonly computer: NameKey;
  readonly changes: Partial<Record<keyof ComputerProperties, string | undefined>>;
}>("computer.configure", (draft, { computer, changes }) => {
  const target = draft.computers.get(computer);
  if (!target) throw new RangeError(`transition on missing computer ${computer}`);
  const properties = target.properties as Writable<ComputerProperties>;
  for (const [key, value] of Object.entries(changes) as [keyof ComputerProperties, string | undefined][]) {
    if (value === undefined) delete properties[key];
    else properties[key] = value;
  }
});
