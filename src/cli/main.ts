/**
 * Entry point of `npm start`: prints the demo for the computer named on the command line, or the local
 * one; `npm start -- sessions …` lists a real server's sessions instead (src/cli/remoteSessions.ts).
 */
import { runDemo } from "./demo.js";

if (process.argv[2] === "sessions") {
  const { runRemoteSessions } = await import("./remoteSessions.js");
  process.exitCode = await runRemoteSessions(process.argv.slice(3), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
  });
} else {
  try {
    console.log(runDemo(process.argv[2]));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
