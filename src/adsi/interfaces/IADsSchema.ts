import type { IADs } from "./IADs.js";

/** IADsClass on WinNT (spec §10): the members WinNT supports. */
export interface IADsClass extends IADs {
  readonly PrimaryInterface: string;
  readonly CLSID: string;
  readonly OID: string;
  readonly Abstract: boolean;
  readonly Auxiliary: boolean;
  readonly MandatoryProperties: readonly string[];
  readonly OptionalProperties: readonly string[];
  readonly PossibleSuperiors: readonly string[];
  readonly Containment: readonly string[];
  readonly Container: boolean;
  readonly HelpFileName: string;
  readonly HelpFileContext: number;
  /** Not implemented by WinNT: reading it throws E_NOTIMPL (spec §10). */
  readonly NamingProperties: never;
  /** Unsupported by WinNT: reading it throws the profile's `unsupportedPropertyError` (spec §10). */
  readonly DerivedFrom: never;
  /** Unsupported by WinNT: reading it throws the profile's `unsupportedPropertyError` (spec §10). */
  readonly AuxDerivedFrom: never;
  /** Not implemented by WinNT: throws E_NOTIMPL (spec §10). */
  Qualifiers(): never;
}

/** IADsProperty on WinNT (spec §10). */
export interface IADsProperty extends IADs {
  readonly OID: string;
  readonly Syntax: string;
  readonly MinRange: number;
  readonly MaxRange: number;
  readonly MultiValued: boolean;
  /** Not implemented by WinNT: throws E_NOTIMPL (spec §10). */
  Qualifiers(): never;
}

/** IADsSyntax (spec §10): the VARIANT type of the syntax. */
export interface IADsSyntax extends IADs {
  readonly OleAutoDataType: number;
}
