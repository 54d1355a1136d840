import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";
import { foldName } from "../../names/foldName.js";
import { isFacade, registerAlias } from "./internals.js";

/**
 * Late binding (issue 7 item 17, spec §3.3): IDispatch, and so VBScript, PowerShell and winax, looks a
 * member up by name case-insensitively (GetIDsOfNames) and fails with DISP_E_UNKNOWNNAME when there is
 * none. With the emulator option `lateBinding`, every object handed out is a proxy with those
 * semantics: `share.path` is `share.Path`, `share.description = "x"` puts Description, and
 * `fso.NoSuchMember` (read or write) raises DISP_E_UNKNOWNNAME instead of being `undefined` or a new
 * JavaScript property. What methods and getters return (children, collections, enumerators, property
 * entries) is late-bound too.
 *
 * JavaScript's own probing keeps its exact-case meaning, so test frameworks and `await` still work:
 * symbols (iterators, `util.inspect`), the names of `Object.prototype` (`toString`, `constructor`, …)
 * and the host probes below answer as on the plain object (usually `undefined`).
 */

/** Exact-case names hosts probe on any object: promises, JSON, vitest/jest matchers and printers, DOM checks. */
const HOST_PROBES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  "then",
  "toJSON",
  "asymmetricMatch",
  "nodeType",
  "nodeName",
  "tagName",
  "size",
  "_isMockFunction",
  "__esModule",
  "inspect",
]);

/** Whether `name` is a host's probe rather than a COM member name. */
function isHostProbe(name: string): boolean {
  return HOST_PROBES.has(name) || name.startsWith("@@") || name.startsWith("$$");
}

/** Emulator cores whose objects are handed out late-bound. */
const lateBoundCores = new WeakSet<object>();

/**
 * Marks `core` as late-binding when `enabled` is true (the `lateBinding` option of createEmulator) and
 * returns it. `enabled` must be a boolean or undefined, else E_INVALIDARG.
 */
export function withLateBinding<T extends object>(core: T, enabled: unknown): T {
  if (enabled !== undefined && typeof enabled !== "boolean") {
    throw new AdsError("E_INVALIDARG", `lateBinding must be true or false, got ${describeValue(enabled)}`);
  }
  if (enabled) lateBoundCores.add(core);
  return core;
}

/** `object` as the caller of an emulator with `core` receives it: late-bound when the core says so. */
export function presentObject<T>(core: object, object: T): T {
  return lateBoundCores.has(core) ? lateBound(object) : object;
}

/** Member names of each prototype chain, by folded name: the dispatch table GetIDsOfNames consults. */
const tables = new WeakMap<object, ReadonlyMap<string, string>>();

function membersOf(target: object): ReadonlyMap<string, string> {
  const prototype = Object.getPrototypeOf(target) as object;
  let table = tables.get(prototype);
  if (!table) {
    const built = new Map<string, string>();
    for (let p: object | null = prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
      for (const name of Object.getOwnPropertyNames(p)) {
        if (name === "constructor" || name === "toJSON") continue;
        if (!built.has(foldName(name))) built.set(foldName(name), name);
      }
    }
    table = built;
    tables.set(prototype, table);
  }
  return table;
}

function unknownName(target: object, name: string): AdsError {
  const owner = (target as { constructor?: { name?: string } }).constructor?.name ?? "object";
  return new AdsError("DISP_E_UNKNOWNNAME", `${owner} has no member ${JSON.stringify(name)}`);
}

const proxies = new WeakMap<object, object>();
const boundMethods = new WeakMap<object, Map<string | symbol, unknown>>();

/** A value as a late-bound caller sees it: facade objects proxied, arrays of them mapped. */
export function lateBound<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => lateBound(item)) as T;
  if (!isFacade(value)) return value;
  let proxy = proxies.get(value);
  if (!proxy) {
    proxy = new Proxy(value, HANDLER);
    proxies.set(value, proxy);
    registerAlias(proxy, value);
  }
  return proxy as T;
}

/** The member `name` of `target`, called on the target, its result late-bound; one function per member. */
function boundMethod(
  target: object,
  name: string | symbol,
  method: (...args: unknown[]) => unknown,
): unknown {
  let methods = boundMethods.get(target);
  if (!methods) {
    methods = new Map();
    boundMethods.set(target, methods);
  }
  let bound = methods.get(name);
  if (!bound) {
    bound = (...args: unknown[]) => lateBound(method.apply(target, args));
    methods.set(name, bound);
  }
  return bound;
}

/** An iterator whose items are late-bound. */
function lateBoundIterator(iterator: Iterator<unknown>): IterableIterator<unknown> {
  return {
    next: () => {
      const step = iterator.next();
      return step.done ? step : { done: false, value: lateBound(step.value) };
    },
    [Symbol.iterator]() {
      return this;
    },
  };
}

const HANDLER: ProxyHandler<object> = {
  get(target, key) {
    if (typeof key === "symbol") {
      const value: unknown = Reflect.get(target, key, target);
      if (key === Symbol.iterator && typeof value === "function") {
        return () => lateBoundIterator((value as () => Iterator<unknown>).call(target));
      }
      return typeof value === "function"
        ? boundMethod(target, key, value as (...args: unknown[]) => unknown)
        : value;
    }
    const member = membersOf(target).get(foldName(key));
    if (member === undefined) {
      if (!isHostProbe(key)) throw unknownName(target, key);
      const value: unknown = Reflect.get(target, key, target);
      // Methods run on the object itself (its private state); `constructor` stays the class.
      return typeof value === "function" && key !== "constructor"
        ? boundMethod(target, key, value as (...args: unknown[]) => unknown)
        : value;
    }
    const value: unknown = Reflect.get(target, member, target);
    return typeof value === "function"
      ? boundMethod(target, member, value as (...args: unknown[]) => unknown)
      : lateBound(value);
  },
  set(target, key, value) {
    if (typeof key === "symbol") return Reflect.set(target, key, value, target);
    const member = membersOf(target).get(foldName(key));
    if (member === undefined) throw unknownName(target, key);
    return Reflect.set(target, member, value, target);
  },
  has(target, key) {
    if (typeof key === "symbol") return Reflect.has(target, key);
    return membersOf(target).has(foldName(key)) || Reflect.has(target, key);
  },
};
