/**
 * Freezes `root` and everything reachable from it through own properties (data values and accessor
 * functions, functions included), without following prototypes. Shared module state is frozen with
 * it so that nothing one emulator exposes can change another (issue 7 item 2). Iterative: no depth
 * limit. Returns `root`.
 */
export function deepFreeze<T>(root: T): T {
  const seen = new Set<object>();
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if ((typeof value !== "object" && typeof value !== "function") || value === null || seen.has(value))
      continue;
    seen.add(value);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (!descriptor) continue;
      if ("value" in descriptor) pending.push(descriptor.value);
      else pending.push(descriptor.get, descriptor.set);
    }
    Object.freeze(value);
  }
  return root;
}
