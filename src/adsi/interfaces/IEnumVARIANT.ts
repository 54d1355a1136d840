/** IEnumVARIANT, the enumerator `_NewEnum` returns (spec §4, §5.1). */
export interface IEnumVARIANT<T> {
  /** Up to `count` next items (fewer at the end; empty when exhausted). */
  Next(count: number): T[];
  /** Skips up to `count` items; returns false (S_FALSE) when fewer were left. */
  Skip(count: number): boolean;
  /** Rewinds; the next Next re-reads the directory. */
  Reset(): void;
  /** An independent enumerator at the same position. */
  Clone(): IEnumVARIANT<T>;
}
