import type { NameKey } from "../../engine/state.js";
import {
  controlService,
  type ServiceControlRequest,
  setServicePassword,
} from "../../engine/transitions/serviceControl.js";
import { requireAdministrator } from "../core/auth.js";
import type { BindContext } from "../core/context.js";
import { serviceOf } from "../core/locate.js";
import type { ServiceAddress } from "./serviceProperties.js";

/**
 * IADsServiceOperations Start/Stop/Pause/Continue (spec §8.1, §14 item 28): administrators only; the
 * state machine and its errors live in the `service.control` transition. Stopping a file service ends
 * its sessions and open files; pausing it refuses new sessions and keeps the existing ones.
 */
function controlServiceAs(
  context: BindContext,
  computer: NameKey,
  service: NameKey,
  control: ServiceControlRequest,
): void {
  requireAdministrator(context, computer, `${control} a service`);
  context.core.store.apply(controlService, { computer, service, control });
}

/** IADsServiceOperations.SetPassword (spec §8.1): administrators only. */
function setServicePasswordAs(
  context: BindContext,
  computer: NameKey,
  service: NameKey,
  password: string,
): void {
  requireAdministrator(context, computer, "Setting a service password");
  context.core.store.apply(setServicePassword, { computer, service, password });
}

/** What the shared service members need from the object they are installed on. */
interface ServiceHost {
  readonly context: BindContext;
  readonly serviceAddress: ServiceAddress;
  readonly ADsPath: string;
}

/** The ADSI method name of a control request, as fault rules name it (docs/faults.md). */
const CONTROL_OPERATIONS = { start: "Start", stop: "Stop", pause: "Pause", continue: "Continue" } as const;

function control(host: ServiceHost & { readonly ADsPath: string }, request: ServiceControlRequest): void {
  host.context.core.intercept(CONTROL_OPERATIONS[request], host.ADsPath);
  controlServiceAs(host.context, host.serviceAddress.computer, host.serviceAddress.service, request);
}

/**
 * Installs IADsServiceOperations (spec §8.1) on a service class: `Status` (ADS_SERVICE_STATUS_ENUM,
 * read live), `Start`, `Stop`, `Pause`, `Continue`, `SetPassword`. Shared by Service and the file
 * services, which cannot share a base class (one is a container).
 */
export function defineServiceOperations(target: { prototype: object }): void {
  const method = (value: (this: ServiceHost, ...args: never[]) => void) => ({
    configurable: true,
    enumerable: false,
    writable: true,
    value,
  });
  Object.defineProperties(target.prototype, {
    Status: {
      configurable: true,
      enumerable: false,
      get(this: ServiceHost) {
        return serviceOf(this.context.core, this.serviceAddress.computer, this.serviceAddress.service).status;
      },
    },
    Start: method(function (this: ServiceHost) {
      control(this, "start");
    }),
    Stop: method(function (this: ServiceHost) {
      control(this, "stop");
    }),
    Pause: method(function (this: ServiceHost) {
      control(this, "pause");
    }),
    Continue: method(function (this: ServiceHost) {
      control(this, "continue");
    }),
    SetPassword: method(function (this: ServiceHost, password: string) {
      this.context.core.intercept("SetPassword", this.ADsPath);
      setServicePasswordAs(this.context, this.serviceAddress.computer, this.serviceAddress.service, password);
    }),
  });
}
