import { AdsError } from "../../errors/AdsError.js";
import type { BindContext } from "./context.js";
import type { PropertyCache } from "./propertyCache.js";

/**
 * What the emulator keeps about a facade object where no caller can reach it (issue 7 item 1): the
 * bind context (emulator core and credentials), the interfaces QueryInterface answers, and the
 * property cache. Objects themselves carry no own properties; this module is the one way facade code
 * reaches them: a module-private WeakMap for most objects, and for IADs objects (made by the thousand
 * when a collection is enumerated) their own private fields, read through a provider AdsObject
 * registers, so that making one costs no WeakMap entry.
 */
export interface FacadeInternals {
  /** The emulator core and the credentials the object was bound with; undefined for enumerators. */
  readonly context: BindContext | undefined;
  /** Interfaces answered by QueryInterface (spec §1.1). */
  readonly interfaces: readonly string[];
  /** The IADs property cache (spec §3.2), for IADs objects. */
  readonly cache: PropertyCache | undefined;
}

const internals = new WeakMap<object, FacadeInternals>();

/** Reads the internals an object keeps in its own private fields (AdsObject), or undefined. */
type InternalsProvider = (value: object) => FacadeInternals | undefined;
let provider: InternalsProvider = () => undefined;

/** Installs the reader of internals kept in private fields; once, by AdsObject. */
export function provideInternals(read: InternalsProvider): void {
  provider = read;
}

/** Records `object`'s internals; once per object (a second call is an emulator bug). */
export function registerFacade(object: object, record: FacadeInternals): void {
  if (internalsOf(object) !== undefined) throw new AdsError("E_UNEXPECTED", "facade object registered twice");
  internals.set(object, Object.freeze({ ...record }));
}

/** Makes `alias` (a late-binding proxy) answer with `target`'s internals. */
export function registerAlias(alias: object, target: object): void {
  const record = internalsOf(target);
  if (!record) throw new AdsError("E_UNEXPECTED", "alias of an object that is not a facade");
  internals.set(alias, record);
}

/** The internals of `value`, or undefined when it is not a facade object of this emulator. */
export function internalsOf(value: unknown): FacadeInternals | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  return provider(value) ?? internals.get(value);
}

/** Whether `value` is a facade object (an IADs object, collection, enumerator, property entry or value). */
export function isFacade(value: unknown): value is object {
  return internalsOf(value) !== undefined;
}

/**
 * The bind context of facade object `object`: how facade code reaches `context.core` (store, env,
 * profile) and the credentials, e.g. `contextOf(this).core.profile`.
 */
export function contextOf(object: object): BindContext {
  const context = internalsOf(object)?.context;
  if (!context) throw new AdsError("E_UNEXPECTED", "not a bound facade object");
  return context;
}

/** The property cache of IADs object `object`. */
export function cacheOf(object: object): PropertyCache {
  const cache = internalsOf(object)?.cache;
  if (!cache) throw new AdsError("E_UNEXPECTED", "not an IADs object");
  return cache;
}
