// A consumer's jest suite (CommonJS, jest's default configuration), run against the installed tarball.
const { AdsError, createEmulator, HRESULT } = require("adsi-emulator");
const { useEmulator } = require("adsi-emulator/jest");
const fc = require("fast-check");
const { fixtureArb } = require("adsi-emulator/arbitraries");

describe("adsi-emulator from CommonJS", () => {
  const emu = useEmulator();

  test("the matchers are installed and the emulator works", () => {
    expect(emu()).toHaveSession({ user: "bob", computer: "10.0.0.7" });
    expect(emu()).toHaveOpenFile({ path: "C:\\Shares\\Finance\\q4.xlsx" });
    expect(() => emu().OpenDSObject("WinNT://FS01", "alice", "wrong", 1)).toThrowAdsError(HRESULT.ERROR_LOGON_FAILURE);
    emu().clock.tick("15m");
    expect(emu()).not.toHaveSession({ user: "administrator" });
  });

  test("a fresh emulator per test", () => {
    expect(emu()).toHaveSession({ user: "administrator" });
  });

  test("errors are the package's own AdsError (one copy of the library)", () => {
    let caught;
    try {
      createEmulator().GetObject("WinNT://NOPE");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AdsError);
    expect(AdsError.is(caught, "ERROR_BAD_NETPATH")).toBe(true);
  });

  test("arbitraries from CommonJS", () => {
    fc.assert(fc.property(fixtureArb(), (fixture) => createEmulator({ fixture }).state.computers.size > 0), { numRuns: 20 });
  });
});
