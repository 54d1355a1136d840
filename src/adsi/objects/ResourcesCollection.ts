import type { FileServiceState } from "../../engine/state.js";
import { closeFile } from "../../engine/transitions/files.js";
import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";
import { bstrArgument } from "../core/arguments.js";
import { requireAdministrator } from "../core/auth.js";
import { sealFacadeClass } from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import { trieListing } from "../core/enumerator.js";
import { contextOf } from "../core/internals.js";
import { FileServiceCollection, runningFileService } from "./FileServiceCollection.js";
import type { FileServiceLocation } from "./fileServiceLocation.js";
import { ResourceObject, resourceKind } from "./ResourceObject.js";

/** A decimal file id as NetFileClose takes it (spec §5.3): digits only, 1..2^32-1. */
function parseFileId(name: string): number | undefined {
  if (typeof name !== "string" || !/^\d{1,10}$/.test(name)) return undefined;
  const id = Number(name);
  return id >= 1 && id <= 0xffffffff ? id : undefined;
}

/** The file service's state, if the caller may enumerate open files: administrators only (spec §11.3). */
function readableFiles(context: BindContext, location: FileServiceLocation): FileServiceState {
  const fileService = runningFileService(context, location);
  requireAdministrator(context, location.computer, "Enumerating open files");
  return fileService;
}

/**
 * `IADsFileServiceOperations.Resources()` (spec §5.3): one Resource per open file (NetFileEnum level 3),
 * re-read at each enumeration; administrators only (spec §11.3). Remove is NetFileClose: the file
 * closes, its session stays (spec §14 item 34).
 */
export class ResourcesCollection extends FileServiceCollection<ResourceObject> {
  readonly #location: FileServiceLocation;

  /** The open files of the file service at `location`. */
  constructor(context: BindContext, location: FileServiceLocation) {
    const kind = resourceKind(location);
    super(context, location, "Resources", () =>
      trieListing(readableFiles(context, location).files, (file) => new ResourceObject(context, kind, file)),
    );
    this.#location = location;
  }

  /** The open file whose Name (decimal id) is `name`. */
  GetObject(name: string): ResourceObject {
    name = bstrArgument(name, "Resources.GetObject's name");
    const context = contextOf(this);
    context.core.intercept("Resources.GetObject", this.#location.servicePath);
    const id = parseFileId(name);
    const file = id === undefined ? undefined : readableFiles(context, this.#location).files.get(id);
    if (!file)
      throw new AdsError(context.core.profile.unknownResourceError, `no open file ${describeValue(name)}`);
    return new ResourceObject(context, resourceKind(this.#location), file);
  }

  /** NetFileClose (spec §12.4); unknown id → profile `closeUnknownFileError`. */
  Remove(name: string): void {
    name = bstrArgument(name, "Resources.Remove's name");
    const context = contextOf(this);
    context.core.intercept("Resources.Remove", this.#location.servicePath);
    readableFiles(context, this.#location);
    const id = parseFileId(name);
    if (id === undefined) {
      throw new AdsError(context.core.profile.closeUnknownFileError, `no open file ${describeValue(name)}`);
    }
    context.core.store.apply(closeFile, {
      computer: this.#location.computer,
      service: this.#location.service,
      fileId: id,
    });
  }
}
sealFacadeClass(ResourcesCollection);
