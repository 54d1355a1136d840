import { AdsError } from "../../errors/AdsError.js";

/** The NetrSessionEnum levels the provider can build a Session from: each carries user, client and times. */
export const SESSION_LEVELS = [1, 2, 10, 502] as const;

/** A NetrSessionEnum level the provider accepts (ms-srvs-wire §4.2). */
export type SessionLevel = (typeof SESSION_LEVELS)[number];

/** Where and as whom `connectMsSrvs` signs in (docs/msrvs-provider.md). */
export interface MsSrvsConnectOptions {
  /** Host name or IP address of the file server, as later spelled in `WinNT://<host>/LanmanServer`. */
  readonly host: string;
  /** TCP port of its SMB2 service; 445 by default. */
  readonly port?: number;
  /** Account name, without a domain prefix (an administrator, to see sessions and files). */
  readonly user: string;
  /** The account's password. */
  readonly password: string;
  /** The account's domain; empty (the server's own accounts) by default. */
  readonly domain?: string;
  /** Per-request timeout in ms (TCP connect, each SMB2 request); 10 000 by default. */
  readonly timeoutMs?: number;
  /**
   * NetrSessionEnum level used by `Sessions()`: 1 by default (the level Samba serves); 2, 10 and 502 are
   * what a Windows server also serves (ms-srvs-wire §4.7). Level 0 carries no user name: refused.
   */
  readonly sessionLevel?: SessionLevel;
}

/** Options after validation, with defaults applied. */
export interface ResolvedMsSrvsOptions {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly domain: string;
  readonly timeoutMs: number;
  readonly sessionLevel: SessionLevel;
}

const DEFAULT_TIMEOUT_MS = 10_000;

function invalid(detail: string): never {
  throw new AdsError("E_INVALIDARG", `connectMsSrvs: ${detail}`);
}

function text(options: Record<string, unknown>, field: string, required: boolean): string {
  const value = options[field];
  if (value === undefined && !required) return "";
  if (typeof value !== "string") invalid(`${field} must be a string`);
  if (/[\0]/.test(value)) invalid(`${field} must not contain NUL`);
  return value;
}

/**
 * Checks the options before anything is sent; a bad one is E_INVALIDARG naming the field. Host names
 * may not contain `\`, `/` or whitespace (they become `\\host` in the RPCs and part of an ADsPath).
 */
export function resolveMsSrvsOptions(options: MsSrvsConnectOptions): ResolvedMsSrvsOptions {
  if (typeof options !== "object" || options === null) invalid("options must be an object");
  const raw = options as unknown as Record<string, unknown>;
  const host = text(raw, "host", true);
  if (host.length === 0 || host.length > 255 || /[\\/\s,"<>]/.test(host)) {
    invalid(`host ${JSON.stringify(host)} is not a host name or address`);
  }
  const user = text(raw, "user", true);
  if (user.length === 0) invalid("user must not be empty");
  const password = text(raw, "password", true);
  const domain = text(raw, "domain", false);
  const port = raw.port ?? 445;
  if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535) {
    invalid(`port ${String(port)} is not a TCP port`);
  }
  const timeoutMs = raw.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (
    typeof timeoutMs !== "number" ||
    !Number.isFinite(timeoutMs) ||
    timeoutMs <= 0 ||
    timeoutMs > 2 ** 31 - 1
  ) {
    invalid(`timeoutMs ${String(timeoutMs)} is not a delay in ms`);
  }
  const sessionLevel = raw.sessionLevel ?? 1;
  if (!SESSION_LEVELS.includes(sessionLevel as SessionLevel)) {
    invalid(`sessionLevel ${String(sessionLevel)} is not one of ${SESSION_LEVELS.join(", ")}`);
  }
  return { host, port, user, password, domain, timeoutMs, sessionLevel: sessionLevel as SessionLevel };
}
