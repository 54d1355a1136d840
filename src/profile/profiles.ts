import { AdsError } from "../errors/AdsError.js";
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

/** Resolves a profile option: a built-in name, a custom profile object, or undefined (windows). */
export function resolveProfile(profile: ProfileName | FidelityProfile | undefined): FidelityProfile {
  if (profile === undefined) return windowsProfile;
  if (typeof profile === "object" && profile !== null) return profile;
  if (typeof profile === "string" && Object.hasOwn(PROFILES, profile))
    return PROFILES[profile as ProfileName];
  throw new AdsError(
    "E_INVALIDARG",
    `unknown fidelity profile ${JSON.stringify(profile)}; use "windows" or "samba"`,
  );
}
