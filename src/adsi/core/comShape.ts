import { AdsError } from "../../errors/AdsError.js";
import { deepFreeze } from "../../shared/deepFreeze.js";
import { contextOf } from "./internals.js";

/** A setter that fails as a late-bound put on a get-only member does (spec §3.3 [D]). */
function refuseWrite(name: string): () => never {
  return () => {
    throw new AdsError("DISP_E_MEMBERNOTFOUND", `${name} is read-only`);
  };
}

/**
 * Seals a facade class once its members are installed (issue 7 items 1, 2, 5): on its own prototype,
 * every get-only accessor gets a setter, and every method becomes an accessor with a setter, that fails
 * as a late-bound put on a member without a put accessor does (DISP_E_MEMBERNOTFOUND, spec §3.3 [D]) —
 * never a JavaScript TypeError. Then the prototype, the constructor and the functions on them are
 * frozen, so that no object can change what objects of other emulators do. Call once per class, base
 * classes included, right after its definition and its `define…` calls.
 */
export function sealFacadeClass(target: { prototype: object }): void {
  const prototype = target.prototype;
  for (const key of Object.getOwnPropertyNames(prototype)) {
    if (key === "constructor") continue;
    const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
    if (!descriptor) continue;
    if (descriptor.get && !descriptor.set) {
      Object.defineProperty(prototype, key, { ...descriptor, set: refuseWrite(key) });
    } else if (typeof descriptor.value === "function") {
      const method: unknown = deepFreeze(descriptor.value);
      Object.defineProperty(prototype, key, {
        configurable: false,
        enumerable: false,
        get: () => method,
        set: refuseWrite(key),
      });
    }
  }
  deepFreeze(target);
}

/**
 * Installs dual-interface property accessors that go through the property cache, as the real dual
 * interface does: `obj.Owner` is `obj.Get("Owner")`, `obj.Owner = v` is `obj.Put("Owner", v)`. With
 * `getOnly` (members the interface declares get-only, e.g. IADsSession.User) a write fails as a
 * late-bound put would (DISP_E_MEMBERNOTFOUND).
 */
export function defineCacheAccessors(
  target: { prototype: object },
  names: readonly string[],
  options: { readonly getOnly?: boolean } = {},
): void {
  for (const name of names) {
    Object.defineProperty(target.prototype, name, {
      configurable: true,
      enumerable: false,
      get(this: { Get(name: string): unknown }) {
        return this.Get(name);
      },
      set: options.getOnly
        ? refuseWrite(name)
        : function (this: { Put(name: string, value: unknown): void }, value: unknown) {
            this.Put(name, value);
          },
    });
  }
}

/**
 * Installs accessors for interface properties the WinNT provider does not support (spec §9.1, §6-7):
 * reading or writing them throws the profile's code (`unsupportedPropertyError`, spec §3.3 [U]).
 */
export function defineUnsupportedAccessors(
  target: { prototype: object },
  names: readonly string[],
  options: { readonly getOnly?: boolean } = {},
): void {
  for (const name of names) {
    const refuse = function (this: object) {
      throw new AdsError(
        contextOf(this).core.profile.unsupportedPropertyError,
        `${name} is not supported by WinNT`,
      );
    };
    Object.defineProperty(target.prototype, name, {
      configurable: true,
      enumerable: false,
      get: refuse,
      set: options.getOnly ? refuseWrite(name) : refuse,
    });
  }
}

/**
 * Installs accessors for interface properties WinNT lists as "Not implemented" (e.g.
 * IADsClass.NamingProperties, spec §10): reading or writing them throws E_NOTIMPL.
 */
export function defineNotImplementedAccessors(target: { prototype: object }, names: readonly string[]): void {
  for (const name of names) {
    const refuse = () => {
      throw new AdsError("E_NOTIMPL", `${name} is not implemented by WinNT`);
    };
    Object.defineProperty(target.prototype, name, {
      configurable: true,
      enumerable: false,
      get: refuse,
      set: refuse,
    });
  }
}
