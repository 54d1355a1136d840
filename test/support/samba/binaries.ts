import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** Absolute paths of every program and library the Samba harness runs. */
export interface SambaBinaries {
  readonly smbd: string;
  readonly sambaDcerpcd: string;
  readonly smbpasswd: string;
  readonly net: string;
  readonly smbclient: string;
  readonly smbstatus: string;
  readonly stdbuf: string;
  readonly mkfifo: string;
  readonly pgrep: string;
  readonly nssWrapper: string;
}

const SEARCH_DIRS = [
  ...(process.env.PATH ?? "").split(delimiter).filter(Boolean),
  "/usr/sbin",
  "/sbin",
  "/usr/bin",
  "/bin",
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  return SEARCH_DIRS.map((dir) => join(dir, name)).find(executable);
}

/** Where Debian (samba 4.17+) installs samba-dcerpcd; also looked up on PATH. */
const DCERPCD_CANDIDATES = ["/usr/libexec/samba/samba-dcerpcd", "/usr/lib/samba/samba-dcerpcd"];
/** Where Debian's libnss-wrapper installs the library, per architecture. */
const NSS_WRAPPER_CANDIDATES = [
  "/usr/lib/x86_64-linux-gnu/libnss_wrapper.so",
  "/usr/lib/aarch64-linux-gnu/libnss_wrapper.so",
  "/usr/lib64/libnss_wrapper.so",
  "/usr/lib/libnss_wrapper.so",
];

/**
 * Finds the Samba programs (packages samba, smbclient, libnss-wrapper; plus coreutils and procps).
 * `missing` names what was not found, for the loud skip message or the CI failure.
 */
export function locateSambaBinaries(): { binaries: SambaBinaries | undefined; missing: string[] } {
  const found: Record<string, string | undefined> = {
    smbd: onPath("smbd"),
    sambaDcerpcd: DCERPCD_CANDIDATES.find(executable) ?? onPath("samba-dcerpcd"),
    smbpasswd: onPath("smbpasswd"),
    net: onPath("net"),
    smbclient: onPath("smbclient"),
    smbstatus: onPath("smbstatus"),
    stdbuf: onPath("stdbuf"),
    mkfifo: onPath("mkfifo"),
    pgrep: onPath("pgrep"),
    nssWrapper: NSS_WRAPPER_CANDIDATES.find(readable),
  };
  const labels: Record<string, string> = { sambaDcerpcd: "samba-dcerpcd", nssWrapper: "libnss_wrapper.so" };
  const missing = Object.entries(found)
    .filter(([, path]) => path === undefined)
    .map(([key]) => labels[key] ?? key);
  return { binaries: missing.length === 0 ? (found as unknown as SambaBinaries) : undefined, missing };
}
