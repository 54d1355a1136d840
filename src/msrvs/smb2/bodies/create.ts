import { type ByteReader, ByteWriter, checkFileId, utf16le } from "../bytes.js";
import { align8, BODY, checkStructureSize } from "./structure.js";

/**
 * CREATE request body, MS-SMB2 §2.2.13 (ms-srvs-wire §1.4). `name` is relative to the share, without
 * a leading backslash (`srvsvc` for the pipe). `createContexts` are kept as raw bytes.
 */
export interface CreateRequest {
  readonly kind: "createRequest";
  readonly securityFlags: number;
  readonly requestedOplockLevel: number;
  readonly impersonationLevel: number;
  readonly smbCreateFlags: bigint;
  readonly desiredAccess: number;
  readonly fileAttributes: number;
  readonly shareAccess: number;
  readonly createDisposition: number;
  readonly createOptions: number;
  readonly name: string;
  readonly createContexts: Buffer;
}

/** CREATE response body, MS-SMB2 §2.2.14: `fileId` is the 16-byte SMB2_FILEID. */
export interface CreateResponse {
  readonly kind: "createResponse";
  readonly oplockLevel: number;
  readonly flags: number;
  readonly createAction: number;
  readonly creationTime: bigint;
  readonly lastAccessTime: bigint;
  readonly lastWriteTime: bigint;
  readonly changeTime: bigint;
  readonly allocationSize: bigint;
  readonly endOfFile: bigint;
  readonly fileAttributes: number;
  readonly fileId: Buffer;
  readonly createContexts: Buffer;
}

/** Encodes a CREATE request body (MS-SMB2 §2.2.13); the name starts at header offset 0x78. */
export function encodeCreateRequest(body: CreateRequest): Buffer {
  const name = utf16le(body.name);
  const nameOffset = BODY + 56;
  const contextsOffset = body.createContexts.length > 0 ? align8(nameOffset + name.length) : 0;
  const w = new ByteWriter("CREATE request");
  w.u16(57, "StructureSize").u8(body.securityFlags, "SecurityFlags");
  w.u8(body.requestedOplockLevel, "RequestedOplockLevel").u32(body.impersonationLevel, "ImpersonationLevel");
  w.u64(body.smbCreateFlags, "SmbCreateFlags").u64(0n, "Reserved").u32(body.desiredAccess, "DesiredAccess");
  w.u32(body.fileAttributes, "FileAttributes").u32(body.shareAccess, "ShareAccess");
  w.u32(body.createDisposition, "CreateDisposition").u32(body.createOptions, "CreateOptions");
  w.u16(nameOffset, "NameOffset").u16(name.length, "NameLength");
  w.u32(contextsOffset, "CreateContextsOffset").u32(body.createContexts.length, "CreateContextsLength");
  w.bytes(name, "Name");
  if (body.createContexts.length > 0) w.align(8, BODY).bytes(body.createContexts, "CreateContexts");
  if (w.length === 56) w.zeros(1);
  return w.toBuffer();
}

/** Decodes a CREATE request body (MS-SMB2 §2.2.13). */
export function decodeCreateRequest(r: ByteReader): CreateRequest {
  const what = "CREATE request";
  const fixedEnd = checkStructureSize(r, 57, what);
  return {
    kind: "createRequest",
    securityFlags: r.u8(BODY + 2, "SecurityFlags"),
    requestedOplockLevel: r.u8(BODY + 3, "RequestedOplockLevel"),
    impersonationLevel: r.u32(BODY + 4, "ImpersonationLevel"),
    smbCreateFlags: r.u64(BODY + 8, "SmbCreateFlags"),
    desiredAccess: r.u32(BODY + 24, "DesiredAccess"),
    fileAttributes: r.u32(BODY + 28, "FileAttributes"),
    shareAccess: r.u32(BODY + 32, "ShareAccess"),
    createDisposition: r.u32(BODY + 36, "CreateDisposition"),
    createOptions: r.u32(BODY + 40, "CreateOptions"),
    name: r.utf16(r.u16(BODY + 44, "NameOffset"), r.u16(BODY + 46, "NameLength"), fixedEnd, `${what} Name`),
    createContexts: r.span(
      r.u32(BODY + 48, "CreateContextsOffset"),
      r.u32(BODY + 52, "Length"),
      fixedEnd,
      what,
    ),
  };
}

/** Encodes a CREATE response body (MS-SMB2 §2.2.14). */
export function encodeCreateResponse(body: CreateResponse): Buffer {
  checkFileId(body.fileId, "CREATE response");
  const w = new ByteWriter("CREATE response");
  w.u16(89, "StructureSize").u8(body.oplockLevel, "OplockLevel").u8(body.flags, "Flags");
  w.u32(body.createAction, "CreateAction").u64(body.creationTime, "CreationTime");
  w.u64(body.lastAccessTime, "LastAccessTime").u64(body.lastWriteTime, "LastWriteTime");
  w.u64(body.changeTime, "ChangeTime").u64(body.allocationSize, "AllocationSize");
  w.u64(body.endOfFile, "EndofFile").u32(body.fileAttributes, "FileAttributes").u32(0, "Reserved2");
  w.bytes(body.fileId, "FileId", 16);
  w.u32(body.createContexts.length > 0 ? BODY + 88 : 0, "CreateContextsOffset");
  w.u32(body.createContexts.length, "CreateContextsLength").bytes(body.createContexts, "CreateContexts");
  if (body.createContexts.length === 0) w.zeros(1);
  return w.toBuffer();
}

/** Decodes a CREATE response body (MS-SMB2 §2.2.14). */
export function decodeCreateResponse(r: ByteReader): CreateResponse {
  const what = "CREATE response";
  const fixedEnd = checkStructureSize(r, 89, what);
  return {
    kind: "createResponse",
    oplockLevel: r.u8(BODY + 2, "OplockLevel"),
    flags: r.u8(BODY + 3, "Flags"),
    createAction: r.u32(BODY + 4, "CreateAction"),
    creationTime: r.u64(BODY + 8, "CreationTime"),
    lastAccessTime: r.u64(BODY + 16, "LastAccessTime"),
    lastWriteTime: r.u64(BODY + 24, "LastWriteTime"),
    changeTime: r.u64(BODY + 32, "ChangeTime"),
    allocationSize: r.u64(BODY + 40, "AllocationSize"),
    endOfFile: r.u64(BODY + 48, "EndofFile"),
    fileAttributes: r.u32(BODY + 56, "FileAttributes"),
    fileId: r.bytes(BODY + 64, 16, "FileId"),
    createContexts: r.span(
      r.u32(BODY + 80, "CreateContextsOffset"),
      r.u32(BODY + 84, "Length"),
      fixedEnd,
      what,
    ),
  };
}
