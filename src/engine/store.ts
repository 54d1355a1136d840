import { type Draft, enableMapSet, produce } from "immer";
import type { Environment } from "../env/environment.js";
import type { FidelityProfile } from "../profile/FidelityProfile.js";
import type { DirectoryState } from "./state.js";

enableMapSet();

/** What a transition may read besides the state: the clock, the seeded random source, the profile. */
export interface TransitionContext {
  readonly env: Environment;
  readonly profile: FidelityProfile;
}

/**
 * A named state change. The recipe mutates an immer draft; if it throws (an AdsError), the draft is
 * discarded and the state is unchanged. The name is stable: the event log of a later issue records it.
 */
export interface Transition<A, R = void> {
  /** Stable name, e.g. `share.create`. */
  readonly name: string;
  /** Mutates the draft; may return a value computed along the way (e.g. a new id), which `apply` returns. */
  readonly recipe: (draft: Draft<DirectoryState>, args: A, context: TransitionContext) => R;
}

/** Declares a named transition. */
export function defineTransition<A, R = void>(
  name: string,
  recipe: (draft: Draft<DirectoryState>, args: A, context: TransitionContext) => R,
): Transition<A, R> {
  return Object.freeze({ name, recipe });
}

/**
 * Holds the current directory state and applies transitions to it. Each state is immutable and
 * structurally shared with the previous one, so keeping a reference to `state` is an O(1) snapshot.
 */
export class DirectoryStore {
  #state: DirectoryState;
  readonly #context: TransitionContext;

  /** Starts from `initial` (a frozen state, e.g. from {@link stateFromFixture}). */
  constructor(initial: DirectoryState, context: TransitionContext) {
    this.#state = initial;
    this.#context = context;
  }

  /** The current state (immutable). */
  get state(): DirectoryState {
    return this.#state;
  }

  /** Applies `transition` and returns what its recipe returned; on error the state is left as it was. */
  apply<A, R>(transition: Transition<A, R>, args: A): R {
    let result: R | undefined;
    this.#state = produce(this.#state, (draft) => {
      result = transition.recipe(draft, args, this.#context);
    });
    return result as R;
  }
}
