/**
 * Random command sequences over the public API (injector, clock, faults, ADSI), for the property tests of
 * time and events. A command is plain data; {@link runCommand} applies it to an emulator and returns a
 * transcript line: what it saw, or the HRESULT it failed with. Anything but an AdsError fails the test.
 */
import { fc } from "@fast-check/vitest";
import { AdsError, type Emulator, type IADsSession, type Scenario } from "../../src/index.js";
import { fs01 } from "./helpers.js";

/** One command. Indexes pick among the sessions or files open at the time (modulo their count). */
export type Command =
  | {
      readonly kind: "open";
      readonly user: string;
      readonly client: string;
      readonly shares: readonly string[];
    }
  | { readonly kind: "activity" | "close" | "remove"; readonly index: number }
  | { readonly kind: "openFile"; readonly index: number; readonly path: string; readonly locks: number }
  | { readonly kind: "closeFile" | "closeResource"; readonly index: number }
  | { readonly kind: "lock" | "unlock"; readonly index: number; readonly count: number }
  | { readonly kind: "tick"; readonly ms: number }
  | { readonly kind: "service"; readonly action: "stop" | "start" | "pause" | "continue" | "crash" }
  | { readonly kind: "autoDisconnect"; readonly minutes: number; readonly exempt: boolean }
  | { readonly kind: "fault"; readonly operation: string; readonly first: number; readonly latency: number }
  | { readonly kind: "clearFaults" }
  | { readonly kind: "play"; readonly delay: number; readonly every: number; readonly times: number }
  | { readonly kind: "enumerate" };

const index = fc.nat({ max: 7 });

/** The command arbitrary; `weights` favour the common events. */
export const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("open" as const),
      user: fc.constantFrom("alice", "bob", "carol", "mallory"),
      client: fc.constantFrom("10.0.0.5", "10.0.0.6", "WS-1"),
      shares: fc.subarray(["Public", "Small", "Users"]),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constantFrom("activity" as const, "close" as const, "remove" as const),
      index,
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("openFile" as const),
      index,
      path: fc.constantFrom("Public\\a.txt", "Users\\b.txt", "Small\\c.txt", "C:\\Shares\\Public\\d.txt"),
      locks: fc.nat({ max: 2 }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({ kind: fc.constantFrom("closeFile" as const, "closeResource" as const), index }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constantFrom("lock" as const, "unlock" as const),
      index,
      count: fc.integer({ min: 1, max: 2 }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("tick" as const),
      ms: fc.integer({ min: 0, max: 20 * 60_000 }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("service" as const),
      action: fc.constantFrom(
        "stop" as const,
        "start" as const,
        "pause" as const,
        "continue" as const,
        "crash" as const,
      ),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("autoDisconnect" as const),
      minutes: fc.constantFrom(-1, 0, 1, 5, 15),
      exempt: fc.boolean(),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("fault" as const),
      operation: fc.constantFrom(
        "Sessions",
        "enumerate.Sessions",
        "inject.openSession",
        "inject.openFile",
        "Sessions.Remove",
      ),
      first: fc.integer({ min: 1, max: 2 }),
      latency: fc.constantFrom(0, 0, 30_000, 600_000),
    }),
    weight: 1,
  },
  { arbitrary: fc.constant({ kind: "clearFaults" as const }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant("play" as const),
      delay: fc.integer({ min: 0, max: 10 * 60_000 }),
      every: fc.integer({ min: 1, max: 5 * 60_000 }),
      times: fc.integer({ min: 1, max: 4 }),
    }),
    weight: 1,
  },
  { arbitrary: fc.constant({ kind: "enumerate" as const }), weight: 2 },
);

/** A random command sequence. */
export const commandsArbitrary = (maxLength = 40) => fc.array(commandArbitrary, { maxLength });

function pick<T>(items: readonly T[], i: number): T | undefined {
  return items.length === 0 ? undefined : items[i % items.length];
}

function sessionRows(emu: Emulator): string {
  return [...fs01(emu).Sessions()]
    .map((s: IADsSession) => `${s.Name}:${s.ConnectTime}:${s.IdleTime}`)
    .join(",");
}

function perform(emu: Emulator, command: Command): string {
  const sessions = () => emu.inject.sessions("FS01");
  const files = () => emu.inject.files("FS01");
  switch (command.kind) {
    case "open": {
      const guest = command.user === "mallory";
      return emu.inject.openSession({
        server: "FS01",
        user: command.user,
        client: command.client,
        shares: command.shares,
        guest,
      }).name;
    }
    case "activity":
    case "close": {
      const session = pick(sessions(), command.index);
      if (!session) return "none";
      if (command.kind === "activity") emu.inject.activity(session);
      else emu.inject.closeSession(session);
      return session.name;
    }
    case "remove": {
      const session = pick(sessions(), command.index);
      if (!session) return "none";
      fs01(emu).Sessions().Remove(session.name);
      return session.name;
    }
    case "openFile": {
      const session = pick(sessions(), command.index);
      return session ? emu.inject.openFile(session, command.path, { locks: command.locks }).name : "none";
    }
    case "closeFile":
    case "closeResource": {
      const file = pick(files(), command.index);
      if (!file) return "none";
      if (command.kind === "closeFile") emu.inject.closeFile(file);
      else fs01(emu).Resources().Remove(file.name);
      return file.name;
    }
    case "lock":
    case "unlock": {
      const file = pick(files(), command.index);
      if (!file) return "none";
      if (command.kind === "lock") emu.inject.lock(file, command.count);
      else emu.inject.unlock(file, command.count);
      return file.name;
    }
    case "tick":
      return String(emu.clock.tick(command.ms));
    case "service": {
      const act = {
        stop: "stopService",
        start: "startService",
        pause: "pauseService",
        continue: "continueService",
        crash: "crashService",
      } as const;
      emu.inject[act[command.action]]("FS01");
      return command.action;
    }
    case "autoDisconnect":
      emu.inject.setAutoDisconnect("FS01", { minutes: command.minutes, exemptOpenFiles: command.exempt });
      return "set";
    case "fault":
      return String(
        emu.faults.add({
          operation: command.operation,
          first: command.first,
          ...(command.latency > 0
            ? { latency: command.latency }
            : { error: "RPC_S_SERVER_UNAVAILABLE" as const }),
        }).id,
      );
    case "clearFaults":
      emu.faults.clear();
      return "cleared";
    case "play": {
      const scenario: Scenario = {
        timeline: [
          {
            at: `+${command.delay}ms`,
            action: "openSession",
            server: "FS01",
            user: "carol",
            client: "10.9.9.9",
            as: "carol",
          },
          {
            at: `+${command.delay + 1}ms`,
            action: "activity",
            session: "carol",
            every: `${command.every}ms`,
            times: command.times,
          },
        ],
      };
      return String(emu.play(scenario));
    }
    case "enumerate":
      return sessionRows(emu);
  }
}

/** Applies `command`; returns `ok <what>` or `err <HRESULT symbol>`. */
export function runCommand(emu: Emulator, command: Command): string {
  try {
    return `ok ${perform(emu, command)}`;
  } catch (error) {
    if (error instanceof AdsError) return `err ${error.code}`;
    throw error;
  }
}

/** Applies every command; returns the transcript. */
export function runCommands(emu: Emulator, commands: readonly Command[]): string[] {
  return commands.map((command) => runCommand(emu, command));
}
