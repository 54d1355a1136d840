import { afterAll, beforeAll, describe } from "vitest";
import { locateSambaBinaries } from "./binaries.js";
import { SambaServer, type StartSambaOptions } from "./SambaServer.js";

/** Timeout of the start and stop hooks (start ~0.5 s, stop ~1.5 s on a 2-core machine). */
const HOOK_TIMEOUT_MS = 30_000;

/**
 * Decides what the Samba tests do on this machine: run; skip LOUDLY (binaries missing and `CI` unset);
 * or fail (binaries missing under CI, where `.ci/run` installs them).
 */
export function sambaTestMode(
  missing: readonly string[] = locateSambaBinaries().missing,
  env: NodeJS.ProcessEnv = process.env,
): { mode: "run" } | { mode: "skip" | "fail"; missing: readonly string[] } {
  if (missing.length === 0) return { mode: "run" };
  return { mode: env.CI ? "fail" : "skip", missing };
}

/** The loud banner printed (console.warn) when Samba tests are skipped. */
export function skipBanner(name: string, missing: readonly string[]): string {
  const bar = "!".repeat(88);
  return [
    "",
    bar,
    `!!! SKIPPING "${name}": Samba binaries missing: ${missing.join(", ")}`,
    "!!! Install: apt-get install -y --no-install-recommends samba smbclient libnss-wrapper",
    "!!! (with CI set these tests fail instead of skipping)",
    bar,
    "",
  ].join("\n");
}

/**
 * A describe block with ONE private Samba per test file: started in beforeAll, stopped in afterAll
 * (which fails the file if any process survived). `body` gets a getter for the running server.
 * Without the Samba binaries the block is skipped with a loud console.warn naming them, unless
 * `process.env.CI` is set: then the start hook fails.
 */
export function describeWithSamba(
  name: string,
  body: (server: () => SambaServer) => void,
  options: StartSambaOptions = {},
): void {
  const decision = sambaTestMode();
  if (decision.mode === "skip") {
    console.warn(skipBanner(name, decision.missing));
    describe.skip(name, () => body(() => undefined as unknown as SambaServer));
    return;
  }
  describe(name, () => {
    let server: SambaServer | undefined;
    beforeAll(async () => {
      if (decision.mode === "fail") {
        throw new Error(`CI is set but Samba binaries are missing: ${decision.missing.join(", ")}`);
      }
      server = await SambaServer.start(options);
    }, HOOK_TIMEOUT_MS);
    afterAll(async () => {
      await server?.stop();
    }, HOOK_TIMEOUT_MS);
    body(() => {
      if (server === undefined) throw new Error("Samba did not start");
      return server;
    });
  });
}
