import { NdrError } from "../ndr/NdrError.js";
import type { NdrReader } from "../ndr/NdrReader.js";
import type { NdrWriter } from "../ndr/NdrWriter.js";

/**
 * Wire kinds of the fields of the flat srvsvc info structures (ms-srvs-wire §4.2, §4.4 tables):
 * `u32` / `i32` (4 bytes), `string` (an embedded `[string, unique] wchar_t*`: a referent now, the string
 * deferred), and `securityDescriptor` (SHARE_INFO_502_I: a u32 byte count, then an embedded unique
 * pointer to that many bytes, `[size_is(count)] unsigned char*`).
 */
export type FieldKind = "u32" | "i32" | "string" | "securityDescriptor";

/** One field of a flat structure, in wire order. */
export interface FieldLayout<K extends string = string> {
  /** Property of the TypeScript value. */
  readonly key: K;
  /** How it is marshalled. */
  readonly kind: FieldKind;
}

/** A flat structure's fields in wire order, keys checked against the TypeScript type `T`. */
export type StructLayout<T> = readonly FieldLayout<keyof T & string>[];

/** Bytes of a structure's fixed part (its scalars), used to cap array counts before allocating. */
export function fixedSize(layout: readonly FieldLayout[]): number {
  return layout.reduce((size, field) => size + (field.kind === "securityDescriptor" ? 8 : 4), 0);
}

/**
 * Writes a structure's scalars; its string and byte pointees are deferred to the end of the enclosing
 * construct (ms-srvs-wire §3.4). Throws NdrError INVALID_VALUE for a field of the wrong type.
 */
export function writeStruct(writer: NdrWriter, layout: readonly FieldLayout[], value: unknown): void {
  if (typeof value !== "object" || value === null) {
    throw new NdrError("INVALID_VALUE", writer.length, "structure value must be an object");
  }
  const record = value as Record<string, unknown>;
  for (const { key, kind } of layout) {
    const field = record[key];
    if (kind === "u32") writer.u32(field as number, key);
    else if (kind === "i32") writer.i32(field as number, key);
    else if (kind === "string") {
      if (field !== null && typeof field !== "string") {
        throw new NdrError("INVALID_VALUE", writer.length, `${key} must be a string or null`);
      }
      writer.embeddedString(field, key);
    } else {
      if (field !== null && !(field instanceof Uint8Array)) {
        throw new NdrError("INVALID_VALUE", writer.length, `${key} must be bytes or null`);
      }
      writer.u32(field === null ? 0 : field.length, `${key} length`);
      writer.embeddedUnique(field, (bytes) => writer.conformantBytes(bytes, key));
    }
  }
}

/**
 * Reads a structure's scalars and registers its deferred pointees; the string and byte fields are
 * filled in when the enclosing construct ends. A NULL descriptor with a non-zero count, or a count that
 * differs from the array's conformance, is COUNT_MISMATCH.
 */
export function readStruct(reader: NdrReader, layout: readonly FieldLayout[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const { key, kind } of layout) {
    if (kind === "u32") record[key] = reader.u32();
    else if (kind === "i32") record[key] = reader.i32();
    else if (kind === "string") {
      record[key] = null;
      reader.embeddedString((text) => {
        record[key] = text;
      });
    } else {
      const countAt = reader.offset;
      const count = reader.u32();
      record[key] = null;
      reader.embeddedUnique(
        () => reader.conformantBytes(count),
        (bytes) => {
          if (bytes === null && count !== 0) {
            throw new NdrError("COUNT_MISMATCH", countAt, `${key} length ${count} with a NULL pointer`);
          }
          record[key] = bytes;
        },
      );
    }
  }
  return record;
}
