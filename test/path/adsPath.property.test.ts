import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { AdsError } from "../../src/errors/AdsError.js";
import {
  type AdsPath,
  formatAdsPath,
  isWrongCaseProvider,
  parseAdsPath,
  samePath,
} from "../../src/path/adsPath.js";

const NUM_RUNS = 500;

/** A character allowed in a component name: anything but "/" and control characters (spec §2.3). */
const isNameChar = (ch: string) =>
  ch !== "/" && [...ch].every((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f);

/** Single characters for names, biased towards the special ones. */
const nameChar = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom("\\", ",", '"', "<", ">", " ", ".", "a", "Z", "é", "日", "😀", "ß"),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }).filter(isNameChar) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }).filter(isNameChar) },
);

const componentName = fc.string({ unit: nameChar, minLength: 1, maxLength: 12 });
const classHint = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,10}$/);

/** Valid structured paths; the hint key is omitted when absent, as parseAdsPath does. */
const validPath: fc.Arbitrary<AdsPath> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<AdsPath>({ provider: "WinNT", components: [] }) },
  {
    weight: 10,
    arbitrary: fc
      .tuple(
        fc.array(componentName, { minLength: 1, maxLength: 6 }),
        fc.option(classHint, { nil: undefined }),
      )
      .map(
        ([components, hint]): AdsPath =>
          hint === undefined
            ? { provider: "WinNT", components }
            : { provider: "WinNT", components, classHint: hint },
      ),
  },
);

/** Strings assembled from path-ish fragments, so that many of them are close to valid. */
const fragment = fc.constantFrom(
  "WinNT:",
  "WinNT://",
  "winnt:",
  "//",
  "/",
  ",",
  "\\",
  '"',
  "<",
  ">",
  ".",
  "a",
  "B",
  " ",
  "computer",
  "é",
  "😀",
  "\u0000",
  "\t",
);
const fragmentString = fc.array(fragment, { maxLength: 16 }).map((parts) => parts.join(""));

/** Canonical texts of valid paths with one fragment inserted or one character deleted. */
const mutatedText = fc
  .tuple(validPath.map(formatAdsPath), fc.nat(), fragment, fc.boolean())
  .map(([text, at, piece, insert]) => {
    const i = at % (text.length + 1);
    return insert ? text.slice(0, i) + piece + text.slice(i) : text.slice(0, i) + text.slice(i + 1);
  });

/** Paths whose components are quoted, with a mix of legal and illegal pieces inside the quotes. */
const quotedText = fc
  .tuple(
    fc.array(
      fc.array(fc.constantFrom("a", " ", ",", "<", ">", '\\"', "\\\\", "\\x", "é", "/", '"'), {
        maxLength: 5,
      }),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
    fc.option(classHint, { nil: undefined }),
  )
  .map(
    ([parts, hint]) =>
      `WinNT://${parts.map((p) => `"${p.join("")}"`).join("/")}${hint === undefined ? "" : `,${hint}`}`,
  );

const arbitraryText = fc.oneof(
  mutatedText,
  quotedText,
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fragmentString,
  fragmentString.map((s) => `WinNT://${s}`),
  fc.string({ unit: "binary" }).map((s) => `WinNT://${s}`),
  fc.string({ unit: nameChar }).map((s) => `WinNT://${s}`),
);

/** Calls parseAdsPath and fails unless it returns or throws an E_ADS_BAD_PATHNAME AdsError. */
function parseOrBad(text: unknown): AdsPath | undefined {
  try {
    return parseAdsPath(text as string);
  } catch (error) {
    expect(error).toBeInstanceOf(AdsError);
    expect((error as AdsError).code).toBe("E_ADS_BAD_PATHNAME");
    expect((error as AdsError).hresult).toBe(0x80005000);
    return undefined;
  }
}

describe("round trip of structured paths (spec §2.1, §2.3)", () => {
  test.prop([validPath], { numRuns: NUM_RUNS })("parse(format(x)) equals x", (x) => {
    const text = formatAdsPath(x);
    const parsed = parseAdsPath(text);
    expect(parsed).toStrictEqual(x);
    expect(formatAdsPath(parsed)).toBe(text);
    expect(samePath(parsed, x)).toBe(true);
  });

  test.prop([validPath], { numRuns: NUM_RUNS })(
    "formatting never uses quotes to delimit a component",
    (x) => {
      const text = formatAdsPath(x);
      // Every '"' in canonical text is escaped: strip escape pairs, no quote may remain.
      expect(text.replace(/\\./gsu, "")).not.toMatch(/["<>]/);
    },
  );
});

describe("parseAdsPath on arbitrary input (spec §2, §11.1)", () => {
  test.prop([arbitraryText], { numRuns: 2000 })(
    "returns or throws E_ADS_BAD_PATHNAME, and a returned path is stable under format/parse",
    (text) => {
      const parsed = parseOrBad(text);
      if (parsed === undefined) return;
      expect(Object.isFrozen(parsed)).toBe(true);
      const canonical = formatAdsPath(parsed);
      const reparsed = parseAdsPath(canonical);
      expect(reparsed).toStrictEqual(parsed);
      expect(formatAdsPath(reparsed)).toBe(canonical);
      expect(samePath(reparsed, parsed)).toBe(true);
    },
  );

  test.prop([fc.anything()], { numRuns: 300 })("non-string input is E_ADS_BAD_PATHNAME", (value) => {
    fc.pre(typeof value !== "string");
    expect(parseOrBad(value)).toBeUndefined();
  });
});

describe("isWrongCaseProvider (spec §2.2)", () => {
  test.prop([fc.string({ unit: "binary" })], { numRuns: NUM_RUNS })(
    "false for every string starting with the exact WinNT:",
    (rest) => {
      expect(isWrongCaseProvider(`WinNT:${rest}`)).toBe(false);
    },
  );

  test.prop([fc.mixedCase(fc.constant("winnt:")), fc.string()], { numRuns: NUM_RUNS })(
    "true for any other casing of WinNT:, and such text never parses",
    (prefix, rest) => {
      fc.pre(prefix !== "WinNT:");
      expect(isWrongCaseProvider(prefix + rest)).toBe(true);
      expect(parseOrBad(prefix + rest)).toBeUndefined();
    },
  );
});

describe("samePath (spec §2.2)", () => {
  test.prop([validPath, fc.boolean()], { numRuns: NUM_RUNS })(
    "ASCII case changes do not matter",
    (x, upper) => {
      const change = (s: string) => s.replace(/[a-z]/gi, (c) => (upper ? c.toUpperCase() : c.toLowerCase()));
      const y: AdsPath = {
        provider: "WinNT",
        components: x.components.map(change),
        ...(x.classHint === undefined ? {} : { classHint: change(x.classHint) }),
      };
      expect(samePath(x, y)).toBe(true);
      expect(samePath(y, x)).toBe(true);
    },
  );

  test.prop([validPath, validPath], { numRuns: NUM_RUNS })(
    "symmetric, and agrees with equal canonical text",
    (a, b) => {
      expect(samePath(a, b)).toBe(samePath(b, a));
      if (formatAdsPath(a) === formatAdsPath(b)) expect(samePath(a, b)).toBe(true);
    },
  );
});
