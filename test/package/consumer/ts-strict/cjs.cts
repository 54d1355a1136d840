// The same package seen from CommonJS (node16 resolution of a .cts file: the require condition's types).
import adsi = require("adsi-emulator");
import jestHelpers = require("adsi-emulator/jest");

const emu: adsi.Emulator = adsi.createEmulator();
const code: adsi.HResultSymbol = "E_ACCESSDENIED";
const getter: () => adsi.Emulator = jestHelpers.useEmulator({ mode: "reset" });
export = { emu, code, getter };
