import { firstPairSession } from "../../engine/sessionPairs.js";
import type { FileServiceState } from "../../engine/state.js";
import { deleteSessions } from "../../engine/transitions/sessions.js";
import { AdsError } from "../../errors/AdsError.js";
import { describeValue } from "../../errors/describeValue.js";
import { bstrArgument } from "../core/arguments.js";
import { requireAdministrator, requireSessionDeleteRights } from "../core/auth.js";
import { sealFacadeClass } from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import { trieListing } from "../core/enumerator.js";
import { contextOf } from "../core/internals.js";
import { FileServiceCollection, runningFileService } from "./FileServiceCollection.js";
import type { FileServiceLocation } from "./fileServiceLocation.js";
import { SessionObject, sessionKind } from "./SessionObject.js";

/** The file service's state, if the caller may enumerate sessions: administrators unless the profile allows everyone. */
function readableSessions(context: BindContext, location: FileServiceLocation): FileServiceState {
  const fileService = runningFileService(context, location);
  if (!context.core.profile.sessionEnumForEveryone) {
    requireAdministrator(context, location.computer, "Enumerating sessions");
  }
  return fileService;
}

/**
 * `IADsFileServiceOperations.Sessions()` (spec §5.2): one Session per server session, re-read at each
 * enumeration. Enumeration needs an administrator unless the profile allows everyone (pre-2016 level 10,
 * spec §12.1); Remove is NetSessionDel for the (user, computer) pair the name stands for (spec §12.3).
 */
export class SessionsCollection extends FileServiceCollection<SessionObject> {
  readonly #location: FileServiceLocation;

  /** The sessions of the file service at `location`. */
  constructor(context: BindContext, location: FileServiceLocation) {
    const kind = sessionKind(location);
    super(context, location, "Sessions", () =>
      trieListing(
        readableSessions(context, location).sessions,
        (session) => new SessionObject(context, kind, session),
      ),
    );
    this.#location = location;
  }

  /** The session the name stands for (the first of its pair, in connection order). */
  GetObject(name: string): SessionObject {
    name = bstrArgument(name, "Sessions.GetObject's name");
    const context = contextOf(this);
    context.core.intercept("Sessions.GetObject", this.#location.servicePath);
    const fileService = readableSessions(context, this.#location);
    const pair = typeof name === "string" ? context.core.profile.parseSessionName(name) : undefined;
    const session = pair
      ? firstPairSession(fileService.sessionsByPair, fileService.sessions, pair.user, pair.computer)
      : undefined;
    if (!session)
      throw new AdsError(context.core.profile.unknownSessionError, `no session ${describeValue(name)}`);
    return new SessionObject(context, sessionKind(this.#location), session);
  }

  /** Disconnects every session of the name's (user, computer) pair and closes their files (spec §12.3, §14 items 17-18). */
  Remove(name: string): void {
    name = bstrArgument(name, "Sessions.Remove's name");
    const context = contextOf(this);
    context.core.intercept("Sessions.Remove", this.#location.servicePath);
    const { core } = context;
    readableSessions(context, this.#location);
    requireSessionDeleteRights(context, this.#location.computer);
    const pair = typeof name === "string" ? core.profile.parseSessionName(name) : undefined;
    if (!pair)
      throw new AdsError(core.profile.sessionDeleteNoMatchError, `no session ${describeValue(name)}`);
    core.store.apply(deleteSessions, {
      computer: this.#location.computer,
      service: this.#location.service,
      user: pair.user,
      client: pair.computer,
    });
  }
}
sealFacadeClass(SessionsCollection);
