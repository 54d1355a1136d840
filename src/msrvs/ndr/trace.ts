/**
 * What an NdrReader saw on the wire besides the decoded values: referent ids, string counts and array
 * conformances, in wire order. Decoded values keep only "NULL or not" (ms-srvs-wire §3.2); a trace lets
 * tests and diagnostics see the exact ids and counts.
 */
export type NdrTraceEvent =
  /** A pointer's referent id (0 = NULL) at byte `at`. */
  | { readonly kind: "pointer"; readonly at: number; readonly referent: number }
  /** A conformant varying string's three counts (ms-srvs-wire §3.3), starting at byte `at`. */
  | {
      readonly kind: "string";
      readonly at: number;
      readonly maxCount: number;
      readonly offset: number;
      readonly actualCount: number;
    }
  /** A conformant array's max_count (ms-srvs-wire §3.4) at byte `at`. */
  | { readonly kind: "array"; readonly at: number; readonly maxCount: number };
