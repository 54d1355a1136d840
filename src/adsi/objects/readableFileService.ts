import type { FileServiceState } from "../../engine/state.js";
import { AdsError } from "../../errors/AdsError.js";
import { ADS_SERVICE_STOPPED } from "../constants.js";
import type { BindContext } from "../core/context.js";
import { serviceOf } from "../core/locate.js";
import type { FileServiceLocation } from "./fileServiceLocation.js";

/**
 * The file service's state for a Sessions/Resources call, or the profile's code while the service is
 * stopped (srvsvc unreachable; spec §11.2 [U]). A paused server still answers (spec §8.1).
 */
export function readableFileService(context: BindContext, location: FileServiceLocation): FileServiceState {
  const { core } = context;
  const service = serviceOf(core, location.computer, location.service);
  if (service.status === ADS_SERVICE_STOPPED || !service.fileService) {
    throw new AdsError(core.profile.serverNotRunningError, `${service.name} is not running`);
  }
  return service.fileService;
}
