import type { IADsCollection } from "./IADsCollection.js";
import type { IADsResource } from "./IADsResource.js";
import type { IADsService, IADsServiceOperations } from "./IADsService.js";
import type { IADsSession } from "./IADsSession.js";

/** IADsFileService (spec §8.4). */
export interface IADsFileService extends IADsService {
  Description: string;
  /** -1 = no limit. */
  MaxUserCount: number;
}

/** IADsFileServiceOperations (spec §8.2): Sessions and Resources are methods. */
export interface IADsFileServiceOperations extends IADsServiceOperations {
  Sessions(): IADsCollection<IADsSession>;
  Resources(): IADsCollection<IADsResource>;
}
