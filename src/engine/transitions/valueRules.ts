import { AdsError } from "../../errors/AdsError.js";
import { pathText } from "../../fixture/fieldRules.js";
import { sessionClient, sessionUser, shareName } from "../../fixture/fixtureShape.js";
import type { StringShape } from "../../fixture/shape.js";
import { stringProblem } from "../../fixture/validateFixture.js";

/**
 * The rules a value must meet before the engine stores it: the same declarations the fixture format
 * checks, so that everything the engine holds can be exported as a valid fixture. Breaking one is
 * E_INVALIDARG, naming the value and the rule.
 */
function requireShape(shape: StringShape, value: unknown, what: string): void {
  const problem = stringProblem(shape, value);
  if (problem !== undefined) throw new AdsError("E_INVALIDARG", `${what}: ${problem}`);
}

/** A share name: 1..256 characters, no control characters, `/`, `\` or `,` (spec §2.3). */
export const requireShareName = (value: unknown): void => requireShape(shareName, value, "share name");

/** A session's client (`sesi_cname`): 1..256 characters, no control characters or `\` (spec §12.1). */
export const requireSessionClient = (value: unknown): void => requireShape(sessionClient, value, "client");

/** A session's user (`sesi_username`): up to 256 characters, no control characters, `/` or `\`. */
export const requireSessionUser = (value: unknown): void => requireShape(sessionUser, value, "user");

/** A server-local path (a share's Path, an open file's path): no control characters. */
export const requirePath = (value: unknown, what: string): void => requireShape(pathText, value, what);
