/**
 * Handles the event injector returns and takes: plain frozen records naming a session or an open file
 * by server and id, never a reference into the state, so they stay valid across snapshots and exports.
 */
import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";

/** A session the injector opened or found. */
export interface SessionHandle {
  readonly kind: "session";
  /** Computer name. */
  readonly server: string;
  /** File service name. */
  readonly service: string;
  /** Session id on that file service. */
  readonly id: number;
  /** The session's Name as `Sessions()` shows it. */
  readonly name: string;
  readonly user: string;
  readonly client: string;
}

/** An open file the injector opened or found. */
export interface FileHandle {
  readonly kind: "file";
  readonly server: string;
  readonly service: string;
  /** File id (`fi3_id`). */
  readonly id: number;
  /** The resource's Name as `Resources()` shows it. */
  readonly name: string;
  /** Server-local path. */
  readonly path: string;
  /** Id of the session holding it. */
  readonly sessionId: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Checks that `value` is a handle of `kind` (E_INVALIDARG otherwise) and returns its address. */
export function handleAddress(
  value: unknown,
  kind: "session" | "file",
): { readonly server: string; readonly service: string; readonly id: number } {
  const ok =
    isRecord(value) &&
    value.kind === kind &&
    typeof value.server === "string" &&
    typeof value.service === "string" &&
    typeof value.id === "number" &&
    Number.isInteger(value.id);
  if (!ok) {
    throw new AdsError(
      "E_INVALIDARG",
      `expected a ${kind} handle from the injector, got ${describeValue(value)}`,
    );
  }
  return { server: value.server as string, service: value.service as string, id: value.id as number };
}
