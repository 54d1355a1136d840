/**
 * The event log (`emu.events`): a bounded ring of the latest events, queries over it, and subscriptions.
 * Appending is O(1) and never grows memory past the capacity; with capacity 0 and no subscriber an
 * event is not even built (see {@link EventLog.wanted}).
 */
import { AdsError } from "../errors/AdsError.js";
import { describeValue } from "../errors/describeValue.js";
import { formatInstant, parseInstant, type TimeInput } from "../time/timeInput.js";
import {
  type EmulatorEvent,
  type EmulatorEventType,
  EVENT_TYPES,
  type EventBase,
  type EventOfType,
  type UnstampedEvent,
} from "./events.js";

/** Default number of events kept. */
export const DEFAULT_EVENT_CAPACITY = 10_000;

/** A type selector: an event type, `prefix.*` (e.g. `session.*`), or `*` for all. */
export type EventTypePattern = EmulatorEventType | `${string}.*` | "*";

/** The events a pattern selects. */
export type EventsMatching<P extends EventTypePattern> = P extends EmulatorEventType
  ? EventOfType<P>
  : P extends `${infer Prefix}.*`
    ? Extract<EmulatorEvent, { type: `${Prefix}.${string}` }>
    : EmulatorEvent;

/** What only the emulator may do with its event log. */
export interface EventLogControl {
  /** Whether an event would be kept or delivered: callers skip building events nobody wants. */
  wanted(): boolean;
  /** Stamps an event with the next sequence number and time `at`, keeps it, calls the subscribers. */
  append(event: UnstampedEvent, at: number): EmulatorEvent;
  /** Takes the next sequence number, for an event built already stamped (then {@link deliver}ed). */
  stamp(at: number): EventBase;
  /** Freezes and keeps an event built with {@link stamp}'s fields, and calls the subscribers. */
  deliver(event: EmulatorEvent): EmulatorEvent;
  /** Forgets everything, sequence numbers included (emu.reset()). */
  resetHistory(): void;
}

/** What {@link EventLog.query} filters on; every given field must match. */
export interface EventQuery {
  /** One pattern or several (any may match). */
  readonly type?: EventTypePattern | readonly EventTypePattern[];
  /** Computer name, case-insensitive. */
  readonly server?: string;
  /** Session id or session Name (Names compare case-insensitively). */
  readonly session?: number | string;
  /** User name, case-insensitive. */
  readonly user?: string;
  /** Client name or address, case-insensitive. */
  readonly client?: string;
  /** Open file id. */
  readonly file?: number;
  /** Share name, case-insensitive. */
  readonly share?: string;
  /** At or after this virtual time. */
  readonly from?: TimeInput;
  /** Before this virtual time. */
  readonly to?: TimeInput;
}

/** Compiles a type pattern into a predicate; an unknown type or prefix is E_INVALIDARG. */
function typeMatcher(pattern: unknown): (type: string) => boolean {
  if (pattern === "*") return () => true;
  if (typeof pattern === "string" && pattern.endsWith(".*")) {
    const prefix = pattern.slice(0, -1);
    if (EVENT_TYPES.some((type) => type.startsWith(prefix))) return (type) => type.startsWith(prefix);
  }
  if (typeof pattern === "string" && (EVENT_TYPES as readonly string[]).includes(pattern)) {
    return (type) => type === pattern;
  }
  throw new AdsError(
    "E_INVALIDARG",
    `${describeValue(pattern)} is not an event type, "prefix.*" or "*" (types: ${EVENT_TYPES.join(", ")})`,
  );
}

const same = (a: unknown, b: string): boolean => typeof a === "string" && a.toUpperCase() === b.toUpperCase();

function optionalText(value: unknown, what: string): string | undefined {
  if (value === undefined || typeof value === "string") return value;
  throw new AdsError("E_INVALIDARG", `${what} must be a string, got ${describeValue(value)}`);
}

/** Compiles a query into a predicate over events, validating every field first. */
function queryMatcher(query: EventQuery): (event: EmulatorEvent) => boolean {
  if (typeof query !== "object" || query === null) {
    throw new AdsError("E_INVALIDARG", 'an event query is an object such as { type: "session.*" }');
  }
  const patterns = query.type === undefined ? [] : Array.isArray(query.type) ? query.type : [query.type];
  const types = patterns.map(typeMatcher);
  const server = optionalText(query.server, "server");
  const user = optionalText(query.user, "user");
  const client = optionalText(query.client, "client");
  const share = optionalText(query.share, "share");
  const session = query.session;
  if (session !== undefined && typeof session !== "number" && typeof session !== "string") {
    throw new AdsError("E_INVALIDARG", `session must be an id or a Name, got ${describeValue(session)}`);
  }
  if (query.file !== undefined && typeof query.file !== "number") {
    throw new AdsError("E_INVALIDARG", `file must be an id, got ${describeValue(query.file)}`);
  }
  const from = query.from === undefined ? undefined : parseInstant(query.from);
  const to = query.to === undefined ? undefined : parseInstant(query.to);
  return (event) => {
    const e = event as Partial<Record<string, unknown>> & EmulatorEvent;
    if (types.length > 0 && !types.some((matches) => matches(e.type))) return false;
    if (server !== undefined && !same(e.server, server)) return false;
    if (user !== undefined && !same(e.user, user)) return false;
    if (client !== undefined && !same(e.client, client)) return false;
    if (share !== undefined && !same(e.share, share)) return false;
    if (typeof session === "number" && e.sessionId !== session) return false;
    if (typeof session === "string" && !same(e.session, session)) return false;
    if (query.file !== undefined && e.fileId !== query.file) return false;
    if (from !== undefined && e.at < from) return false;
    if (to !== undefined && e.at >= to) return false;
    return true;
  };
}

interface Subscription {
  readonly matches: (type: string) => boolean;
  readonly listener: (event: EmulatorEvent) => void;
}

/** The emulator's event log; see the module comment. */
export class EventLog implements Iterable<EmulatorEvent> {
  readonly #ring: (EmulatorEvent | undefined)[];
  readonly #capacity: number;
  #start = 0;
  #count = 0;
  #seq = 0;
  #dropped = 0;
  #subscriptions: readonly Subscription[] = [];
  /** The last time stamped and its text: the events of one call share their instant. */
  #stampAt = Number.NaN;
  #stampText = "";

  /**
   * A log keeping the latest `capacity` events (0 keeps none; subscribers are still called). Appending
   * and clearing the history are the emulator's, handed to `grant`; use `emu.events`.
   * @internal
   */
  constructor(capacity: number, grant: (control: EventLogControl) => void) {
    if (!Number.isSafeInteger(capacity) || capacity < 0) {
      throw new AdsError(
        "E_INVALIDARG",
        `event log capacity must be a non-negative integer, got ${describeValue(capacity)}`,
      );
    }
    this.#capacity = capacity;
    this.#ring = new Array(Math.min(capacity, 1024));
    grant({
      wanted: () => this.#capacity > 0 || this.#subscriptions.length > 0,
      append: (event, at) => this.#append(event, at),
      stamp: (at) => this.#stamp(at),
      deliver: (event) => this.#deliver(event),
      resetHistory: () => this.#resetHistory(),
    });
  }

  /** How many events the log keeps at most. */
  get capacity(): number {
    return this.#capacity;
  }

  /** Events kept now. */
  get size(): number {
    return this.#count;
  }

  /** Events that fell out of the ring (or were never kept, with capacity 0). */
  get dropped(): number {
    return this.#dropped;
  }

  /** Sequence number of the latest event (0 before the first). */
  get lastSeq(): number {
    return this.#seq;
  }

  /** Takes the next sequence number; `time` is `at` as text (cached: the events of one call share it). */
  #stamp(at: number): EventBase {
    this.#seq += 1;
    if (at !== this.#stampAt) {
      this.#stampText = formatInstant(at);
      this.#stampAt = at;
    }
    return { seq: this.#seq, at, time: this.#stampText };
  }

  /** Stamps `event` with the next sequence number and time `at`, keeps it, and calls the subscribers. */
  #append(event: UnstampedEvent, at: number): EmulatorEvent {
    return this.#deliver({ ...this.#stamp(at), ...event } as EmulatorEvent);
  }

  /** Freezes, keeps and delivers an event already stamped. */
  #deliver(event: EmulatorEvent): EmulatorEvent {
    const stamped = Object.freeze(event);
    this.#keep(stamped);
    const subscriptions = this.#subscriptions;
    if (subscriptions.length === 0) return stamped;
    let failure: unknown;
    for (const subscription of subscriptions) {
      if (!subscription.matches(stamped.type)) continue;
      try {
        subscription.listener(stamped);
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
    return stamped;
  }

  /**
   * Calls `listener` with every later event matching `type` (an event type, `prefix.*` or `*`). Returns
   * the unsubscribe function. A listener's exception reaches the caller of the operation that caused
   * the event, after every listener ran; the change itself stays made.
   */
  on<P extends EventTypePattern>(type: P, listener: (event: EventsMatching<P>) => void): () => void {
    const matches = typeMatcher(type);
    if (typeof listener !== "function") throw new AdsError("E_INVALIDARG", "a listener is a function");
    const subscription: Subscription = { matches, listener: listener as (event: EmulatorEvent) => void };
    this.#subscriptions = [...this.#subscriptions, subscription];
    return () => {
      this.#subscriptions = this.#subscriptions.filter((s) => s !== subscription);
    };
  }

  /** The kept events matching `query`, oldest first (typed by `query.type` when it is one pattern). */
  query<P extends EventTypePattern>(query: EventQuery & { readonly type: P }): EventsMatching<P>[];
  query(query?: EventQuery): EmulatorEvent[];
  query(query: EventQuery = {}): EmulatorEvent[] {
    const matches = queryMatcher(query);
    return [...this].filter(matches);
  }

  /** The kept events, oldest first. */
  *[Symbol.iterator](): Iterator<EmulatorEvent> {
    for (let i = 0; i < this.#count; i++) {
      const event = this.#ring[(this.#start + i) % this.#capacity];
      if (event) yield event;
    }
  }

  /** The kept events as an array (for snapshots in tests and `JSON.stringify`). */
  toJSON(): EmulatorEvent[] {
    return [...this];
  }

  /** Forgets the kept events (sequence numbers continue). */
  clear(): void {
    this.#ring.fill(undefined);
    this.#start = 0;
    this.#count = 0;
  }

  /** Forgets everything, sequence numbers included (emu.reset()). Subscriptions stay. */
  #resetHistory(): void {
    this.clear();
    this.#seq = 0;
    this.#dropped = 0;
  }

  #keep(event: EmulatorEvent): void {
    if (this.#capacity === 0) {
      this.#dropped += 1;
      return;
    }
    if (this.#count < this.#capacity) {
      const slot = (this.#start + this.#count) % this.#capacity;
      if (slot >= this.#ring.length)
        this.#ring.length = Math.min(this.#capacity, Math.max(slot + 1, this.#ring.length * 2));
      this.#ring[slot] = event;
      this.#count += 1;
      return;
    }
    this.#ring[this.#start] = event;
    this.#start = (this.#start + 1) % this.#capacity;
    this.#dropped += 1;
  }
}
