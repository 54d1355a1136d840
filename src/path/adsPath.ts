/**
 * WinNT ADsPath model: parse and format `WinNT:` / `WinNT://a/b/c,class` strings (spec §2.1-§2.4).
 * Every malformed path is reported as `E_ADS_BAD_PATHNAME` (spec §11.1); nothing else is ever thrown.
 */

import { AdsError } from "../errors/AdsError.js";
import { sameName } from "../names/foldName.js";
import {
  escapeComponent,
  hasControlChar,
  hintProblem,
  nameProblem,
  quote,
  scanComponents,
} from "./escape.js";

export { escapeComponent } from "./escape.js";

/** A parsed WinNT ADsPath (spec §2.1). Instances returned by this module are frozen. */
export interface AdsPath {
  /** Always `"WinNT"`: the provider ProgID, case-sensitive (spec §2.2). */
  readonly provider: "WinNT";
  /** Components after "WinNT://", unescaped; empty array for the namespace root "WinNT:". */
  readonly components: readonly string[];
  /** Class hint written after the last component's unescaped comma, spelling kept (e.g. "computer"); undefined when absent. */
  readonly classHint?: string;
}

/** The provider ProgID, matched case-sensitively (spec §2.2). */
export const WINNT_PROVIDER = "WinNT";

/**
 * Longest ADsPath the emulator accepts, in UTF-16 code units (emulator limit, spec §2.1). Applies both
 * to the text given to {@link parseAdsPath} and to the canonical text of the parsed path.
 */
export const MAX_ADSPATH_LENGTH = 2048;

const PREFIX = `${WINNT_PROVIDER}:`;

function bad(detail: string): never {
  throw new AdsError("E_ADS_BAD_PATHNAME", detail);
}

/** Builds the frozen AdsPath value; the class hint key is omitted when there is none. */
function build(components: readonly string[], classHint: string | undefined): AdsPath {
  const frozen = Object.freeze([...components]);
  return Object.freeze(
    classHint === undefined
      ? { provider: WINNT_PROVIDER, components: frozen }
      : { provider: WINNT_PROVIDER, components: frozen, classHint },
  );
}

/**
 * Parses an ADsPath string (spec §2.1 forms, §2.2 case rules, §2.3 escaping).
 * - `WinNT:` (exact case) is the namespace root; otherwise `WinNT://` must be followed by one or more
 *   non-empty components separated by `/`, the last optionally followed by `,<classHint>`.
 * - `\` escapes any next character; a whole component may be quoted `"..."` (inside: `\"`, `\\`).
 * - Rejected: other providers or wrong-case `WinNT`, empty components, unescaped `"` `<` `>` outside
 *   quotes, a trailing lone `\`, control characters, names containing `/` (escaped or quoted), a
 *   comma in a middle component, an empty or non-alphanumeric hint, text (or its canonical form, which
 *   can be longer when quotes were used) over 2048 code units.
 * @throws AdsError `E_ADS_BAD_PATHNAME` (0x80005000) for anything that is not a valid path, including
 *   non-string input; no other exception type escapes.
 */
export function parseAdsPath(text: string): AdsPath {
  try {
    return parseUnchecked(text);
  } catch (error) {
    if (AdsError.is(error, "E_ADS_BAD_PATHNAME")) throw error;
    // Defensive: an unexpected internal failure still surfaces as the documented error.
    throw new AdsError("E_ADS_BAD_PATHNAME", `unparsable path (${String(error)})`);
  }
}

function parseUnchecked(text: unknown): AdsPath {
  if (typeof text !== "string") bad(`ADsPath must be a string, got ${text === null ? "null" : typeof text}`);
  if (text.length > MAX_ADSPATH_LENGTH) {
    bad(`ADsPath is ${text.length} characters long; the maximum is ${MAX_ADSPATH_LENGTH}`);
  }
  if (hasControlChar(text)) bad(`ADsPath ${quote(text)} contains a control character`);
  if (!text.startsWith(PREFIX)) {
    if (isWrongCaseProvider(text))
      bad(`provider prefix must be exactly "WinNT:" (case-sensitive): ${quote(text)}`);
    bad(`not a WinNT: ADsPath: ${quote(text)}`);
  }
  const rest = text.slice(PREFIX.length);
  if (rest.length === 0) return build([], undefined);
  if (!rest.startsWith("//")) bad(`expected "WinNT:" or "WinNT://<component>...": ${quote(text)}`);
  const body = rest.slice(2);
  if (body.length === 0) bad(`no component after "WinNT://"`);
  const scanned = scanComponents(body, PREFIX.length + 2);
  // The limit also applies to the canonical form, so every parsed path can be formatted and re-parsed.
  const canonical = canonicalText(scanned.components, scanned.classHint);
  if (canonical.length > MAX_ADSPATH_LENGTH) {
    bad(
      `canonical form of the ADsPath is ${canonical.length} characters long; the maximum is ${MAX_ADSPATH_LENGTH}`,
    );
  }
  return build(scanned.components, scanned.classHint);
}

/** `WinNT:` or `WinNT://` + escaped components joined by `/` + `,hint`; no validation. */
function canonicalText(components: readonly string[], classHint: string | undefined): string {
  if (components.length === 0) return PREFIX;
  const hint = classHint === undefined ? "" : `,${classHint}`;
  return `${PREFIX}//${components.map(escapeComponent).join("/")}${hint}`;
}

/** Checks the structure of `path`; throws `E_ADS_BAD_PATHNAME` describing the first problem. */
function validate(path: unknown): asserts path is AdsPath {
  if (typeof path !== "object" || path === null) bad(`AdsPath must be an object, got ${typeof path}`);
  const { provider, components, classHint } = path as Partial<Record<keyof AdsPath, unknown>>;
  if (provider !== WINNT_PROVIDER) bad(`provider must be "WinNT", got ${quote(String(provider))}`);
  if (!Array.isArray(components)) bad("components must be an array");
  for (const name of components as unknown[]) {
    const problem = nameProblem(name);
    if (problem !== undefined) bad(problem);
  }
  if (classHint !== undefined) {
    if (components.length === 0) bad("the namespace root WinNT: cannot carry a class hint");
    const problem = hintProblem(classHint);
    if (problem !== undefined) bad(problem);
  }
}

/**
 * Canonical text of `path` (spec §2.1, §2.3): `WinNT:` for the root, else `WinNT://` + components
 * escaped with {@link escapeComponent} (backslashes only, never quotes) joined by `/`, then `,hint`.
 * The result always parses back to an equal structure.
 * @throws AdsError `E_ADS_BAD_PATHNAME` when the structure is invalid (provider not `WinNT`, empty
 *   name or one containing `/` or a control character, bad hint, hint on the root) or the text would
 *   exceed 2048 characters.
 */
export function formatAdsPath(path: AdsPath): string {
  validate(path);
  const text = canonicalText(path.components, path.classHint);
  if (text.length > MAX_ADSPATH_LENGTH) {
    bad(`formatted ADsPath is ${text.length} characters long; the maximum is ${MAX_ADSPATH_LENGTH}`);
  }
  return text;
}

/**
 * True when `text` starts with `WinNT:` matched case-insensitively (ASCII only) but not exactly,
 * e.g. `winnt://x` or `WINNT:` (spec §2.2). The binding layer maps this to a profile-specific code;
 * {@link parseAdsPath} itself reports `E_ADS_BAD_PATHNAME`. False for non-strings.
 */
export function isWrongCaseProvider(text: string): boolean {
  if (typeof text !== "string" || text.length < PREFIX.length) return false;
  const head = text.slice(0, PREFIX.length);
  return head !== PREFIX && asciiLower(head) === asciiLower(PREFIX);
}

function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/**
 * The path of the child `name` of `parent` (spec §2.4: child paths are the parent path plus
 * `/<name>`). The parent's class hint is dropped; `classHint` becomes the child's hint.
 * @throws AdsError `E_ADS_BAD_PATHNAME` when `parent` is invalid, `name` is empty or contains `/` or a
 *   control character, `classHint` is malformed, or the result would exceed 2048 characters.
 */
export function childPath(parent: AdsPath, name: string, classHint?: string): AdsPath {
  validate(parent);
  const child = build([...parent.components, name], classHint);
  formatAdsPath(child); // full validation, including the length limit
  return child;
}

/**
 * True when `a` and `b` name the same path ignoring case (spec §2.2: everything after the provider is
 * case-insensitive): same number of components, each the same name as Windows compares names (per
 * UTF-16 code unit through the Windows upper-case table, `sameName`; `ß` does not equal `SS`), and the
 * same class hint, or both absent.
 */
export function samePath(a: AdsPath, b: AdsPath): boolean {
  if (a.components.length !== b.components.length) return false;
  for (let i = 0; i < a.components.length; i++) {
    if (!sameName(a.components[i]!, b.components[i]!)) return false;
  }
  if (a.classHint === undefined || b.classHint === undefined) return a.classHint === b.classHint;
  return sameName(a.classHint, b.classHint);
}
