/**
 * Name and time arbitraries the fixture, session and path arbitraries share. Names stay inside what
 * Windows and the fixture format accept (NetBIOS-like computer names, no `/` or control characters)
 * and are unique where the format wants them unique (case-insensitively, spec §2.2).
 */
import fc from "fast-check";

/** Epoch seconds of 2020-01-01 and 2030-01-01: where generated `now`s lie. */
const FROM_S = 1_577_836_800;
const TO_S = 1_893_456_000;

/** An ISO-8601 UTC instant with whole seconds, as fixtures write it. */
export function isoAt(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

/** A fixture `now`: a whole second between 2020 and 2030, as epoch ms. */
export const nowMs: fc.Arbitrary<number> = fc.integer({ min: FROM_S, max: TO_S }).map((s) => s * 1000);

/** Domain names: 2-8 capitals (never containing `-`, so never equal to a computer name). */
export const domainName: fc.Arbitrary<string> = fc.stringMatching(/^[A-Z]{2,8}$/);

/** Computer names: NetBIOS-like, always with a `-` (so never equal to a domain name). */
export const computerName: fc.Arbitrary<string> = fc.stringMatching(/^[A-Z][A-Z0-9]{1,6}-[0-9]{2}$/);

/** Account names. */
export const userName: fc.Arbitrary<string> = fc.stringMatching(/^[a-z][a-z0-9._]{0,10}$/);

/** Share names, spaces and a trailing `$` (hidden share) included. */
export const shareName: fc.Arbitrary<string> = fc
  .tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _-]{0,10}[A-Za-z0-9]$/), fc.boolean())
  .map(([name, hidden]) => (hidden ? `${name}$` : name));

/** File names (no path separators). */
export const fileName: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,14}$/);

/** An IPv4 client address in 10.0.0.0/8. */
export const clientAddress: fc.Arbitrary<string> = fc
  .tuple(fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 }))
  .map(([a, b, c]) => `10.${a}.${b}.${c}`);

/** `count` names from `names`, unique case-insensitively. */
export function uniqueNames(
  names: fc.Arbitrary<string>,
  count: { readonly minLength: number; readonly maxLength: number },
): fc.Arbitrary<string[]> {
  return fc.uniqueArray(names, { ...count, selector: (name) => name.toUpperCase() });
}
