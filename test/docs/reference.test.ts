import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const REFERENCE = readFileSync("docs/reference.md", "utf8");

function files(dir: string, ending: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.endsWith(join("docs", "api")) ? [] : files(path, ending);
    return path.endsWith(ending) ? [path] : [];
  });
}

/** Every `spec §…` citation: `spec §2.5`, `spec §8.1, §14 item 28`, `spec §3.2 item 7`, `spec §4, §14.9`. */
function citations(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(
    /spec ((?:§\d+(?:\.\d+)*(?: item \d+)?(?:-§?\d+(?:\.\d+)*)?(?:, ?| and )?)+)/g,
  )) {
    for (const token of (match[1] ?? "").matchAll(/§(\d+(?:\.\d+)*)(?: item (\d+))?/g)) {
      const [section, item] = [token[1] ?? "", token[2]];
      const dotted = /^(14|15)\.(\d+)$/.exec(section);
      found.push(
        item ? `§${section} item ${item}` : dotted ? `§${dotted[1]} item ${dotted[2]}` : `§${section}`,
      );
    }
  }
  return found;
}

/** Whether docs/reference.md has a heading for a section, or an entry for an item. */
function resolves(citation: string): boolean {
  if (citation.includes(" item ")) {
    const [section, item] = citation.split(" item ");
    if (section === "§14" || section === "§15") return REFERENCE.includes(`**${citation}**`);
    return REFERENCE.includes(`### ${section} `) && REFERENCE.includes(`**item ${item}**`);
  }
  return new RegExp(`^#{2,3} ${citation.replace(".", "\\.")} `, "m").test(REFERENCE);
}

describe("docs/reference.md: the behaviour reference in the project's own words", () => {
  const sources = [
    ...files("src", ".ts"),
    ...files("docs", ".md").filter((f) => !f.endsWith("reference.md")),
  ];
  const cited = new Map<string, string[]>();
  for (const file of sources) {
    for (const citation of citations(readFileSync(file, "utf8")))
      cited.set(citation, [...(cited.get(citation) ?? []), file]);
  }

  it("finds the citations (the scan works)", () => {
    expect(cited.size).toBeGreaterThan(60);
    expect(cited.has("§2.5")).toBe(true);
    expect(cited.has("§14 item 33")).toBe(true);
    expect(citations("spec §8.1, §14 item 28; ms-srvs-wire §2.5")).toEqual(["§8.1", "§14 item 28"]);
  });

  it("every `spec §x` of src/ and docs/ resolves to a section of docs/reference.md", () => {
    const unresolved = [...cited.entries()]
      .filter(([citation]) => !resolves(citation))
      .map(([c, f]) => `${c} (${f[0]})`);
    expect(unresolved).toEqual([]);
  });

  it("the guides that use spec references link to the reference", () => {
    for (const guide of ["docs/behaviour.md", "docs/profiles.md"]) {
      expect(readFileSync(guide, "utf8")).toContain("(reference.md)");
    }
  });
});
