import type { NameKey } from "../../engine/state.js";
import {
  controlService,
  type ServiceControlRequest,
  setServicePassword,
} from "../../engine/transitions/serviceControl.js";
import { AdsError } from "../../errors/AdsError.js";
import { requireAdministrator } from "../core/auth.js";
import type { BindContext } from "../core/context.js";
import { contextOf } from "../core/internals.js";
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

/** Where each service object lives: private to this module (issue 7 item 1). */
const addresses = new WeakMap<object, ServiceAddress>();

/** Records where service object `object` lives; its constructor calls this once, after `super`. */
export function bindServiceAddress(object: object, address: ServiceAddress): void {
  addresses.set(object, address);
}

function addressOf(object: object): ServiceAddress {
  const address = addresses.get(object);
  if (!address) throw new AdsError("E_UNEXPECTED", "not a service object");
  return address;
}

/** The ADSI method name of a control request, as fault rules name it (docs/faults.md). */
const CONTROL_OPERATIONS = { start: "Start", stop: "Stop", pause: "Pause", continue: "Continue" } as const;

function control(object: object, request: ServiceControlRequest): void {
  const { computer, service } = addressOf(object);
  const context = contextOf(object);
  context.core.intercept(CONTROL_OPERATIONS[request], (object as { ADsPath: string }).ADsPath);
  controlServiceAs(context, computer, service, request);
}

/**
 * Installs IADsServiceOperations (spec §8.1) on a service class: `Status` (ADS_SERVICE_STATUS_ENUM,
 * read live), `Start`, `Stop`, `Pause`, `Continue`, `SetPassword`. Shared by Service and the file
 * services, which cannot share a base class (one is a container). Their objects register their
 * address with {@link bindServiceAddress}.
 */
export function defineServiceOperations(target: { prototype: object }): void {
  const method = (value: (this: object, ...args: never[]) => void) => ({
    configurable: true,
    enumerable: false,
    writable: true,
    value,
  });
  Object.defineProperties(target.prototype, {
    Status: {
      configurable: true,
      enumerable: false,
      get(this: object) {
        const { computer, service } = addressOf(this);
        return serviceOf(contextOf(this).core, computer, service).status;
      },
    },
    Start: method(function (this: object) {
      control(this, "start");
    }),
    Stop: method(function (this: object) {
      control(this, "stop");
    }),
    Pause: method(function (this: object) {
      control(this, "pause");
    }),
    Continue: method(function (this: object) {
      control(this, "continue");
    }),
    SetPassword: method(function (this: object, password: string) {
      const { computer, service } = addressOf(this);
      const context = contextOf(this);
      context.core.intercept("SetPassword", (this as { ADsPath: string }).ADsPath);
      setServicePasswordAs(context, computer, service, password);
    }),
  });
}
