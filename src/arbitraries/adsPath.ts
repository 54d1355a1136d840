/**
 * fast-check arbitraries for ADsPaths (spec §2): paths of the objects a fixture holds, spelled the many
 * ways ADSI accepts them (any case after `WinNT:`, with or without the domain, class hints), and
 * syntactically valid paths with any component names, escapes included.
 */
import fc from "fast-check";
import { escapeComponent, type Fixture } from "../index.js";

/** Random upper/lower case of `name`, as Windows ignores case in components (spec §2.2). */
function anyCase(name: string): fc.Arbitrary<string> {
  return fc
    .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
    .map((flags) => [...name].map((ch, i) => (flags[i] ? ch.toUpperCase() : ch.toLowerCase())).join(""));
}

function pathOf(components: readonly string[], hint: string | undefined): string {
  const body = components.map(escapeComponent).join("/");
  return `WinNT://${body}${hint ? `,${hint}` : ""}`;
}

interface Target {
  readonly components: readonly string[];
  readonly hint: string | undefined;
}

const SERVICE_HINTS: Record<string, string | undefined> = { service: "Service", fileService: "FileService" };

/** Every object of a fixture below `WinNT:`, by its canonical components and class. */
function targets(fixture: Fixture): Target[] {
  const out: Target[] = [];
  for (const domain of fixture.domains) {
    out.push({ components: [domain.name], hint: "domain" });
    for (const computer of domain.computers ?? []) {
      for (const prefix of [[domain.name], []]) {
        const at = [...prefix, computer.name];
        out.push({ components: at, hint: "computer" });
        for (const service of computer.services ?? []) {
          out.push({ components: [...at, service.name], hint: SERVICE_HINTS[service.kind ?? "service"] });
          if (service.kind !== "fileService") continue;
          for (const share of service.shares ?? []) {
            out.push({ components: [...at, service.name, share.name], hint: "FileShare" });
          }
        }
      }
    }
  }
  return out;
}

/**
 * ADsPaths of objects of `fixture` that bind: domains, computers (with and without their domain),
 * services, file services and shares, in random case, half of them with their class hint.
 */
export function fixturePathArb(fixture: Fixture): fc.Arbitrary<string> {
  const all = targets(fixture);
  if (all.length === 0) return fc.constant("WinNT:");
  return fc
    .tuple(fc.constantFrom(...all), fc.boolean())
    .chain(([target, withHint]) =>
      fc
        .tuple(...target.components.map(anyCase))
        .map((components) => pathOf(components, withHint ? target.hint : undefined)),
    );
}

/** One component name: any text without `/` or control characters, ADsPath specials (`\ , " < >`) included. */
export const componentNameArb: fc.Arbitrary<string> = fc
  .string({ minLength: 1, maxLength: 16, unit: "grapheme" })
  .filter(
    (name) =>
      !name.includes("/") && ![...name].some((ch) => (ch.codePointAt(0) ?? 0) <= 0x1f || ch === "\u007f"),
  );

/**
 * Syntactically valid WinNT ADsPaths with 0-4 escaped components and maybe a class hint; they parse
 * (`parseAdsPath`), whether or not anything by that name exists.
 */
export function adsPathArb(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.array(componentNameArb, { maxLength: 4 }),
      fc.option(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,10}$/), { nil: undefined }),
    )
    .map(([components, hint]) => (components.length === 0 ? "WinNT:" : pathOf(components, hint)));
}
