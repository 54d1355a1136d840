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
}

/** IADsProperty on WinNT (spec §10). */
export interface IADsProperty extends IADs {
  readonly OID: string;
  readonly Syntax: string;
  readonly MinRange: number;
  readonly MaxRange: number;
  readonly MultiValued: boolean;
}

/** IADsSyntax (spec §10): the VARIANT type of the syntax. */
export interface IADsSyntax extends IADs {
  readonly OleAutoDataType: number;
}
