import { AdsError } from "../errors/AdsError.js";
import { deepFreeze } from "../shared/deepFreeze.js";
import type { FidelityProfile } from "./FidelityProfile.js";
import { sambaProfile } from "./samba.js";
import { windowsProfile } from "./windows.js";

/** Names of the built-in profiles. */
export type ProfileName = "windows" | "samba";

/** The built-in profiles by name. */
export const PROFILES: Readonly<Record<ProfileName, FidelityProfile>> = Object.freeze({
  windows: windowsProfile,
  samba: sambaProfile,
});

/**
 * Resolves a profile option: a built-in name, a custom profile object, or undefined (windows). A custom
 * profile is copied and frozen (its functions wrapped, its nested records copied), so two emulators
 * given the same object cannot change each other through it (issue 7 item 2).
 */
export function resolveProfile(profile: ProfileName | FidelityProfile | undefined): FidelityProfile {
  if (profile === undefined) return windowsProfile;
  if (typeof profile === "object" && profile !== null) return frozenCopy(profile);
  if (typeof profile === "string" && Object.hasOwn(PROFILES, profile))
    return PROFILES[profile as ProfileName];
  throw new AdsError(
    "E_INVALIDARG",
    `unknown fidelity profile ${JSON.stringify(profile)}; use "windows" or "samba"`,
  );
}

/** A deep-frozen copy of a custom profile: records copied, functions wrapped to call the caller's. */
function frozenCopy(profile: FidelityProfile): FidelityProfile {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(profile)) {
    if (typeof value === "function") {
      const fn = value as (...args: unknown[]) => unknown;
      copy[key] = (...args: unknown[]) => fn.apply(profile, args);
    } else if (typeof value === "object" && value !== null) copy[key] = { ...value };
    else copy[key] = value;
  }
  return deepFreeze(copy) as unknown as FidelityProfile;
}
