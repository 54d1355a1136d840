import type { NameKey } from "../../engine/state.js";
import { controlService, setServicePassword } from "../../engine/transitions/serviceControl.js";
import { requireAdministrator } from "../core/auth.js";
import type { BindContext } from "../core/context.js";

/** A service-control request (spec §8.1). */
export type ServiceControl = "start" | "stop" | "pause" | "continue";

/**
 * IADsServiceOperations Start/Stop/Pause/Continue (spec §8.1, §14 item 28): administrators only; the
 * state machine and its errors live in the `service.control` transition. Stopping a file service ends
 * its sessions and open files; pausing it refuses new sessions and keeps the existing ones.
 */
export function controlServiceAs(
  context: BindContext,
  computer: NameKey,
  service: NameKey,
  control: ServiceControl,
): void {
  requireAdministrator(context, computer, `${control} a service`);
  context.core.store.apply(controlService, { computer, service, control });
}

/** IADsServiceOperations.SetPassword (spec §8.1): administrators only. */
export function setServicePasswordAs(
  context: BindContext,
  computer: NameKey,
  service: NameKey,
  password: string,
): void {
  requireAdministrator(context, computer, "Setting a service password");
  context.core.store.apply(setServicePassword, { computer, service, password });
}
