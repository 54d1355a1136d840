import { customRandom } from "nanoid";
import type { Clock } from "./clock.js";
import { createSeededRandom, type SeededRandom } from "./seededRandom.js";

/** nanoid's URL-safe alphabet. */
const ID_ALPHABET = "useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyrct";

/**
 * Everything non-deterministic the emulator may touch, injected in one object (design/lessons.md:
 * "route every clock, random and id access through one injected environment"). Two emulators built
 * from the same seed and fixture behave identically.
 */
export interface Environment {
  /** The only source of time. */
  readonly clock: Clock;
  /** The only source of randomness. */
  readonly random: SeededRandom;
  /** Returns a new id (nanoid alphabet) drawn from `random`; `size` defaults to 12. */
  newId(size?: number): string;
}

/** Builds an environment from a seed and a clock. */
export function createEnvironment(seed: number, clock: Clock): Environment {
  const random = createSeededRandom(seed);
  const generators = new Map<number, () => string>();
  return {
    clock,
    random,
    newId(size = 12) {
      let generate = generators.get(size);
      if (!generate) {
        generate = customRandom(ID_ALPHABET, size, (bytes) => random.nextBytes(bytes));
        generators.set(size, generate);
      }
      return generate();
    },
  };
}
