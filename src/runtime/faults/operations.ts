/**
 * The operations a fault rule can match (docs/faults.md), and the compilation of operation and path
 * patterns: names or paths with `*` wildcards, alternatives separated by `|`, paths case-insensitive.
 */
import { AdsError } from "../../errors/AdsError.js";

/** Every operation the emulator checks fault rules at, by where it happens. */
export const FAULT_OPERATIONS = Object.freeze([
  // Binding (path: the path as given)
  "bind",
  // IADs property cache (path: the object's ADsPath); implicit loads by Get count as GetInfo
  "GetInfo",
  "SetInfo",
  // IADsContainer (path: the container's ADsPath)
  "GetObject",
  "Delete",
  "enumerate.container",
  // IADsFileServiceOperations and the collections (path: the file service's ADsPath)
  "Sessions",
  "Resources",
  "enumerate.Sessions",
  "enumerate.Resources",
  "Sessions.GetObject",
  "Sessions.Remove",
  "Resources.GetObject",
  "Resources.Remove",
  // IADsServiceOperations (path: the service's ADsPath)
  "Start",
  "Stop",
  "Pause",
  "Continue",
  "SetPassword",
  // The event injector (path: the file service's or service's ADsPath)
  "inject.openSession",
  "inject.activity",
  "inject.closeSession",
  "inject.openFile",
  "inject.closeFile",
  "inject.lock",
  "inject.unlock",
  "inject.startService",
  "inject.stopService",
  "inject.pauseService",
  "inject.continueService",
  "inject.crashService",
  "inject.setAutoDisconnect",
] as const);

/** An operation name. */
export type FaultOperation = (typeof FAULT_OPERATIONS)[number];

function globSource(glob: string): string {
  return glob
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("[\\s\\S]*");
}

/** A regex matching exactly the strings of `pattern` (`*` = any run, `|` = or). */
export function compilePattern(pattern: string, caseInsensitive: boolean): RegExp {
  const source = pattern.split("|").map(globSource).join("|");
  return new RegExp(`^(?:${source})$`, caseInsensitive ? "iu" : "u");
}

/** Compiles an operation pattern; an alternative that matches no operation is E_INVALIDARG (a typo). */
export function compileOperationPattern(pattern: string): RegExp {
  for (const alternative of pattern.split("|")) {
    const test = compilePattern(alternative, false);
    if (!FAULT_OPERATIONS.some((operation) => test.test(operation))) {
      throw new AdsError(
        "E_INVALIDARG",
        `fault operation ${JSON.stringify(alternative)} matches no operation (operations: ${FAULT_OPERATIONS.join(", ")})`,
      );
    }
  }
  return compilePattern(pattern, false);
}

/** Whether every operation `pattern` matches is an enumeration (the only ones `afterItems` applies to). */
export function onlyEnumerations(pattern: RegExp): boolean {
  return FAULT_OPERATIONS.filter((operation) => pattern.test(operation)).every((op) =>
    op.startsWith("enumerate."),
  );
}
