import type { TrieNode } from "./idTrie.js";
import { BITS, MASK, MAX_LEVELS, WIDTH } from "./trieNodes.js";

/**
 * Walks a trie in key order from a start key, one value per {@link TrieCursor.next} call, with a stack
 * of at most 8 levels (no recursion, no generator).
 */
export class TrieCursor<V> {
  readonly #nodes: TrieNode[];
  readonly #positions: number[];
  readonly #prefixes: number[];
  readonly #levels: number;
  readonly #from: number;
  #level: number;
  #tight = true;
  /** Key of the value the last {@link next} returned. */
  key = -1;

  /** A cursor over `root` (a trie of `levels` levels) starting at the first key ≥ `from`. */
  constructor(root: TrieNode | null, levels: number, from: number) {
    this.#levels = levels;
    this.#from = from;
    this.#nodes = new Array(levels).fill(null);
    this.#positions = new Array(levels).fill(0);
    this.#prefixes = new Array(levels).fill(0);
    const beyond = levels < MAX_LEVELS && from >>> (levels * BITS) !== 0;
    this.#level = root === null || beyond || levels === 0 ? -1 : 0;
    if (root !== null && levels > 0) {
      this.#nodes[0] = root;
      this.#positions[0] = this.#digit(0);
    }
  }

  #digit(level: number): number {
    return (this.#from >>> ((this.#levels - 1 - level) * BITS)) & MASK;
  }

  /** The next value in key order, or undefined at the end. */
  next(): V | undefined {
    const leaf = this.#levels - 1;
    while (this.#level >= 0) {
      const level = this.#level;
      const node = this.#nodes[level] as TrieNode;
      let position = this.#positions[level] as number;
      while (position < WIDTH && node[position] === null) position++;
      if (position >= WIDTH) {
        this.#level = level - 1;
        this.#tight = false;
        continue;
      }
      this.#positions[level] = position + 1;
      const shift = (leaf - level) * BITS;
      const key = ((this.#prefixes[level] as number) | (position << shift)) >>> 0;
      if (level === leaf) {
        this.key = key;
        return node[position] as V;
      }
      const tight = this.#tight && position === this.#digit(level);
      this.#tight = tight;
      this.#nodes[level + 1] = node[position] as TrieNode;
      this.#positions[level + 1] = tight ? this.#digit(level + 1) : 0;
      this.#prefixes[level + 1] = key;
      this.#level = level + 1;
    }
    return undefined;
  }
}
