/** Shared helpers of the test/adsi suites (not a test file itself). */
import { expect } from "vitest";
import {
  AdsError,
  createEmulator,
  type Emulator,
  HRESULT,
  type HResultSymbol,
  type IADs,
  type IADsContainer,
  toSignedHResult,
} from "../../src/index.js";

/** The default fixture's administrator and a non-administrator (spec brief; fixtures/default.json). */
export const ADMIN = { user: "CORP\\administrator", password: "P@ssw0rd!" } as const;
export const ALICE = { user: "alice", password: "alice-pw" } as const;

/** Runs `fn` and returns the AdsError it throws; fails when it throws nothing or something else. */
export function catchAdsError(fn: () => unknown): AdsError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error("expected an AdsError, nothing was thrown");
  expect(thrown).toBeInstanceOf(AdsError);
  return thrown as AdsError;
}

/**
 * Asserts that `fn` throws the AdsError `code` with its catalog HRESULT (unsigned and signed). When
 * `hresult` is given, also pins the numeric value, so a profile field and its default are both checked.
 */
export function expectAdsError(fn: () => unknown, code: HResultSymbol, hresult?: number): AdsError {
  const error = catchAdsError(fn);
  expect(error.code).toBe(code);
  expect(error.hresult).toBe(HRESULT[code]);
  expect(error.number).toBe(toSignedHResult(HRESULT[code]));
  if (hresult !== undefined) expect(error.hresult).toBe(hresult);
  return error;
}

/** A fresh emulator on the default fixture, bound as CORP\administrator. */
export function fresh(): Emulator {
  return createEmulator();
}

/** An object with late-bound (dual-interface) members, for accessor tests. */
export type LateBound = IADs & Record<string, unknown>;

/** Binds `path` and returns it as a late-bound object. */
export function bind(emu: Emulator, path: string): LateBound {
  return emu.GetObject<LateBound>(path);
}

/** Binds a container. */
export function container(emu: Emulator, path: string): IADsContainer & IADs {
  return emu.GetObject<IADsContainer & IADs>(path);
}

/** Names of the children a container enumerates now. */
export function childNames(c: Iterable<IADs>): string[] {
  return [...c].map((child) => child.Name);
}

/** `Class:Name` of the children a container enumerates now. */
export function childClasses(c: Iterable<IADs>): string[] {
  return [...c].map((child) => `${child.Class}:${child.Name}`);
}

/** Creates a share through Create + Put Path + SetInfo (spec §9.3). */
export function createShare(fileService: IADsContainer, name: string, path: string): IADs {
  const share = fileService.Create("FileShare", name);
  share.Put("Path", path);
  share.SetInfo();
  return share;
}
