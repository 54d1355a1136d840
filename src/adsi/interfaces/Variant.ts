/**
 * A VARIANT as the emulator hands it to JavaScript: BSTR → string, VT_I4 → number, VT_BOOL → boolean,
 * VT_ARRAY|VT_VARIANT (lower bound 0) → array (spec §3.2 items 6, 8).
 */
export type Variant = string | number | boolean | readonly Variant[];
