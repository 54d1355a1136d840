import { AdsError } from "../../../src/errors/AdsError.js";
import { PFC_FIRST_FRAG, PFC_LAST_FRAG } from "../../../src/msrvs/dcerpc/constants.js";
import { fragmentResponse } from "../../../src/msrvs/dcerpc/fragment.js";
import { decodePdu, encodePdu } from "../../../src/msrvs/dcerpc/pdu.js";
import { FragmentReassembler } from "../../../src/msrvs/dcerpc/reassembler.js";
import { NDR_TRANSFER_SYNTAX } from "../../../src/msrvs/dcerpc/syntax.js";
import { Smb2Error } from "../../../src/msrvs/smb2/Smb2Error.js";
import type { FileInfo3 } from "../../../src/msrvs/srvsvc/files.js";
import { SRVSVC_OPERATIONS } from "../../../src/msrvs/srvsvc/operations.js";
import type { SessionEnumStruct } from "../../../src/msrvs/srvsvc/sessions.js";
import { WERROR } from "../../../src/msrvs/srvsvc/werror.js";
import type { RpcPipe, RpcPipeOpener } from "../../../src/provider/msrvs/rpcPipe.js";

/** A session of the fake server. */
export interface FakeSession {
  user: string;
  client: string;
  time: number;
  idleTime: number;
}

/** An open file of the fake server, owned by the session of (user, client). */
export interface FakeFile {
  id: number;
  permissions: number;
  numLocks: number;
  path: string;
  user: string;
  client: string;
}

/** A failure the next transceive produces instead of a normal answer. */
export type FakeFailure = "disconnect" | "garbage" | "wrong-call-id" | "truncated-stub";

/**
 * An in-memory srvsvc server behind a fake RPC pipe, built from the project's own DCE/RPC and NDR
 * codecs: it answers bind, NetrSessionEnum (1, 2, 10, 502), NetrSessionDel, NetrFileEnum (3) and
 * NetrFileClose like a Windows server (paging with ERROR_MORE_DATA when `pageSize` is set, NERR_* codes)
 * or like Samba (levels 0/1 and 3 only, E_ACCESSDENIED / ERROR_FILE_NOT_FOUND for unknown names).
 */
export class FakeSrvsvcServer {
  sessions: FakeSession[] = [];
  files: FakeFile[] = [];
  flavor: "windows" | "samba" = "windows";
  /** Entries per page (Windows paging); undefined: everything at once. */
  pageSize: number | undefined;
  /** WERROR forced on an opnum. */
  readonly werrors = new Map<number, number>();
  /** Fault status forced on an opnum. */
  readonly faults = new Map<number, number>();
  /** Failures of the next transceives, in order. */
  readonly failures: FakeFailure[] = [];
  /** How the bind is answered. */
  bind: "accept" | "nak" | "reject" = "accept";
  /** When set, every pipe breaks right after answering the bind (a server that drops associations). */
  dropAfterBind = false;
  /** What the next pipe opens reject with (e.g. the logon failure's AdsError, or a raw transport error). */
  openFailure: unknown;
  /** Every call received: opnum and decoded request. */
  readonly calls: { opnum: number; request: unknown }[] = [];
  /** Pipes opened so far, and how many of them are still open. */
  opened = 0;
  open = 0;

  /** Opens pipes on this server (the `openPipe` argument of connectMsSrvs). */
  readonly opener: RpcPipeOpener = async () => {
    if (this.openFailure !== undefined) throw this.openFailure;
    this.opened += 1;
    this.open += 1;
    return this.pipe();
  };

  private pipe(): RpcPipe {
    let failed = false;
    let pending: Uint8Array[] = [];
    const server = this;
    return {
      async transceive(pdu: Buffer): Promise<Buffer> {
        if (failed) throw new Smb2Error("DISCONNECTED", "fake pipe is gone");
        const failure = server.failures.shift();
        if (failure === "disconnect") {
          failed = true;
          server.open -= 1;
          throw new Smb2Error("DISCONNECTED", "the fake server closed the connection");
        }
        const fragments = [...pending, pdu];
        pending = [];
        const reply = server.answer(fragments);
        if (server.dropAfterBind && reply[2] === 12) {
          failed = true;
          server.open -= 1;
        }
        if (failure === "garbage") return Buffer.from("0500020300000000", "hex");
        if (failure === "wrong-call-id") {
          const copy = Buffer.from(reply);
          copy.writeUInt32LE(copy.readUInt32LE(12) + 1, 12);
          return copy;
        }
        if (failure === "truncated-stub") return truncateStub(reply);
        return reply;
      },
      async write(pdu: Buffer): Promise<void> {
        if (failed) throw new Smb2Error("DISCONNECTED", "fake pipe is gone");
        pending.push(pdu);
      },
      get failed() {
        return failed;
      },
      async close() {
        if (!failed) server.open -= 1;
        failed = true;
      },
    };
  }

  private answer(fragments: Uint8Array[]): Buffer {
    const first = decodePdu(fragments[0] as Uint8Array);
    if (first.type === "bind") return Buffer.from(this.bindReply(first.callId));
    const reassembler = new FragmentReassembler({ expect: "request" });
    let call = null;
    for (const fragment of fragments) call = reassembler.push(fragment);
    if (call === null || call.type !== "request") throw new Error("fake server: incomplete request");
    const fault = this.faults.get(call.opnum);
    if (fault !== undefined) {
      return Buffer.from(
        encodePdu({
          type: "fault",
          callId: call.callId,
          pfcFlags: PFC_FIRST_FRAG | PFC_LAST_FRAG,
          rpcVersMinor: 0,
          allocHint: 24,
          contextId: 0,
          cancelCount: 0,
          status: fault,
          stub: new Uint8Array(0),
        }),
      );
    }
    const stub = this.dispatch(call.opnum, call.stub);
    const parts = fragmentResponse({ callId: call.callId, contextId: 0, stub }, 4280);
    return Buffer.concat(parts.map((part) => Buffer.from(part)));
  }

  private bindReply(callId: number): Uint8Array {
    const common = { callId, pfcFlags: PFC_FIRST_FRAG | PFC_LAST_FRAG, rpcVersMinor: 0 };
    if (this.bind === "nak") return encodePdu({ type: "bind_nak", ...common, rejectReason: 4, versions: [] });
    const accepted = this.bind === "accept";
    return encodePdu({
      type: "bind_ack",
      ...common,
      maxXmitFrag: 4280,
      maxRecvFrag: 4280,
      assocGroupId: 0x1234,
      secondaryAddress: "\\PIPE\\srvsvc",
      results: [
        {
          result: accepted ? 0 : 2,
          reason: accepted ? 0 : 1,
          transferSyntax: accepted
            ? NDR_TRANSFER_SYNTAX
            : { uuid: "00000000-0000-0000-0000-000000000000", major: 0, minor: 0 },
        },
      ],
    });
  }

  private dispatch(opnum: number, stub: Uint8Array): Uint8Array {
    const forced = this.werrors.get(opnum);
    switch (opnum) {
      case SRVSVC_OPERATIONS.NetrSessionEnum.opnum: {
        const op = SRVSVC_OPERATIONS.NetrSessionEnum;
        const request = op.decodeRequest(stub);
        this.calls.push({ opnum, request });
        const level = request.info.level;
        const supported = this.flavor === "samba" ? [0, 1] : [0, 1, 2, 10, 502];
        if (forced !== undefined || !supported.includes(level)) {
          const info = { level, container: { entries: null } } as SessionEnumStruct;
          return op.encodeResponse({
            info,
            totalEntries: 0,
            resumeHandle: 0,
            werror: forced ?? WERROR.ERROR_INVALID_LEVEL,
          });
        }
        const page = this.page(this.sessions, request.resumeHandle ?? 0);
        const entries = page.entries.map((s) => sessionEntry(s, level, this.openCount(s)));
        return op.encodeResponse({
          info: { level, container: { entries } } as SessionEnumStruct,
          totalEntries: this.sessions.length,
          resumeHandle: page.resumeHandle,
          werror: page.werror,
        });
      }
      case SRVSVC_OPERATIONS.NetrFileEnum.opnum: {
        const op = SRVSVC_OPERATIONS.NetrFileEnum;
        const request = op.decodeRequest(stub);
        this.calls.push({ opnum, request });
        if (forced !== undefined || request.info.level !== 3) {
          return op.encodeResponse({
            info: { level: request.info.level, container: null },
            totalEntries: 0,
            resumeHandle: 0,
            werror: forced ?? WERROR.ERROR_INVALID_LEVEL,
          });
        }
        const page = this.page(this.files, request.resumeHandle ?? 0);
        const entries: FileInfo3[] = page.entries.map((f) => ({
          id: f.id,
          permissions: f.permissions,
          numLocks: f.numLocks,
          pathName: f.path,
          userName: f.user,
        }));
        return op.encodeResponse({
          info: { level: 3, container: { entries } },
          totalEntries: this.files.length,
          resumeHandle: page.resumeHandle,
          werror: page.werror,
        });
      }
      case SRVSVC_OPERATIONS.NetrSessionDel.opnum: {
        const op = SRVSVC_OPERATIONS.NetrSessionDel;
        const request = op.decodeRequest(stub);
        this.calls.push({ opnum, request });
        if (forced !== undefined) return op.encodeResponse({ werror: forced });
        const client = (request.clientName ?? "").replace(/^\\\\/, "").toUpperCase();
        const user = (request.userName ?? "").toUpperCase();
        const matches = (s: { user: string; client: string }) =>
          (client === "" || s.client.toUpperCase() === client) &&
          (user === "" || s.user.toUpperCase() === user);
        const before = this.sessions.length;
        this.sessions = this.sessions.filter((s) => !matches(s));
        this.files = this.files.filter((f) => !matches(f));
        const none = this.flavor === "samba" ? WERROR.ERROR_ACCESS_DENIED : WERROR.NERR_ClientNameNotFound;
        return op.encodeResponse({ werror: this.sessions.length < before ? 0 : none });
      }
      case SRVSVC_OPERATIONS.NetrFileClose.opnum: {
        const op = SRVSVC_OPERATIONS.NetrFileClose;
        const request = op.decodeRequest(stub);
        this.calls.push({ opnum, request });
        if (forced !== undefined) return op.encodeResponse({ werror: forced });
        const before = this.files.length;
        this.files = this.files.filter((f) => f.id !== request.fileId);
        const none = this.flavor === "samba" ? WERROR.ERROR_FILE_NOT_FOUND : WERROR.NERR_FileIdNotFound;
        return op.encodeResponse({ werror: this.files.length < before ? 0 : none });
      }
      default:
        throw new Error(`fake server: opnum ${opnum}`);
    }
  }

  private openCount(session: FakeSession): number {
    return this.files.filter((f) => f.user === session.user && f.client === session.client).length;
  }

  private page<T>(all: readonly T[], resume: number): { entries: T[]; resumeHandle: number; werror: number } {
    if (this.pageSize === undefined || this.flavor === "samba") {
      // Samba: everything, and a resume handle equal to the count (ms-srvs-wire §4.7).
      return { entries: all.slice(resume), resumeHandle: all.length, werror: 0 };
    }
    const entries = all.slice(resume, resume + this.pageSize);
    const next = resume + entries.length;
    return next < all.length
      ? { entries, resumeHandle: next, werror: WERROR.ERROR_MORE_DATA }
      : { entries, resumeHandle: 0, werror: 0 };
  }
}

function sessionEntry(s: FakeSession, level: number, numOpens: number) {
  const base = { cname: s.client, username: s.user, time: s.time, idleTime: s.idleTime };
  if (level === 0) return { cname: s.client };
  if (level === 10) return base;
  const one = { ...base, numOpens, userFlags: 0 };
  if (level === 1) return one;
  if (level === 2) return { ...one, cltypeName: "Windows" };
  return { ...one, cltypeName: "Windows", transport: "\\Device\\NetbiosSmb" };
}

/** The reply with its last stub byte cut off (frag_length adjusted): a stub the decoder must refuse. */
function truncateStub(reply: Buffer): Buffer {
  const copy = Buffer.from(reply.subarray(0, reply.length - 4));
  copy.writeUInt16LE(copy.readUInt16LE(8) - 4, 8);
  return copy;
}

/** An AdsError as the SMB2 opener raises it for a wrong password. */
export function logonFailure(): AdsError {
  return new AdsError("ERROR_LOGON_FAILURE", "signing in: 0xc000006d STATUS_LOGON_FAILURE");
}
