// Imports the built package by its own name, as a user's code does, and checks one real round trip.
// Run by `npm run smoke` (after `npm run build`) and by .ci/run.
import assert from "node:assert/strict";
import { AdsError, createEmulator, HRESULT } from "adsi-emulator";

const emu = createEmulator();
const fso = emu.GetObject("WinNT://FS01/LanmanServer");
assert.equal(fso.Class, "FileService");
const sessions = fso.Sessions();
const names = [...sessions].map((s) => s.Name);
assert.ok(names.includes("alice\\10.0.0.5"));
for (const name of names) sessions.Remove(name);
assert.equal([...fso.Sessions()].length, 0);
assert.throws(
  () => emu.OpenDSObject("WinNT://FS01", "alice", "wrong", 1),
  (error) => error instanceof AdsError && error.hresult === HRESULT.ERROR_LOGON_FAILURE,
);
console.log(`smoke: the built package works (${names.length} sessions listed and removed)`);
