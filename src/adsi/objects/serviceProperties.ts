import type { NameKey, ServiceConfig } from "../../engine/state.js";
import { configureService } from "../../engine/transitions/services.js";
import { requireAdministrator } from "../core/auth.js";
import type { BindContext } from "../core/context.js";
import { serviceOf } from "../core/locate.js";
import type { StoredValues } from "../core/propertyCache.js";
import type { Variant } from "../interfaces/Variant.js";

/** IADsService configuration properties stored in {@link ServiceConfig} (spec §8.3). */
export const CONFIG_PROPERTIES = [
  "DisplayName",
  "Version",
  "ServiceType",
  "StartType",
  "Path",
  "ErrorControl",
  "LoadOrderGroup",
  "ServiceAccountName",
  "Dependencies",
] as const;

/** Every dual-interface property of IADsService / IADsFileService (spec §8.3-8.4). */
export const SERVICE_ACCESSORS = [
  ...CONFIG_PROPERTIES,
  "HostComputer",
  "StartupParameters",
  "ServiceAccountPath",
];

/** Where a service lives and how its computer's path is spelled. */
export interface ServiceAddress {
  readonly computer: NameKey;
  readonly service: NameKey;
  /** ADsPath of the host computer (HostComputer, spec §8.3). */
  readonly hostComputer: string;
}

/** Stored values of a service or file service (spec §8.3-8.4). */
export function loadServiceProperties(context: BindContext, address: ServiceAddress): StoredValues {
  const service = serviceOf(context.core, address.computer, address.service);
  const values = new Map<string, readonly Variant[]>([["HostComputer", [address.hostComputer]]]);
  for (const name of CONFIG_PROPERTIES) {
    const value = service.config[name];
    if (value === undefined) continue;
    values.set(name, Array.isArray(value) ? value : [value as Variant]);
  }
  const fileService = service.fileService;
  if (fileService) {
    if (fileService.Description !== undefined) values.set("Description", [fileService.Description]);
    values.set("MaxUserCount", [fileService.MaxUserCount]);
  }
  return values;
}

/** SetInfo of a service or file service: administrators only (spec §3.4 [D]). */
export function commitServiceProperties(
  context: BindContext,
  address: ServiceAddress,
  changes: ReadonlyMap<string, readonly Variant[]>,
): void {
  const { core } = context;
  requireAdministrator(context, address.computer, "SetInfo on a service");
  const config: Partial<Record<keyof ServiceConfig, ServiceConfig[keyof ServiceConfig] | undefined>> = {};
  for (const name of CONFIG_PROPERTIES) {
    const values = changes.get(name);
    if (!values) continue;
    config[name] = (name === "Dependencies" ? [...values] : values[0]) as never;
  }
  const description = changes.get("Description");
  const maxUserCount = changes.get("MaxUserCount")?.[0];
  core.store.apply(configureService, {
    computer: address.computer,
    service: address.service,
    config,
    ...(description === undefined ? {} : { description: (description[0] as string | undefined) ?? null }),
    ...(maxUserCount === undefined ? {} : { maxUserCount: maxUserCount as number }),
  });
}
