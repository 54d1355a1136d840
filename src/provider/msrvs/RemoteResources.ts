import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";
import { RemoteCollection } from "./RemoteCollection.js";
import { RemoteResource } from "./RemoteResource.js";
import { parseFileId } from "./sessionValues.js";

/**
 * `Resources()` of a real file service (spec §5.3): one Resource per NetrFileEnum level 3 entry,
 * re-read at each enumeration. Remove is NetrFileClose(id): the file closes, its session stays; the
 * server's own code comes back for an id not open (Windows NERR_FileIdNotFound, Samba ERROR_FILE_NOT_FOUND).
 */
export class RemoteResources extends RemoteCollection<RemoteResource> {
  protected async readItems(): Promise<RemoteResource[]> {
    const files = await this.binding.client.files();
    return files.map((info) => new RemoteResource(this.binding, info));
  }

  /** The open file whose Name (decimal id) is `name`; none: ERROR_FILE_NOT_FOUND (NetrFileGetInfo's code). */
  async GetObject(name: string): Promise<RemoteResource> {
    if (typeof name !== "string")
      throw new AdsError("E_INVALIDARG", `Resources.GetObject takes a name, got ${describeValue(name)}`);
    const id = parseFileId(name);
    const info = id === undefined ? undefined : (await this.binding.client.files()).find((f) => f.id === id);
    if (info === undefined) throw new AdsError("ERROR_FILE_NOT_FOUND", `no open file ${describeValue(name)}`);
    return new RemoteResource(this.binding, info);
  }

  /** NetrFileClose of the id `name` (spec §12.4); a name that is not a decimal u32 is E_INVALIDARG. */
  async Remove(name: string): Promise<void> {
    const id = parseFileId(name);
    if (id === undefined) throw new AdsError("E_INVALIDARG", `${describeValue(name)} is not a file id`);
    await this.binding.client.closeFile(id);
  }
}
