import { deepFreeze } from "../shared/deepFreeze.js";
import { formatHResult, type HResultSymbol, hresultInfo } from "./hresults.js";

/**
 * The error every ADSI operation of the emulator throws: a COM failure carrying the real HRESULT.
 * spec §11. `hresult` is unsigned (0x80005000), `number` signed (as VBScript's `Err.Number`),
 * `code` the symbol. Test with `expect(fn).toThrow(AdsError)` or match `{ code: "E_ADS_BAD_PATHNAME" }`.
 */
export class AdsError extends Error {
  /** Symbolic name of the HRESULT, e.g. `E_ADS_PROPERTY_NOT_FOUND`. */
  readonly code: HResultSymbol;
  /** Unsigned 32-bit HRESULT, e.g. 0x8000500d. */
  readonly hresult: number;
  /** Signed 32-bit HRESULT as VBScript's `Err.Number` shows it. */
  readonly number: number;
  /** What the emulator was doing, e.g. the path or property involved; not part of the HRESULT. */
  readonly detail: string | undefined;

  /** Builds the error for `code`; `detail` is appended to the catalog message. */
  constructor(code: HResultSymbol, detail?: string) {
    const info = hresultInfo(code);
    super(`${info.message} (${formatHResult(info.hresult)} ${code})${detail ? `: ${detail}` : ""}`);
    this.name = "AdsError";
    this.code = code;
    this.hresult = info.hresult;
    this.number = info.number;
    this.detail = detail;
  }

  /** True when `error` is an AdsError, optionally with the given code. */
  static is(error: unknown, code?: HResultSymbol): error is AdsError {
    return error instanceof AdsError && (code === undefined || error.code === code);
  }
}

// Shared by every emulator: frozen, so that no caught error can change what other errors do (issue 7 item 2).
deepFreeze(AdsError);

/** Throws an AdsError; a shorthand for expression positions. */
export function fail(code: HResultSymbol, detail?: string): never {
  throw new AdsError(code, detail);
}
