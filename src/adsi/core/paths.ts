import { formatAdsPath, WINNT_PROVIDER } from "../../path/adsPath.js";

/** The ADsPath of the object at `components` below `WinNT://` (spec §2.1), with canonical escaping (§2.3). */
export function adsPathOf(components: readonly string[]): string {
  return formatAdsPath({ provider: WINNT_PROVIDER, components });
}

/** How the domain and computer components of machine-scoped paths are spelled (spec §2.4). */
export interface Spelling {
  /** Directory spelling of the domain or workgroup. */
  readonly domain: string;
  /** Directory spelling of the computer, or `.` when bound through `WinNT://.` and the profile keeps it. */
  readonly computer: string;
}
