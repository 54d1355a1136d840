/** ADS_SERVICE_STATUS_ENUM values by name (spec §8.1), for people. */
const NAMES: Readonly<Record<number, string>> = Object.freeze({
  1: "STOPPED",
  2: "START_PENDING",
  3: "STOP_PENDING",
  4: "RUNNING",
  5: "CONTINUE_PENDING",
  6: "PAUSE_PENDING",
  7: "PAUSED",
  8: "ERROR",
});

/** `RUNNING` for 4, and so on; the number itself when it is not a status. */
export function serviceStatusName(status: number): string {
  return NAMES[status] ?? String(status);
}
