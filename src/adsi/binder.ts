import { type DirectoryState, type NameKey, nameKey } from "../engine/state.js";
import { AdsError } from "../errors/AdsError.js";
import type { HResultSymbol } from "../errors/hresults.js";
import { type AdsPath, isWrongCaseProvider, parseAdsPath } from "../path/adsPath.js";
import type { FidelityProfile } from "../profile/FidelityProfile.js";
import { canonicalClassName, UNMODELLED_CLASSES } from "../schema/winntSchema.js";
import type { AdsObject } from "./core/AdsObject.js";
import type { AuthTarget } from "./core/auth.js";
import type { BindContext } from "./core/context.js";
import { copyCredentials } from "./core/credentials.js";
import { presentObject } from "./core/lateBinding.js";
import { ComputerObject } from "./objects/ComputerObject.js";
import { DomainObject } from "./objects/DomainObject.js";
import { FileServiceObject } from "./objects/FileServiceObject.js";
import { NamespaceObject, type OpenObject } from "./objects/NamespaceObject.js";
import { SchemaContainerObject } from "./objects/SchemaObjects.js";
import { refuseAccountChild, unmodelledClass } from "./objects/unmodelled.js";

/** What a path names, before any object is built: enough to know which server authenticates the bind. */
export type PathTarget =
  | { readonly kind: "namespace" }
  | { readonly kind: "domain"; readonly domain: NameKey }
  | { readonly kind: "schema"; readonly domain: NameKey; readonly child: string | undefined }
  | {
      readonly kind: "computer";
      readonly computer: NameKey;
      /** How the path spelled the local computer (`.` or `localhost`), when it did (spec §2.1). */
      readonly localSpelling: string | undefined;
      /** Service, then share, below the computer. */
      readonly rest: readonly string[];
    };

/** Parses a bind string: wrong-case provider → the profile's code (spec §2.2), anything else malformed → E_ADS_BAD_PATHNAME. */
export function parseBindPath(text: string, profile: FidelityProfile): AdsPath {
  if (typeof text === "string" && isWrongCaseProvider(text)) {
    throw new AdsError(profile.wrongCaseProviderError, `provider prefix must be exactly "WinNT:" (${text})`);
  }
  return parseAdsPath(text);
}

/**
 * Whether `name` is an alias of the local computer (spec §2.1 [C]): `.`, or `localhost` unless the
 * directory has a domain or computer of that name (`isDirectoryName`), which then wins.
 */
function isLocalAlias(name: string, isDirectoryName: boolean): boolean {
  return name === "." || (!isDirectoryName && nameKey(name) === nameKey("localhost"));
}

/**
 * Finds what `path` names in `state` (spec §2.1): `WinNT:`, a domain, `WinNT://./…`, `WinNT://localhost/…` or a computer
 * (domain-qualified or not), `…/Schema[/X]`, services and shares below a computer. Unknown components
 * fail with the codes of spec §11.3 (profile where [U]).
 */
export function locatePath(state: DirectoryState, path: AdsPath, profile: FidelityProfile): PathTarget {
  const [first, ...rest] = path.components;
  if (first === undefined) return { kind: "namespace" };
  const hint = path.classHint === undefined ? undefined : canonicalClassName(path.classHint);
  if (path.classHint !== undefined && hint === undefined) {
    throw new AdsError("E_ADS_UNKNOWN_OBJECT", `${path.classHint} is not a WinNT class`);
  }
  if (hint && UNMODELLED_CLASSES.includes(hint)) unmodelledClass(hint);
  const key = nameKey(first);
  const domain = first === "." ? undefined : state.domains.get(key);
  const firstIsLocal = isLocalAlias(first, domain !== undefined || state.computers.has(key));
  if (domain && !(rest.length === 0 && hint === "Computer")) {
    const [second, ...deeper] = rest;
    if (second === undefined) return { kind: "domain", domain: key };
    if (nameKey(second) === nameKey("Schema")) return schemaTarget(key, deeper);
    // `WinNT://CORP/.` is how a `WinNT://.` object's ADsPath spells the local machine (profile localDotSpelling).
    const local = isLocalAlias(second, domain.computers.includes(nameKey(second)));
    const member = local ? state.localComputer : nameKey(second);
    if (member === undefined || !domain.computers.includes(member)) {
      if (deeper.length === 0 && hint === undefined) refuseAccountChild(domain.users, second);
      const code =
        deeper.length > 0 || hint === "Computer" ? profile.unknownComputerError : notFoundCode(hint, profile);
      throw new AdsError(code, `no ${hint ?? "object"} ${second} in ${domain.name}`);
    }
    return { kind: "computer", computer: member, localSpelling: local ? second : undefined, rest: deeper };
  }
  const computer = firstIsLocal ? state.localComputer : state.computers.has(key) ? key : undefined;
  if (computer === undefined) {
    const code = hint === "Domain" ? profile.unknownDomainError : profile.unknownComputerError;
    throw new AdsError(code, `no domain or computer named ${first}`);
  }
  const [second, ...deeper] = rest;
  if (second !== undefined && nameKey(second) === nameKey("Schema")) {
    return schemaTarget(state.computers.get(computer)?.domain ?? computer, deeper);
  }
  return { kind: "computer", computer, localSpelling: firstIsLocal ? first : undefined, rest };
}

function schemaTarget(domain: NameKey, rest: readonly string[]): PathTarget {
  if (rest.length > 1) throw new AdsError("E_ADS_UNKNOWN_OBJECT", "schema objects have no children");
  return { kind: "schema", domain, child: rest[0] };
}

/** Which server authenticates a bind to `target` (spec §2.5); the namespace needs none. */
export function authTarget(state: DirectoryState, target: PathTarget): AuthTarget | undefined {
  switch (target.kind) {
    case "namespace":
      return undefined;
    case "domain":
    case "schema":
      // A workgroup has no accounts of its own: binding it contacts no server that could check credentials.
      if (state.domains.get(target.domain)?.type === "workgroup") return undefined;
      return {
        domain: target.domain,
        computer: state.computers.has(target.domain) ? target.domain : undefined,
      };
    case "computer":
      return { domain: state.computers.get(target.computer)?.domain, computer: target.computer };
  }
}

/**
 * Builds the object `target` names, in `context`, and checks the class hint against it (spec §14 item 3).
 * The caller receives it late-bound when the emulator's `lateBinding` option is on (lateBinding.ts).
 */
export function buildObject(
  context: BindContext,
  target: PathTarget,
  path: AdsPath,
  open: OpenObject,
): AdsObject {
  const hint = path.classHint === undefined ? undefined : canonicalClassName(path.classHint);
  // The object and its children share one frozen context holding a frozen copy of the credentials.
  const sealed: BindContext = Object.freeze({
    core: context.core,
    credentials: copyCredentials(context.credentials),
    ...(context.guestFallbackFrom === undefined ? {} : { guestFallbackFrom: context.guestFallbackFrom }),
  });
  const object = buildUnchecked(sealed, target, open, hint);
  if (hint && !hintMatches(hint, object.Class)) {
    throw new AdsError(
      notFoundCode(hint, sealed.core.profile),
      `${path.classHint} hint, but the object is a ${object.Class}`,
    );
  }
  return presentObject(sealed.core, object);
}

/** `hint` is the canonical class name of the path's class hint, if any. */
function buildUnchecked(
  context: BindContext,
  target: PathTarget,
  open: OpenObject,
  hint: string | undefined,
): AdsObject {
  const { state } = context.core.store;
  switch (target.kind) {
    case "namespace":
      return new NamespaceObject(context, open);
    case "domain":
      return new DomainObject(context, target.domain);
    case "schema": {
      const spelling =
        state.domains.get(target.domain)?.name ?? state.computers.get(target.domain)?.name ?? target.domain;
      const schema = new SchemaContainerObject(context, spelling);
      return target.child === undefined ? schema : (schema.GetObject(null, target.child) as AdsObject);
    }
    case "computer":
      return buildBelowComputer(context, target, hint);
  }
}

function buildBelowComputer(
  context: BindContext,
  target: Extract<PathTarget, { kind: "computer" }>,
  hint: string | undefined,
): AdsObject {
  const computer = new ComputerObject(context, target.computer, target.localSpelling);
  const [service, share, ...deeper] = target.rest;
  if (service === undefined) return computer;
  // A deeper path, or a service-class hint, can only name a service: an unknown name is an unknown service.
  const serviceHint = share === undefined && hint !== undefined && SERVICE_HINTS.has(hint);
  const byService = share !== undefined || serviceHint;
  const serviceObject = computer.GetObject(byService ? "Service" : null, service) as AdsObject;
  if (share === undefined) return serviceObject;
  if (!(serviceObject instanceof FileServiceObject) || deeper.length > 0) {
    throw new AdsError("E_ADS_UNKNOWN_OBJECT", `nothing to bind below ${serviceObject.ADsPath}`);
  }
  return serviceObject.GetObject(null, share) as AdsObject;
}

/** Hints that name a service class. */
const SERVICE_HINTS = new Set(["Service", "FileService", "FPNWFileService"]);

function hintMatches(hint: string, className: string): boolean {
  if (hint === className) return true;
  return hint === "Service" && (className === "FileService" || className === "FPNWFileService");
}

function notFoundCode(hint: string | undefined, profile: FidelityProfile): HResultSymbol {
  switch (hint) {
    case "Computer":
      return profile.unknownComputerError;
    case "Domain":
      return profile.unknownDomainError;
    case "Service":
    case "FileService":
    case "FPNWFileService":
      return profile.unknownServiceError;
    case "FileShare":
    case "FPNWFileShare":
      return "NERR_NetNameNotFound";
    case undefined:
      return profile.unknownComputerChildError;
    default:
      return "E_ADS_UNKNOWN_OBJECT";
  }
}
