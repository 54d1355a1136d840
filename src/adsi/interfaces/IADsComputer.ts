import type { IADs } from "./IADs.js";

/**
 * IADsComputer (spec §9.1). WinNT supports only Division, Owner, OperatingSystem,
 * OperatingSystemVersion, Processor and ProcessorCount; the others throw the profile's
 * unsupported-property code. All are strings.
 */
export interface IADsComputer extends IADs {
  readonly ComputerID: string;
  readonly Site: string;
  Description: string;
  Location: string;
  PrimaryUser: string;
  Owner: string;
  Division: string;
  Department: string;
  Role: string;
  OperatingSystem: string;
  OperatingSystemVersion: string;
  Model: string;
  Processor: string;
  ProcessorCount: string;
  MemorySize: string;
  StorageCapacity: string;
  NetAddresses: readonly string[];
}

/** IADsComputerOperations (spec §9.2): both members are E_NOTIMPL on WinNT. */
export interface IADsComputerOperations {
  Status(): unknown;
  Shutdown(reboot: boolean): void;
}
