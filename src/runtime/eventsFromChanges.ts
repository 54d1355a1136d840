/**
 * Turns the engine's change records into the event log's events: resolves keys into the names the
 * directory spells, and sessions and files into the Names ADSI shows (profile `sessionName`,
 * `resourceName`).
 */
import type { EngineChange } from "../engine/changes.js";
import type { DirectoryState, NameKey, OpenFileState, SessionState } from "../engine/state.js";
import type { FidelityProfile } from "../profile/FidelityProfile.js";
import type { FileSubject, ServerSubject, SessionSubject, UnstampedEvent } from "./events.js";

/** Whole seconds between two instants, never negative. */
const seconds = (from: number, to: number): number => Math.max(0, Math.floor((to - from) / 1000));

/** Names a change's computer and service, as the directory spells them (keys as a fallback). */
function serverSubject(state: DirectoryState, computer: NameKey, service: NameKey): ServerSubject {
  const host = state.computers.get(computer);
  return { server: host?.name ?? computer, service: host?.services.get(service)?.name ?? service };
}

function sessionSubject(
  server: ServerSubject,
  session: SessionState,
  profile: FidelityProfile,
): SessionSubject {
  return {
    ...server,
    sessionId: session.id,
    session: profile.sessionName(session.user, session.computer),
    user: session.user,
    client: session.computer,
  };
}

function fileSubject(
  server: ServerSubject,
  file: OpenFileState,
  session: SessionState | undefined,
  profile: FidelityProfile,
): FileSubject {
  const owner: SessionSubject = session
    ? sessionSubject(server, session, profile)
    : { ...server, sessionId: file.sessionId, session: "", user: "", client: "" };
  return { ...owner, fileId: file.id, resource: profile.resourceName(file.id), path: file.path };
}

/**
 * The event of one change. `state` is the state after the transition (names of a service or share that
 * the change deleted fall back to what the change carries); `now` the virtual time.
 */
export function eventOfChange(
  change: EngineChange,
  state: DirectoryState,
  profile: FidelityProfile,
  now: number,
): UnstampedEvent {
  if (change.kind === "computer.configured") {
    return { type: change.kind, server: state.computers.get(change.computer)?.name ?? change.computer };
  }
  const server = serverSubject(state, change.computer, change.service);
  switch (change.kind) {
    case "session.opened":
      return {
        type: change.kind,
        ...sessionSubject(server, change.session, profile),
        shares: change.session.shares.map((key) => shareName(state, change.computer, change.service, key)),
      };
    case "session.activity":
      return { type: change.kind, ...sessionSubject(server, change.session, profile) };
    case "session.closed":
      return {
        type: change.kind,
        ...sessionSubject(server, change.session, profile),
        reason: change.reason,
        idleSeconds: seconds(change.session.lastActivityAt, now),
        connectSeconds: seconds(change.session.connectedAt, now),
      };
    case "session.shareConnected":
    case "session.shareDisconnected":
      return { type: change.kind, ...sessionSubject(server, change.session, profile), share: change.share };
    case "file.opened":
      return {
        type: change.kind,
        ...fileSubject(server, change.file, change.session, profile),
        permissions: change.file.permissions,
        locks: change.file.locks,
      };
    case "file.closed":
      return {
        type: change.kind,
        ...fileSubject(server, change.file, change.session, profile),
        reason: change.reason,
      };
    case "file.locks": {
      const session = sessionOf(state, change.computer, change.service, change.file.sessionId);
      return {
        type: change.kind,
        ...fileSubject(server, change.file, session, profile),
        locks: change.file.locks,
        previous: change.previous,
      };
    }
    case "service.status":
      return { type: change.kind, ...server, from: change.from, to: change.to, reason: change.reason };
    case "service.configured":
      return { type: change.kind, ...server };
    case "share.created":
    case "share.changed":
    case "share.deleted":
      return { type: change.kind, ...server, share: change.share };
  }
}

function shareName(state: DirectoryState, computer: NameKey, service: NameKey, key: NameKey): string {
  return state.computers.get(computer)?.services.get(service)?.fileService?.shares.get(key)?.name ?? key;
}

function sessionOf(
  state: DirectoryState,
  computer: NameKey,
  service: NameKey,
  id: number,
): SessionState | undefined {
  const fileService = state.computers.get(computer)?.services.get(service)?.fileService;
  if (!fileService) return undefined;
  return fileService.sessions.get(id);
}
