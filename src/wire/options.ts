/**
 * Options of {@link serve}: where to listen (loopback unless `allowRemote`), which computer of the
 * fixture to serve, and the robustness bounds. Bad options are `E_INVALIDARG` before anything listens.
 */
import { isIP } from "node:net";
import type { Emulator } from "../emulator.js";
import { nameKey } from "../engine/state.js";
import { AdsError } from "../errors/AdsError.js";
import { describeValue } from "../errors/describeValue.js";
import { SERVED_SERVICE } from "./EmulatorView.js";

/** Options of `serve(emu, options)`; all optional. */
export interface WireServeOptions {
  /** Address to listen on; default `127.0.0.1`. A non-loopback address needs `allowRemote: true`. */
  readonly host?: string;
  /** TCP port; default 0 (the system picks a free one: read it from the handle). */
  readonly port?: number;
  /** Allow a non-loopback `host` (the server accepts the fixture's passwords from anyone who can reach it). */
  readonly allowRemote?: boolean;
  /** The computer served (it needs a LanmanServer file service); default the fixture's local computer, else the first one with one. */
  readonly server?: string;
  /** Simultaneous connections; more are refused at once. Default 64. */
  readonly maxConnections?: number;
  /** Host milliseconds a connection may stay silent before it has signed in; default 30,000. */
  readonly handshakeTimeoutMs?: number;
  /** `required`: the server requires SMB2 signing of every session (MS-SMB2 §3.3.5.3.1). Default `auto`. */
  readonly signing?: "auto" | "required";
}

/** {@link WireServeOptions} with every default applied. */
export interface ResolvedWireOptions {
  readonly host: string;
  readonly port: number;
  readonly server: string;
  readonly maxConnections: number;
  readonly handshakeTimeoutMs: number;
  readonly requireSigning: boolean;
}

const bad = (message: string): never => {
  throw new AdsError("E_INVALIDARG", message);
};

/** True for 127.0.0.0/8, ::1, an IPv4-mapped loopback and `localhost`. */
export function isLoopback(host: string): boolean {
  if (host.toLowerCase() === "localhost" || host === "::1") return true;
  const v4 = host.startsWith("::ffff:") ? host.slice(7) : host;
  return isIP(v4) === 4 && v4.startsWith("127.");
}

function integer(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    return bad(`${name} must be an integer from ${min} to ${max}, got ${describeValue(value)}`);
  }
  return value;
}

/** The computer served by default: the fixture's local computer, else the first with a LanmanServer. */
function defaultServer(emu: Emulator): string {
  const state = emu.state;
  const serves = (key: string | undefined) =>
    key !== undefined &&
    state.computers.get(key as never)?.services.get(nameKey(SERVED_SERVICE))?.fileService !== undefined;
  if (serves(state.localComputer)) return state.computers.get(state.localComputer as never)?.name as string;
  for (const [key, computer] of state.computers) if (serves(key)) return computer.name;
  return bad(`the fixture has no computer with a ${SERVED_SERVICE} file service to serve`);
}

/** Checks `options` and applies the defaults. */
export function resolveWireOptions(emu: Emulator, options: WireServeOptions = {}): ResolvedWireOptions {
  if (typeof options !== "object" || options === null) bad("serve options must be an object");
  const host = options.host ?? "127.0.0.1";
  if (typeof host !== "string" || (isIP(host) === 0 && host.toLowerCase() !== "localhost")) {
    bad(`host must be an IP address or localhost, got ${describeValue(host)}`);
  }
  if (!isLoopback(host) && options.allowRemote !== true) {
    bad(
      `refusing to listen on ${host}, which is not a loopback address: pass allowRemote: true to expose the fixture's accounts`,
    );
  }
  if (options.signing !== undefined && options.signing !== "auto" && options.signing !== "required") {
    bad(`signing must be "auto" or "required", got ${describeValue(options.signing)}`);
  }
  if (options.server !== undefined && typeof options.server !== "string") {
    bad(`server must be a computer name, got ${describeValue(options.server)}`);
  }
  return {
    host,
    port: integer(options.port, "port", 0, 65535, 0),
    server: options.server ?? defaultServer(emu),
    maxConnections: integer(options.maxConnections, "maxConnections", 1, 10_000, 64),
    handshakeTimeoutMs: integer(options.handshakeTimeoutMs, "handshakeTimeoutMs", 1, 3_600_000, 30_000),
    requireSigning: options.signing === "required",
  };
}
