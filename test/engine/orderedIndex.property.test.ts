import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { emptyOrderedIndex, orderedIndexOf } from "../../src/engine/orderedIndex.js";

type Op =
  | { kind: "set"; time: number; id: number; value: number }
  | { kind: "delete"; time: number; id: number };

const key = { time: fc.integer({ min: -5, max: 20 }), id: fc.integer({ min: 0, max: 8 }) };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), ...key, value: fc.integer() }),
  fc.record({ kind: fc.constant("delete" as const), ...key }),
);

/** The model: a plain Map keyed by "time,id", sorted on read. */
function modelEntries(model: Map<string, { time: number; id: number; value: number }>) {
  return [...model.values()].sort((a, b) => a.time - b.time || a.id - b.id);
}

describe("OrderedIndex", () => {
  test.prop([fc.array(op, { maxLength: 200 })])("agrees with a sorted model after any operations", (ops) => {
    let index = emptyOrderedIndex<number>();
    const model = new Map<string, { time: number; id: number; value: number }>();
    for (const o of ops) {
      if (o.kind === "set") {
        index = index.set(o.time, o.id, o.value);
        model.set(`${o.time},${o.id}`, { time: o.time, id: o.id, value: o.value });
      } else {
        index = index.delete(o.time, o.id);
        model.delete(`${o.time},${o.id}`);
      }
      expect(index.size).toBe(model.size);
    }
    const expected = modelEntries(model);
    expect([...index]).toEqual(expected);
    expect(index.first()).toEqual(expected[0]);
    for (const entry of expected) expect(index.get(entry.time, entry.id)).toBe(entry.value);
    // AVL balance: height ≤ 1.45 log2(n + 2).
    expect(index.height).toBeLessThanOrEqual(Math.ceil(1.45 * Math.log2(index.size + 2)));
  });

  test.prop([fc.array(op, { maxLength: 60 }), fc.array(op, { maxLength: 60 })])(
    "is persistent: updates never change an earlier version",
    (before, after) => {
      let index = emptyOrderedIndex<number>();
      for (const o of before)
        index = o.kind === "set" ? index.set(o.time, o.id, o.value) : index.delete(o.time, o.id);
      const kept = index;
      const snapshot = [...kept];
      for (const o of after)
        index = o.kind === "set" ? index.set(o.time, o.id, o.value) : index.delete(o.time, o.id);
      expect([...kept]).toEqual(snapshot);
    },
  );

  test.prop([fc.array(fc.record({ ...key, value: fc.integer() }), { maxLength: 100 })])(
    "of() equals the same entries set one by one",
    (entries) => {
      let index = emptyOrderedIndex<number>();
      for (const e of entries) index = index.set(e.time, e.id, e.value);
      expect([...orderedIndexOf(entries)]).toEqual([...index]);
    },
  );

  it("stays shallow at 262,144 entries (sequential inserts, the session-open pattern)", () => {
    let index = emptyOrderedIndex();
    for (let i = 0; i < 1 << 18; i++) index = index.set(1000, i, null);
    expect(index.size).toBe(1 << 18);
    expect(index.height).toBeLessThanOrEqual(Math.ceil(1.45 * Math.log2((1 << 18) + 2)));
    expect(index.first()).toEqual({ time: 1000, id: 0, value: null });
  });

  it("is frozen and deleting a missing key returns the same index", () => {
    const index = emptyOrderedIndex().set(1, 1, null);
    expect(Object.isFrozen(index)).toBe(true);
    expect(index.delete(2, 2)).toBe(index);
  });
});
