import { AdsError } from "../../errors/AdsError.js";
import type { HResultSymbol } from "../../errors/hresults.js";

/** A setter that fails as a late-bound put on a get-only member does (spec §3.3 [D]). */
function refuseWrite(name: string): () => never {
  return () => {
    throw new AdsError("DISP_E_MEMBERNOTFOUND", `${name} is read-only`);
  };
}

/**
 * Gives every get-only accessor of a facade class, and of the classes it extends, a setter that fails as a late-bound put on a
 * get-only property does: DISP_E_MEMBERNOTFOUND (spec §3.3 [D]). Without it, strict-mode JS would
 * throw a TypeError, which no COM client ever sees. Call once per class, after its definition.
 */
export function guardGetOnlyMembers(target: { prototype: object }): void {
  for (let prototype = target.prototype; prototype && prototype !== Object.prototype; ) {
    for (const key of Object.getOwnPropertyNames(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
      if (!descriptor?.get || descriptor.set) continue;
      Object.defineProperty(prototype, key, { ...descriptor, set: refuseWrite(key) });
    }
    prototype = Object.getPrototypeOf(prototype);
  }
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
    const refuse = function (this: {
      context: { core: { profile: { unsupportedPropertyError: HResultSymbol } } };
    }) {
      throw new AdsError(
        this.context.core.profile.unsupportedPropertyError,
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
