import fc from "fast-check";
import { produce } from "immer";
import { describe, expect, it } from "vitest";
import { emptyHashIndex, indexAdd, indexGet, indexRemove } from "../../src/engine/hashIndex.js";
import {
  emptyTrie,
  type IdTrie,
  TRIE_DEPTH,
  type TrieNode,
  trieDelete,
  trieEntries,
  trieGet,
  trieMaxKey,
  trieSet,
} from "../../src/engine/idTrie.js";

type Op = { kind: "set"; key: number; value: number } | { kind: "delete"; key: number };

const key = fc.oneof(
  fc.nat({ max: 64 }),
  fc.constantFrom(0, 31, 32, 1023, 1024, 0x3fffffff, 0x40000000, 0xffffffff),
);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), key, value: fc.integer() }),
  fc.record({ kind: fc.constant("delete" as const), key }),
);

function nodes(node: TrieNode | object | null, level = 0, out = new Set<object>()): Set<object> {
  if (node === null || level >= TRIE_DEPTH) return out;
  out.add(node);
  for (const child of node as TrieNode) nodes(child, level + 1, out);
  return out;
}

describe("IdTrie", () => {
  it("behaves like a Map: get, size, ascending iteration, max key (model-based)", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const trie = emptyTrie<{ v: number }>();
        const model = new Map<number, number>();
        for (const o of ops) {
          if (o.kind === "set") {
            trieSet(trie, o.key, { v: o.value });
            model.set(o.key, o.value);
          } else {
            expect(trieDelete(trie, o.key)).toBe(model.delete(o.key));
          }
        }
        const sorted = [...model.entries()].sort(([a], [b]) => a - b);
        expect([...trieEntries(trie)].map(([k, v]) => [k, v.v])).toEqual(sorted);
        expect(trie.size).toBe(model.size);
        expect(trieMaxKey(trie)).toBe(sorted.at(-1)?.[0]);
        for (const [k, v] of model) expect(trieGet(trie, k)?.v).toBe(v);
        if (model.size === 0) expect(trie.root).toBeNull();
      }),
    );
  });

  it("under immer, one write copies at most one array per level, whatever the size", () => {
    for (const size of [10, 10_000]) {
      const base: { t: IdTrie<{ v: number }> } = { t: emptyTrie() };
      for (let i = 1; i <= size; i++) trieSet(base.t, i * 7919, { v: i });
      const frozen = produce(base, () => {});
      const next = produce(frozen, (draft) => {
        trieSet(draft.t, 123_456, { v: -1 });
      });
      const before = nodes(frozen.t.root);
      const fresh = [...nodes(next.t.root)].filter((node) => !before.has(node));
      expect(fresh.length).toBeLessThanOrEqual(TRIE_DEPTH);
      expect(trieGet(frozen.t, 123_456)).toBeUndefined();
      expect(trieGet(next.t, 123_456)?.v).toBe(-1);
    }
  });

  it("rejects keys outside uint32 on write and finds nothing for them on read", () => {
    const trie = emptyTrie<{ v: number }>();
    for (const bad of [-1, 1.5, 2 ** 32, Number.NaN]) {
      expect(() => trieSet(trie, bad, { v: 1 })).toThrow(RangeError);
      expect(trieGet(trie, bad)).toBeUndefined();
    }
  });
});

describe("HashIndex", () => {
  it("behaves like a multimap from strings to ids (model-based, colliding keys included)", () => {
    const keys = fc.constantFrom("alice\u000010.0.0.5", "bob\u0000WS1", "", "a", "b", "costarring", "liquid");
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), keys, fc.nat({ max: 5 })), { maxLength: 60 }), (ops) => {
        const index = emptyHashIndex();
        const model = new Map<string, number[]>();
        for (const [add, k, id] of ops) {
          const ids = model.get(k) ?? [];
          if (add && !ids.includes(id)) {
            indexAdd(index, k, id);
            model.set(k, [...ids, id]);
          } else if (!add) {
            indexRemove(index, k, id);
            const rest = ids.filter((x) => x !== id);
            if (rest.length > 0) model.set(k, rest);
            else model.delete(k);
          }
        }
        for (const k of ["alice\u000010.0.0.5", "bob\u0000WS1", "", "a", "b", "costarring", "liquid"]) {
          expect([...indexGet(index, k)]).toEqual(model.get(k) ?? []);
        }
      }),
    );
  });
});
