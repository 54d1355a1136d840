/**
 * Component-level escaping and unescaping for WinNT ADsPaths: spec §2.3.
 *
 * Writing: {@link escapeComponent} prefixes each of `\ / , " < >` with a backslash (never quotes).
 * Reading: {@link scanComponents} splits the text after `WinNT://` into unescaped names and the
 * optional class hint, reporting every malformation as `E_ADS_BAD_PATHNAME`.
 */

import { AdsError } from "../errors/AdsError.js";

/** Matches a class hint such as `computer` (spec §2.1: the `,<class>` suffix). */
export const CLASS_HINT_PATTERN: RegExp = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Canonical escaping of one component name (spec §2.3): each of `\ / , " < >` gets a `\` prefix;
 * everything else, spaces and non-ASCII included, is kept. Total on strings; it does not check that
 * the name is usable in an ADsPath (see {@link nameProblem}).
 * @throws AdsError `E_ADS_BAD_PATHNAME` when `name` is not a string (untyped JS callers).
 */
export function escapeComponent(name: string): string {
  if (typeof name !== "string") {
    throw new AdsError("E_ADS_BAD_PATHNAME", `component name must be a string, got ${typeof name}`);
  }
  // Every special character is one UTF-16 code unit, so a code-unit scan finds them (no regex: this
  // runs for every Session and Resource whose ADsPath is read).
  let out = "";
  let from = 0;
  for (let i = 0; i < name.length; i++) {
    if (!isSpecial(name.charCodeAt(i))) continue;
    out += `${name.slice(from, i)}\\`;
    from = i;
  }
  return from === 0 && out === "" ? name : out + name.slice(from);
}

/** Whether code unit `code` is one of `\ / , " < >`. */
function isSpecial(code: number): boolean {
  return code === 0x5c || code === 0x2f || code === 0x2c || code === 0x22 || code === 0x3c || code === 0x3e;
}

/** True when `text` contains a control character U+0000-U+001F or U+007F (spec §2.3). */
export function hasControlChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x1f || code === 0x7f) return true;
  }
  return false;
}

/**
 * Why `name` cannot be a component of an ADsPath, or undefined when it can (spec §2.3 emulator rule):
 * it must be a non-empty string without `/` and without control characters.
 */
export function nameProblem(name: unknown): string | undefined {
  if (typeof name !== "string") return `component must be a string, got ${typeof name}`;
  if (name.length === 0) return "empty component";
  if (name.includes("/")) return `component ${quote(name)} contains "/" (not supported by the emulator)`;
  if (hasControlChar(name)) return `component ${quote(name)} contains a control character`;
  return undefined;
}

/** Why `hint` cannot be a class hint, or undefined when it can (spec §2.1). */
export function hintProblem(hint: unknown): string | undefined {
  if (typeof hint !== "string") return `class hint must be a string, got ${typeof hint}`;
  if (!CLASS_HINT_PATTERN.test(hint)) return `class hint ${quote(hint)} must match [A-Za-z][A-Za-z0-9]*`;
  return undefined;
}

/** Quotes `text` for an `E_ADS_BAD_PATHNAME` detail (spec §11.1), shortened so huge input stays readable. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

/** Result of {@link scanComponents}: unescaped names and the class hint of the last one (spec §2.1). */
export interface ScannedComponents {
  /** Unescaped component names, at least one. */
  readonly components: string[];
  /** The class hint written after the last component's unescaped comma, if any. */
  readonly classHint: string | undefined;
}

/** Throws the parse error for `body` (the text after `WinNT://`). */
function bad(what: string): never {
  throw new AdsError("E_ADS_BAD_PATHNAME", what);
}

/**
 * Splits the text after `WinNT://` into components (spec §2.1, §2.3). Rules:
 * - `/` separates components; no component may be empty.
 * - Unquoted: `\x` is the literal `x` (any character); a trailing lone `\`, an unescaped `"`, `<` or
 *   `>` are errors; an unescaped `,` ends the name and starts the class hint.
 * - A component starting with `"` is quoted as a whole: inside, `\"` and `\\` are escapes, any other
 *   character (a `\` before anything else, `,`, `<`, `>`) is literal; after the closing quote only
 *   `/`, `,hint` or the end may follow.
 * - The class hint is allowed once, in the last component, and must match {@link CLASS_HINT_PATTERN}.
 * - Names containing `/` (escaped or quoted) are rejected (emulator rule, §2.3).
 * The caller has already rejected control characters and over-long input.
 * @throws AdsError `E_ADS_BAD_PATHNAME` describing the first problem found.
 */
export function scanComponents(body: string, offset: number): ScannedComponents {
  const components: string[] = [];
  let classHint: string | undefined;
  let i = 0;
  const at = (pos: number) => `at index ${offset + pos}`;

  for (;;) {
    let name = "";
    if (body[i] === '"') {
      const open = i;
      i++;
      let closed = false;
      while (i < body.length) {
        const ch = body[i]!;
        if (ch === '"') {
          closed = true;
          i++;
          break;
        }
        if (ch === "\\" && (body[i + 1] === '"' || body[i + 1] === "\\")) {
          name += body[i + 1];
          i += 2;
        } else {
          name += ch;
          i++;
        }
      }
      if (!closed) bad(`unterminated quoted component starting ${at(open)}`);
      if (i < body.length && body[i] !== "/" && body[i] !== ",") {
        bad(`unexpected ${quote(body[i]!)} after closing quote ${at(i)}`);
      }
    } else {
      while (i < body.length) {
        const ch = body[i]!;
        if (ch === "/" || ch === ",") break;
        if (ch === "\\") {
          if (i + 1 >= body.length) bad(`trailing lone "\\" ${at(i)}`);
          name += body[i + 1];
          i += 2;
          continue;
        }
        if (ch === '"' || ch === "<" || ch === ">") bad(`unescaped ${quote(ch)} ${at(i)}`);
        name += ch;
        i++;
      }
    }

    const problem = nameProblem(name);
    if (problem !== undefined) bad(`${problem} ${at(i)}`);
    components.push(name);

    if (i >= body.length) break;
    if (body[i] === ",") {
      const hintStart = i + 1;
      const slash = body.indexOf("/", hintStart);
      if (slash >= 0) bad(`class hint (unescaped ",") only allowed in the last component ${at(i)}`);
      const hint = body.slice(hintStart);
      const hintIssue = hintProblem(hint);
      if (hintIssue !== undefined) bad(`${hintIssue} ${at(hintStart)}`);
      classHint = hint;
      break;
    }
    // body[i] === "/": a separator; the next component must not be empty.
    i++;
    if (i >= body.length) bad(`empty component after trailing "/" ${at(i)}`);
  }
  return { components, classHint };
}
