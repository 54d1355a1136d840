import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bucketIds,
  bucketSize,
  emptyHashIndex,
  fnv1a32,
  type HashIndex,
  HashIndexBuilder,
} from "../../src/engine/hashIndex.js";
import {
  emptyIdTrie,
  type IdTrie,
  IdTrieBuilder,
  NODE_WIDTH,
  resummarize,
  type TrieNode,
  type TrieSummary,
} from "../../src/engine/idTrie.js";
import { pairHash } from "../../src/engine/sessionPairs.js";
import { sessionPairKey } from "../../src/engine/state.js";
import { foldName } from "../../src/names/foldName.js";

interface Item {
  readonly v: number;
  readonly t: number;
  readonly on: boolean;
}

/** A summary like the idle queue's: counted when `on`, ordered by (t, v). */
const SUMMARY: TrieSummary<Item> = {
  counts: (item) => item.on,
  before: (a, b) => a.t < b.t || (a.t === b.t && a.v < b.v),
};

/** Keys that share nibbles (same paths), plus the extremes of the uint32 range. */
const key = fc.oneof(
  fc.nat({ max: 40 }),
  fc.integer({ min: 0x0fff0, max: 0x10010 }),
  fc.constantFrom(0, 15, 16, 255, 256, 65_535, 65_536, 2 ** 31, 2 ** 32 - 1, 2 ** 32 - 16),
);
const item = fc.record({ v: fc.integer(), t: fc.nat({ max: 5 }), on: fc.boolean() });
const op = fc.tuple(fc.boolean(), key, item);

/** Every node reachable from `root`, by identity (values are not nodes: the leaf level is not walked). */
function nodes(root: TrieNode | null, depth: number, out = new Set<TrieNode>()): Set<TrieNode> {
  if (root === null) return out;
  out.add(root);
  if (depth > 1) {
    for (let i = 0; i < NODE_WIDTH; i++) nodes(root[i] as TrieNode | null, depth - 1, out);
  }
  return out;
}

function apply(trie: IdTrie<Item>, model: Map<number, Item>, ops: [boolean, number, Item][]): IdTrie<Item> {
  let next = trie;
  for (const [set, k, value] of ops) {
    if (set) {
      next = next.set(k, value);
      model.set(k, value);
    } else {
      next = next.delete(k);
      model.delete(k);
    }
  }
  return next;
}

function expectLike(trie: IdTrie<Item>, model: Map<number, Item>): void {
  const sorted = [...model.entries()].sort(([a], [b]) => a - b);
  expect([...trie.entries()]).toEqual(sorted);
  expect([...trie]).toEqual(sorted.map(([, v]) => v));
  const visited: [number, Item][] = [];
  trie.forEach((value, k) => {
    visited.push([k, value]);
  });
  expect(visited).toEqual(sorted);
  expect(trie.size).toBe(model.size);
  expect(trie.maxKey()).toBe(sorted.at(-1)?.[0]);
  for (const [k, v] of model) expect(trie.get(k)).toBe(v);
  if (model.size === 0) expect(trie.depth).toBe(0);
}

describe("IdTrie", () => {
  it("behaves like a Map with sorted keys, and earlier versions never change (model-based)", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), fc.array(op, { maxLength: 60 }), (first, second) => {
        const model = new Map<number, Item>();
        const before = apply(emptyIdTrie<Item>(), model, first);
        const kept = new Map(model);
        const after = apply(before, model, second);
        expectLike(before, kept);
        expectLike(after, model);
      }),
    );
  });

  it("valuesFrom(k) lists the values of keys ≥ k in key order", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), key, (ops, from) => {
        const model = new Map<number, Item>();
        const trie = apply(emptyIdTrie<Item>(), model, ops);
        const expected = [...model.entries()]
          .filter(([k]) => k >= from)
          .sort(([a], [b]) => a - b)
          .map(([, v]) => v);
        expect([...trie.valuesFrom(from)]).toEqual(expected);
      }),
    );
  });

  it("keeps its summary exact: the first counted value and the count, after any operations", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const model = new Map<number, Item>();
        const trie = apply(emptyIdTrie<Item>(SUMMARY), model, ops);
        const counted = [...model.values()].filter((x) => x.on);
        counted.sort((a, b) => (SUMMARY.before(a, b) ? -1 : SUMMARY.before(b, a) ? 1 : 0));
        expect(trie.counted).toBe(counted.length);
        expect(trie.firstCounted()).toBe(counted[0]);
        const plain = resummarize(trie, undefined);
        expect(plain.counted).toBe(0);
        expect(resummarize(plain, SUMMARY).firstCounted()).toBe(counted[0]);
        expect([...plain]).toEqual([...trie]);
      }),
    );
  });

  it("a builder builds the trie the same writes make", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, item), { maxLength: 120 }), (entries) => {
        const builder = new IdTrieBuilder<Item>(SUMMARY);
        let trie = emptyIdTrie<Item>(SUMMARY);
        for (const [k, v] of entries) {
          builder.set(k, v);
          trie = trie.set(k, v);
        }
        const built = builder.build();
        expect([...built.entries()]).toEqual([...trie.entries()]);
        expect(built.size).toBe(trie.size);
        expect(built.firstCounted()).toBe(trie.firstCounted());
        expect(built.counted).toBe(trie.counted);
      }),
    );
  });

  it("one write copies only the nodes on its key's path, whatever the size (5 levels up to 2^20)", () => {
    for (const size of [10, 10_000, 200_000]) {
      const builder = new IdTrieBuilder<Item>(SUMMARY);
      for (let i = 1; i <= size; i++) builder.set(i, { v: i, t: i, on: true });
      const base = builder.build();
      expect(base.depth).toBeLessThanOrEqual(5);
      const old = nodes(base.root, base.depth);
      for (const next of [
        base.set(size >> 1, { v: -1, t: 0, on: true }),
        base.set(size + 1, { v: -2, t: 0, on: false }),
        base.delete(size >> 2 || 1),
      ]) {
        const fresh = [...nodes(next.root, next.depth)].filter((node) => !old.has(node));
        expect(fresh.length).toBeLessThanOrEqual(next.depth);
        expect(Math.abs(next.size - size)).toBeLessThanOrEqual(1);
      }
      expect(base.size).toBe(size);
    }
  });

  it("has a canonical shape: the same entries make deeply equal tries, whatever the history", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const model = new Map<number, Item>();
        const trie = apply(emptyIdTrie<Item>(SUMMARY), model, ops);
        const builder = new IdTrieBuilder<Item>(SUMMARY);
        for (const [k, v] of [...model].sort(([a], [b]) => b - a)) builder.set(k, v);
        expect(builder.build()).toEqual(trie);
        expect(Object.isFrozen(trie) && (trie.root === null || Object.isFrozen(trie.root))).toBe(true);
      }),
    );
  });

  it("refuses keys that are not uint32 and values that are null", () => {
    const trie = emptyIdTrie<Item>();
    for (const bad of [-1, 1.5, 2 ** 32, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => trie.set(bad, { v: 1, t: 0, on: true })).toThrow(RangeError);
      expect(trie.get(bad)).toBeUndefined();
    }
    expect(() => trie.set(1, null as unknown as Item)).toThrow(RangeError);
  });
});

/** Hashes that collide in their low nibbles (deep HAMT paths), and equal ones. */
const hash = fc.constantFrom(0, 1, 16, 17, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffff0, 12345);
const hashOp = fc.tuple(fc.boolean(), hash, fc.nat({ max: 40 }));

function applyIndex(index: HashIndex, model: Map<number, Set<number>>, ops: [boolean, number, number][]) {
  let next = index;
  for (const [add, h, id] of ops) {
    const ids = model.get(h | 0) ?? new Set<number>();
    if (add) {
      next = next.add(h, id);
      ids.add(id);
    } else {
      next = next.remove(h, id);
      ids.delete(id);
    }
    if (ids.size > 0) model.set(h | 0, ids);
    else model.delete(h | 0);
  }
  return next;
}

function expectIndexLike(index: HashIndex, model: Map<number, Set<number>>): void {
  let total = 0;
  for (const h of [0, 1, 16, 17, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffff0, 12345]) {
    const expected = [...(model.get(h | 0) ?? [])].sort((a, b) => a - b);
    const bucket = index.bucket(h);
    expect(bucketIds(bucket)).toEqual(expected);
    expect(bucketSize(bucket)).toBe(expected.length);
    if (expected.length === 0) expect(bucket).toBeUndefined();
  }
  for (const ids of model.values()) total += ids.size;
  expect(index.size).toBe(total);
}

describe("HashIndex", () => {
  it("behaves like a multimap from hashes to id sets, earlier versions unchanged (model-based)", () => {
    fc.assert(
      fc.property(
        fc.array(hashOp, { maxLength: 200 }),
        fc.array(hashOp, { maxLength: 80 }),
        (first, second) => {
          const model = new Map<number, Set<number>>();
          const before = applyIndex(emptyHashIndex(), model, first);
          const kept = new Map([...model].map(([h, ids]) => [h, new Set(ids)]));
          const after = applyIndex(before, model, second);
          expectIndexLike(before, kept);
          expectIndexLike(after, model);
        },
      ),
    );
  });

  it("removeAll removes exactly the listed ids, and a builder builds what adds build", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(hash, fc.nat({ max: 40 })), { maxLength: 120 }),
        hash,
        fc.array(fc.nat({ max: 40 })),
        (entries, h, drop) => {
          const builder = new HashIndexBuilder();
          let index = emptyHashIndex();
          const model = new Map<number, Set<number>>();
          for (const [eh, id] of entries) {
            builder.add(eh, id);
            index = index.add(eh, id);
            model.set(eh | 0, (model.get(eh | 0) ?? new Set()).add(id));
          }
          expectIndexLike(builder.build(), model);
          const rest = [...(model.get(h | 0) ?? [])].filter((id) => !drop.includes(id));
          if (rest.length > 0) model.set(h | 0, new Set(rest));
          else model.delete(h | 0);
          expectIndexLike(index.removeAll(h, drop), model);
        },
      ),
    );
  });

  it("has a canonical shape: the same entries make deeply equal indexes, whatever the history", () => {
    fc.assert(
      fc.property(fc.array(hashOp, { maxLength: 200 }), (ops) => {
        const model = new Map<number, Set<number>>();
        const index = applyIndex(emptyHashIndex(), model, ops);
        const builder = new HashIndexBuilder();
        for (const [h, ids] of [...model].reverse()) for (const id of [...ids].reverse()) builder.add(h, id);
        expect(builder.build()).toEqual(index);
      }),
    );
  });

  it("a bucket of 100,000 ids changes by one path, like a bucket of one", () => {
    let index = emptyHashIndex();
    const builder = new HashIndexBuilder();
    for (let id = 1; id <= 100_000; id++) builder.add(7, id);
    index = builder.build();
    const big = index.bucket(7) as IdTrie<number>;
    expect(bucketSize(big)).toBe(100_000);
    const grown = index.add(7, 100_001).bucket(7) as IdTrie<number>;
    const shrunk = index.remove(7, 50_000).bucket(7) as IdTrie<number>;
    const old = nodes(big.root, big.depth);
    for (const next of [grown, shrunk]) {
      const fresh = [...nodes(next.root, next.depth)].filter((node) => !old.has(node));
      expect(fresh.length).toBeLessThanOrEqual(next.depth);
    }
    expect(bucketSize(grown)).toBe(100_001);
    expect(bucketSize(shrunk)).toBe(99_999);
  });
});

describe("pairHash", () => {
  it("is the FNV-1a hash of sessionPairKey(user, client), computed without building the key", () => {
    const name = fc.oneof(
      fc.string({ unit: fc.constantFrom("a", "Z", "ß", "ı", "ǅ", "ａ", "\u{1f600}", "\\", "\u0000") }),
      fc.string({ unit: "binary" }),
    );
    fc.assert(
      fc.property(name, name, (user, client) => {
        expect(pairHash(user, client)).toBe(fnv1a32(sessionPairKey(user, client)));
        expect(pairHash(foldName(user), foldName(client))).toBe(pairHash(user, client));
      }),
    );
  });
});
