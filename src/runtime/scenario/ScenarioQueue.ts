/**
 * The queue of scheduled scenario steps: a persistent ordered index keyed by (virtual time, sequence
 * number), so that steps due at the same instant run in the order they were scheduled and a snapshot
 * holds the queue by reference (O(1)). Also the step labels: names of the sessions and files steps
 * opened, for later steps to act on.
 */
import { emptyOrderedIndex, type OrderedIndex } from "../../engine/orderedIndex.js";
import type { ScenarioStep } from "../../fixture/scenarioTypes.js";
import type { FileHandle, SessionHandle } from "../inject/handles.js";

/** One scheduled step, with its repetition. */
export interface QueuedStep {
  readonly step: ScenarioStep;
  /** Repeat interval, ms. */
  readonly every: number | undefined;
  /** Last instant a repetition may run. */
  readonly until: number | undefined;
  /** Runs left, this one included. */
  readonly remaining: number | undefined;
  /** Name of the scenario it came from. */
  readonly scenario: string | undefined;
}

/** What a label names. */
export type LabelTarget = SessionHandle | FileHandle;

/** The queue and labels, as a snapshot holds them. */
export interface ScenarioState {
  readonly queue: OrderedIndex<QueuedStep>;
  readonly seq: number;
  readonly labels: ReadonlyMap<string, LabelTarget>;
}

/** An empty queue with no labels. */
export function emptyScenarioState(): ScenarioState {
  return { queue: emptyOrderedIndex<QueuedStep>(), seq: 0, labels: new Map() };
}

/** The state with `entry` scheduled at `at` after every step already scheduled for that instant. */
export function schedule(state: ScenarioState, at: number, entry: QueuedStep): ScenarioState {
  const seq = state.seq + 1;
  return { ...state, queue: state.queue.set(at, seq, Object.freeze(entry)), seq };
}

/** The state with `label` naming `target` (a copy of the small label map). */
export function withLabel(state: ScenarioState, label: string, target: LabelTarget): ScenarioState {
  const labels = new Map(state.labels);
  labels.set(label, target);
  return { ...state, labels };
}
