/**
 * The scale benchmark (bench/engineScale.ts, issue 10) runs in CI at small sizes, so that it cannot rot:
 * every figure of the table is measured and printable. No timing is asserted (tests never assert
 * timings); only that each figure came out as numbers.
 */
import { describe, expect, it } from "vitest";
import { formatTable, QUICK_SCALE, runScale } from "../../bench/scale/table.js";

describe("the scale benchmark", () => {
  it("measures every figure of the table at small sizes", () => {
    const rows = runScale(QUICK_SCALE);
    expect(rows.map((row) => row.figure.replace(/\d+(,\d{3})*/g, "N"))).toEqual([
      "open / touch / open file / close file / close session / Remove, µs per event at N",
      "open / touch / open file / close file / close session / Remove, µs per event at N",
      "per-event cost N / N",
      "open+close on a (user, client) pair already holding k = N / N sessions, µs",
      "enumerate N sessions through Sessions() reading N properties, ms",
      "heap per session (no file / one open file) at N, B",
      "building N sessions: bulk load / createEmulator from a fixture (validation included) / transitions, s",
      "holding N snapshots while N events run at N, B retained per event",
      "createEmulator() on the default fixture, ms (validating its JSON alone)",
      "share of open+close cost spent freezing (session / file)",
      "enumerating N sessions reading N properties: s, peak heap growth MB",
      "one enumerated Session object, B (as handed out / once its N properties are read)",
    ]);
    for (const row of rows) {
      expect(row.emulator, row.figure).toMatch(/\d/);
      expect(`${row.emulator} ${row.baseline} ${row.ratio}`, row.figure).not.toMatch(
        /NaN|Infinity|undefined/,
      );
    }
    const table = formatTable(rows);
    expect(table.split("\n").filter((line) => line.startsWith("|"))).toHaveLength(rows.length + 2);
  }, 60_000);
});
