import { formatAdsPath, WINNT_PROVIDER } from "../../path/adsPath.js";

/** ADsPaths already formatted, by their components joined with NUL (which no component contains). */
const formatted = new Map<string, string>();
/** Bound of {@link formatted}: the paths of a few directories' objects; it starts over when full. */
const MAX_FORMATTED = 10_000;

/**
 * The ADsPath of the object at `components` below `WinNT://` (spec §2.1), with canonical escaping
 * (§2.3). Memoized: the engine and the facade ask for the same few service and object paths again and
 * again, and escaping is the costly part.
 */
export function adsPathOf(components: readonly string[]): string {
  if (components.some((component) => component.includes("\u0000"))) {
    return formatAdsPath({ provider: WINNT_PROVIDER, components });
  }
  const key = components.join("\u0000");
  let path = formatted.get(key);
  if (path === undefined) {
    path = formatAdsPath({ provider: WINNT_PROVIDER, components });
    if (formatted.size >= MAX_FORMATTED) formatted.clear();
    formatted.set(key, path);
  }
  return path;
}

/** How the domain and computer components of machine-scoped paths are spelled (spec §2.4). */
export interface Spelling {
  /** Directory spelling of the domain or workgroup. */
  readonly domain: string;
  /** Directory spelling of the computer, or `.` when bound through `WinNT://.` and the profile keeps it. */
  readonly computer: string;
}
