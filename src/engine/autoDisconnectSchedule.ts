/**
 * Where the auto-disconnect schedule is read (spec §12.7): each file service's idle queue is ordered by
 * last activity, so its first entry is the next session to cross the threshold. The next disconnect of
 * the whole directory is the earliest of those: O(file services × log sessions), no session scan.
 */
import type { DirectoryState, FileServiceState, NameKey, SessionState } from "./state.js";

/** An auto-disconnect that is scheduled. */
export interface ScheduledDisconnect {
  /** When the session's idle time reaches the server's threshold, epoch ms. */
  readonly at: number;
  readonly computer: NameKey;
  readonly service: NameKey;
  readonly sessionId: number;
  /** The idle-queue key's time: the session's last activity when it was queued. */
  readonly queuedAt: number;
}

/** Every file service with auto-disconnect on, with its address. */
function* activeFileServices(
  state: DirectoryState,
): Generator<{ computer: NameKey; service: NameKey; fileService: FileServiceState }> {
  for (const [computer, host] of state.computers) {
    for (const [service, entry] of host.services) {
      const fileService = entry.fileService;
      if (fileService && fileService.autoDisconnect.minutes >= 0 && fileService.idleQueue.size > 0) {
        yield { computer, service, fileService };
      }
    }
  }
}

const thresholdMs = (fileService: FileServiceState): number => fileService.autoDisconnect.minutes * 60_000;

/** The earliest scheduled auto-disconnect; ties go to the earlier server in directory order. */
export function nextAutoDisconnect(state: DirectoryState): ScheduledDisconnect | undefined {
  let best: ScheduledDisconnect | undefined;
  for (const { computer, service, fileService } of activeFileServices(state)) {
    const first = fileService.idleQueue.first();
    if (!first) continue;
    const at = first.time + thresholdMs(fileService);
    if (best === undefined || at < best.at)
      best = { at, computer, service, sessionId: first.id, queuedAt: first.time };
  }
  return best;
}

/** The scheduled auto-disconnects in time order, at most `limit` (a merge of the per-server queues). */
export function upcomingAutoDisconnects(
  state: DirectoryState,
  limit: number,
): { readonly disconnect: ScheduledDisconnect; readonly session: SessionState }[] {
  const cursors = [...activeFileServices(state)].map((entry) => ({
    ...entry,
    iterator: entry.fileService.idleQueue[Symbol.iterator](),
    head: undefined as { time: number; id: number } | undefined,
  }));
  for (const cursor of cursors) cursor.head = cursor.iterator.next().value;
  const out: { disconnect: ScheduledDisconnect; session: SessionState }[] = [];
  while (out.length < limit) {
    let best: (typeof cursors)[number] | undefined;
    for (const cursor of cursors) {
      if (!cursor.head) continue;
      if (
        !best?.head ||
        cursor.head.time + thresholdMs(cursor.fileService) < best.head.time + thresholdMs(best.fileService)
      )
        best = cursor;
    }
    if (!best?.head) break;
    const session = best.fileService.sessions.get(best.head.id);
    if (session) {
      out.push({
        disconnect: {
          at: best.head.time + thresholdMs(best.fileService),
          computer: best.computer,
          service: best.service,
          sessionId: best.head.id,
          queuedAt: best.head.time,
        },
        session,
      });
    }
    best.head = best.iterator.next().value;
  }
  return out;
}
