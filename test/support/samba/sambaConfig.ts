import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A test account: a Unix user (through nss_wrapper) with a Samba password. */
export interface SambaUser {
  readonly name: string;
  readonly password: string;
  /** Member of BUILTIN\Administrators and Domain Admins (may enumerate and delete sessions). */
  readonly admin: boolean;
}

/** The accounts of samba-provider.md: one administrator, four ordinary users (dave is the non-admin caller). */
export const DEFAULT_SAMBA_USERS: readonly SambaUser[] = [
  { name: "sadmin", password: "Adm1n-pw!", admin: true },
  { name: "alice", password: "Al1ce-pw!", admin: false },
  { name: "bob", password: "B0b-pw!", admin: false },
  { name: "carol", password: "Car0l-pw!", admin: false },
  { name: "dave", password: "Dav3-pw!", admin: false },
];

/** Unix groups mapped to BUILTIN\Administrators and Domain Admins (samba-provider.md). */
export const ADMIN_GROUPS = { builtin: "srvsadmins", domain: "srvsdomadmins" } as const;

const FIRST_ID = 62001;

/** Every folder of a private instance under `dir` (samba-provider.md "A private instance"). */
export function instanceDirs(dir: string) {
  const sub = (name: string) => join(dir, name);
  return {
    private: sub("private"),
    lock: sub("lock"),
    state: sub("state"),
    cache: sub("cache"),
    pid: sub("pid"),
    ncalrpc: sub("ncalrpc"),
    binddns: sub("binddns"),
    log: sub("log"),
    share: sub("share"),
  };
}

/**
 * smb.conf of a private, loopback-only standalone server on `port` with one share `[share]`, exactly
 * as samba-provider.md prescribes; samba-dcerpcd is started by the harness (known PID), not on demand.
 */
export function sambaConf(dir: string, port: number, share: string): string {
  const d = instanceDirs(dir);
  return [
    "[global]",
    `private dir = ${d.private}`,
    `lock directory = ${d.lock}`,
    `state directory = ${d.state}`,
    `cache directory = ${d.cache}`,
    `pid directory = ${d.pid}`,
    `ncalrpc dir = ${d.ncalrpc}`,
    `binddns dir = ${d.binddns}`,
    `log file = ${join(d.log, "log.%m")}`,
    `passdb backend = tdbsam:${join(d.private, "passdb.tdb")}`,
    "interfaces = 127.0.0.1",
    "bind interfaces only = yes",
    `smb ports = ${port}`,
    "disable netbios = yes",
    "server role = standalone server",
    "load printers = no",
    "printing = bsd",
    "printcap name = /dev/null",
    "disable spoolss = yes",
    "map to guest = never",
    "obey pam restrictions = no",
    "unix password sync = no",
    "rpc start on demand helpers = no",
    "",
    `[${share}]`,
    `path = ${d.share}`,
    "read only = no",
    "",
  ].join("\n");
}

/**
 * Writes nss_wrapper's passwd and group files: copies of the system ones plus one user and one
 * private group per account, and the two admin groups holding the admins (samba-provider.md).
 */
export function writeNssFiles(dir: string, users: readonly SambaUser[]): { passwd: string; group: string } {
  const passwd = join(dir, "passwd");
  const group = join(dir, "group");
  const userLines = users.map(
    (u, i) => `${u.name}:x:${FIRST_ID + i}:${FIRST_ID + i}::/nonexistent:/bin/false`,
  );
  const groupLines = users.map((u, i) => `${u.name}:x:${FIRST_ID + i}:`);
  const admins = users
    .filter((u) => u.admin)
    .map((u) => u.name)
    .join(",");
  groupLines.push(`${ADMIN_GROUPS.builtin}:x:${FIRST_ID + 100}:${admins}`);
  groupLines.push(`${ADMIN_GROUPS.domain}:x:${FIRST_ID + 101}:${admins}`);
  const withNewline = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);
  writeFileSync(passwd, `${withNewline(readFileSync("/etc/passwd", "utf8"))}${userLines.join("\n")}\n`);
  writeFileSync(group, `${withNewline(readFileSync("/etc/group", "utf8"))}${groupLines.join("\n")}\n`);
  return { passwd, group };
}
