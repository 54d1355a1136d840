import { NdrError } from "../ndr/NdrError.js";
import type { NdrReader } from "../ndr/NdrReader.js";
import type { NdrWriter } from "../ndr/NdrWriter.js";
import { type FieldLayout, fixedSize, readStruct, writeStruct } from "./structLayout.js";

/**
 * The container of one enumeration level (e.g. SESSION_INFO_1_CONTAINER, ms-srvs-wire §4.2):
 * EntriesRead and the Buffer pointer. `entries` is null when Buffer is NULL (requests; errors); on the
 * wire EntriesRead is `entries.length` (0 for null).
 */
export interface EnumContainer<T> {
  /** The entries, or null for a NULL Buffer. */
  readonly entries: readonly T[] | null;
}

/**
 * A `*_ENUM_STRUCT` (ms-srvs-wire §3.5, §4.2): the Level and the union arm selected by it. For a level
 * the IDL defines, the arm is a unique pointer to the container (`container: null` sends a NULL
 * pointer); for any other level there is no arm at all (vector 34) and `container` must be null.
 */
export interface EnumStruct {
  /** The information level. */
  readonly level: number;
  /** The container, or null. */
  readonly container: EnumContainer<unknown> | null;
}

/** Layouts of the entries of each defined level. */
export type LevelLayouts = ReadonlyMap<number, readonly FieldLayout[]>;

/** Writes an enum struct as a top-level construct: Level, discriminant (= Level), arm (§3.5). */
export function writeEnumStruct(writer: NdrWriter, layouts: LevelLayouts, value: EnumStruct): void {
  writer.construct(() => {
    writer.u32(value.level, "Level");
    writer.u32(value.level, "union discriminant");
    const layout = layouts.get(value.level);
    if (layout === undefined) {
      requireNull(writer, value.container, `level ${value.level} has no container arm`);
      return;
    }
    writer.embeddedUnique(value.container, (container) => writeContainer(writer, layout, container));
  });
}

/** Reads an enum struct; a discriminant differing from Level is SWITCH_MISMATCH. */
export function readEnumStruct(reader: NdrReader, layouts: LevelLayouts): EnumStruct {
  return reader.construct(() => {
    const level = reader.u32();
    const switchAt = reader.offset;
    const discriminant = reader.u32();
    if (discriminant !== level) {
      throw new NdrError(
        "SWITCH_MISMATCH",
        switchAt,
        `union discriminant ${discriminant} for Level ${level}`,
      );
    }
    const result: { level: number; container: EnumContainer<unknown> | null } = { level, container: null };
    const layout = layouts.get(level);
    if (layout !== undefined) {
      reader.embeddedUnique(
        () => readContainer(reader, layout),
        (container) => {
          result.container = container;
        },
      );
    }
    return result;
  });
}

/**
 * A non-encapsulated union of info pointers as a whole parameter (NetrShareGetInfo and
 * NetrServerGetInfo out): discriminant, then a unique pointer to the level's structure, or no arm for a
 * level without a case (§3.5).
 */
export interface InfoUnion {
  /** The information level (the discriminant). */
  readonly level: number;
  /** The structure, or null (NULL pointer, or no arm for an undefined level). */
  readonly info: unknown;
}

/** Writes an info union as a top-level construct. */
export function writeInfoUnion(writer: NdrWriter, layouts: LevelLayouts, value: InfoUnion): void {
  writer.construct(() => {
    writer.u32(value.level, "union discriminant");
    const layout = layouts.get(value.level);
    if (layout === undefined) {
      requireNull(writer, value.info, `level ${value.level} has no info arm`);
      return;
    }
    writer.embeddedUnique(value.info, (info) => writeStruct(writer, layout, info));
  });
}

/** Reads an info union. */
export function readInfoUnion(reader: NdrReader, layouts: LevelLayouts): InfoUnion {
  return reader.construct(() => {
    const level = reader.u32();
    const result: { level: number; info: unknown } = { level, info: null };
    const layout = layouts.get(level);
    if (layout !== undefined) {
      reader.embeddedUnique(
        () => readStruct(reader, layout),
        (info) => {
          result.info = info;
        },
      );
    }
    return result;
  });
}

function writeContainer(
  writer: NdrWriter,
  layout: readonly FieldLayout[],
  container: EnumContainer<unknown>,
): void {
  if (typeof container !== "object" || container === null) {
    throw new NdrError("INVALID_VALUE", writer.length, "container must be an object or null");
  }
  const entries = container.entries;
  if (entries !== null && !Array.isArray(entries)) {
    throw new NdrError("INVALID_VALUE", writer.length, "container entries must be an array or null");
  }
  writer.u32(entries === null ? 0 : entries.length, "EntriesRead");
  writer.embeddedUnique(entries, (items) =>
    writer.conformantArray(items, (item) => writeStruct(writer, layout, item)),
  );
}

function readContainer(reader: NdrReader, layout: readonly FieldLayout[]): EnumContainer<unknown> {
  const countAt = reader.offset;
  const count = reader.u32();
  const container: { entries: unknown[] | null } = { entries: null };
  reader.embeddedUnique(
    () => reader.conformantArray(fixedSize(layout), () => readStruct(reader, layout), count),
    (entries) => {
      if (entries === null && count !== 0) {
        throw new NdrError("COUNT_MISMATCH", countAt, `EntriesRead ${count} with a NULL Buffer`);
      }
      container.entries = entries;
    },
  );
  return container;
}

function requireNull(writer: NdrWriter, value: unknown, detail: string): void {
  if (value !== null) throw new NdrError("INVALID_VALUE", writer.length, detail);
}
