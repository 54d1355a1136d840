import type { IADs } from "./IADs.js";

/** IADsService (spec §8.3): all read/write through the property cache. */
export interface IADsService extends IADs {
  /** ADsPath of the host computer (read-only in the emulator: derived). */
  readonly HostComputer: string;
  DisplayName: string;
  Version: string;
  /** ADS_SERVICE_TYPE_ENUM bit field. */
  ServiceType: number;
  /** ADS_SERVICE_START_TYPE_ENUM. */
  StartType: number;
  Path: string;
  StartupParameters: string;
  /** ADS_SERVICE_ERROR_CONTROL_ENUM. */
  ErrorControl: number;
  LoadOrderGroup: string;
  ServiceAccountName: string;
  ServiceAccountPath: string;
  Dependencies: readonly string[];
}

/** IADsServiceOperations (spec §8.1). */
export interface IADsServiceOperations {
  /** ADS_SERVICE_STATUS_ENUM 1..8. */
  readonly Status: number;
  Start(): void;
  Stop(): void;
  Pause(): void;
  Continue(): void;
  SetPassword(password: string): void;
}
