import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSeededRandom } from "../../src/env/seededRandom.js";

describe("createSeededRandom", () => {
  it("replays the same sequence for the same seed, and a saved state resumes exactly", () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat({ max: 50 }), (seed, skip) => {
        const a = createSeededRandom(seed);
        const b = createSeededRandom(seed);
        for (let i = 0; i < skip; i++) expect(a.nextUint32()).toBe(b.nextUint32());
        const saved = a.getState();
        const next = [a.nextUint32(), a.nextUint32()];
        b.setState(saved);
        expect([b.nextUint32(), b.nextUint32()]).toEqual(next);
      }),
    );
  });

  it("nextInt stays in [0, bound) and nextFloat in [0, 1)", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 2 ** 32 }), (seed, bound) => {
        const random = createSeededRandom(seed);
        const value = random.nextInt(bound);
        const float = random.nextFloat();
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThan(bound);
        expect(float).toBeGreaterThanOrEqual(0);
        expect(float).toBeLessThan(1);
      }),
    );
  });

  it("neighbouring seeds give different streams", () => {
    const first = (seed: number) => createSeededRandom(seed).nextUint32();
    expect(new Set([0, 1, 2, 3, 4, 5].map(first)).size).toBe(6);
  });

  it("rejects seeds and bounds that are not integers", () => {
    expect(() => createSeededRandom(1.5)).toThrow(RangeError);
    expect(() => createSeededRandom(1).nextInt(0)).toThrow(RangeError);
  });
});
