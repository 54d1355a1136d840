/**
 * The one name folding (spec §2.2 names are case-insensitive; [MS-UCODEREF] §3.1.5.3/§3.1.5.5):
 * per UTF-16 code unit, through the Windows upper-case table. These facts are where it differs from
 * JavaScript's toUpperCase, which the emulator used before.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameKey } from "../../src/engine/state.js";
import { foldName, sameName } from "../../src/names/foldName.js";
import { fcRuns } from "../support/fcRuns.js";

describe("foldName", () => {
  it.each([
    ["abc", "ABC"],
    ["Straße", "STRAßE"], // ß has no one-unit upper case: kept
    ["ſpooler", "ſPOOLER"], // long s is not mapped to S by Windows
    ["ıstanbul", "ıSTANBUL"], // dotless i is not mapped to I
    ["µ", "µ"], // micro sign is not mapped to Greek Mu
    ["ς", "ς"], // final sigma is not mapped
    ["σ", "Σ"],
    ["ÿ", "Ÿ"],
    ["ǅ", "ǅ"], // title-case digraph: not mapped
    ["ǆ", "Ǆ"],
    ["ᾳ", "ᾼ"], // iota subscript: to the title-case letter, as UnicodeData's simple mapping
    ["ａｂｃ", "ＡＢＣ"], // fullwidth
    ["ა", "ა"], // Georgian Mkhedruli: its upper case came after the Windows table
    ["𐐨", "𐐨"], // Deseret (a surrogate pair): not mapped per code unit
    ["\ud800x", "\ud800X"], // a lone surrogate stays
  ])("%s folds to %s", (name, key) => {
    expect(foldName(name)).toBe(key);
  });

  it("never changes the length (one code unit in, one out) and is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (name) => {
        const key = foldName(name);
        expect(key.length).toBe(name.length);
        expect(foldName(key)).toBe(key);
        expect(nameKey(name)).toBe(key);
      }),
      { numRuns: fcRuns(300) },
    );
  });

  it("agrees with toUpperCase on ASCII", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) }),
        (s) => {
          expect(foldName(s)).toBe(s.toUpperCase());
        },
      ),
      { numRuns: fcRuns(200) },
    );
  });

  it("sameName is foldName equality", () => {
    expect(sameName("Straße", "STRASSE")).toBe(false);
    expect(sameName("straße", "STRAßE")).toBe(true);
    expect(sameName("ſpooler", "Spooler")).toBe(false);
    expect(sameName("spooler", "SPOOLER")).toBe(true);
  });
});
