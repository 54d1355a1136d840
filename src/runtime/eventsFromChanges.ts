/**
 * Turns the engine's change records into the event log's events: resolves keys into the names the
 * directory spells, and sessions and files into the Names ADSI shows (profile `sessionName`,
 * `resourceName`).
 */
import type { EngineChange } from "../engine/changes.js";
import type { DirectoryState, NameKey, SessionState } from "../engine/state.js";
import type { FidelityProfile } from "../profile/FidelityProfile.js";
import type { EmulatorEvent, EventBase, ServerSubject } from "./events.js";

/** Whole seconds between two instants, never negative. */
const seconds = (from: number, to: number): number => Math.max(0, Math.floor((to - from) / 1000));

/** Names a change's computer and service, as the directory spells them (keys as a fallback). */
function serverSubject(state: DirectoryState, computer: NameKey, service: NameKey): ServerSubject {
  const host = state.computers.get(computer);
  return { server: host?.name ?? computer, service: host?.services.get(service)?.name ?? service };
}

/**
 * The event of one change, stamped with `stamp` (its sequence number and virtual time). `state` is the
 * state after the transition (names of a service or share that the change deleted fall back to what the
 * change carries). Events are written
 * as whole literals (no spreading): one is built for every change, on the hot path.
 */
export function eventOfChange(
  change: EngineChange,
  state: DirectoryState,
  profile: FidelityProfile,
  stamp: EventBase,
): EmulatorEvent {
  const { seq, at, time } = stamp;
  const now = at;
  if (change.kind === "computer.configured") {
    const server = state.computers.get(change.computer)?.name ?? change.computer;
    return { seq, at, time, type: change.kind, server };
  }
  const { server, service } = serverSubject(state, change.computer, change.service);
  switch (change.kind) {
    case "session.opened": {
      const session = change.session;
      return {
        seq,
        at,
        time,
        type: change.kind,
        server,
        service,
        sessionId: session.id,
        session: profile.sessionName(session.user, session.computer),
        user: session.user,
        client: session.computer,
        shares: shareNames(state, change.computer, change.service, session.shares),
      };
    }
    case "session.activity": {
      const session = change.session;
      return {
        seq,
        at,
        time,
        type: change.kind,
        server,
        service,
        sessionId: session.id,
        session: profile.sessionName(session.user, session.computer),
        user: session.user,
        client: session.computer,
      };
    }
    case "session.closed": {
      const session = change.session;
      return {
        seq,
        at,
        time,
        type: change.kind,
        server,
        service,
        sessionId: session.id,
        session: profile.sessionName(session.user, session.computer),
        user: session.user,
        client: session.computer,
        reason: change.reason,
        idleSeconds: seconds(session.lastActivityAt, now),
        connectSeconds: seconds(session.connectedAt, now),
      };
    }
    case "session.shareConnected":
    case "session.shareDisconnected": {
      const session = change.session;
      return {
        seq,
        at,
        time,
        type: change.kind,
        server,
        service,
        sessionId: session.id,
        session: profile.sessionName(session.user, session.computer),
        user: session.user,
        client: session.computer,
        share: change.share,
      };
    }
    case "file.opened": {
      const { file, session } = change;
      return {
        seq,
        at,
        time,
        type: change.kind,
        server,
        service,
        sessionId: session.id,
        session: profile.sessionName(session.user, session.computer),
        user: session.user,
        client: session.computer,
        fileId: file.id,
        resource: profile.resourceName(file.id),
        path: file.path,
        permissions: file.permissions,
        locks: file.locks,
      };
    }
    case "file.closed": {
      const { file, session } = change;
      return {
        seq,
        at,
        time,
        type: change.kind,
        server,
        service,
        sessionId: session ? session.id : file.sessionId,
        session: session ? profile.sessionName(session.user, session.computer) : "",
        user: session ? session.user : "",
        client: session ? session.computer : "",
        fileId: file.id,
        resource: profile.resourceName(file.id),
        path: file.path,
        reason: change.reason,
      };
    }
    case "file.locks": {
      const file = change.file;
      const session = sessionOf(state, change.computer, change.service, file.sessionId);
      return {
        seq,
        at,
        time,
        type: change.kind,
        server,
        service,
        sessionId: session ? session.id : file.sessionId,
        session: session ? profile.sessionName(session.user, session.computer) : "",
        user: session ? session.user : "",
        client: session ? session.computer : "",
        fileId: file.id,
        resource: profile.resourceName(file.id),
        path: file.path,
        locks: file.locks,
        previous: change.previous,
      };
    }
    case "service.status":
      return {
        seq,
        at,
        time,
        type: change.kind,
        server,
        service,
        from: change.from,
        to: change.to,
        reason: change.reason,
      };
    case "service.configured":
      return { seq, at, time, type: change.kind, server, service };
    case "share.created":
    case "share.changed":
    case "share.deleted":
      return { seq, at, time, type: change.kind, server, service, share: change.share };
  }
}

/** The names of shares `keys`, as the directory spells them (a loop: this runs for every opened session). */
function shareNames(
  state: DirectoryState,
  computer: NameKey,
  service: NameKey,
  keys: readonly NameKey[],
): string[] {
  const names: string[] = [];
  for (const key of keys) names.push(shareName(state, computer, service, key));
  return names;
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
