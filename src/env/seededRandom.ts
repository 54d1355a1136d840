/**
 * A small, fast, seedable PRNG (sfc32, seeded through splitmix32). The only source of randomness
 * under `src/`: the emulator never reads Math.random or global crypto. Its whole state is four
 * 32-bit words, so it can be saved and restored exactly (snapshots, fixture export).
 */

/** The four 32-bit words of the generator's state. */
export type RandomState = readonly [number, number, number, number];

/** A seeded random source. */
export interface SeededRandom {
  /** Next unsigned 32-bit integer. */
  nextUint32(): number;
  /** Next float in [0, 1). */
  nextFloat(): number;
  /** Next integer in [0, bound), bound a positive integer up to 2^32. */
  nextInt(bound: number): number;
  /** `count` random bytes. */
  nextBytes(count: number): Uint8Array;
  /** A copy of the current state. */
  getState(): RandomState;
  /** Replaces the state with a copy of `state`. */
  setState(state: RandomState): void;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Creates a generator from an integer seed; the same seed always yields the same sequence. */
export function createSeededRandom(seed: number): SeededRandom {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${String(seed)}`);
  const mix = splitmix32(seed ^ Math.floor(seed / 0x100000000));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  // Warm up so that close seeds diverge.
  for (let i = 0; i < 12; i++) nextUint32();
  return {
    nextUint32,
    nextFloat: () => nextUint32() / 0x100000000,
    nextInt(bound) {
      if (!Number.isInteger(bound) || bound < 1 || bound > 0x100000000) {
        throw new RangeError(`bound must be an integer in [1, 2^32], got ${String(bound)}`);
      }
      // Rejection sampling keeps the distribution uniform.
      const limit = 0x100000000 - (0x100000000 % bound);
      for (;;) {
        const x = nextUint32();
        if (x < limit) return x % bound;
      }
    },
    nextBytes(count) {
      const bytes = new Uint8Array(count);
      for (let i = 0; i < count; i++) bytes[i] = nextUint32() & 0xff;
      return bytes;
    },
    getState: () => [a >>> 0, b >>> 0, c >>> 0, d >>> 0],
    setState(state) {
      [a, b, c, d] = state.map((word) => word >>> 0) as [number, number, number, number];
    },
  };
}
