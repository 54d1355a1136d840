import { AdsError } from "../../errors/AdsError.js";

/** Longest array argument the emulator reads (no real caller passes more property names or values). */
const MAX_ARRAY_ARGUMENT = 65_536;

/**
 * Reads an array argument the way a SAFEARRAY of VARIANTs arrives (issue 7 item 4): undefined when
 * `value` is not an array; otherwise a dense copy of its elements. A hole, an element that is a getter,
 * an array longer than 65,536 elements, or an array (a proxy) that throws while being read is invalid
 * input → E_ADS_BAD_PARAMETER: nothing is ever stored from it and no JavaScript error escapes.
 */
export function arrayArgument(value: unknown, what: string): unknown[] | undefined {
  try {
    if (!Array.isArray(value)) return undefined;
    const length = value.length;
    if (length > MAX_ARRAY_ARGUMENT)
      throw new AdsError("E_ADS_BAD_PARAMETER", `${what} has ${length} elements`);
    const copy: unknown[] = [];
    for (let i = 0; i < length; i++) {
      const descriptor = Object.getOwnPropertyDescriptor(value, i);
      if (descriptor === undefined)
        throw new AdsError("E_ADS_BAD_PARAMETER", `${what} has a hole at index ${i}`);
      if (!("value" in descriptor))
        throw new AdsError("E_ADS_BAD_PARAMETER", `${what}: element ${i} is not a plain value`);
      copy.push(descriptor.value);
    }
    return copy;
  } catch (error) {
    if (error instanceof AdsError) throw error;
    throw new AdsError("E_ADS_BAD_PARAMETER", `${what} cannot be read`);
  }
}

/**
 * A BSTR argument coerced as OLE Automation's VariantChangeType does before the call (issue 7 item 16):
 * a string as is, a number or bigint as its decimal text (VB passes `Remove(43)` as "43"). Anything
 * else (null, a boolean, an object, an array) → DISP_E_TYPEMISMATCH naming the argument.
 */
export function bstrArgument(value: unknown, what: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  const type = value === null ? "null" : isArray(value) ? "an array" : typeof value;
  throw new AdsError(
    "DISP_E_TYPEMISMATCH",
    `type mismatch: ${what} must be a string (or a number), got ${type}`,
  );
}

/** Array.isArray that answers false for a revoked proxy instead of throwing. */
function isArray(value: unknown): boolean {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}
