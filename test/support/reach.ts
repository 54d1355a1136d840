/**
 * Test support for the sealing and isolation harnesses (issue 7 items 1-3): every facade object an
 * emulator hands out, and everything reachable from them by reflection, as a script could reach it.
 */

import type { IADsPropertyList } from "../../src/adsi/interfaces/IADsPropertyList.js";
import {
  AdsError,
  type Emulator,
  type IADs,
  type IADsCollection,
  type IADsContainer,
  type IADsFileServiceOperations,
} from "../../src/index.js";

/** Objects of the JavaScript realm itself (Object.prototype, Array, iterator prototypes, …): not the emulator's. */
export const INTRINSICS: ReadonlySet<object> = (() => {
  const found = new Set<object>();
  const add = (value: unknown): void => {
    for (
      let v = value;
      (typeof v === "object" || typeof v === "function") && v !== null;
      v = Object.getPrototypeOf(v)
    ) {
      if (found.has(v as object)) return;
      found.add(v as object);
    }
  };
  const global = globalThis as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    let value: unknown;
    try {
      value = global[name];
    } catch {
      continue;
    }
    add(value);
    if (typeof value === "function") add((value as { prototype?: unknown }).prototype);
  }
  function* generator(): Generator<number> {
    yield 1;
  }
  add(generator);
  add(generator());
  add(Object.getPrototypeOf(generator));
  add(Object.getPrototypeOf(generator).prototype);
  add([][Symbol.iterator]());
  add(new Map()[Symbol.iterator]());
  add(new Set()[Symbol.iterator]());
  add(""[Symbol.iterator]());
  add(async () => {});
  return found;
})();

/** Runs `fn` and returns its value, or undefined when it throws an AdsError (collected into `errors`). */
function attempt<T>(fn: () => T, errors: AdsError[]): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (error instanceof AdsError) {
      errors.push(error);
      return undefined;
    }
    throw error;
  }
}

/**
 * Every facade object reachable through the ADSI API from `emu`'s namespace: domains, computers,
 * services, shares, schema objects, a created share, Sessions/Resources collections and their items,
 * enumerators and their clones, objects bound as a non-administrator and as guest, and the AdsErrors
 * a few failing calls throw.
 */
export function facadeObjects(emu: Emulator): unknown[] {
  const found: unknown[] = [];
  const errors: AdsError[] = [];
  const walk = (object: IADs): void => {
    found.push(object);
    const list = object as IADs & Partial<IADsPropertyList>;
    // (Late-bound objects raise DISP_E_UNKNOWNNAME for a member they lack, hence `attempt`.)
    if (
      typeof attempt(() => list.PropertyCount, errors) === "number" &&
      attempt(() => object.GetInfo(), errors) !== null
    ) {
      const entry = attempt(() => list.Item?.(0), errors);
      if (entry) found.push(entry, ...entry.Values);
    }
    if (typeof (object as Partial<IADsContainer>)[Symbol.iterator] !== "function") return;
    const container = object as IADs & IADsContainer;
    const enumerator = attempt(() => container._NewEnum, errors);
    if (enumerator) found.push(enumerator, enumerator.Clone());
    for (const child of attempt(() => [...container], errors) ?? []) walk(child);
    if (object.Class === "FileService") {
      const fso = object as IADs & IADsFileServiceOperations;
      const opens: (() => IADsCollection<IADs>)[] = [() => fso.Sessions(), () => fso.Resources()];
      for (const open of opens) {
        const collection = attempt(open, errors);
        if (!collection) continue;
        found.push(collection, collection._NewEnum);
        found.push(...(attempt(() => [...collection], errors) ?? []));
      }
      found.push(attempt(() => (object as IADs & IADsContainer).Create("FileShare", "Draft"), errors));
    }
  };
  walk(emu.GetObject("WinNT:"));
  walk(emu.GetObject("WinNT://CORP/Schema"));
  walk(emu.GetObject("WinNT://./LanmanServer"));
  walk(emu.OpenDSObject("WinNT://FS01/LanmanServer", "alice", "alice-pw", 1));
  walk(emu.OpenDSObject("WinNT://FS01/LanmanServer", null, null, 1)); // the caller's context
  walk(emu.GetObject("WinNT://localhost"));
  attempt(() => emu.GetObject("WinNT://NOPE"), errors);
  attempt(() => emu.GetObject("WinNT://FS01/LanmanServer/Public").Get("Nope"), errors);
  attempt(() => emu.OpenDSObject("WinNT://FS01", "alice", "wrong", 1), errors);
  return [...found.filter((o) => o !== undefined), ...errors];
}

/**
 * Everything reachable from `roots` by reflection, stopping at {@link INTRINSICS}: own properties (data
 * values, getter and setter functions), prototypes, and — on the `roots` themselves — the values their
 * getters return (errors are skipped). Primitive strings met on the way are collected into `strings`.
 */
export function reachable(roots: readonly unknown[], strings: Set<string> = new Set()): Set<object> {
  const seen = new Set<object>();
  const pending: unknown[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === "string") strings.add(value);
    if ((typeof value === "object" || typeof value === "function") && value !== null) pending.push(value);
  };
  for (const root of roots) {
    visit(root);
    for (
      let proto = root;
      proto !== null && !INTRINSICS.has(proto as object);
      proto = Object.getPrototypeOf(proto)
    ) {
      for (const key of Reflect.ownKeys(proto as object)) {
        const descriptor = Object.getOwnPropertyDescriptor(proto, key);
        if (!descriptor?.get) continue;
        try {
          visit(descriptor.get.call(root));
        } catch {
          // A getter that raises (an unsupported property, a collection's non-member) shows nothing.
        }
      }
    }
  }
  while (pending.length > 0) {
    const value = pending.pop() as object;
    if (seen.has(value) || INTRINSICS.has(value)) continue;
    seen.add(value);
    visit(Object.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (!descriptor) continue;
      if ("value" in descriptor) visit(descriptor.value);
      else {
        visit(descriptor.get);
        visit(descriptor.set);
      }
      if (typeof key === "string") strings.add(key);
    }
  }
  return seen;
}
