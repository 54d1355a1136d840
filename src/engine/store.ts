import { type Draft, enableMapSet, produce } from "immer";
import type { Environment } from "../env/environment.js";
import type { FidelityProfile } from "../profile/FidelityProfile.js";
import type { EngineChange } from "./changes.js";
import { type FileServiceAddress, FileServiceEdit } from "./fileServiceEdit.js";
import type { DirectoryState } from "./state.js";

enableMapSet();

/** What a transition may read besides the state: the clock, the seeded random source, the profile. */
export interface TransitionContext {
  readonly env: Environment;
  readonly profile: FidelityProfile;
  /** Reports one change the transition made; the store passes it on only if the transition commits. */
  record(change: EngineChange): void;
}

/** The environment and profile a store's transitions run with. */
export type StoreContext = Omit<TransitionContext, "record">;

/** How an immer transition changes the state: it mutates a draft of the whole directory. */
export type DraftRecipe<A, R> = (draft: Draft<DirectoryState>, args: A, context: TransitionContext) => R;

/** How a file-service transition changes the state: it updates one file service's persistent structures. */
export type EditRecipe<A, R> = (edit: FileServiceEdit, args: A, context: TransitionContext) => R;

/**
 * A named state change. Rare, structural changes (shares, service configuration and control) are immer
 * recipes on a draft of the directory; the hot ones (sessions, open files, activity) edit one file
 * service through a {@link FileServiceEdit}, paying only for the paths they change. Either way, if the
 * recipe throws (an AdsError), the state is unchanged. The name is stable.
 */
export type Transition<A, R = void> =
  | {
      /** Stable name, e.g. `share.create`. */
      readonly name: string;
      readonly kind: "draft";
      /** Mutates the draft; may return a value computed along the way (e.g. a new id), which `apply` returns. */
      readonly recipe: DraftRecipe<A, R>;
    }
  | {
      /** Stable name, e.g. `session.open`. */
      readonly name: string;
      readonly kind: "fileService";
      /** Edits the file service `args` addresses; may return a value, which `apply` returns. */
      readonly recipe: EditRecipe<A, R>;
    };

/** Declares a named transition whose recipe mutates an immer draft of the directory. */
export function defineTransition<A, R = void>(name: string, recipe: DraftRecipe<A, R>): Transition<A, R> {
  return Object.freeze({ name, kind: "draft", recipe });
}

/** Declares a named transition that edits the file service its arguments address. */
export function defineFileServiceTransition<A extends FileServiceAddress, R = void>(
  name: string,
  recipe: EditRecipe<A, R>,
): Transition<A, R> {
  return Object.freeze({ name, kind: "fileService", recipe });
}

/** Receives the changes of each committed transition, in the order the transition made them. */
export type ChangeObserver = (changes: readonly EngineChange[], transition: string) => void;

/**
 * Holds the current directory state and applies transitions to it. Each state is immutable and
 * structurally shared with the previous one, so keeping a reference to `state` is an O(1) snapshot.
 */
export class DirectoryStore {
  #state: DirectoryState;
  readonly #context: TransitionContext;
  #observer: ChangeObserver | undefined;
  /** Where `record` puts the changes of the transition being applied. */
  #changes: EngineChange[] = [];

  /** Starts from `initial` (a frozen state, e.g. from {@link stateFromFixture}). */
  constructor(initial: DirectoryState, context: StoreContext) {
    this.#state = initial;
    // One context for every transition (no closure per call): `record` appends to the current list.
    this.#context = Object.freeze({
      env: context.env,
      profile: context.profile,
      record: (change: EngineChange) => {
        this.#changes.push(change);
      },
    });
  }

  /** The current state (immutable). */
  get state(): DirectoryState {
    return this.#state;
  }

  /** Sets the one observer of committed changes (the emulator's event log), or removes it. */
  observe(observer: ChangeObserver | undefined): void {
    this.#observer = observer;
  }

  /** Replaces the whole state (restoring a snapshot); records no change. */
  replace(state: DirectoryState): void {
    this.#state = state;
  }

  /**
   * Applies `transition` and returns what its recipe returned; on error the state is left as it was and
   * nothing is reported. After a commit, the observer receives the transition's changes (an observer
   * may apply further transitions: each has its own list of changes).
   */
  apply<A, R>(transition: Transition<A, R>, args: A): R {
    const outer = this.#changes;
    const changes: EngineChange[] = [];
    this.#changes = changes;
    let result: R;
    try {
      if (transition.kind === "fileService") {
        const edit = FileServiceEdit.open(this.#state, args as FileServiceAddress);
        result = transition.recipe(edit, args, this.#context);
        this.#state = edit.commit();
      } else {
        result = this.#produce(transition.recipe, args);
      }
    } finally {
      this.#changes = outer;
    }
    if (changes.length > 0) this.#observer?.(changes, transition.name);
    return result;
  }

  #produce<A, R>(recipe: DraftRecipe<A, R>, args: A): R {
    let result: R | undefined;
    this.#state = produce(this.#state, (draft) => {
      result = recipe(draft, args, this.#context);
    });
    return result as R;
  }
}
