import fc from "fast-check";
import { Smb2Flags } from "../../../src/msrvs/smb2/constants.js";
import type { Smb2Header } from "../../../src/msrvs/smb2/header.js";
import { BODY_KINDS, hasErrorBody, type Smb2Body } from "../../../src/msrvs/smb2/message.js";

/** Arbitraries of the SMB2 codec's values, for round-trip and fuzz properties. */
export const u8 = fc.integer({ min: 0, max: 0xff });
export const u16 = fc.integer({ min: 0, max: 0xffff });
export const u32 = fc.integer({ min: 0, max: 0xffffffff });
export const u64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
export const bytes = (maxLength = 64) => fc.uint8Array({ maxLength }).map((a) => Buffer.from(a));
export const fixedBytes = (length: number) =>
  fc.uint8Array({ minLength: length, maxLength: length }).map((a) => Buffer.from(a));
/** Any JS string, lone surrogates included: UTF-16LE keeps every code unit. */
export const text = fc.string({ unit: "binary", maxLength: 40 });

const negotiateContext = fc.record({ contextType: u16, data: bytes(32) });

export const negotiateRequest = fc
  .record({
    securityMode: u16,
    capabilities: u32,
    clientGuid: fixedBytes(16),
    dialects: fc.array(u16, { minLength: 1, maxLength: 6 }),
    clientStartTime: u64,
    negotiateContexts: fc.array(negotiateContext, { maxLength: 3 }),
  })
  .map((b) => {
    const has311 = b.dialects.includes(0x0311);
    return {
      kind: "negotiateRequest" as const,
      ...b,
      clientStartTime: has311 ? 0n : b.clientStartTime,
      negotiateContexts: has311 ? b.negotiateContexts : [],
    };
  });

export const negotiateResponse = fc
  .record({
    securityMode: u16,
    dialectRevision: fc.oneof(fc.constantFrom(0x0202, 0x0210, 0x0300, 0x0311), u16),
    serverGuid: fixedBytes(16),
    capabilities: u32,
    maxTransactSize: u32,
    maxReadSize: u32,
    maxWriteSize: u32,
    systemTime: u64,
    serverStartTime: u64,
    securityBuffer: bytes(80),
    negotiateContexts: fc.array(negotiateContext, { maxLength: 3 }),
  })
  .map((b) => ({
    kind: "negotiateResponse" as const,
    ...b,
    negotiateContexts: b.dialectRevision === 0x0311 ? b.negotiateContexts : [],
  }));

const kind = <K extends Smb2Body["kind"]>(k: K) => fc.constant(k);

/** One arbitrary of every body kind (the error body included). */
export const anyBody: fc.Arbitrary<Smb2Body> = fc.oneof(
  negotiateRequest,
  negotiateResponse,
  fc.record({
    kind: kind("sessionSetupRequest"),
    flags: u8,
    securityMode: u8,
    capabilities: u32,
    channel: u32,
    previousSessionId: u64,
    securityBuffer: bytes(80),
  }),
  fc.record({ kind: kind("sessionSetupResponse"), sessionFlags: u16, securityBuffer: bytes(80) }),
  fc.record({ kind: kind("treeConnectRequest"), flags: u16, path: text }),
  fc.record({
    kind: kind("treeConnectResponse"),
    shareType: u8,
    shareFlags: u32,
    capabilities: u32,
    maximalAccess: u32,
  }),
  fc.record({
    kind: kind("createRequest"),
    securityFlags: u8,
    requestedOplockLevel: u8,
    impersonationLevel: u32,
    smbCreateFlags: u64,
    desiredAccess: u32,
    fileAttributes: u32,
    shareAccess: u32,
    createDisposition: u32,
    createOptions: u32,
    name: text,
    createContexts: bytes(40),
  }),
  fc.record({
    kind: kind("createResponse"),
    oplockLevel: u8,
    flags: u8,
    createAction: u32,
    creationTime: u64,
    lastAccessTime: u64,
    lastWriteTime: u64,
    changeTime: u64,
    allocationSize: u64,
    endOfFile: u64,
    fileAttributes: u32,
    fileId: fixedBytes(16),
    createContexts: bytes(40),
  }),
  fc.record({ kind: kind("closeRequest"), flags: u16, fileId: fixedBytes(16) }),
  fc.record({
    kind: kind("closeResponse"),
    flags: u16,
    creationTime: u64,
    lastAccessTime: u64,
    lastWriteTime: u64,
    changeTime: u64,
    allocationSize: u64,
    endOfFile: u64,
    fileAttributes: u32,
  }),
  fc.record({
    kind: kind("readRequest"),
    padding: u8,
    flags: u8,
    length: u32,
    offset: u64,
    fileId: fixedBytes(16),
    minimumCount: u32,
    channel: u32,
    remainingBytes: u32,
    readChannelInfo: bytes(16),
  }),
  fc.record({ kind: kind("readResponse"), dataRemaining: u32, flags: u32, data: bytes(150) }),
  fc.record({
    kind: kind("writeRequest"),
    offset: u64,
    fileId: fixedBytes(16),
    channel: u32,
    remainingBytes: u32,
    flags: u32,
    data: bytes(150),
    writeChannelInfo: bytes(16),
  }),
  fc.record({ kind: kind("writeResponse"), count: u32, remaining: u32 }),
  fc.record({
    kind: kind("ioctlRequest"),
    ctlCode: u32,
    fileId: fixedBytes(16),
    maxInputResponse: u32,
    maxOutputResponse: u32,
    flags: u32,
    input: bytes(100),
    output: bytes(40),
  }),
  fc.record({
    kind: kind("ioctlResponse"),
    ctlCode: u32,
    fileId: fixedBytes(16),
    flags: u32,
    input: bytes(40),
    output: bytes(100),
  }),
  fc.constantFrom(
    ...(
      [
        "logoffRequest",
        "logoffResponse",
        "treeDisconnectRequest",
        "treeDisconnectResponse",
        "cancelRequest",
        "echoRequest",
        "echoResponse",
        "lockResponse",
      ] as const
    ).map((k) => ({ kind: k })),
  ),
  fc.record({
    kind: kind("lockRequest"),
    lockSequence: u32,
    fileId: fixedBytes(16),
    locks: fc.array(fc.record({ offset: u64, length: u64, flags: u32 }), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: kind("errorResponse"), errorContextCount: u8, errorData: bytes(40) }),
);

/** Statuses that keep a normal body on some commands, and a few that always mean an error body. */
const statuses = fc.constantFrom(0, 0x103, 0x80000005, 0xc0000016, 0xc000006d, 0xc00000cc);

/**
 * A header + body pair the encoder accepts and the decoder gives back unchanged: the command and
 * response flag match the body, the status matches error-or-not, and the fields not on the wire in
 * the chosen (sync/async) form are zero.
 */
export const anyMessage = fc
  .record({
    body: anyBody,
    header: fc.record({
      creditCharge: u16,
      credits: u16,
      flags: u32,
      nextCommand: fc.constant(0),
      messageId: u64,
      processId: u32,
      treeId: u32,
      asyncId: u64,
      sessionId: u64,
      signature: fixedBytes(16),
    }),
    status: statuses,
    errorCommand: fc.integer({ min: 0, max: 18 }),
  })
  .map(({ body, header, status, errorCommand }) => {
    const [command, isResponse] =
      body.kind === "errorResponse"
        ? [errorCommand, true]
        : (BODY_KINDS[body.kind] as readonly [number, boolean]);
    const flags = isResponse
      ? (header.flags | Smb2Flags.SERVER_TO_REDIR) >>> 0
      : header.flags & ~Smb2Flags.SERVER_TO_REDIR;
    const isAsync = (flags & Smb2Flags.ASYNC_COMMAND) !== 0;
    const wantsErrorBody = body.kind === "errorResponse";
    const consistent = !isResponse || hasErrorBody(command, status) === wantsErrorBody;
    return {
      body,
      header: {
        ...header,
        command,
        flags: flags >>> 0,
        status: consistent ? status : wantsErrorBody ? 0xc000006d : 0,
        processId: isAsync ? 0 : header.processId,
        treeId: isAsync ? 0 : header.treeId,
        asyncId: isAsync ? header.asyncId : 0n,
      } satisfies Smb2Header,
    };
  });
