/**
 * Maps that refuse every change once built, as the directory state's Maps must (a caller holding a
 * state cannot change it). A frozen Map is an ordinary Map (its constructor is `Map`, so it compares
 * equal to any Map with the same entries) whose prototype refuses `set`, `delete` and `clear` with a
 * TypeError. Cheaper than immer's frozen Maps, which install four own properties on each Map.
 */

function refuse(): never {
  throw new TypeError("this Map belongs to an immutable directory state and cannot be changed");
}

const FROZEN_MAP_PROTOTYPE: object = Object.freeze(
  Object.create(Map.prototype, {
    set: { value: refuse },
    delete: { value: refuse },
    clear: { value: refuse },
  }),
);

/** Freezes `map` (see the module comment) and returns it. */
export function freezeMap<K, V>(map: Map<K, V>): ReadonlyMap<K, V> {
  Object.setPrototypeOf(map, FROZEN_MAP_PROTOTYPE);
  return Object.freeze(map);
}

/**
 * A frozen copy of `map` with `key` set to `value` (kept in its place when present, else last): the
 * update the engine makes to a state's Map of computers or services.
 */
export function frozenMapWith<K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> {
  const copy = new Map(map);
  copy.set(key, value);
  return freezeMap(copy);
}

/** A frozen copy of `map` with the entries of `changes` set (new keys last, in their order). */
export function frozenMapWithAll<K, V>(
  map: ReadonlyMap<K, V>,
  changes: ReadonlyMap<K, V>,
): ReadonlyMap<K, V> {
  const copy = new Map(map);
  for (const [key, value] of changes) copy.set(key, value);
  return freezeMap(copy);
}
