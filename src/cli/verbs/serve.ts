/**
 * `adsi-emu serve [--port P] [--fixture F] [--scenario S] [--profile P]`: wire mode (docs/wire-mode.md).
 * The emulator listens on loopback and serves MS-SRVS over SMB2 until SIGINT or SIGTERM; with a scenario
 * the virtual clock follows the host's (`--speed` times faster) so the scenario plays while clients watch.
 */
import { InvalidArgumentError, Option } from "commander";
import type { Scenario } from "../../fixture/scenarioTypes.js";
import { followHostClock } from "../../wire/realTimeClock.js";
import { serve } from "../../wire/serve.js";
import { type EmulatorFlags, emulatorFrom, readJsonFile, withEmulatorOptions } from "../common.js";
import { CliError, EXIT } from "../io.js";
import type { CliVerb } from "../verb.js";
import { looksLikeScenario, scenarioIssues } from "./validate.js";

interface ServeFlags extends EmulatorFlags {
  readonly port: number;
  readonly host: string;
  readonly allowRemote?: boolean;
  readonly server?: string;
  readonly scenario?: string;
  readonly speed: number;
}

function parseNumber(what: string, min: number, max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value) || number < min || number > max) {
      throw new InvalidArgumentError(`${what} is a number from ${min} to ${max}`);
    }
    return number;
  };
}

/** Resolves when the process is told to stop. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

/** The `serve` verb. */
export const serveVerb: CliVerb = {
  name: "serve",
  register(program, io) {
    const command = program
      .command("serve")
      .summary("serve the emulator over SMB2 + MS-SRVS for real clients (smbclient, rpcclient, python)")
      .description(
        "Wire mode (docs/wire-mode.md): listens on --host:--port (loopback) and answers SMB2 + MS-SRVS like a Windows file server, with the fixture's accounts and passwords. Runs until SIGINT/SIGTERM.",
      )
      .addOption(
        new Option("--port <port>", "TCP port (0: any free port)")
          .argParser(parseNumber("the port", 0, 65535))
          .default(4450),
      )
      .option("--host <address>", "address to listen on", "127.0.0.1")
      .option("--allow-remote", "allow a non-loopback --host (anyone who reaches it can sign in)")
      .option("--server <computer>", "the fixture computer to serve (default: its local computer)")
      .option("--scenario <file>", "a scenario to play; the virtual clock then follows the host clock")
      .addOption(
        new Option("--speed <n>", "virtual seconds per real second with --scenario")
          .argParser(parseNumber("the speed", 0.001, 100000))
          .default(1),
      );
    withEmulatorOptions(command).action(async (flags: ServeFlags) => {
      const emu = emulatorFrom(io, flags);
      let stopClock = () => {};
      if (flags.scenario !== undefined) {
        const scenario = readJsonFile(io, flags.scenario);
        const issues = looksLikeScenario(scenario)
          ? scenarioIssues(scenario)
          : [{ path: "$", reason: "not a scenario" }];
        if (issues.length > 0) {
          throw new CliError(
            [
              `${flags.scenario} is not a valid scenario:`,
              ...issues.map((i) => `  ${i.path}: ${i.reason}`),
            ].join("\n"),
          );
        }
        emu.play(scenario as Scenario);
        stopClock = followHostClock(emu, {
          speed: flags.speed,
          onError: (error) => io.stderr.write(`scenario: ${(error as Error).message}\n`),
        });
      }
      let server: Awaited<ReturnType<typeof serve>>;
      try {
        server = await serve(emu, {
          port: flags.port,
          host: flags.host,
          ...(flags.allowRemote ? { allowRemote: true } : {}),
          ...(flags.server === undefined ? {} : { server: flags.server }),
        });
      } catch (error) {
        stopClock();
        throw new CliError(`cannot serve: ${(error as Error).message}`, EXIT.failed);
      }
      io.stdout.write(
        `adsi-emu serve: ${server.server} on ${server.host}:${server.port} (profile ${emu.profile.name}); Ctrl-C stops\n`,
      );
      const signal = await untilSignal();
      stopClock();
      await server.close();
      io.stdout.write(`adsi-emu serve: stopped (${signal})\n`);
    });
  },
};
