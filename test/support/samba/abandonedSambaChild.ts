/**
 * Test helper run as a separate process (`tsx abandonedSambaChild.ts exit|hang`): starts a private
 * Samba with an smbclient session and an in-process session holding a file, prints one JSON line
 * (process groups, watchdog PID, folder), then dies WITHOUT calling stop(): `exit` leaves through
 * process.exit once a line arrives on stdin (the exit hook must kill everything), `hang` waits to be
 * SIGKILLed (the watchdog must).
 */
import { SambaServer } from "./SambaServer.js";

const mode = process.argv[2];
const server = await SambaServer.start();
await server.smbclient("alice", ["alice.txt"]);
await server.holdFile("bob", "bob.txt");
process.stdout.write(
  `${JSON.stringify({ groups: server.processGroups, watchdog: server.watchdogPid, dir: server.dir, smbd: server.smbdPid })}\n`,
);
if (mode === "exit") process.stdin.once("data", () => process.exit(0));
else setInterval(() => undefined, 1000);
