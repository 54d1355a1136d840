/**
 * The recorder: probes a provider under test and writes down what it observed for each choice the spec
 * leaves unconfirmed ([U]): the session Name format, ConnectTime units, the codes for unknown names and
 * ids, whether IdleTime is tracked, what a non-administrator and a wrong password get. Run against a
 * real Windows host (through the winax target), its output pins the `windows` profile's [U] fields;
 * {@link profileDisagreements} lists where a profile differs from what was observed.
 */
import { AdsError } from "../errors/AdsError.js";
import type { FidelityProfile } from "../profile/FidelityProfile.js";
import { failureOf, list } from "./check.js";
import type { ContractTarget } from "./types.js";
import { CONTRACT_SUITE_VERSION } from "./version.js";

/** What one probe observed. */
export interface Observation {
  /** The spec section and item it settles. */
  readonly spec: string;
  /** What was observed: a format, a unit, an HRESULT symbol, `success`, or a raw value. */
  readonly observed: string;
}

/** A recording: the provider's name and its observations by key. */
export interface Recording {
  readonly provider: string;
  readonly suiteVersion: number;
  readonly observations: Readonly<Record<string, Observation>>;
}

async function outcome(action: () => unknown): Promise<string> {
  const error = await failureOf(action);
  if (error === undefined) return "success";
  if (error instanceof AdsError) return error.code;
  return `non-AdsError: ${String(error)}`;
}

function nameFormat(name: string, user: string, client: string): string {
  const forms: Record<string, string> = {
    [`${user}\\${client}`]: "User\\Computer",
    [`${client}\\${user}`]: "Computer\\User",
    [client]: "Computer",
    [user]: "User",
  };
  return forms[name] ?? `other: ${name}`;
}

/**
 * Probes `target` (it opens and closes sessions and files through its driver, and waits `waitMs` of its
 * time, 61 s by default so that minutes and seconds tell apart) and returns the recording.
 */
export async function recordObservations(
  provider: string,
  target: ContractTarget,
  options: { readonly waitMs?: number } = {},
): Promise<Recording> {
  const waitMs = options.waitMs ?? 61_000;
  const [userName] = target.accounts.users;
  const fso = await target.bind();
  const session = await target.driver.openSession(userName);
  await session.openFile("recorder.txt");
  await target.driver.advance(waitMs);
  const ours = (await list(fso.Sessions())).filter((s) => s.User.toUpperCase() === userName.toUpperCase());
  const listed = ours[0];
  const resource = (await list(fso.Resources())).find((r) => r.User.toUpperCase() === userName.toUpperCase());
  const observations: Record<string, Observation> = {
    sessionName: {
      spec: "§5.2, §15.1 session Name format",
      observed: listed ? nameFormat(listed.Name, listed.User, listed.Computer) : "no session listed",
    },
    connectTimeUnits: {
      spec: "§6, §15.2 ConnectTime units",
      observed: !listed
        ? "no session listed"
        : Math.abs(listed.ConnectTime - waitMs / 1000) <= 2
          ? "seconds"
          : Math.abs(listed.ConnectTime - waitMs / 60_000) <= 1
            ? "minutes"
            : `other: ${listed.ConnectTime} after ${waitMs} ms`,
    },
    idleTimeTracked: {
      spec: "§12.5 IdleTime tracked",
      observed: listed ? String(listed.IdleTime > 0) : "no session listed",
    },
    resourceName: {
      spec: "§5.3, §15.5 Resource Name format",
      observed: !resource
        ? "no file listed"
        : /^\d+$/.test(resource.Name)
          ? "decimal file id"
          : `other: ${resource.Name}`,
    },
    unknownSessionGetObject: {
      spec: "§5.2, §15.4 Sessions.GetObject of an unknown name",
      observed: await outcome(async () => (await fso.Sessions()).GetObject("nobody\\10.254.254.254")),
    },
    unknownSessionRemove: {
      spec: "§5.2, §15.4 Sessions.Remove of an unknown name",
      observed: await outcome(async () => (await fso.Sessions()).Remove("nobody\\10.254.254.254")),
    },
    unknownFileRemove: {
      spec: "§12.4, §15.12 Resources.Remove of an unknown id",
      observed: await outcome(async () => (await fso.Resources()).Remove("4294967295")),
    },
    nonAdminEnumerate: {
      spec: "§12.1, §14.23 a non-administrator enumerating Sessions",
      observed: await outcome(async () => list((await target.bind(target.accounts.user)).Sessions())),
    },
    wrongPassword: {
      spec: "§2.5 binding with a wrong password",
      observed: await outcome(() =>
        target.bind({ user: target.accounts.admin.user, password: "not-the-password" }),
      ),
    },
  };
  await target.driver.cleanup();
  return { provider, suiteVersion: CONTRACT_SUITE_VERSION, observations };
}

/** What `profile` would make the emulator answer for each recorded key. */
export function profileExpectations(profile: FidelityProfile): Readonly<Record<string, string>> {
  const name = profile.sessionName("USER", "CLIENT");
  return {
    sessionName: nameFormat(name, "USER", "CLIENT"),
    connectTimeUnits: "seconds",
    idleTimeTracked: String(!profile.idleTimeAlwaysZero),
    resourceName: /^\d+$/.test(profile.resourceName(42))
      ? "decimal file id"
      : `other: ${profile.resourceName(42)}`,
    unknownSessionGetObject: profile.unknownSessionError,
    unknownSessionRemove: profile.sessionDeleteNoMatchError,
    unknownFileRemove: profile.closeUnknownFileError,
    nonAdminEnumerate: profile.sessionEnumForEveryone ? "success" : "E_ACCESSDENIED",
    wrongPassword: "ERROR_LOGON_FAILURE",
  };
}

/** The recorded keys where `profile` answers differently from what `recording` observed. */
export function profileDisagreements(
  recording: Recording,
  profile: FidelityProfile,
): { readonly key: string; readonly spec: string; readonly profile: string; readonly observed: string }[] {
  const expected = profileExpectations(profile);
  return Object.entries(recording.observations)
    .filter(([key, observation]) => expected[key] !== undefined && expected[key] !== observation.observed)
    .map(([key, observation]) => ({
      key,
      spec: observation.spec,
      profile: expected[key] as string,
      observed: observation.observed,
    }));
}
