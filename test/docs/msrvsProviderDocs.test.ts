import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatHResult, HRESULT } from "../../src/errors/hresults.js";
import { MSRVS_ERROR_MAP } from "../../src/provider/msrvs/errorMap.js";

const DOC = readFileSync(new URL("../../docs/msrvs-provider.md", import.meta.url), "utf8");
const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const lines = DOC.split("\n");

const hex = (value: number) =>
  `0x${value
    .toString(16)
    .toUpperCase()
    .padStart(value > 0xffff ? 8 : 4, "0")}`;

describe("docs/msrvs-provider.md", () => {
  it("lists every row of the error map, with the HRESULT the code raises", () => {
    for (const row of MSRVS_ERROR_MAP) {
      const hresult = `${row.hresult} ${formatHResult(HRESULT[row.hresult])}`;
      if (row.source === "transport") {
        const line = lines.find(
          (l) => l.startsWith(`| ${row.phase} |`) && l.includes(row.name) && l.endsWith(`| ${hresult} |`),
        );
        expect(line, `${row.phase} ${row.name}`).toBeDefined();
      } else {
        const value = row.value === undefined ? "" : hex(row.value);
        expect(lines, `${row.source} ${row.name}`).toContain(
          `| ${row.source} | ${row.name} | ${value} | ${hresult} |`,
        );
      }
    }
  });

  it("is linked from the README's documentation list", () => {
    expect(README).toContain("[docs/msrvs-provider.md](docs/msrvs-provider.md)");
  });
});
