/** One line per event of the log (src/runtime/events.ts), as `demo` and `run` print them. */
import type { EmulatorEvent } from "../runtime/events.js";
import { serviceStatusName } from "./serviceStatus.js";

/** The event without its time. */
function what(event: EmulatorEvent): string {
  switch (event.type) {
    case "session.opened":
      return `${event.server}: ${event.session} connects (${event.shares.join(", ") || "no share"})`;
    case "session.activity":
      return `${event.server}: ${event.session} is active`;
    case "session.closed":
      return `${event.server}: ${event.session} ends: ${event.reason}, idle ${event.idleSeconds} s`;
    case "session.shareConnected":
      return `${event.server}: ${event.session} connects to share ${event.share}`;
    case "session.shareDisconnected":
      return `${event.server}: ${event.session} leaves share ${event.share}`;
    case "file.opened":
      return `${event.server}: ${event.session} opens ${event.path}`;
    case "file.closed":
      return `${event.server}: ${event.path} closes (${event.reason})`;
    case "file.locks":
      return `${event.server}: ${event.path} locks ${event.previous} -> ${event.locks}`;
    case "service.status":
      return `${event.server}: ${event.service} ${serviceStatusName(event.from)} -> ${serviceStatusName(event.to)}${event.reason === "crash" ? " (crash)" : ""}`;
    case "service.configured":
      return `${event.server}: ${event.service} configured`;
    case "share.created":
    case "share.changed":
    case "share.deleted":
      return `${event.server}: share ${event.share} ${event.type.slice(6)}`;
    case "computer.configured":
      return `${event.server}: computer configured`;
    case "fault.fired":
      return `fault #${event.ruleId}${event.label ? ` (${event.label})` : ""} on ${event.operation} ${event.path}${event.error ? `: ${event.error}` : ""}${event.latency ? ` +${event.latency} ms` : ""}`;
    case "scenario.step":
      return `step ${event.action}: ${event.outcome}${event.error ? ` ${event.error}` : ""}${event.note ? ` (${event.note})` : ""}`;
    case "clock.jumped":
      return "the clock jumped";
    case "emulator.restored":
      return "a snapshot was restored";
  }
}

/** `HH:MM:SS  what happened`. */
export function eventLine(event: EmulatorEvent): string {
  return `${event.time.slice(11, 19)}  ${what(event)}`;
}
