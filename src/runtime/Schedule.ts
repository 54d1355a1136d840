/**
 * The emulator's schedule, as the virtual clock runs it: the engine's auto-disconnects (read from the
 * idle queues, spec §12.7) merged with the scenario steps. At the same instant auto-disconnects run
 * first, then steps in the order they were scheduled.
 */
import { nextAutoDisconnect, upcomingAutoDisconnects } from "../engine/autoDisconnectSchedule.js";
import type { DirectoryState } from "../engine/state.js";
import type { DirectoryStore } from "../engine/store.js";
import { autoDisconnectSession } from "../engine/transitions/sessions.js";
import type { FidelityProfile } from "../profile/FidelityProfile.js";
import { formatInstant } from "../time/timeInput.js";
import type { ScenarioRunner } from "./scenario/ScenarioRunner.js";
import type { ClockSchedule, Happening } from "./VirtualClock.js";

/** The schedule of one emulator; see the module comment. */
export class Schedule implements ClockSchedule {
  readonly #store: DirectoryStore;
  readonly #scenario: ScenarioRunner;
  readonly #profile: FidelityProfile;
  #cachedFor: DirectoryState | undefined;
  #cached: ReturnType<typeof nextAutoDisconnect>;

  /** The schedule of `store`'s auto-disconnects and `scenario`'s steps. */
  constructor(store: DirectoryStore, scenario: ScenarioRunner, profile: FidelityProfile) {
    this.#store = store;
    this.#scenario = scenario;
    this.#profile = profile;
  }

  nextTime(): number | undefined {
    const disconnect = this.#nextDisconnect()?.at;
    const step = this.#scenario.nextTime();
    if (disconnect === undefined) return step;
    return step === undefined ? disconnect : Math.min(disconnect, step);
  }

  runNext(): unknown {
    const disconnect = this.#nextDisconnect();
    const step = this.#scenario.nextTime();
    if (disconnect !== undefined && (step === undefined || disconnect.at <= step)) {
      this.#store.apply(autoDisconnectSession, {
        computer: disconnect.computer,
        service: disconnect.service,
        sessionId: disconnect.sessionId,
        queuedAt: disconnect.queuedAt,
      });
      return undefined;
    }
    return this.#scenario.runNext();
  }

  pending(limit: number): Happening[] {
    const disconnects: Happening[] = upcomingAutoDisconnects(this.#store.state, limit).map(
      ({ disconnect, session }) => ({
        at: disconnect.at,
        time: formatInstant(disconnect.at),
        kind: "autoDisconnect",
        description: `${this.#store.state.computers.get(disconnect.computer)?.name ?? disconnect.computer} ${this.#profile.sessionName(session.user, session.computer)}`,
      }),
    );
    const steps = this.#scenario.pending(limit);
    const merged: Happening[] = [];
    let [d, s] = [0, 0];
    while (merged.length < limit && (d < disconnects.length || s < steps.length)) {
      const nextDisconnect = disconnects[d];
      const nextStep = steps[s];
      if (nextDisconnect && (!nextStep || nextDisconnect.at <= nextStep.at)) {
        merged.push(nextDisconnect);
        d++;
      } else if (nextStep) {
        merged.push(nextStep);
        s++;
      }
    }
    return merged;
  }

  /** The next auto-disconnect, memoized per state object (the state is immutable). */
  #nextDisconnect() {
    const state = this.#store.state;
    if (state !== this.#cachedFor) {
      this.#cachedFor = state;
      this.#cached = nextAutoDisconnect(state);
    }
    return this.#cached;
  }
}
