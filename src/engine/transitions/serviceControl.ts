import type { Draft } from "immer";
import { AdsError } from "../../errors/AdsError.js";
import type { SessionEndReason } from "../changes.js";
import { SERVICE_STATUS, START_TYPE } from "../fromFixture.js";
import { emptyHashIndex } from "../hashIndex.js";
import { emptySessions, idleQueueOf } from "../idleQueue.js";
import { emptyIdTrie } from "../idTrie.js";
import type { FileServiceState, NameKey, OpenFileState, Writable } from "../state.js";
import { defineTransition, type TransitionContext } from "../store.js";
import { draftService } from "./draftAccess.js";

/** An IADsServiceOperations control request (spec §8.1). */
export type ServiceControlRequest = "start" | "stop" | "pause" | "continue";

const { stopped: STOPPED, running: RUNNING, paused: PAUSED } = SERVICE_STATUS;

/** A file service's computer and service keys. */
interface ServiceAddress {
  readonly computer: NameKey;
  readonly service: NameKey;
}

/**
 * Ends everything a stopped file service held: every session and open file is gone (each recorded with
 * `reason`), the indexes are emptied and every share's CurrentUserCount drops to 0 (spec §8.1 "Stop" on
 * LanmanServer). Allowed to be O(sessions): it ends all of them. Ids keep counting up (no reuse after a
 * restart).
 */
function endEverything(
  fileService: Draft<FileServiceState>,
  at: ServiceAddress,
  reason: SessionEndReason,
  { record }: Pick<TransitionContext, "record">,
): void {
  const { computer, service } = at;
  const target = fileService as Writable<FileServiceState>;
  const { sessions, files } = target;
  sessions.forEach((session) => {
    for (const fileId of session.fileIds) {
      const file = files.get(fileId);
      if (file) record({ kind: "file.closed", computer, service, file, session, reason: "sessionEnded" });
    }
    record({ kind: "session.closed", computer, service, session, reason });
  });
  if (sessions.size > 0) {
    target.sessions = emptySessions(target.autoDisconnect.exemptOpenFiles);
    target.idleQueue = idleQueueOf(target.sessions);
  }
  if (files.size > 0) target.files = emptyIdTrie<OpenFileState>();
  if (target.sessionsByPair.size > 0) target.sessionsByPair = emptyHashIndex();
  for (const share of fileService.shares.values()) {
    if (share.currentUses !== 0) share.currentUses = 0;
  }
}

/**
 * IADsServiceOperations Start/Stop/Pause/Continue as a state machine over ADS_SERVICE_STATUS 1..8
 * (spec §8.1, §14 item 28). Codes come from `profile.serviceControlErrors` (spec §8.1 [U]):
 * - start: STOPPED → RUNNING; StartType 4 (disabled, spec §8.3) → `disabled`; any other status →
 *   `alreadyRunning`.
 * - stop: STOPPED → `notActive`; a service not accepting stop → `cannotAcceptControl`; any other
 *   status → STOPPED. Stopping a file service ends all its
 *   sessions and open files and zeroes every share's CurrentUserCount.
 * - pause and continue need the service to accept them (`acceptedControls`: file services do by
 *   default, a Spooler does not), else `cannotAcceptControl` (0x80070425, issue 7 item 14).
 * - pause: RUNNING → PAUSED; PAUSED stays (no-op); STOPPED → `notActive`; pending states and
 *   ERROR (2, 3, 5, 6, 8) → `cannotAcceptControl`. A paused file service keeps its sessions and
 *   refuses new ones (see `openSession`).
 * - continue: PAUSED → RUNNING; RUNNING stays (no-op); STOPPED → `notActive`; pending/ERROR →
 *   `cannotAcceptControl`.
 *
 * Returns the new status.
 */
export const controlService = defineTransition<
  { readonly computer: NameKey; readonly service: NameKey; readonly control: ServiceControlRequest },
  number
>("service.control", (draft, { computer, service, control }, context) => {
  const { profile } = context;
  const target = draftService(draft, computer, service);
  const errors = profile.serviceControlErrors;
  const status = target.status;
  const refuse = (code: keyof typeof errors): never => {
    throw new AdsError(errors[code], `${control} ${target.name}: status ${status}`);
  };
  switch (control) {
    case "start":
      if (status !== STOPPED) return refuse("alreadyRunning");
      if (target.config.StartType === START_TYPE.disabled) return refuse("disabled");
      target.status = RUNNING;
      break;
    case "stop":
      if (status === STOPPED) return refuse("notActive");
      if (!target.acceptedControls.includes("stop")) return refuse("cannotAcceptControl");
      target.status = STOPPED;
      if (target.fileService)
        endEverything(target.fileService, { computer, service }, "serviceStopped", context);
      break;
    case "pause":
    case "continue": {
      if (status === STOPPED) return refuse("notActive");
      if (status !== RUNNING && status !== PAUSED) return refuse("cannotAcceptControl");
      if (!target.acceptedControls.includes("pauseContinue")) return refuse("cannotAcceptControl");
      const next = control === "pause" ? PAUSED : RUNNING;
      if (status !== next) target.status = next;
      break;
    }
    default:
      throw new AdsError("E_INVALIDARG", `unknown service control ${String(control)}`);
  }
  if (target.status !== status) {
    context.record({
      kind: "service.status",
      computer,
      service,
      from: status,
      to: target.status,
      reason: "control",
    });
  }
  return target.status;
});

/**
 * The service process dies (an injected fault of the outside world): any status but STOPPED becomes
 * STOPPED at once; a file service loses every session and open file (reason `serviceCrashed`). A
 * stopped service → `profile.serviceControlErrors.notActive`. Returns the new status.
 */
export const crashService = defineTransition<ServiceAddress, number>(
  "service.crash",
  (draft, { computer, service }, context) => {
    const target = draftService(draft, computer, service);
    const status = target.status;
    if (status === STOPPED) {
      throw new AdsError(context.profile.serviceControlErrors.notActive, `${target.name} is not running`);
    }
    target.status = STOPPED;
    if (target.fileService)
      endEverything(target.fileService, { computer, service }, "serviceCrashed", context);
    context.record({ kind: "service.status", computer, service, from: status, to: STOPPED, reason: "crash" });
    return STOPPED;
  },
);

/**
 * IADsServiceOperations.SetPassword (spec §8.1): stores the password of the account the service logs
 * on as (`ServiceAccountName`). A non-string → E_INVALIDARG. Allowed in any status.
 */
export const setServicePassword = defineTransition<{
  readonly computer: NameKey;
  readonly service: NameKey;
  readonly password: string;
}>("service.setPassword", (draft, { computer, service, password }, { record }) => {
  if (typeof password !== "string") throw new AdsError("E_INVALIDARG", "a service password is a string");
  draftService(draft, computer, service).accountPassword = password;
  record({ kind: "service.configured", computer, service });
});
