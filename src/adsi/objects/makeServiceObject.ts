import type { NameKey } from "../../engine/state.js";
import type { AdsObject } from "../core/AdsObject.js";
import type { BindContext } from "../core/context.js";
import { serviceOf } from "../core/locate.js";
import type { Spelling } from "../core/paths.js";
import { FileServiceObject } from "./FileServiceObject.js";
import { ServiceObject } from "./ServiceObject.js";

/** Binds a service of a computer as the class its kind calls for (spec §1.1): Service or (FPNW)FileService. */
export function makeServiceObject(
  context: BindContext,
  computer: NameKey,
  service: NameKey,
  spelling: Spelling,
): AdsObject {
  const state = serviceOf(context.core, computer, service);
  return state.kind === "service"
    ? new ServiceObject(context, computer, service, spelling)
    : new FileServiceObject(context, computer, service, spelling);
}
