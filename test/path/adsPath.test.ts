import { describe, expect, it } from "vitest";
import { AdsError } from "../../src/errors/AdsError.js";
import {
  type AdsPath,
  childPath,
  escapeComponent,
  formatAdsPath,
  isWrongCaseProvider,
  MAX_ADSPATH_LENGTH,
  parseAdsPath,
  samePath,
  WINNT_PROVIDER,
} from "../../src/path/adsPath.js";

/** Runs `fn` and returns the AdsError it throws; fails the test when it throws nothing or something else. */
function catchAdsError(fn: () => unknown): AdsError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AdsError);
    return error as AdsError;
  }
  throw new Error("expected an AdsError, nothing was thrown");
}

function expectBadPath(fn: () => unknown): void {
  const error = catchAdsError(fn);
  expect(error.code).toBe("E_ADS_BAD_PATHNAME");
  expect(error.hresult).toBe(0x80005000);
  expect(error.number).toBe(-2147463168);
}

function path(components: string[], classHint?: string): AdsPath {
  return classHint === undefined
    ? { provider: "WinNT", components }
    : { provider: "WinNT", components, classHint };
}

describe("parseAdsPath: accepted forms (spec §2.1)", () => {
  const cases: [string, string[], string | undefined][] = [
    ["WinNT:", [], undefined],
    ["WinNT://CORP", ["CORP"], undefined],
    ["WinNT://CORP/FS01", ["CORP", "FS01"], undefined],
    ["WinNT://FS01/LanmanServer", ["FS01", "LanmanServer"], undefined],
    ["WinNT://myMachine,computer", ["myMachine"], "computer"],
    ["WinNT://localhost,computer", ["localhost"], "computer"],
    ["WinNT://INDEPENDENCE/SEATTLE,computer", ["INDEPENDENCE", "SEATTLE"], "computer"],
    ["WinNT://Fabrikam/Account/Browser,service", ["Fabrikam", "Account", "Browser"], "service"],
    ["WinNT://MyServer/JeffSmith,user", ["MyServer", "JeffSmith"], "user"],
    ["WinNT://.", ["."], undefined],
    ["WinNT://./Administrator", [".", "Administrator"], undefined],
    ["WinNT://MyDomain/schema", ["MyDomain", "schema"], undefined],
    ["WinNT://CORP/Schema/Session", ["CORP", "Schema", "Session"], undefined],
    ["WinNT://aDomain/aComputer/LanmanServer", ["aDomain", "aComputer", "LanmanServer"], undefined],
    ["WinNT://FS01/LanmanServer/Public Docs", ["FS01", "LanmanServer", "Public Docs"], undefined],
    ["WinNT://FS01/LanmanServer/a\\,b", ["FS01", "LanmanServer", "a,b"], undefined],
    ['WinNT://FS01/LanmanServer/"a,b"', ["FS01", "LanmanServer", "a,b"], undefined],
    ['WinNT://FS01/LanmanServer/"a,b",fileShare', ["FS01", "LanmanServer", "a,b"], "fileShare"],
    ["WinNT://FS01/LanmanServer/a\\,b,FileShare", ["FS01", "LanmanServer", "a,b"], "FileShare"],
    ["WinNT://srv/x,Class2", ["srv", "x"], "Class2"],
    ["WinNT://Ünïcødé/日本語/😀", ["Ünïcødé", "日本語", "😀"], undefined],
    ["WinNT:// lead and trail ", [" lead and trail "], undefined],
  ];

  it.each(cases)("%s", (text, components, classHint) => {
    const parsed = parseAdsPath(text);
    expect(parsed).toStrictEqual(path(components, classHint));
    expect(parsed.provider).toBe(WINNT_PROVIDER);
    expect(Object.isFrozen(parsed)).toBe(true);
    expect(Object.isFrozen(parsed.components)).toBe(true);
    if (classHint === undefined) expect("classHint" in parsed).toBe(false);
  });

  it("keeps the spelling of components and hint (case-insensitivity is samePath's job)", () => {
    expect(parseAdsPath("WinNT://corp/Fs01,COMPUTER")).toStrictEqual(path(["corp", "Fs01"], "COMPUTER"));
  });
});

describe("parseAdsPath: escaping (spec §2.3)", () => {
  it.each([
    ["WinNT://a\\\\b", "a\\b"],
    ["WinNT://a\\<b\\>", "a<b>"],
    ['WinNT://a\\"b', 'a"b'],
    ["WinNT://\\x\\y", "xy"],
    ["WinNT://\\ ", " "],
    ['WinNT://"a\\"b"', 'a"b'],
    ['WinNT://"a\\\\b"', "a\\b"],
    ['WinNT://"a\\xb"', "a\\xb"],
    ['WinNT://"<x>"', "<x>"],
    ['WinNT://" spaced , name "', " spaced , name "],
    ['WinNT://"x"', "x"],
  ])("%s -> %s", (text, name) => {
    expect(parseAdsPath(text).components).toEqual([name]);
  });

  it("quoted component in the middle of a path", () => {
    expect(parseAdsPath('WinNT://"a,b"/c').components).toEqual(["a,b", "c"]);
  });
});

describe("parseAdsPath: rejected forms -> E_ADS_BAD_PATHNAME 0x80005000", () => {
  it.each([
    // provider (spec §2.2)
    ["", "empty"],
    ["winnt://CORP", "lower-case provider"],
    ["WINNT:", "upper-case provider"],
    ["WinNt://CORP", "mixed-case provider"],
    ["LDAP://CN=x", "other provider"],
    ["WinNT", "no colon"],
    [" WinNT://CORP", "leading space"],
    ["WinNT: ", "trailing space after root"],
    ["<WinNT://CORP>", "angle-bracketed"],
    // empty components
    ["WinNT://", "no component"],
    ["WinNT://a/", "trailing slash"],
    ["WinNT://a//b", "double slash"],
    ["WinNT:///a", "leading slash"],
    ["WinNT:/x", "single slash"],
    ["WinNT:x", "no slashes"],
    ["WinNT:,x", "hint on root"],
    ["WinNT://,computer", "empty name before hint"],
    ['WinNT://""', "empty quoted name"],
    ['WinNT://a/""/b', "empty quoted middle name"],
    // escaping
    ['WinNT://a"b', "unescaped quote inside"],
    ['WinNT://a"', "unescaped trailing quote"],
    ['WinNT://"a"b', "text after closing quote"],
    ['WinNT://"a', "unterminated quote"],
    ['WinNT://"a\\"', "escaped closing quote, unterminated"],
    ["WinNT://a<b", "unescaped <"],
    ["WinNT://a>b", "unescaped >"],
    ["WinNT://a\\", "trailing lone backslash"],
    ["WinNT://a/b\\", "trailing lone backslash, last component"],
    ["WinNT://a\u0000b", "NUL"],
    ["WinNT://a\tb", "tab"],
    ["WinNT://a\nb", "newline"],
    ["WinNT://a\u007fb", "DEL"],
    ["WinNT://a\\\u0001", "escaped control char"],
    ['WinNT://"a\u001fb"', "quoted control char"],
    ["WinNT:\u0000", "control char after root"],
    // '/' in names (emulator rule)
    ["WinNT://a\\/b", "escaped slash"],
    ['WinNT://"a/b"', "quoted slash"],
    // class hint
    ["WinNT://a,computer/b", "comma in middle component"],
    ["WinNT://a,/b", "empty hint in middle component"],
    ["WinNT://a,", "empty hint"],
    ["WinNT://a,b,c", "two hints"],
    ["WinNT://a,1abc", "hint starting with digit"],
    ["WinNT://a,com puter", "hint with space"],
    ["WinNT://a, computer", "hint with leading space"],
    ["WinNT://a,comp\\,uter", "escape in hint"],
    ['WinNT://a,"computer"', "quoted hint"],
    ["WinNT://a,comp-uter", "hint with dash"],
    ["WinNT://a,ünï", "non-ASCII hint"],
  ])("%j (%s)", (text) => {
    expectBadPath(() => parseAdsPath(text));
  });

  it("rejects text longer than 2048 characters but accepts exactly 2048", () => {
    const prefix = "WinNT://";
    const exact = prefix + "x".repeat(MAX_ADSPATH_LENGTH - prefix.length);
    expect(parseAdsPath(exact).components[0]).toHaveLength(MAX_ADSPATH_LENGTH - prefix.length);
    expectBadPath(() => parseAdsPath(`${exact}x`));
  });

  it("rejects a path whose canonical form exceeds 2048 characters though the text does not", () => {
    const quoted = `WinNT://"${"<".repeat(1500)}"`;
    expect(quoted.length).toBeLessThanOrEqual(MAX_ADSPATH_LENGTH);
    expectBadPath(() => parseAdsPath(quoted));
    expect(parseAdsPath(`WinNT://"${"<".repeat(1000)}"`).components[0]).toHaveLength(1000);
  });

  it.each([[undefined], [null], [42], [{}], [["WinNT:"]], [Symbol("x")]])("non-string input %s", (value) => {
    expectBadPath(() => parseAdsPath(value as unknown as string));
  });

  it("error detail says what is wrong", () => {
    expect(catchAdsError(() => parseAdsPath("WinNT://a,computer/b")).detail).toMatch(/last component/);
    expect(catchAdsError(() => parseAdsPath("winnt://a")).detail).toMatch(/case-sensitive/);
    expect(catchAdsError(() => parseAdsPath("WinNT://a//b")).detail).toMatch(/empty component/);
  });
});

describe("formatAdsPath (spec §2.1, §2.3)", () => {
  it.each([
    [path([]), "WinNT:"],
    [path(["CORP"]), "WinNT://CORP"],
    [path(["INDEPENDENCE", "SEATTLE"], "computer"), "WinNT://INDEPENDENCE/SEATTLE,computer"],
    [path(["FS01", "LanmanServer", "Public Docs"]), "WinNT://FS01/LanmanServer/Public Docs"],
    [path(["FS01", "LanmanServer", "a,b"]), "WinNT://FS01/LanmanServer/a\\,b"],
    [path(['q"x', "a\\b", "<t>"], "user"), 'WinNT://q\\"x/a\\\\b/\\<t\\>,user'],
    [path(["."]), "WinNT://."],
  ])("%j -> %s", (value, text) => {
    expect(formatAdsPath(value)).toBe(text);
  });

  it("canonicalizes quoted and needlessly escaped input", () => {
    expect(formatAdsPath(parseAdsPath('WinNT://"a,b",computer'))).toBe("WinNT://a\\,b,computer");
    expect(formatAdsPath(parseAdsPath("WinNT://\\C\\O\\R\\P"))).toBe("WinNT://CORP");
  });

  it.each<[unknown, string]>([
    [{ provider: "LDAP", components: ["x"] }, "wrong provider"],
    [{ provider: "winnt", components: ["x"] }, "wrong-case provider"],
    [path([""]), "empty component"],
    [path(["a", ""]), "empty last component"],
    [path(["a/b"]), "slash in name"],
    [path(["a\u0000"]), "control char"],
    [path(["a\u007f"]), "DEL"],
    [path([], "computer"), "hint on root"],
    [path(["a"], ""), "empty hint"],
    [path(["a"], "9x"), "hint starting with digit"],
    [path(["a"], "a b"), "hint with space"],
    [{ provider: "WinNT", components: "CORP" }, "components not an array"],
    [{ provider: "WinNT", components: [42] }, "non-string component"],
    [null, "null"],
    ["WinNT://x", "string instead of object"],
    [path(["x".repeat(MAX_ADSPATH_LENGTH)]), "too long"],
  ])("rejects %j (%s)", (value) => {
    expectBadPath(() => formatAdsPath(value as unknown as AdsPath));
  });
});

describe("escapeComponent (spec §2.3)", () => {
  it("prefixes each special character with a backslash and keeps the rest", () => {
    expect(escapeComponent('\\/,"<>')).toBe('\\\\\\/\\,\\"\\<\\>');
    expect(escapeComponent("Public Docs")).toBe("Public Docs");
    expect(escapeComponent("日本😀")).toBe("日本😀");
    expect(escapeComponent("")).toBe("");
  });
  it("rejects non-strings with E_ADS_BAD_PATHNAME", () => {
    expectBadPath(() => escapeComponent(7 as unknown as string));
  });
});

describe("isWrongCaseProvider (spec §2.2)", () => {
  it.each(["winnt://x", "WINNT:", "winnt:", "WinNt://a/b", "wINNT:,x"])("true for %s", (text) => {
    expect(isWrongCaseProvider(text)).toBe(true);
  });
  it.each(["WinNT:", "WinNT://x", "WinNT:garbage", "LDAP://x", "winnt", "", "wïnnt:", "ſinnt:"])(
    "false for %s",
    (text) => {
      expect(isWrongCaseProvider(text)).toBe(false);
    },
  );
  it("false for non-strings", () => {
    expect(isWrongCaseProvider(undefined as unknown as string)).toBe(false);
  });
});

describe("childPath (spec §2.4)", () => {
  it("appends a component and drops the parent's hint", () => {
    const computer = parseAdsPath("WinNT://CORP/FS01,computer");
    const service = childPath(computer, "LanmanServer", "FileService");
    expect(service).toStrictEqual(path(["CORP", "FS01", "LanmanServer"], "FileService"));
    expect(Object.isFrozen(service) && Object.isFrozen(service.components)).toBe(true);
    expect(childPath(service, "a,b")).toStrictEqual(path(["CORP", "FS01", "LanmanServer", "a,b"]));
    expect(formatAdsPath(childPath(service, "Public Docs"))).toBe(
      "WinNT://CORP/FS01/LanmanServer/Public Docs",
    );
    expect(computer.components).toEqual(["CORP", "FS01"]);
  });
  it("child of the root is a one-component path", () => {
    expect(childPath(parseAdsPath("WinNT:"), "CORP", "domain")).toStrictEqual(path(["CORP"], "domain"));
  });
  it.each([
    ["", undefined],
    ["a/b", undefined],
    ["a\nb", undefined],
    ["ok", "bad hint"],
    ["ok", ""],
    ["x".repeat(MAX_ADSPATH_LENGTH), undefined],
  ])("rejects name %j hint %j", (name, hint) => {
    expectBadPath(() => childPath(parseAdsPath("WinNT://CORP"), name, hint));
  });
});

describe("samePath (spec §2.2)", () => {
  const p = parseAdsPath;
  it("ignores case of components and hint", () => {
    expect(samePath(p("WinNT://CORP/fs01,Computer"), p("WinNT://corp/FS01,computer"))).toBe(true);
    expect(samePath(p("WinNT://Ünï/é"), p("WinNT://üNÏ/É"))).toBe(true);
    expect(samePath(p("WinNT:"), p("WinNT:"))).toBe(true);
    expect(samePath(p('WinNT://"a,b"'), p("WinNT://A\\,B"))).toBe(true);
  });
  it("distinguishes different paths", () => {
    expect(samePath(p("WinNT://CORP/FS01"), p("WinNT://CORP/FS02"))).toBe(false);
    expect(samePath(p("WinNT://CORP/FS01"), p("WinNT://CORP"))).toBe(false);
    expect(samePath(p("WinNT://CORP/FS01"), p("WinNT://CORP/FS01,computer"))).toBe(false);
    expect(samePath(p("WinNT://a,user"), p("WinNT://a,group"))).toBe(false);
    expect(samePath(p("WinNT://a/b"), p("WinNT://ab"))).toBe(false);
    expect(samePath(p("WinNT:"), p("WinNT://a"))).toBe(false);
  });
  it("uses simple per-character case mapping (ß is not SS)", () => {
    expect(samePath(p("WinNT://straße"), p("WinNT://STRASSE"))).toBe(false);
    expect(samePath(p("WinNT://ß"), p("WinNT://ß"))).toBe(true);
  });
});
