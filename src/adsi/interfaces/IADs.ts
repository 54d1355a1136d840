import type { Variant } from "./Variant.js";

/** IADs: identity and the property cache of every directory object (spec §3). */
export interface IADs {
  /** Relative name, unique among siblings. */
  readonly Name: string;
  /** Schema class name (spec §1.3). */
  readonly Class: string;
  /** Brace-wrapped GUID of the class, not of the instance (spec §2.4). */
  readonly GUID: string;
  /** Canonical ADsPath (spec §2.4). */
  readonly ADsPath: string;
  /** ADsPath of the container (spec §2.4). */
  readonly Parent: string;
  /** ADsPath of the class object in the schema (spec §2.4). */
  readonly Schema: string;
  /** Reloads every property from the store, discarding uncommitted Puts (spec §3.2 item 3). */
  GetInfo(): void;
  /** Writes the cache to the store (spec §3.2 item 5). */
  SetInfo(): void;
  /** Reads a property: a scalar, or an array for multi-valued ones (spec §3.2 item 6). */
  Get(name: string): Variant;
  /** Writes a property into the cache only (spec §3.2 item 5). */
  Put(name: string, value: Variant): void;
  /** Reads a property as an array, even when single-valued (spec §3.2 item 6). */
  GetEx(name: string): Variant[];
  /** Writes a property; WinNT ignores `control` and replaces the value (spec §3.2 item 7). */
  PutEx(control: number, name: string, values: readonly Variant[]): void;
  /** Reloads only the named properties; `reserved` must be 0 (spec §3.2 item 4). */
  GetInfoEx(names: readonly string[], reserved: number): void;
}
