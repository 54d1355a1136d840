import type { NameKey, Writable } from "../../engine/state.js";
import { createShare, type ShareSettings, updateShare } from "../../engine/transitions/shares.js";
import { AdsObject, IADS_INTERFACES } from "../core/AdsObject.js";
import { requireAdministrator } from "../core/auth.js";
import { defineCacheAccessors, guardGetOnlyMembers } from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import { shareOf } from "../core/locate.js";
import { adsPathOf } from "../core/paths.js";
import type { StoredValues } from "../core/propertyCache.js";
import type { IADsFileShare } from "../interfaces/IADsFileShare.js";
import type { Variant } from "../interfaces/Variant.js";

/** Where the shares of one file service live and how their paths are spelled. */
export interface ShareLocation {
  readonly computer: NameKey;
  readonly service: NameKey;
  /** Components of the file service's ADsPath: domain, computer, service. */
  readonly servicePath: readonly string[];
  readonly hostComputer: string;
  /** `FileShare` or `FPNWFileShare`. */
  readonly className: string;
  readonly schemaDomain: string;
}

/**
 * A file share (spec §9.3): IADsFileShare. CurrentUserCount is derived from the sessions connected to
 * the share; MaxUserCount -1 means unlimited (§14 item 13). A share from `Create` is unbound until its
 * first SetInfo, which creates it (§14 item 11).
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the dual-interface accessors are installed by defineCacheAccessors below
export class FileShareObject extends AdsObject {
  readonly interfaces = [...IADS_INTERFACES, "IADsFileShare"];
  readonly #location: ShareLocation;
  #bound: boolean;

  private constructor(context: BindContext, location: ShareLocation, name: string, bound: boolean) {
    super(context, {
      name,
      className: location.className,
      adsPath: adsPathOf([...location.servicePath, name]),
      parent: adsPathOf(location.servicePath),
      schema: context.core.profile.schemaPath(location.schemaDomain, location.className),
    });
    this.#location = location;
    this.#bound = bound;
  }

  /** An existing share, spelled as the directory spells it. */
  static bound(context: BindContext, location: ShareLocation, name: string): FileShareObject {
    return new FileShareObject(context, location, name, true);
  }

  /** A share from `Create`, not yet on the server. */
  static unbound(context: BindContext, location: ShareLocation, name: string): FileShareObject {
    return new FileShareObject(context, location, name, false);
  }

  protected override isBound(): boolean {
    return this.#bound;
  }

  protected override loadProperties(): StoredValues {
    const { computer, service, hostComputer } = this.#location;
    const share = shareOf(this.context.core, computer, service, this.Name);
    const values = new Map<string, readonly Variant[]>([
      ["Path", [share.Path]],
      ["MaxUserCount", [share.MaxUserCount]],
      ["CurrentUserCount", [share.currentUses]],
      ["HostComputer", [hostComputer]],
    ]);
    if (share.Description !== undefined && this.Class === "FileShare")
      values.set("Description", [share.Description]);
    return values;
  }

  protected override commitProperties(changes: ReadonlyMap<string, readonly Variant[]>): void {
    const { core } = this.context;
    const { computer, service } = this.#location;
    requireAdministrator(this.context, computer, "Writing a share");
    const settings: Writable<ShareSettings> = {};
    const path = changes.get("Path");
    if (path) settings.Path = path[0] as string | undefined;
    const description = changes.get("Description");
    if (description) settings.Description = description[0] as string | undefined;
    const max = changes.get("MaxUserCount");
    if (max?.[0] !== undefined) settings.MaxUserCount = max[0] as number;
    const address = { computer, service, share: this.Name };
    if (this.#bound) {
      core.store.apply(updateShare, { ...address, settings });
      return;
    }
    core.store.apply(createShare, { ...address, settings });
    this.#bound = true;
  }
}

/** The dual-interface properties, merged onto the class. */
export interface FileShareObject extends Omit<IADsFileShare, keyof AdsObject> {}
defineCacheAccessors(FileShareObject, ["Description", "HostComputer", "Path", "MaxUserCount"]);
defineCacheAccessors(FileShareObject, ["CurrentUserCount"], { getOnly: true });
guardGetOnlyMembers(FileShareObject);
