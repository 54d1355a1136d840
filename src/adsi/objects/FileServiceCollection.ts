import type { FileServiceState } from "../../engine/state.js";
import { AdsError } from "../../errors/AdsError.js";
import type { FaultOperation } from "../../runtime/faults/operations.js";
import { ADS_SERVICE_STOPPED } from "../constants.js";
import { AdsCollection } from "../core/AdsCollection.js";
import type { BindContext } from "../core/context.js";
import type { ListingReader } from "../core/enumerator.js";
import { serviceOf } from "../core/locate.js";
import type { IADs } from "../interfaces/IADs.js";
import type { FileServiceLocation } from "./fileServiceLocation.js";

/**
 * Base of the Sessions and Resources collections of a file service (spec §5.2-5.3). Creating one, and
 * every later read, fails with the profile's `serverNotRunningError` while the service is stopped
 * (srvsvc unreachable; spec §11.2 [U]); a paused server still answers (spec §8.1).
 */
export abstract class FileServiceCollection<T extends IADs> extends AdsCollection<T> {
  /** The emulator core and the credentials the file service was bound with. */
  protected readonly context: BindContext;
  /** The file service whose sessions or files this collection lists. */
  protected readonly location: FileServiceLocation;

  /** Which collection this is, for fault rules: `Sessions` or `Resources` (docs/faults.md). */
  protected abstract readonly faultName: "Sessions" | "Resources";

  /** The collection of the file service at `location`. */
  constructor(context: BindContext, location: FileServiceLocation) {
    super();
    this.context = context;
    this.location = location;
    this.fileServiceState();
  }

  protected override readonly listing: ListingReader<T> = () => {
    const fault = this.intercept(`enumerate.${this.faultName}`);
    return { items: this.readItems(), fault };
  };

  /** The fault check of `operation` on this file service (may advance the clock, may throw). */
  protected intercept(operation: FaultOperation) {
    return this.context.core.intercept(operation, this.location.servicePath);
  }

  /** The file service's current state, or the profile's code while it is stopped. */
  protected fileServiceState(): FileServiceState {
    const { core } = this.context;
    const service = serviceOf(core, this.location.computer, this.location.service);
    if (service.status === ADS_SERVICE_STOPPED || !service.fileService) {
      throw new AdsError(core.profile.serverNotRunningError, `${service.name} is not running`);
    }
    return service.fileService;
  }
}
