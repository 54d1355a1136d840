import { type ByteReader, ByteWriter, utf16le } from "../bytes.js";
import { BODY, checkStructureSize } from "./structure.js";

/** TREE_CONNECT request body, MS-SMB2 §2.2.9 (ms-srvs-wire §1.3): `path` like `\\host\IPC$`. */
export interface TreeConnectRequest {
  readonly kind: "treeConnectRequest";
  readonly flags: number;
  readonly path: string;
}

/** TREE_CONNECT response body, MS-SMB2 §2.2.10. */
export interface TreeConnectResponse {
  readonly kind: "treeConnectResponse";
  readonly shareType: number;
  readonly shareFlags: number;
  readonly capabilities: number;
  readonly maximalAccess: number;
}

/** Encodes a TREE_CONNECT request body (MS-SMB2 §2.2.9); the path starts at header offset 0x48. */
export function encodeTreeConnectRequest(body: TreeConnectRequest): Buffer {
  const path = utf16le(body.path);
  const w = new ByteWriter("TREE_CONNECT request");
  w.u16(9, "StructureSize")
    .u16(body.flags, "Flags")
    .u16(path.length > 0 ? BODY + 8 : 0, "PathOffset");
  w.u16(path.length, "PathLength").bytes(path, "Path");
  if (path.length === 0) w.zeros(1);
  return w.toBuffer();
}

/** Decodes a TREE_CONNECT request body (MS-SMB2 §2.2.9). */
export function decodeTreeConnectRequest(r: ByteReader): TreeConnectRequest {
  const what = "TREE_CONNECT request";
  const fixedEnd = checkStructureSize(r, 9, what);
  return {
    kind: "treeConnectRequest",
    flags: r.u16(BODY + 2, "Flags"),
    path: r.utf16(r.u16(BODY + 4, "PathOffset"), r.u16(BODY + 6, "PathLength"), fixedEnd, `${what} Path`),
  };
}

/** Encodes a TREE_CONNECT response body (MS-SMB2 §2.2.10). */
export function encodeTreeConnectResponse(body: TreeConnectResponse): Buffer {
  const w = new ByteWriter("TREE_CONNECT response");
  w.u16(16, "StructureSize").u8(body.shareType, "ShareType").u8(0, "Reserved");
  w.u32(body.shareFlags, "ShareFlags").u32(body.capabilities, "Capabilities");
  w.u32(body.maximalAccess, "MaximalAccess");
  return w.toBuffer();
}

/** Decodes a TREE_CONNECT response body (MS-SMB2 §2.2.10). */
export function decodeTreeConnectResponse(r: ByteReader): TreeConnectResponse {
  checkStructureSize(r, 16, "TREE_CONNECT response");
  return {
    kind: "treeConnectResponse",
    shareType: r.u8(BODY + 2, "ShareType"),
    shareFlags: r.u32(BODY + 4, "ShareFlags"),
    capabilities: r.u32(BODY + 8, "Capabilities"),
    maximalAccess: r.u32(BODY + 12, "MaximalAccess"),
  };
}
