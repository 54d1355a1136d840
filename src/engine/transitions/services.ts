import { AdsError } from "../../errors/AdsError.js";
import type { ComputerProperties, NameKey, ServiceConfig } from "../state.js";
import { defineTransition } from "../store.js";
import { draftFileService, draftService } from "./draftAccess.js";

/** Mutable view of a readonly record, for building change sets. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** SetInfo on a Service / FileService: writes IADsService properties (spec §3.4, §8.3). Undefined values unset. */
export const updateServiceConfig = defineTransition<{
  readonly computer: NameKey;
  readonly service: NameKey;
  readonly changes: Partial<Record<keyof ServiceConfig, ServiceConfig[keyof ServiceConfig] | undefined>>;
}>("service.configure", (draft, { computer, service, changes }) => {
  const config = draftService(draft, computer, service).config as Writable<ServiceConfig>;
  for (const [key, value] of Object.entries(changes) as [keyof ServiceConfig, never][]) {
    if (value === undefined) delete config[key];
    else config[key] = value;
  }
});

/** SetInfo on a FileService: Description and MaxUserCount (spec §8.4; -1 = no limit). */
export const updateFileServiceSettings = defineTransition<{
  readonly computer: NameKey;
  readonly service: NameKey;
  readonly description?: string | undefined;
  readonly maxUserCount?: number;
  readonly clearDescription?: boolean;
}>("fileService.configure", (draft, { computer, service, description, maxUserCount, clearDescription }) => {
  const fileService = draftFileService(draft, computer, service);
  if (maxUserCount !== undefined) {
    if (!Number.isInteger(maxUserCount) || maxUserCount < -1) {
      throw new AdsError(
        "E_INVALIDARG",
        `MaxUserCount must be -1 or a non-negative integer, got ${maxUserCount}`,
      );
    }
    fileService.MaxUserCount = maxUserCount;
  }
  if (clearDescription) delete fileService.Description;
  else if (description !== undefined) fileService.Description = description;
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
