import { indexGet } from "../../engine/hashIndex.js";
import { trieGet, trieValues } from "../../engine/idTrie.js";
import { type FileServiceState, sessionPairKey } from "../../engine/state.js";
import { deleteSessions } from "../../engine/transitions/sessions.js";
import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";
import { requireAdministrator, requireSessionDeleteRights } from "../core/auth.js";
import { FileServiceCollection } from "./FileServiceCollection.js";
import { SessionObject } from "./SessionObject.js";

/**
 * `IADsFileServiceOperations.Sessions()` (spec §5.2): one Session per server session, re-read at each
 * enumeration. Enumeration needs an administrator unless the profile allows everyone (pre-2016 level 10,
 * spec §12.1); Remove is NetSessionDel for the (user, computer) pair the name stands for (spec §12.3).
 */
export class SessionsCollection extends FileServiceCollection<SessionObject> {
  protected readonly faultName = "Sessions";

  protected readItems(): SessionObject[] {
    const fileService = this.#readable();
    return [...trieValues(fileService.sessions)].map(
      (s) => new SessionObject(this.context, this.location, s),
    );
  }

  /** The session the name stands for (the first of its pair, in connection order). */
  GetObject(name: string): SessionObject {
    this.intercept("Sessions.GetObject");
    const fileService = this.#readable();
    const [id] = this.#idsFor(fileService, name);
    const session = id === undefined ? undefined : trieGet(fileService.sessions, id);
    if (!session)
      throw new AdsError(this.context.core.profile.unknownSessionError, `no session ${describeValue(name)}`);
    return new SessionObject(this.context, this.location, session);
  }

  /** Disconnects every session of the name's (user, computer) pair and closes their files (spec §12.3, §14 items 17-18). */
  Remove(name: string): void {
    const { core } = this.context;
    this.intercept("Sessions.Remove");
    this.#readable();
    requireSessionDeleteRights(this.context, this.location.computer);
    const pair = typeof name === "string" ? core.profile.parseSessionName(name) : undefined;
    if (!pair) throw new AdsError(core.profile.unknownSessionError, `no session ${describeValue(name)}`);
    core.store.apply(deleteSessions, {
      computer: this.location.computer,
      service: this.location.service,
      user: pair.user,
      client: pair.computer,
    });
  }

  #idsFor(fileService: FileServiceState, name: string): readonly number[] {
    const pair = typeof name === "string" ? this.context.core.profile.parseSessionName(name) : undefined;
    return pair ? indexGet(fileService.sessionsByPair, sessionPairKey(pair.user, pair.computer)) : [];
  }

  #readable(): FileServiceState {
    const fileService = this.fileServiceState();
    if (!this.context.core.profile.sessionEnumForEveryone) {
      requireAdministrator(this.context, this.location.computer, "Enumerating sessions");
    }
    return fileService;
  }
}
