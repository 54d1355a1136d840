import { type ByteReader, ByteWriter } from "../bytes.js";
import { checkStructureSize } from "./structure.js";

/**
 * The bodies that are only StructureSize 4 + Reserved: LOGOFF (MS-SMB2 §2.2.7/§2.2.8), TREE_DISCONNECT
 * (§2.2.11/§2.2.12), CANCEL (§2.2.30, request only), ECHO (§2.2.28/§2.2.29) and the LOCK response
 * (§2.2.27).
 */
export type EmptyBodyKind =
  | "logoffRequest"
  | "logoffResponse"
  | "treeDisconnectRequest"
  | "treeDisconnectResponse"
  | "cancelRequest"
  | "echoRequest"
  | "echoResponse"
  | "lockResponse";

/** A body with no fields (StructureSize 4, Reserved). */
export interface EmptyBody {
  readonly kind: EmptyBodyKind;
}

/** Encodes a 4-byte empty body. */
export function encodeEmptyBody(_body: EmptyBody): Buffer {
  return new ByteWriter("empty body").u16(4, "StructureSize").u16(0, "Reserved").toBuffer();
}

/** Decodes a 4-byte empty body of the given kind (checks StructureSize 4). */
export function decodeEmptyBody(r: ByteReader, kind: EmptyBodyKind): EmptyBody {
  checkStructureSize(r, 4, kind);
  return { kind };
}
