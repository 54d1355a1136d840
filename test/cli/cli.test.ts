import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VERBS } from "../../src/cli/verbs.js";
import { createEmulator, loadDefaultFixture, validateFixture } from "../../src/index.js";
import { cli } from "./cliHarness.js";

const SCENARIO = "docs/examples/morning.scenario.json";
const tmp = () => mkdtempSync(join(tmpdir(), "adsi-cli-"));
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC
const ANSI = /\u001b\[/;

describe("adsi-emu: help, version, usage errors", () => {
  it("--help, -h and --version work (the complaint: they were taken for computer names)", async () => {
    for (const flag of ["--help", "-h"]) {
      const result = await cli([flag]);
      expect(result.code).toBe(0);
      for (const verb of VERBS) expect(result.stdout).toContain(verb.name);
      expect(result.stdout).toContain("Exit codes:");
    }
    const version = await cli(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
  });

  it("every verb has --help", async () => {
    for (const verb of VERBS) {
      const result = await cli([verb.name, "--help"]);
      expect(result.code, verb.name).toBe(0);
      expect(result.stdout).toContain(`Usage: adsi-emu ${verb.name}`);
    }
  });

  it("unknown options, extra arguments and bad option values are usage errors (exit 2) with a hint", async () => {
    const unknown = await cli(["--bogus"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--bogus'");
    expect(unknown.stderr).toContain("--help");
    const suggestion = await cli(["validate", "x.json", "--jsno"]);
    expect(suggestion.code).toBe(2);
    expect(suggestion.stderr).toContain("Did you mean --json?");
    expect((await cli(["validate", "a.json", "b.json"])).code).toBe(2);
    expect((await cli(["validate"])).code).toBe(2);
    const profile = await cli(["demo", "--profile", "vms"]);
    expect(profile.code).toBe(2);
    expect(profile.stderr).toContain("windows");
    expect((await cli(["demo", "--seed", "abc"])).code).toBe(2);
    expect((await cli(["dump", "--add-sessions", "-5"])).code).toBe(2);
  });

  it("a mistyped verb is not silently a computer name: the error names the computers and the verb", async () => {
    const result = await cli(["dumb"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("DC01, FS01, LAB01");
    expect(result.stderr).toContain("did you mean the verb `dump`");
  });
});

describe("adsi-emu demo", () => {
  it("works on every computer of the default fixture, as an administrator, with the status by name", async () => {
    const fixture = loadDefaultFixture();
    for (const computer of fixture.domains.flatMap((d) => d.computers ?? [])) {
      const result = await cli(["demo", computer.name]);
      expect(result.code, `${computer.name}: ${result.stderr}`).toBe(0);
      expect(result.stdout).toContain(`/${computer.name}/LanmanServer  (FileService, RUNNING, caller `);
      expect(result.stdout).not.toContain("status 4");
      expect(result.stdout).toContain("ends: autoDisconnect");
    }
    expect((await cli(["LAB01"])).stdout).toContain("caller LAB01\\labadmin");
  });

  it("is the default verb, and --profile takes effect (samba reports IdleTime 0, spec §12.5)", async () => {
    const plain = await cli([]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain("WinNT://CORP/FS01/LanmanServer");
    expect(plain.stdout).toMatch(/bob\\10\.0\.0\.7 +bob +10\.0\.0\.7 +5400 +900/);
    const samba = await cli(["FS01", "--profile", "samba"]);
    expect(samba.code).toBe(0);
    expect(samba.stdout).toMatch(/bob\\10\.0\.0\.7 +bob +10\.0\.0\.7 +5400 +0\n/);
  });

  it("--json prints the report; colour only on a terminal, and never with NO_COLOR", async () => {
    const json = JSON.parse((await cli(["demo", "--json"])).stdout);
    expect(json.status).toBe("RUNNING");
    expect(json.sessions).toHaveLength(4);
    expect((await cli(["demo"])).stdout).not.toMatch(ANSI);
    expect((await cli(["demo"], { tty: true })).stdout).toMatch(ANSI);
    expect((await cli(["demo"], { tty: true, env: { NO_COLOR: "1" } })).stdout).not.toMatch(ANSI);
    expect((await cli(["demo"], { env: { FORCE_COLOR: "1" } })).stdout).toMatch(ANSI);
  });

  it("--fixture and --seed are honoured; a bad fixture file fails with its JSON paths", async () => {
    const dir = tmp();
    const fixture = structuredClone(loadDefaultFixture()) as { localComputer?: string };
    fixture.localComputer = "LAB01";
    writeFileSync(join(dir, "f.json"), JSON.stringify(fixture));
    expect((await cli(["--fixture", "f.json"], { cwd: dir })).stdout).toContain(
      "WinNT://LAB/LAB01/LanmanServer",
    );
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ version: 2, now: "x", domains: [] }));
    const bad = await cli(["demo", "--fixture", "bad.json"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("$.version");
    expect(bad.stderr).toContain("$.now");
    const missing = await cli(["demo", "--fixture", "nope.json"], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("cannot read nope.json: ENOENT");
  });
});

describe("adsi-emu validate", () => {
  it("a valid fixture and scenario pass (exit 0)", async () => {
    expect((await cli(["validate", "fixtures/default.json"])).stdout).toContain("valid fixture");
    const scenario = await cli(["validate", SCENARIO]);
    expect(scenario.code).toBe(0);
    expect(scenario.stdout).toContain("valid scenario");
  });

  it("prints every issue with its JSON path and exits 1", async () => {
    const dir = tmp();
    const fixture = structuredClone(loadDefaultFixture()) as unknown as {
      domains: { name: string; computers?: { name: string }[] }[];
      now: string;
    };
    fixture.now = "yesterday";
    fixture.domains[1]!.name = "CORP";
    writeFileSync(join(dir, "bad.json"), JSON.stringify(fixture));
    const result = await cli(["validate", "bad.json", "--json"], { cwd: dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.valid).toBe(false);
    expect(report.issues.map((i: { path: string }) => i.path)).toContain("$.now");
    const text = await cli(["validate", "bad.json"], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("$.now:");
  });

  it("finds what emu.play checks in a scenario (a repetition without an end) at its JSON path", async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, "s.json"),
      JSON.stringify({ timeline: [{ at: "+1m", action: "activity", session: "a", every: "1m" }, { at: 5 }] }),
    );
    const shape = await cli(["validate", "s.json"], { cwd: dir });
    expect(shape.code).toBe(1);
    expect(shape.stdout).toContain("$.timeline[1]");
    writeFileSync(
      join(dir, "r.json"),
      JSON.stringify([{ at: "+1m", action: "activity", session: "a", every: "1m" }]),
    );
    const repeat = await cli(["validate", "r.json"], { cwd: dir });
    expect(repeat.code).toBe(1);
    expect(repeat.stdout).toContain("$.timeline[0].every: a repeating step needs `until` or `times`");
  });
});

describe("adsi-emu run", () => {
  it("plays a scenario and prints its events and a summary", async () => {
    const result = await cli(["run", SCENARIO]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("09:40:00  FS01: LanmanServer RUNNING -> STOPPED (crash)");
    expect(result.stdout).toContain("17 steps: 16 ok, 1 failed as expected, 0 failed");
  });

  it("exits 1 when a step fails, naming it; --until stops early; -o writes a fixture that continues", async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, "s.json"),
      JSON.stringify({ timeline: [{ at: "+1m", action: "closeSession", session: "nobody" }] }),
    );
    const failed = await cli(["run", "s.json", "--json"], { cwd: dir });
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout).summary.failed).toBe(1);
    const early = await cli(
      ["run", join(process.cwd(), SCENARIO), "--until", "09:20", "-o", "end.json", "--json"],
      {
        cwd: dir,
      },
    );
    expect(early.code).toBe(0);
    expect(JSON.parse(early.stdout).summary.to).toBe("2026-01-05T09:20:00.000Z");
    const end = validateFixture(JSON.parse(readFileSync(join(dir, "end.json"), "utf8")));
    expect(end.now).toBe("2026-01-05T09:20:00Z");
    expect(createEmulator({ fixture: end }).clock.pending().length).toBeGreaterThan(0);
  });

  it("refuses a bad scenario with its JSON paths, and a fixture-with-timeline given with --fixture", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "s.json"), JSON.stringify({ timeline: [{ at: "+1m", action: "fly" }] }));
    const bad = await cli(["run", "s.json"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("$.timeline[0]");
    const both = await cli(["run", join(process.cwd(), "fixtures/default.json"), "--fixture", "x.json"]);
    expect(both.code).toBe(2);
  });
});

describe("adsi-emu dump", () => {
  it("prints the state as a fixture that loads, after --tick", async () => {
    const result = await cli(["dump", "--tick", "15m"]);
    expect(result.code).toBe(0);
    const fixture = validateFixture(JSON.parse(result.stdout));
    expect(fixture.now).toBe("2026-01-05T09:15:00Z");
    expect(
      createEmulator({ fixture })
        .inject.sessions("FS01")
        .map((s) => s.user),
    ).not.toContain("administrator");
  });

  it("--add-sessions generates sessions, with a progress bar on a terminal only", async () => {
    const dir = tmp();
    const quiet = await cli(["dump", "--add-sessions", "3000", "-o", "big.json"], { cwd: dir });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("");
    const fixture = validateFixture(JSON.parse(readFileSync(join(dir, "big.json"), "utf8")));
    expect(createEmulator({ fixture }).inject.sessions("FS01")).toHaveLength(3004);
    const tty = await cli(["dump", "--add-sessions", "3000", "--server", "LAB01", "-o", "lab.json"], {
      cwd: dir,
      tty: true,
    });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain("generating sessions [");
    expect(tty.stderr).toContain("100.0% 3,000/3,000");
    expect(tty.stderr).toContain("writing [");
    const lab = validateFixture(JSON.parse(readFileSync(join(dir, "lab.json"), "utf8")));
    expect(createEmulator({ fixture: lab }).inject.sessions("LAB01")).toHaveLength(3000);
    expect((await cli(["dump", "--add-sessions", "1", "--server", "NOPE"])).code).toBe(1);
    expect((await cli(["dump", "--server", "FS01"])).code).toBe(2);
  });
});

describe("adsi-emu timeline", () => {
  it("writes the SVG of a scenario, to a file or to stdout", async () => {
    const dir = tmp();
    const result = await cli(["timeline", join(process.cwd(), SCENARIO), "-o", "t.svg"], { cwd: dir });
    expect(result.code).toBe(0);
    const svg = readFileSync(join(dir, "t.svg"), "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/class="lane"/g)).toHaveLength(7);
    const stdout = await cli(["timeline", SCENARIO, "-o", "-", "--width", "1200"]);
    expect(stdout.stdout).toContain('width="1200"');
    expect((await cli(["timeline", SCENARIO])).code).toBe(2);
    expect((await cli(["timeline", SCENARIO, "-o", "-", "--width", "12"])).code).toBe(2);
  });
});
