/**
 * One-command contract run against a real Windows host (docs/contract.md, "Against a Windows host"):
 * `defineWindowsContractSuite()` reads the host and accounts from environment variables, registers the
 * suite against the real WinNT provider through winax, and (with `ADSI_RECORD=file.json`) writes the
 * recorder's observations of the [U] choices next to it.
 */
import { writeFileSync } from "node:fs";
import { afterAll, it } from "vitest";
import type { Credentials } from "../adsi/core/context.js";
import { AdsError } from "../errors/AdsError.js";
import { defineContractSuite } from "./defineContractSuite.js";
import { recordObservations } from "./recorder.js";
import type { ContractTarget, DivergenceManifest } from "./types.js";
import { netUseDriver, winaxTarget } from "./winaxTarget.js";

/** The environment variables the Windows run reads. */
export const WINDOWS_SUITE_VARIABLES = Object.freeze({
  ADSI_SERVER: "the server's computer name, e.g. FS01",
  ADSI_SHARE: "a share the test users may write to",
  ADSI_CLIENT: "this machine's address as the server lists it (sesi_cname)",
  ADSI_ADMIN: "DOMAIN\\admin:password",
  ADSI_USER: "DOMAIN\\user:password (an ordinary account)",
  ADSI_USERS: "DOMAIN\\alice:password,DOMAIN\\bob:password (sessions are opened as these)",
  ADSI_RECORD: "optional: a file to write the recorder's observations to",
});

function credentials(text: string | undefined, name: string): Credentials {
  const at = text?.lastIndexOf(":") ?? -1;
  if (!text || at <= 0) throw new AdsError("E_INVALIDARG", `set ${name} as DOMAIN\\user:password`);
  return { user: text.slice(0, at), password: text.slice(at + 1) };
}

/** The target the environment describes (throws E_INVALIDARG naming a missing variable). */
export function windowsTargetFromEnv(env: NodeJS.ProcessEnv = process.env): ContractTarget {
  const need = (name: keyof typeof WINDOWS_SUITE_VARIABLES): string => {
    const value = env[name];
    if (!value) throw new AdsError("E_INVALIDARG", `set ${name}: ${WINDOWS_SUITE_VARIABLES[name]}`);
    return value;
  };
  const server = need("ADSI_SERVER");
  const users = need("ADSI_USERS")
    .split(",")
    .map((entry) => credentials(entry, "ADSI_USERS"));
  if (users.length < 2) throw new AdsError("E_INVALIDARG", "ADSI_USERS needs at least two accounts");
  const names = users.map((u) => u.user) as [string, string, ...string[]];
  return winaxTarget({
    server,
    admin: credentials(env.ADSI_ADMIN, "ADSI_ADMIN"),
    user: credentials(env.ADSI_USER, "ADSI_USER"),
    users: names,
    driver: netUseDriver({
      server,
      share: need("ADSI_SHARE"),
      client: need("ADSI_CLIENT"),
      passwords: Object.fromEntries(users.map((u) => [u.user, u.password])),
    }),
  });
}

/** Registers the contract suite against the Windows host of the environment; see the module comment. */
export function defineWindowsContractSuite(manifest?: DivergenceManifest): void {
  defineContractSuite({
    name: "real WinNT provider (Windows, winax)",
    setup: () => windowsTargetFromEnv(),
    manifest,
  });
  const record = process.env.ADSI_RECORD;
  if (record) {
    let target: ContractTarget | undefined;
    it("records the [U] observations", async () => {
      target = windowsTargetFromEnv();
      writeFileSync(
        record,
        `${JSON.stringify(await recordObservations("Windows (winax)", target), null, 2)}\n`,
      );
    }, 120_000);
    afterAll(async () => {
      await target?.driver.cleanup();
    });
  }
}
