import type { DirectoryState, SessionState } from "../../engine/state.js";
import { AdsError } from "../../errors/AdsError.js";
import { AdsObject, classDefinitionOf, IADS_INTERFACES, type LightKind } from "../core/AdsObject.js";
import { defineCacheAccessors, defineUnsupportedAccessors, sealFacadeClass } from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import { fileServiceOf } from "../core/locate.js";
import type { IADsSession } from "../interfaces/IADsSession.js";
import type { Variant } from "../interfaces/Variant.js";
import { definePropertyList } from "../propertyList/definePropertyList.js";
import { dependentNamer, type FileServiceLocation } from "./fileServiceLocation.js";

/** Interfaces of a Session (spec §1.1). */
const INTERFACES = Object.freeze([...IADS_INTERFACES, "IADsSession", "IADsPropertyList"]);

/** Whole seconds from `from` to `to` (epoch ms), as a LONG (spec §6: seconds, not minutes). */
export function elapsedSeconds(from: number, to: number): number {
  return Math.min(0x7fffffff, Math.max(0, Math.floor((to - from) / 1000)));
}

/** What a Session object's first read loads: its values at that moment (IdleTime absent under FPNW). */
interface SessionValues {
  readonly User: string;
  readonly Computer: string;
  readonly ConnectTime: number;
  readonly IdleTime: number | undefined;
}

/** The kind of the sessions of one file service, by location (one per file service object). */
const kinds = new WeakMap<FileServiceLocation, LightKind<SessionState, SessionValues>>();

/**
 * How the Session objects of the file service at `location` are named and read: Name from the profile
 * (`sessionName`), ADsPath below the file service, values read from the current state when first read
 * (ConnectTime and IdleTime in seconds at that moment; an ended session is the profile's error).
 */
export function sessionKind(location: FileServiceLocation): LightKind<SessionState, SessionValues> {
  let kind = kinds.get(location);
  if (kind === undefined) {
    const className = location.fpnw ? "FPNWSession" : "Session";
    const names = dependentNamer(location, className);
    kind = Object.freeze({
      classDefinition: classDefinitionOf(className),
      properties: new Map(),
      interfaces: INTERFACES,
      name: (context: BindContext, session: SessionState) =>
        context.core.profile.sessionName(session.user, session.computer),
      names: (context: BindContext, _session: SessionState, name: string) => names(context, name),
      load: (context: BindContext, session: SessionState, name: string, listed: unknown) =>
        loadSession(context, location, session, name, listed),
      value: (values: SessionValues, property: string) =>
        property === "User"
          ? values.User
          : property === "Computer"
            ? values.Computer
            : property === "ConnectTime"
              ? values.ConnectTime
              : property === "IdleTime"
                ? values.IdleTime
                : undefined,
      stored: (values: SessionValues) => {
        const stored = new Map<string, readonly Variant[]>([
          ["User", [values.User]],
          ["Computer", [values.Computer]],
          ["ConnectTime", [values.ConnectTime]],
        ]);
        if (values.IdleTime !== undefined) stored.set("IdleTime", [values.IdleTime]);
        return stored;
      },
    });
    kinds.set(location, kind);
  }
  return kind;
}

/**
 * A server session (spec §6, §12.6): IADsSession. All members are get-only; ConnectTime and IdleTime
 * are seconds computed from the emulator's clock when the cache loads. UserPath and ComputerPath are
 * unsupported by WinNT. A dependent object: its ADsPath cannot be used to bind (spec §2.4). A light
 * object ({@link LightKind}): enumerating a million sessions makes each one only when handed out.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the dual-interface accessors are installed below
export class SessionObject extends AdsObject {
  /**
   * The session `session`, listed in state `listed`, of the file service `kind` stands for (see
   * {@link sessionKind}).
   */
  constructor(
    context: BindContext,
    kind: LightKind<SessionState, SessionValues>,
    session: SessionState,
    listed?: DirectoryState,
  ) {
    super(context, kind as LightKind<unknown>, session, listed);
  }
}

/** The session's values now; the record it was listed with is current while the state has not changed. */
function loadSession(
  context: BindContext,
  location: FileServiceLocation,
  listedRecord: SessionState,
  name: string,
  listed: unknown,
): SessionValues {
  const { core } = context;
  const session =
    listed !== undefined && core.store.state === listed
      ? listedRecord
      : fileServiceOf(core, location.computer, location.service).sessions.get(listedRecord.id);
  if (!session) throw new AdsError(core.profile.unknownSessionError, `session ${name} has ended`);
  const now = core.env.clock.now();
  return {
    User: session.user,
    Computer: session.computer,
    ConnectTime: elapsedSeconds(session.connectedAt, now),
    IdleTime: location.fpnw
      ? undefined
      : core.profile.idleTimeAlwaysZero
        ? 0
        : elapsedSeconds(session.lastActivityAt, now),
  };
}

/** The dual-interface properties, merged onto the class. */
export interface SessionObject extends Omit<IADsSession, keyof AdsObject> {}
defineCacheAccessors(SessionObject, ["User", "Computer", "ConnectTime", "IdleTime"], { getOnly: true });
defineUnsupportedAccessors(SessionObject, ["UserPath", "ComputerPath"], { getOnly: true });
definePropertyList(SessionObject);
sealFacadeClass(SessionObject);
