/**
 * A progress bar for long work (generating or writing a million sessions), drawn on stderr when it is
 * a terminal and nowhere else. It redraws when the shown permille changes, never on a timer (nothing in
 * src/ reads the host clock).
 */
import type { CliStream } from "./io.js";

/** A running progress bar. */
export interface Progress {
  /** Sets how much of the total is done. */
  update(done: number): void;
  /** Draws 100% and ends the line. */
  finish(): void;
}

const WIDTH = 30;

/** A bar labelled `label` counting to `total`; silent unless `stream` is a terminal. */
export function startProgress(stream: CliStream, label: string, total: number): Progress {
  if (!stream.isTTY || total <= 0) return { update: () => {}, finish: () => {} };
  let shown = -1;
  const draw = (done: number) => {
    const ratio = Math.min(1, done / total);
    const permille = Math.floor(ratio * 1000);
    if (permille === shown) return;
    shown = permille;
    const filled = Math.round(ratio * WIDTH);
    const bar = `${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}`;
    const percent = (permille / 10).toFixed(1).padStart(5);
    stream.write(
      `\r${label} [${bar}] ${percent}% ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}`,
    );
  };
  draw(0);
  return {
    update: draw,
    finish: () => {
      draw(total);
      stream.write("\n");
    },
  };
}
