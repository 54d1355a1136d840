/**
 * `adsi-emu dump`: the emulator's state as a fixture (`emu.toFixture()`), after `--tick` of virtual
 * time, optionally with `--add-sessions N` generated client sessions on one server: the way to make a
 * large test fixture (a million sessions takes a minute or two; a progress bar shows on a terminal).
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { resolve } from "node:path";
import { InvalidArgumentError } from "commander";
import type { WritableFixture } from "../../fixture/builder.js";
import type { Fixture, FixtureFileService } from "../../fixture/types.js";
import { sameName } from "../../names/foldName.js";
import { type EmulatorFlags, emulatorFrom, fixtureFrom, withEmulatorOptions } from "../common.js";
import { CliError, type CliIo, EXIT } from "../io.js";
import { writeJson } from "../jsonWriter.js";
import { startProgress } from "../progress.js";
import type { CliVerb } from "../verb.js";

/** Most sessions `--add-sessions` makes (file ids and client addresses stay unique below it). */
export const MAX_GENERATED_SESSIONS = 5_000_000;

function parseCount(value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value) || count > MAX_GENERATED_SESSIONS) {
    throw new InvalidArgumentError(
      `a number of sessions from 0 to ${MAX_GENERATED_SESSIONS.toLocaleString("en-US")}`,
    );
  }
  return count;
}

interface DumpFlags extends EmulatorFlags {
  readonly addSessions?: number;
  readonly server?: string;
  readonly tick?: string;
  readonly out?: string;
}

/**
 * Adds `count` sessions to `server`'s LanmanServer: accounts of the fixture in turn (guest when it has
 * none), clients 10.x.y.z, connected up to 8 hours before `now`, each on the first share without a user limit.
 */
export function withGeneratedSessions(io: CliIo, fixture: Fixture, server: string, count: number): Fixture {
  const draft = structuredClone(fixture) as WritableFixture;
  const domain = draft.domains.find((d) => (d.computers ?? []).some((c) => sameName(c.name, server)));
  const computer = domain?.computers?.find((c) => sameName(c.name, server));
  const lanman = computer?.services?.find((s) => sameName(s.name, "LanmanServer"));
  if (
    !domain ||
    !computer ||
    !lanman ||
    (lanman.kind !== "fileService" && lanman.kind !== "fpnwFileService")
  ) {
    throw new CliError(
      `--server ${server}: no computer with a LanmanServer file service of that name in the fixture`,
    );
  }
  const service = lanman as WritableFixture<FixtureFileService>;
  const share = (service.shares ?? []).find((s) => s.path !== "" && (s.maxUserCount ?? -1) === -1);
  const users = [...(domain.type === "workgroup" ? [] : (domain.users ?? [])), ...(computer.users ?? [])].map(
    (u) => u.name,
  );
  const now = Date.parse(fixture.now);
  const sessions = service.sessions ?? [];
  const progress = startProgress(io.stderr, "generating sessions", count);
  for (let i = 0; i < count; i++) {
    const age = i % 28_800; // seconds connected before now: up to 8 hours
    const idle = (i * 7919) % (age + 1); // seconds since its last activity: 0 to age
    sessions.push({
      user: users.length > 0 ? (users[i % users.length] as string) : "guest",
      computer: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      connectedAt: isoSeconds(now - age * 1000),
      lastActivityAt: isoSeconds(now - idle * 1000),
      ...(users.length === 0 ? { guest: true } : {}),
      ...(share ? { shares: [share.name] } : {}),
    });
    if (i % 1000 === 0) progress.update(i);
  }
  progress.finish();
  service.sessions = sessions;
  if (service.maxUserCount !== undefined && service.maxUserCount !== -1) service.maxUserCount = -1;
  return draft as Fixture;
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

/** The `dump` verb. */
export const dumpVerb: CliVerb = {
  name: "dump",
  register(program, io) {
    const command = program
      .command("dump")
      .summary("print the state as a fixture (optionally with generated sessions)")
      .description(
        "Prints the emulator's state as a fixture (emu.toFixture()): the fixture after --tick of virtual time, with --add-sessions N generated sessions on --server. A progress bar shows on a terminal.",
      )
      .option("--add-sessions <n>", "generate this many client sessions first", parseCount)
      .option("--server <computer>", "where --add-sessions puts them (default: the fixture's local computer)")
      .option("--tick <duration>", "let the virtual clock run this long first, e.g. 15m")
      .option("-o, --out <file>", "write to this file instead of stdout");
    withEmulatorOptions(command).action((flags: DumpFlags) => {
      let fixture = fixtureFrom(io, flags);
      const count = flags.addSessions ?? 0;
      if (count > 0) {
        const server =
          flags.server ?? fixture.localComputer ?? fixture.domains[0]?.computers?.[0]?.name ?? "";
        fixture = withGeneratedSessions(io, fixture, server, count);
        if (io.stderr.isTTY)
          io.stderr.write(`loading ${count.toLocaleString("en-US")} sessions into the emulator...\n`);
      } else if (flags.server !== undefined) {
        throw new CliError("--server only goes with --add-sessions", EXIT.usage);
      }
      const emu = emulatorFrom(io, flags, fixture);
      if (flags.tick !== undefined) {
        try {
          emu.clock.tick(flags.tick);
        } catch (error) {
          throw new CliError(`--tick ${flags.tick}: ${(error as Error).message}`, EXIT.usage);
        }
      }
      const state = emu.toFixture();
      const total = state.domains.reduce(
        (sum, d) =>
          sum +
          (d.computers ?? []).reduce(
            (n, c) =>
              n +
              (c.services ?? []).reduce((k, s) => k + ("sessions" in s ? (s.sessions?.length ?? 0) : 0), 0),
            0,
          ),
        0,
      );
      const progress = startProgress(io.stderr, "writing", count > 0 ? total : 0);
      let written = 0;
      const onSession = () => {
        written++;
        if (written % 1000 === 0) progress.update(written);
      };
      if (flags.out === undefined) writeJson(state, (text) => io.stdout.write(text), onSession);
      else {
        const fd = openSync(resolve(io.cwd, flags.out), "w");
        try {
          writeJson(state, (text) => writeSync(fd, text), onSession);
        } finally {
          closeSync(fd);
        }
      }
      progress.finish();
    });
  },
};
