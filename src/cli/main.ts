/** Entry point of `npm start`: prints the demo for the computer named on the command line, or the local one. */
import { runDemo } from "./demo.js";

try {
  console.log(runDemo(process.argv[2]));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
