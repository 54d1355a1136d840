/**
 * `adsi-emulator/arbitraries`: fast-check arbitraries for fixtures, sessions, scenarios and ADsPaths, so
 * that admin code can be property-tested against random servers:
 *
 * ```ts
 * import fc from "fast-check";
 * import { createEmulator } from "adsi-emulator";
 * import { fixtureArb } from "adsi-emulator/arbitraries";
 * fc.assert(fc.property(fixtureArb(), (fixture) => { myTool(createEmulator({ fixture })); }));
 * ```
 */
export { adsPathArb, componentNameArb, fixturePathArb } from "./adsPath.js";
export { type FixtureArbOptions, fixtureArb, type SessionArbOptions, sessionArb } from "./fixture.js";
export { type ScenarioArbOptions, scenarioArb } from "./scenario.js";
