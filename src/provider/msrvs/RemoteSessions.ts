import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";
import { RemoteCollection } from "./RemoteCollection.js";
import { RemoteSession } from "./RemoteSession.js";
import { parseSessionName, sessionMatches } from "./sessionValues.js";

function requireString(name: unknown, member: string): asserts name is string {
  if (typeof name !== "string")
    throw new AdsError("E_INVALIDARG", `${member} takes a name, got ${describeValue(name)}`);
}

/**
 * `Sessions()` of a real file service (spec §5.2): one Session per NetrSessionEnum entry, re-read at
 * each enumeration. Remove is NetrSessionDel(`\\client`, user) for the pair the Name stands for, both
 * names always sent (ms-srvs-wire §4.3); the server's own code comes back for an unknown pair (Windows
 * NERR_ClientNameNotFound, Samba E_ACCESSDENIED).
 */
export class RemoteSessions extends RemoteCollection<RemoteSession> {
  protected async readItems(): Promise<RemoteSession[]> {
    const sessions = await this.binding.client.sessions();
    return sessions.map((info) => new RemoteSession(this.binding, info));
  }

  /**
   * The first listed session of the pair `name` stands for (case-insensitive); none, or a name that is
   * not `user\computer`: NERR_ClientNameNotFound (what Windows' NetSessionEnum answers for an unknown
   * client; the provider decides it, as the enumeration is not filtered by the server).
   */
  async GetObject(name: string): Promise<RemoteSession> {
    requireString(name, "Sessions.GetObject");
    const pair = parseSessionName(name);
    const sessions = pair === undefined ? [] : await this.binding.client.sessions();
    const info = pair === undefined ? undefined : sessions.find((s) => sessionMatches(s, pair));
    if (info === undefined)
      throw new AdsError("NERR_ClientNameNotFound", `no session ${describeValue(name)}`);
    return new RemoteSession(this.binding, info);
  }

  /**
   * Ends every session of the pair `name` stands for (spec §5.2, §12.3). A name without a non-empty
   * user and client around its last backslash, or with a NUL, is refused with E_INVALIDARG before
   * anything is sent: an empty name is a wildcard to NetrSessionDel and would end other sessions (the
   * caller's own too).
   */
  async Remove(name: string): Promise<void> {
    requireString(name, "Sessions.Remove");
    const pair = parseSessionName(name);
    if (pair === undefined || pair.user.length === 0 || pair.client.length === 0 || name.includes("\0")) {
      throw new AdsError("E_INVALIDARG", `${describeValue(name)} is not a session name (user\\computer)`);
    }
    await this.binding.client.deleteSession(pair.client, pair.user);
  }
}
