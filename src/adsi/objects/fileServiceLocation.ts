import type { NameKey } from "../../engine/state.js";
import type { ObjectNames } from "../core/AdsObject.js";
import type { BindContext } from "../core/context.js";

/** Where a file service lives, as its dependent objects (sessions, resources) need it. */
export interface FileServiceLocation {
  readonly computer: NameKey;
  readonly service: NameKey;
  /** ADsPath of the file service. */
  readonly servicePath: string;
  /** True under FPNW: classes FPNWSession/FPNWResource, no IdleTime (spec §6, §10). */
  readonly fpnw: boolean;
}

/**
 * The identity strings of a session or resource (spec §2.4 [U], profile `dependentObjectPaths` and
 * `schemaPath`): `name` below the file service, class `className` (`Session`, `FPNWResource`, …).
 */
export function dependentNames(
  context: BindContext,
  location: FileServiceLocation,
  name: string,
  className: string,
): ObjectNames {
  const { profile } = context.core;
  const paths = profile.dependentObjectPaths(location.servicePath, name);
  const domain = location.servicePath.slice("WinNT://".length).split("/")[0] ?? "";
  return {
    name,
    className,
    adsPath: paths.adsPath,
    parent: paths.parent,
    schema: profile.schemaPath(domain, className),
  };
}

/**
 * {@link dependentNames} for every object of one class below one file service: the parts that do not
 * depend on the object's name (schema path, domain) are worked out once.
 */
export function dependentNamer(
  location: FileServiceLocation,
  className: string,
): (context: BindContext, name: string) => ObjectNames {
  let schema: { readonly profile: unknown; readonly path: string | undefined } | undefined;
  return (context, name) => {
    const { profile } = context.core;
    if (schema?.profile !== profile) {
      const domain = location.servicePath.slice("WinNT://".length).split("/")[0] ?? "";
      schema = { profile, path: profile.schemaPath(domain, className) };
    }
    const paths = profile.dependentObjectPaths(location.servicePath, name);
    return { name, className, adsPath: paths.adsPath, parent: paths.parent, schema: schema.path };
  };
}
