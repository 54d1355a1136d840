/**
 * The data of the timeline picture: from an event log (src/runtime/events.ts) to one lane per session
 * (connect, activity, idle stretches, open files, the end and its reason) and marks per server
 * (service status changes, faults fired). Pure: the same events give the same timeline.
 */
import type { FileCloseReason, SessionEndReason } from "../engine/changes.js";
import type { EmulatorEvent } from "../runtime/events.js";

/** An open file on a lane: from its open (or the timeline's start) to its close (or the end). */
export interface TimelineFile {
  readonly fileId: number;
  readonly path: string;
  readonly from: number;
  /** When it closed; undefined while still open at the timeline's end. */
  readonly to: number | undefined;
  readonly closeReason: FileCloseReason | undefined;
}

/** One session's lane. */
export interface TimelineLane {
  readonly server: string;
  readonly service: string;
  readonly sessionId: number;
  /** The session's Name as `Sessions()` shows it. */
  readonly session: string;
  readonly user: string;
  readonly client: string;
  /** When it connected, or the timeline's start when it was there before the log began. */
  readonly start: number;
  /** False when the session was connected before the first event (no `session.opened` in the log). */
  readonly startSeen: boolean;
  /** When it ended; undefined while still connected at the timeline's end. */
  readonly end: number | undefined;
  readonly endReason: SessionEndReason | undefined;
  /** Instants of client activity (requests that reset IdleTime). */
  readonly activity: readonly number[];
  readonly files: readonly TimelineFile[];
}

/** Something that happened to a server, not to one session. */
export interface TimelineMark {
  readonly at: number;
  readonly server: string | undefined;
  readonly kind: "service" | "fault" | "clock";
  readonly label: string;
}

/** A timeline: its time range, the lanes in order of appearance, and the server marks. */
export interface Timeline {
  readonly from: number;
  readonly to: number;
  readonly lanes: readonly TimelineLane[];
  readonly marks: readonly TimelineMark[];
}

/** Options of {@link buildTimeline}. */
export interface TimelineOptions {
  /** Start of the picture (epoch ms); default: the first event's time. */
  readonly from?: number;
  /** End of the picture (epoch ms, e.g. `emu.clock.now()`); default: the last event's time. */
  readonly to?: number;
  /**
   * Sessions connected before the first event (e.g. `emu.inject.sessions("FS01")` taken at `from`): they
   * get lanes from the start even when they do nothing afterwards.
   */
  readonly sessionsAtStart?: readonly SessionAtStart[];
}

/** A session already connected when the timeline starts (the fields of an injector's session handle). */
export interface SessionAtStart {
  readonly server: string;
  readonly service: string;
  readonly id: number;
  readonly name: string;
  readonly user: string;
  readonly client: string;
}

interface MutableLane {
  server: string;
  service: string;
  sessionId: number;
  session: string;
  user: string;
  client: string;
  start: number;
  startSeen: boolean;
  end: number | undefined;
  endReason: SessionEndReason | undefined;
  activity: number[];
  files: Map<
    number,
    {
      fileId: number;
      path: string;
      from: number;
      to: number | undefined;
      closeReason: FileCloseReason | undefined;
    }
  >;
}

const STATUS_NAMES: Record<number, string> = {
  1: "stopped",
  2: "start pending",
  3: "stop pending",
  4: "running",
  5: "continue pending",
  6: "pause pending",
  7: "paused",
  8: "error",
};

/** Builds the timeline of `events` (e.g. `emu.events`); see {@link Timeline}. */
export function buildTimeline(events: Iterable<EmulatorEvent>, options: TimelineOptions = {}): Timeline {
  const list = [...events];
  const from = options.from ?? list[0]?.at ?? 0;
  const lastAt = list.length > 0 ? (list[list.length - 1] as EmulatorEvent).at : from;
  const to = Math.max(from, options.to ?? lastAt);
  const lanes: MutableLane[] = [];
  const live = new Map<string, MutableLane>();
  const marks: TimelineMark[] = [];

  const laneOf = (e: {
    server: string;
    service: string;
    sessionId: number;
    session: string;
    user: string;
    client: string;
  }) => {
    const key = `${e.server}\u0000${e.service}\u0000${e.sessionId}`;
    let lane = live.get(key);
    if (!lane) {
      lane = {
        ...pick(e),
        start: from,
        startSeen: false,
        end: undefined,
        endReason: undefined,
        activity: [],
        files: new Map(),
      };
      live.set(key, lane);
      lanes.push(lane);
    }
    return { key, lane };
  };

  for (const s of options.sessionsAtStart ?? []) {
    laneOf({
      server: s.server,
      service: s.service,
      sessionId: s.id,
      session: s.name,
      user: s.user,
      client: s.client,
    });
  }
  for (const event of list) {
    if (event.at < from || event.at > to) continue;
    switch (event.type) {
      case "session.opened": {
        const key = `${event.server}\u0000${event.service}\u0000${event.sessionId}`;
        live.delete(key); // a new session with a reused id (after a restore) gets a lane of its own
        const { lane } = laneOf(event);
        lane.start = event.at;
        lane.startSeen = true;
        break;
      }
      case "session.activity":
      case "session.shareConnected":
      case "file.locks":
        laneOf(event).lane.activity.push(event.at);
        break;
      case "file.opened": {
        const { lane } = laneOf(event);
        lane.activity.push(event.at);
        lane.files.set(event.fileId, {
          fileId: event.fileId,
          path: event.path,
          from: event.at,
          to: undefined,
          closeReason: undefined,
        });
        break;
      }
      case "file.closed": {
        const { lane } = laneOf(event);
        if (event.reason === "client") lane.activity.push(event.at);
        const file = lane.files.get(event.fileId) ?? {
          fileId: event.fileId,
          path: event.path,
          from,
          to: undefined,
          closeReason: undefined,
        };
        lane.files.set(event.fileId, { ...file, to: event.at, closeReason: event.reason });
        break;
      }
      case "session.closed": {
        const { key, lane } = laneOf(event);
        lane.end = event.at;
        lane.endReason = event.reason;
        live.delete(key);
        break;
      }
      case "service.status":
        marks.push({
          at: event.at,
          server: event.server,
          kind: "service",
          label: `${event.service} ${event.reason === "crash" ? "crashed" : (STATUS_NAMES[event.to] ?? String(event.to))}`,
        });
        break;
      case "fault.fired":
        marks.push({
          at: event.at,
          server: undefined,
          kind: "fault",
          label: `fault: ${event.operation}${event.error ? ` ${event.error}` : ""}`,
        });
        break;
      case "clock.jumped":
        marks.push({ at: event.at, server: undefined, kind: "clock", label: "clock jumped" });
        break;
      case "emulator.restored":
        marks.push({ at: event.at, server: undefined, kind: "clock", label: "snapshot restored" });
        break;
      default:
        break;
    }
  }
  return Object.freeze({
    from,
    to,
    lanes: lanes.map((lane) =>
      Object.freeze({
        ...lane,
        activity: Object.freeze(lane.activity),
        files: Object.freeze([...lane.files.values()]),
      }),
    ),
    marks: Object.freeze(marks),
  });
}

function pick(e: {
  server: string;
  service: string;
  sessionId: number;
  session: string;
  user: string;
  client: string;
}) {
  return {
    server: e.server,
    service: e.service,
    sessionId: e.sessionId,
    session: e.session,
    user: e.user,
    client: e.client,
  };
}
