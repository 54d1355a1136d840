import type { SessionState } from "../../engine/state.js";
import { AdsError } from "../../errors/AdsError.js";
import { AdsObject, IADS_INTERFACES } from "../core/AdsObject.js";
import { defineCacheAccessors, defineUnsupportedAccessors, sealFacadeClass } from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import { fileServiceOf } from "../core/locate.js";
import type { StoredValues } from "../core/propertyCache.js";
import type { IADsSession } from "../interfaces/IADsSession.js";
import type { Variant } from "../interfaces/Variant.js";
import { definePropertyList } from "../propertyList/definePropertyList.js";
import { dependentNames, type FileServiceLocation } from "./fileServiceLocation.js";

/** Interfaces of a Session (spec §1.1). */
const INTERFACES = Object.freeze([...IADS_INTERFACES, "IADsSession", "IADsPropertyList"]);

/** Whole seconds from `from` to `to` (epoch ms), as a LONG (spec §6: seconds, not minutes). */
export function elapsedSeconds(from: number, to: number): number {
  return Math.min(0x7fffffff, Math.max(0, Math.floor((to - from) / 1000)));
}

/**
 * A server session (spec §6, §12.6): IADsSession. All members are get-only; ConnectTime and IdleTime
 * are seconds computed from the emulator's clock when the cache loads. UserPath and ComputerPath are
 * unsupported by WinNT. A dependent object: its ADsPath cannot be used to bind (spec §2.4).
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the dual-interface accessors are installed below
export class SessionObject extends AdsObject {
  /** Binds the session `session` of the file service at `location`. */
  constructor(context: BindContext, location: FileServiceLocation, session: SessionState) {
    const name = context.core.profile.sessionName(session.user, session.computer);
    const className = location.fpnw ? "FPNWSession" : "Session";

    super(context, dependentNames(context, location, name, className), INTERFACES, {
      load: () => loadSession(context, location, session.id, name),
    });
  }
}

function loadSession(
  context: BindContext,
  location: FileServiceLocation,
  id: number,
  name: string,
): StoredValues {
  const { core } = context;
  const session = fileServiceOf(core, location.computer, location.service).sessions.get(id);
  if (!session) throw new AdsError(core.profile.unknownSessionError, `session ${name} has ended`);
  const now = core.env.clock.now();
  const values = new Map<string, readonly Variant[]>([
    ["User", [session.user]],
    ["Computer", [session.computer]],
    ["ConnectTime", [elapsedSeconds(session.connectedAt, now)]],
  ]);
  if (!location.fpnw) {
    values.set("IdleTime", [
      core.profile.idleTimeAlwaysZero ? 0 : elapsedSeconds(session.lastActivityAt, now),
    ]);
  }
  return values;
}

/** The dual-interface properties, merged onto the class. */
export interface SessionObject extends Omit<IADsSession, keyof AdsObject> {}
defineCacheAccessors(SessionObject, ["User", "Computer", "ConnectTime", "IdleTime"], { getOnly: true });
defineUnsupportedAccessors(SessionObject, ["UserPath", "ComputerPath"], { getOnly: true });
definePropertyList(SessionObject);
sealFacadeClass(SessionObject);
