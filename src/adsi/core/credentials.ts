import { AdsError } from "../../errors/AdsError.js";
import type { Credentials } from "./context.js";

/**
 * A frozen copy of `value` as credentials (issue 7 item 3): what an emulator or object holds can never
 * be changed through the object the caller passed, nor through the copy. `null` stays null (the guest
 * context, spec §2.5). Anything but `{ user: string, password: string }` → E_INVALIDARG.
 */
export function copyCredentials(value: unknown): Credentials | null {
  if (value === null) return null;
  let user: unknown;
  let password: unknown;
  try {
    ({ user, password } = value as Credentials);
  } catch {
    throw new AdsError("E_INVALIDARG", "credentials must be { user, password } or null");
  }
  if (typeof user !== "string" || typeof password !== "string") {
    throw new AdsError("E_INVALIDARG", "credentials must be { user: string, password: string } or null");
  }
  return Object.freeze({ user, password });
}
