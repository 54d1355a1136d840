import type { Variant } from "../../adsi/interfaces/Variant.js";
import { windowsProfile } from "../../profile/windows.js";
import type { RemoteFileInfo, RemoteSessionInfo } from "./srvsvcCalls.js";

/** Largest LONG (VT_I4): ConnectTime, IdleTime and LockCount are LONGs (spec §6-7). */
const MAX_LONG = 0x7fffffff;

/**
 * A u32 count of seconds from SESSION_INFO as the LONG IADsSession returns (spec §6: seconds, passed
 * through). 0xFFFFFFFF is Samba's rounding underflow during a session's first second (ms-srvs-wire
 * §4.7) and reads 0; other values above the LONG range are clamped to it.
 */
export function secondsAsLong(seconds: number): number {
  if (seconds === 0xffffffff) return 0;
  return Math.min(MAX_LONG, Math.max(0, seconds));
}

/** A u32 count as a LONG, clamped. */
export function countAsLong(count: number): number {
  return Math.min(MAX_LONG, Math.max(0, count));
}

/** The Name of a session: `user\client`, the emulator's (profile `sessionName`, spec §5.2 [U]). */
export function sessionNameOf(info: RemoteSessionInfo): string {
  return windowsProfile.sessionName(info.user, info.client);
}

/** The IADsSession properties of one SESSION_INFO entry (spec §12.6). */
export function sessionValues(info: RemoteSessionInfo): ReadonlyMap<string, Variant> {
  return new Map<string, Variant>([
    ["User", info.user],
    ["Computer", info.client],
    ["ConnectTime", secondsAsLong(info.time)],
    ["IdleTime", secondsAsLong(info.idleTime)],
  ]);
}

/** The Name of an open file: its id in decimal (profile `resourceName`, spec §5.3 [U]). */
export function resourceNameOf(info: RemoteFileInfo): string {
  return windowsProfile.resourceName(info.id);
}

/** The IADsResource properties of one FILE_INFO_3 entry (spec §12.6). */
export function resourceValues(info: RemoteFileInfo): ReadonlyMap<string, Variant> {
  return new Map<string, Variant>([
    ["User", info.user],
    ["Path", info.path],
    ["LockCount", countAsLong(info.numLocks)],
  ]);
}

/**
 * The (user, client) pair a session Name `user\client` stands for; undefined without a backslash.
 * It splits at the LAST backslash: a client name never holds one (spec §12.1), while a user name may
 * (`DOMAIN\user` on a Samba domain member), so every enumerated Name parses back to its own pair. The
 * emulator's profile, whose users never hold one, refuses such names instead.
 */
export function parseSessionName(name: string): { user: string; client: string } | undefined {
  if (typeof name !== "string") return undefined;
  const at = name.lastIndexOf("\\");
  return at < 0 ? undefined : { user: name.slice(0, at), client: name.slice(at + 1) };
}

/** True when `info` is a session of the pair `name` stands for (case-insensitive, as NetSessionDel matches). */
export function sessionMatches(info: RemoteSessionInfo, pair: { user: string; client: string }): boolean {
  return (
    info.user.toUpperCase() === pair.user.toUpperCase() &&
    info.client.toUpperCase() === pair.client.toUpperCase()
  );
}

/** A decimal file id as NetrFileClose takes it: 1-10 digits, at most 0xFFFFFFFF; else undefined. */
export function parseFileId(name: string): number | undefined {
  if (typeof name !== "string" || !/^\d{1,10}$/.test(name)) return undefined;
  const id = Number(name);
  return id <= 0xffffffff ? id : undefined;
}
