import type { NdrReader } from "../ndr/NdrReader.js";
import type { NdrWriter } from "../ndr/NdrWriter.js";
import { DceRpcError } from "./DceRpcError.js";

/** An interface or transfer syntax: UUID (lower-case text form) and version (ms-srvs-wire §2.2). */
export interface SyntaxId {
  /** e.g. `4b324fc8-1670-01d3-1278-5a47bf6ee188`. */
  readonly uuid: string;
  /** Major version (u16 on the wire). */
  readonly major: number;
  /** Minor version (u16 on the wire). */
  readonly minor: number;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Writes a UUID in DCE byte order: the first three groups little-endian, the last 8 bytes as written
 * (ms-srvs-wire §2.2). Throws DceRpcError INVALID_VALUE for anything but the canonical text form.
 */
export function writeUuid(writer: NdrWriter, uuid: string): void {
  if (typeof uuid !== "string" || !UUID_PATTERN.test(uuid)) {
    throw new DceRpcError("INVALID_VALUE", writer.length, `not a lower-case UUID: ${String(uuid)}`);
  }
  const hex = uuid.replaceAll("-", "");
  const raw = Uint8Array.from({ length: 16 }, (_, i) => Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16));
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  writer.bytes(Uint8Array.from(order, (i) => raw[i] ?? 0));
}

/** Reads a UUID written by writeUuid, as lower-case text. */
export function readUuid(reader: NdrReader): string {
  const wire = reader.bytes(16);
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  const hex = order.map((i) => (wire[i] ?? 0).toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Writes a p_syntax_id_t: UUID, then major and minor version as two u16 (= one u32 `major | minor << 16`). */
export function writeSyntaxId(writer: NdrWriter, syntax: SyntaxId): void {
  writeUuid(writer, syntax.uuid);
  writer.u16(syntax.major, "syntax major version");
  writer.u16(syntax.minor, "syntax minor version");
}

/** Reads a p_syntax_id_t. */
export function readSyntaxId(reader: NdrReader): SyntaxId {
  const uuid = readUuid(reader);
  const major = reader.u16();
  const minor = reader.u16();
  return { uuid, major, minor };
}

/** The NDR 2.0 transfer syntax `8a885d04-1ceb-11c9-9fe8-08002b104860` v2 (ms-srvs-wire §2.2). */
export const NDR_TRANSFER_SYNTAX: SyntaxId = {
  uuid: "8a885d04-1ceb-11c9-9fe8-08002b104860",
  major: 2,
  minor: 0,
};
