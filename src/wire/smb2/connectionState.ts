/**
 * The state one SMB2 connection of the wire server keeps (MS-SMB2 §3.3.1.7-3.3.1.10): the negotiated
 * dialect, its one session (every connection is one session of the emulated server), tree connects and
 * opens. Bounded: at most {@link LIMITS}.maxTrees trees and maxOpens opens per connection.
 */
import type { FileHandle, SessionHandle } from "../../runtime/inject/handles.js";
import type { EmulatorView, WireCaller } from "../EmulatorView.js";
import type { RpcAssociation } from "../rpc/RpcAssociation.js";
import type { ServerAuthentication } from "./ServerAuthentication.js";

/** Per-connection bounds (robustness: a client cannot grow the server's memory without limit). */
export const LIMITS = { maxTrees: 64, maxOpens: 1024 } as const;

/** An established SMB2 session (MS-SMB2 §3.3.1.8). */
export interface WireSession {
  readonly id: bigint;
  readonly caller: WireCaller;
  /** Session.SigningKey (= SessionKey on 2.x, §3.3.5.5.3); undefined for guest and anonymous sessions. */
  readonly signingKey: Buffer | undefined;
  /** Session.SigningRequired. */
  readonly signingRequired: boolean;
  /** The emulator's session for this connection; undefined while the file service is stopped. */
  handle: SessionHandle | undefined;
  /** Virtual time of the last activity reported to the emulator. */
  lastActivity: number;
}

/** A tree connect (MS-SMB2 §3.3.1.10): IPC$ or one of the fixture's disk shares. */
export interface WireTree {
  readonly share: string;
  readonly kind: "ipc" | "disk";
}

/** An open (MS-SMB2 §3.3.1.10): the srvsvc pipe, or a file or directory of a disk share. */
export type WireOpen =
  | { readonly treeId: number; readonly kind: "pipe"; readonly pipe: RpcAssociation }
  | { readonly treeId: number; readonly kind: "file"; readonly file: FileHandle | undefined };

/** What every connection shares with the server that accepted it. */
export interface WireServerContext {
  readonly view: EmulatorView;
  /** Refuse unsigned sessions (option `signing: "required"`). */
  readonly requireSigning: boolean;
  /** ServerGuid of the NEGOTIATE response. */
  readonly serverGuid: Buffer;
  /** A new SessionId (MS-SMB2 §3.3.5.5.1), unique on the server. */
  nextSessionId(): bigint;
  /** A new association group id for a bind_ack. */
  nextAssociationGroup(): number;
  /** 8 random bytes for an NTLM server challenge. */
  serverChallenge(): Buffer;
}

/** The mutable state of one connection; the command handlers read and change it. */
export class ConnectionState {
  readonly server: WireServerContext;
  /** The client's address as Sessions() shows it (`sesi_cname`). */
  readonly clientAddress: string;
  dialect: number | undefined;
  /** The client asked for signing in NEGOTIATE (SecurityMode SIGNING_REQUIRED). */
  clientRequiresSigning = false;
  session: WireSession | undefined;
  /** A SESSION_SETUP exchange under way. */
  pending: { readonly id: bigint; readonly auth: ServerAuthentication } | undefined;
  readonly trees = new Map<number, WireTree>();
  readonly opens = new Map<string, WireOpen>();
  /** FileId of the last CREATE of a compound chain (MS-SMB2 §3.3.5.2.7.2). */
  relatedFileId: Buffer | undefined;
  #nextTreeId = 1;
  #nextFileId = 1n;

  /** A fresh connection from `clientAddress`. */
  constructor(server: WireServerContext, clientAddress: string) {
    this.server = server;
    this.clientAddress = clientAddress;
  }

  /** A new TreeId. */
  newTreeId(): number {
    const id = this.#nextTreeId;
    this.#nextTreeId = (this.#nextTreeId % 0xfffffffe) + 1;
    return id;
  }

  /** A new 16-byte FileId (persistent and volatile parts equal). */
  newFileId(): Buffer {
    const id = Buffer.alloc(16);
    id.writeBigUInt64LE(this.#nextFileId, 0);
    id.writeBigUInt64LE(this.#nextFileId, 8);
    this.#nextFileId += 1n;
    return id;
  }

  /** The open a request's FileId names (all-ones = the compound chain's, §3.3.5.2.7.2), or undefined. */
  open(fileId: Buffer): { readonly key: string; readonly open: WireOpen } | undefined {
    const id = fileId.equals(ALL_ONES) && this.relatedFileId !== undefined ? this.relatedFileId : fileId;
    const key = id.toString("hex");
    const open = this.opens.get(key);
    return open === undefined ? undefined : { key, open };
  }
}

const ALL_ONES = Buffer.alloc(16, 0xff);
