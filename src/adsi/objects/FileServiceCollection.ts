import type { FileServiceState } from "../../engine/state.js";
import { AdsError } from "../../errors/AdsError.js";
import { ADS_SERVICE_STOPPED } from "../constants.js";
import { AdsCollection } from "../core/AdsCollection.js";
import { sealFacadeClass } from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import type { Listing } from "../core/enumerator.js";
import { serviceOf } from "../core/locate.js";
import type { IADs } from "../interfaces/IADs.js";
import type { FileServiceLocation } from "./fileServiceLocation.js";

/**
 * The file service at `location`'s current state, or the profile's `serverNotRunningError` while it is
 * stopped (srvsvc unreachable; spec §11.2 [U]); a paused server still answers (spec §8.1).
 */
export function runningFileService(context: BindContext, location: FileServiceLocation): FileServiceState {
  const { core } = context;
  const service = serviceOf(core, location.computer, location.service);
  if (service.status === ADS_SERVICE_STOPPED || !service.fileService) {
    throw new AdsError(core.profile.serverNotRunningError, `${service.name} is not running`);
  }
  return service.fileService;
}

/**
 * Base of the Sessions and Resources collections of a file service (spec §5.2-5.3). Creating one, and
 * every later read, fails while the service is stopped ({@link runningFileService}).
 */
export abstract class FileServiceCollection<T extends IADs> extends AdsCollection<T> {
  /**
   * The collection `name` (`Sessions` or `Resources`) of the file service at `location`, whose items
   * `read` lists; every enumeration first passes the fault rules of `enumerate.<name>` (docs/faults.md).
   */
  protected constructor(
    context: BindContext,
    location: FileServiceLocation,
    name: "Sessions" | "Resources",
    read: () => readonly T[] | Listing<T>,
  ) {
    runningFileService(context, location);
    super(context, () => {
      const fault = context.core.intercept(`enumerate.${name}`, location.servicePath);
      return { items: read(), fault };
    });
  }
}
sealFacadeClass(FileServiceCollection);
