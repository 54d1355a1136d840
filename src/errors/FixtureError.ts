/** One problem found in a fixture: where (a JSON path such as `$.domains[0].computers[1].name`) and why. */
export interface FixtureIssue {
  /** JSONPath of the offending value, rooted at `$`. */
  readonly path: string;
  /** Human-readable reason. */
  readonly reason: string;
}

/**
 * Thrown when a fixture is rejected. Nothing of a rejected fixture is loaded. `path` and `reason` name
 * the first problem; `issues` lists every problem found (in document order).
 */
export class FixtureError extends Error {
  /** JSON path of the first problem. */
  readonly path: string;
  /** Reason of the first problem. */
  readonly reason: string;
  /** Every problem found. */
  readonly issues: readonly FixtureIssue[];

  /** Builds the error from a non-empty list of issues. */
  constructor(issues: readonly FixtureIssue[]) {
    const first = issues[0] ?? { path: "$", reason: "invalid fixture" };
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    super(`Invalid fixture at ${first.path}: ${first.reason}${more}`);
    this.name = "FixtureError";
    this.path = first.path;
    this.reason = first.reason;
    this.issues = Object.freeze([...issues]);
  }
}
