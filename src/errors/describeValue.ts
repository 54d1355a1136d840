/**
 * A short printable form of any value for an error message. Never throws: values from JavaScript
 * callers may have no usable toString (`Object.create(null)`, `{ toString: 0 }`), and building the
 * message must not turn an AdsError into a TypeError.
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (value === null || typeof value !== "object") {
    return typeof value === "symbol" || typeof value === "function" ? typeof value : String(value);
  }
  try {
    return Array.isArray(value) ? "an array" : "an object";
  } catch {
    return "a revoked proxy"; // Array.isArray throws on one
  }
}
