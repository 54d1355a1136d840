import { trieGet, trieValues } from "../../engine/idTrie.js";
import type { FileServiceState } from "../../engine/state.js";
import { closeFile } from "../../engine/transitions/files.js";
import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";
import { requireAdministrator } from "../core/auth.js";
import { FileServiceCollection } from "./FileServiceCollection.js";
import { ResourceObject } from "./ResourceObject.js";

/** A decimal file id as NetFileClose takes it (spec §5.3): digits only, 1..2^32-1. */
function parseFileId(name: string): number | undefined {
  if (typeof name !== "string" || !/^\d{1,10}$/.test(name)) return undefined;
  const id = Number(name);
  return id >= 1 && id <= 0xffffffff ? id : undefined;
}

/**
 * `IADsFileServiceOperations.Resources()` (spec §5.3): one Resource per open file (NetFileEnum level 3),
 * re-read at each enumeration; administrators only (spec §11.3). Remove is NetFileClose: the file
 * closes, its session stays (spec §14 item 34).
 */
export class ResourcesCollection extends FileServiceCollection<ResourceObject> {
  protected readonly faultName = "Resources";

  protected readItems(): ResourceObject[] {
    return [...trieValues(this.#readable().files)].map(
      (f) => new ResourceObject(this.context, this.location, f),
    );
  }

  /** The open file whose Name (decimal id) is `name`. */
  GetObject(name: string): ResourceObject {
    this.intercept("Resources.GetObject");
    const id = parseFileId(name);
    const file = id === undefined ? undefined : trieGet(this.#readable().files, id);
    if (!file)
      throw new AdsError(
        this.context.core.profile.unknownResourceError,
        `no open file ${describeValue(name)}`,
      );
    return new ResourceObject(this.context, this.location, file);
  }

  /** NetFileClose (spec §12.4); unknown id → profile `closeUnknownFileError`. */
  Remove(name: string): void {
    this.intercept("Resources.Remove");
    this.#readable();
    const id = parseFileId(name);
    if (id === undefined) {
      throw new AdsError(
        this.context.core.profile.closeUnknownFileError,
        `no open file ${describeValue(name)}`,
      );
    }
    this.context.core.store.apply(closeFile, {
      computer: this.location.computer,
      service: this.location.service,
      fileId: id,
    });
  }

  #readable(): FileServiceState {
    const fileService = this.fileServiceState();
    requireAdministrator(this.context, this.location.computer, "Enumerating open files");
    return fileService;
  }
}
