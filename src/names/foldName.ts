import { UPCASE_RUNS } from "./upcaseTable.js";

/** Upper case of every UTF-16 code unit (0 = maps to itself), built once from {@link UPCASE_RUNS}. */
const UPCASE: Uint16Array = (() => {
  const table = new Uint16Array(0x10000);
  for (const [from, to, count, step] of UPCASE_RUNS) {
    for (let i = 0; i < count; i++) table[from + i * step] = to + i * step;
  }
  return table;
})();

/**
 * The case-insensitive key of a Windows name: every UTF-16 code unit upper-cased on its own through
 * the Windows upper-case table, as RtlUpcaseUnicodeString does and as Windows compares names ordinally
 * ignoring case ([MS-UCODEREF] §3.1.5.3 and §3.1.5.5). One code unit in, one code unit out: the length
 * never changes, `ß` stays `ß` (never `SS`), `ſ` and `ı` stay themselves, surrogates are untouched.
 * Two names are the same name exactly when their keys are equal.
 */
export function foldName(name: string): string {
  let ascii = true;
  for (let i = 0; i < name.length && ascii; i++) ascii = name.charCodeAt(i) < 0x80;
  // ASCII only: the table and toUpperCase agree (a-z to A-Z), and toUpperCase is faster.
  if (ascii) return name.toUpperCase();
  let out = "";
  for (let i = 0; i < name.length; i++) {
    const unit = name.charCodeAt(i);
    out += String.fromCharCode(UPCASE[unit] || unit);
  }
  return out;
}

/** Whether `a` and `b` are the same name under {@link foldName} (Windows ordinal ignore-case). */
export function sameName(a: string, b: string): boolean {
  return a === b || foldName(a) === foldName(b);
}

/**
 * The code unit {@link foldName} turns `unit` (a UTF-16 code unit) into, without building a string:
 * for hashing and comparing names in place.
 */
export function foldUnit(unit: number): number {
  return UPCASE[unit] || unit;
}
