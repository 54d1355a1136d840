/**
 * What a transition changed, as plain records. Transitions report every change they make through
 * `TransitionContext.record`; the store hands the records of a committed transition to its observer
 * (the event log builds its events from them). A transition that fails reports nothing.
 */
import type { NameKey, OpenFileState, SessionState } from "./state.js";

/** Why a session ended. */
export type SessionEndReason =
  /** The client logged off (or its connection dropped). */
  | "client"
  /** `Sessions.Remove` / NetSessionDel (spec §12.3). */
  | "removed"
  /** The server's auto-disconnect (spec §12.7). */
  | "autoDisconnect"
  /** The file service was stopped. */
  | "serviceStopped"
  /** The file service crashed. */
  | "serviceCrashed";

/** Why an open file closed. */
export type FileCloseReason =
  /** The client closed it. */
  | "client"
  /** `Resources.Remove` / NetFileClose (spec §12.4). */
  | "removed"
  /** Its session ended. */
  | "sessionEnded"
  /** Its share was deleted (a tree disconnect closes its opens). */
  | "shareDeleted";

/** Where a change happened: a file service of a computer. */
interface At {
  readonly computer: NameKey;
  readonly service: NameKey;
}

/** One change a transition made. `session` and `file` records are plain, frozen data. */
export type EngineChange =
  | (At & { readonly kind: "session.opened"; readonly session: SessionState })
  | (At & { readonly kind: "session.activity"; readonly session: SessionState })
  | (At & {
      readonly kind: "session.closed";
      readonly session: SessionState;
      readonly reason: SessionEndReason;
    })
  | (At & {
      readonly kind: "session.shareConnected" | "session.shareDisconnected";
      readonly session: SessionState;
      readonly share: string;
    })
  | (At & { readonly kind: "file.opened"; readonly file: OpenFileState; readonly session: SessionState })
  | (At & {
      readonly kind: "file.closed";
      readonly file: OpenFileState;
      readonly session: SessionState | undefined;
      readonly reason: FileCloseReason;
    })
  | (At & { readonly kind: "file.locks"; readonly file: OpenFileState; readonly previous: number })
  | (At & {
      readonly kind: "service.status";
      readonly from: number;
      readonly to: number;
      readonly reason: "control" | "crash";
    })
  | (At & { readonly kind: "service.configured" })
  | (At & { readonly kind: "share.created" | "share.changed" | "share.deleted"; readonly share: string })
  | { readonly kind: "computer.configured"; readonly computer: NameKey };

/** The kinds of {@link EngineChange}. */
export type EngineChangeKind = EngineChange["kind"];
