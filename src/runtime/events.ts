/**
 * The event log's records (`emu.events`, `emu.on`): every change of the emulated world with its virtual
 * time. Plain frozen data, identical for the same seed, fixture and calls in every process.
 */
import type { FileCloseReason, SessionEndReason } from "../engine/changes.js";
import type { HResultSymbol } from "../errors/hresults.js";

/** Fields of every event. */
export interface EventBase {
  /** Position in the emulator's history, from 1; never reused (reset() starts again at 1). */
  readonly seq: number;
  /** Virtual time, epoch ms. */
  readonly at: number;
  /** Virtual time as ISO-8601 UTC. */
  readonly time: string;
}

/** Where a file-service event happened. */
export interface ServerSubject {
  /** Computer name, as the directory spells it. */
  readonly server: string;
  /** Service name, e.g. `LanmanServer`. */
  readonly service: string;
}

/** The session an event is about. */
export interface SessionSubject extends ServerSubject {
  readonly sessionId: number;
  /** The session's Name, as `Sessions()` shows it (profile `sessionName`). */
  readonly session: string;
  readonly user: string;
  readonly client: string;
}

/** The open file an event is about. */
export interface FileSubject extends SessionSubject {
  readonly fileId: number;
  /** The resource's Name, as `Resources()` shows it. */
  readonly resource: string;
  readonly path: string;
}

/** A client connected. */
export interface SessionOpenedEvent extends EventBase, SessionSubject {
  readonly type: "session.opened";
  /** Shares tree-connected at once. */
  readonly shares: readonly string[];
}

/** Client activity reset the session's IdleTime. */
export interface SessionActivityEvent extends EventBase, SessionSubject {
  readonly type: "session.activity";
}

/** A session ended. */
export interface SessionClosedEvent extends EventBase, SessionSubject {
  readonly type: "session.closed";
  readonly reason: SessionEndReason;
  /** Seconds since the session's last activity when it ended. */
  readonly idleSeconds: number;
  /** Seconds since it connected. */
  readonly connectSeconds: number;
}

/** A session tree-connected to, or disconnected from, a share. */
export interface SessionShareEvent extends EventBase, SessionSubject {
  readonly type: "session.shareConnected" | "session.shareDisconnected";
  readonly share: string;
}

/** A file was opened. */
export interface FileOpenedEvent extends EventBase, FileSubject {
  readonly type: "file.opened";
  readonly permissions: number;
  readonly locks: number;
}

/** A file was closed. */
export interface FileClosedEvent extends EventBase, FileSubject {
  readonly type: "file.closed";
  readonly reason: FileCloseReason;
}

/** A file's lock count changed. */
export interface FileLocksEvent extends EventBase, FileSubject {
  readonly type: "file.locks";
  readonly locks: number;
  readonly previous: number;
}

/** A service changed status (ADS_SERVICE_STATUS_ENUM values). */
export interface ServiceStatusEvent extends EventBase, ServerSubject {
  readonly type: "service.status";
  readonly from: number;
  readonly to: number;
  /** `control`: Start/Stop/Pause/Continue (through ADSI or the injector); `crash`: the injector's crash. */
  readonly reason: "control" | "crash";
}

/** A service's configuration changed (SetInfo, SetPassword, auto-disconnect). */
export interface ServiceConfiguredEvent extends EventBase, ServerSubject {
  readonly type: "service.configured";
}

/** A share was created, changed or deleted. */
export interface ShareEvent extends EventBase, ServerSubject {
  readonly type: "share.created" | "share.changed" | "share.deleted";
  readonly share: string;
}

/** A computer's properties were written (SetInfo). */
export interface ComputerConfiguredEvent extends EventBase {
  readonly type: "computer.configured";
  readonly server: string;
}

/** A fault rule fired. */
export interface FaultFiredEvent extends EventBase {
  readonly type: "fault.fired";
  readonly ruleId: number;
  readonly label: string | undefined;
  readonly operation: string;
  readonly path: string;
  /** The error it raised (immediately, or after `afterItems` items of an enumeration). */
  readonly error: HResultSymbol | undefined;
  readonly afterItems: number | undefined;
  /** The latency it added, ms. */
  readonly latency: number;
}

/** A scenario step ran. */
export interface ScenarioStepEvent extends EventBase {
  readonly type: "scenario.step";
  readonly action: string;
  readonly scenario: string | undefined;
  readonly note: string | undefined;
  /** `ok`; `expectedError` (it failed as its `expectError` said); `failed` (anything else). */
  readonly outcome: "ok" | "expectedError" | "failed";
  /** The error code when it failed. */
  readonly error: HResultSymbol | undefined;
  readonly message: string | undefined;
}

/** `clock.setSystemTime` moved the clock without running what fell due. */
export interface ClockJumpedEvent extends EventBase {
  readonly type: "clock.jumped";
  readonly from: number;
}

/** `emu.restore` brought back a snapshot. */
export interface EmulatorRestoredEvent extends EventBase {
  readonly type: "emulator.restored";
}

/** Any event of the log. */
export type EmulatorEvent =
  | SessionOpenedEvent
  | SessionActivityEvent
  | SessionClosedEvent
  | SessionShareEvent
  | FileOpenedEvent
  | FileClosedEvent
  | FileLocksEvent
  | ServiceStatusEvent
  | ServiceConfiguredEvent
  | ShareEvent
  | ComputerConfiguredEvent
  | FaultFiredEvent
  | ScenarioStepEvent
  | ClockJumpedEvent
  | EmulatorRestoredEvent;

/** The event type names. */
export type EmulatorEventType = EmulatorEvent["type"];

/** The event of type `T`. */
export type EventOfType<T extends EmulatorEventType> = Extract<EmulatorEvent, { type: T }>;

/** Every event type name, for validation and documentation. */
export const EVENT_TYPES: readonly EmulatorEventType[] = Object.freeze([
  "session.opened",
  "session.activity",
  "session.closed",
  "session.shareConnected",
  "session.shareDisconnected",
  "file.opened",
  "file.closed",
  "file.locks",
  "service.status",
  "service.configured",
  "share.created",
  "share.changed",
  "share.deleted",
  "computer.configured",
  "fault.fired",
  "scenario.step",
  "clock.jumped",
  "emulator.restored",
] as const);

/** An event before the log numbers and stamps it. */
export type UnstampedEvent = EmulatorEvent extends infer E
  ? E extends EmulatorEvent
    ? Omit<E, keyof EventBase>
    : never
  : never;
