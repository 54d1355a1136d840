/**
 * Child process of the cross-process determinism test: plays a fixed scenario with random faults on an
 * emulator built from the seed given as argument, and prints the SHA-256 of its event log and the event
 * count. (Hashing happens here, in test code; the emulator itself never touches crypto.)
 */
import { createHash } from "node:crypto";
import { createEmulator } from "../../src/index.js";
import { officeFixture } from "./helpers.js";

const seed = Number(process.argv[2] ?? 1);
const emu = createEmulator({
  fixture: officeFixture(),
  seed,
  caller: { user: "CORP\\administrator", password: "admin-pw" },
});
emu.faults.add({ operation: "inject.openSession", probability: 0.3, error: "ERROR_REQ_NOT_ACCEP" });
emu.play({
  timeline: [
    {
      at: "+0s",
      action: "openSession",
      server: "FS01",
      user: "alice",
      client: "10.0.0.5",
      as: "alice",
      every: "7m",
      times: 12,
    },
    {
      at: "+1m",
      action: "openSession",
      server: "FS01",
      user: "bob",
      client: "10.0.0.7",
      as: "bob",
      every: "11m",
      times: 8,
    },
    { at: "+2m", action: "openFile", session: "bob", path: "Public\\b.txt", every: "13m", times: 5 },
  ],
});
for (let i = 0; i < 100; i++) {
  try {
    emu.clock.tick("1m");
  } catch {
    // Steps refused by the random fault are recorded as events; the run goes on.
  }
  emu.env.newId();
}
const log = JSON.stringify([...emu.events]);
process.stdout.write(`${createHash("sha256").update(log).digest("hex")} ${emu.events.size}\n`);
