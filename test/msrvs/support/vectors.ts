/**
 * The srvsvc vectors captured from Samba (test/vectors/srvsvc, copied verbatim from the shared
 * references): raw PDUs and index.json's decoded form, typed loosely for table-driven tests.
 */
import { readdirSync, readFileSync } from "node:fs";

const DIR = new URL("../../vectors/srvsvc/", import.meta.url);

/** A string as index.json shows it: referent id and the three counts of ms-srvs-wire §3.3. */
export interface IndexString {
  readonly referent: string;
  readonly max_count: number;
  readonly offset: number;
  readonly actual_count: number;
  readonly value: string;
}

/** One enumeration entry (sessions and files share the shape, with optional fields). */
export interface IndexEntry {
  readonly client?: IndexString | null;
  readonly user?: IndexString | null;
  readonly num_open?: number;
  readonly time?: number;
  readonly idle_time?: number;
  readonly user_flags?: number;
  readonly fid?: string;
  readonly permissions?: number;
  readonly num_locks?: number;
  readonly path?: IndexString | null;
}

/** Decoded arguments of a request or response stub (the fields present depend on the operation). */
export interface IndexArgs {
  readonly server?: IndexString | null;
  readonly client?: IndexString | null;
  readonly base_path?: IndexString | null;
  readonly user?: IndexString | null;
  readonly level?: number;
  readonly union_switch?: number;
  readonly union_arm?: string;
  readonly container?: {
    readonly referent: string;
    readonly entries_read: number;
    readonly buffer: string | null;
    readonly max_count?: number;
    readonly entries?: readonly IndexEntry[];
  };
  readonly prefered_maximum_length?: string;
  readonly resume_handle?: { readonly referent: string; readonly value: number } | null;
  readonly total_entries?: number;
  readonly file_id?: string;
  readonly werror?: string;
  readonly stub_bytes_used?: number;
  readonly raw_stub_len?: number;
  readonly undecodable?: string;
}

/** A syntax as index.json shows it. */
export interface IndexContext {
  readonly p_cont_id: number;
  readonly n_transfer_syn: number;
  readonly abstract_syntax: string;
  readonly abstract_version: string;
  readonly transfer_syntax: string;
  readonly transfer_version: number;
}

/** One index.json entry. */
export interface VectorEntry {
  readonly file: string;
  readonly bytes: number;
  readonly note: string;
  readonly decoded: {
    readonly header: {
      readonly rpc_vers: number;
      readonly rpc_vers_minor: number;
      readonly ptype: number;
      readonly pfc_flags: string;
      readonly drep: string;
      readonly frag_length: number;
      readonly auth_length: number;
      readonly call_id: number;
    };
    readonly bind?: {
      readonly max_xmit_frag: number;
      readonly max_recv_frag: number;
      readonly assoc_group_id: string;
      readonly n_context_elem: number;
      readonly contexts: readonly IndexContext[];
    };
    readonly bind_ack?: {
      readonly max_xmit_frag: number;
      readonly max_recv_frag: number;
      readonly assoc_group_id: string;
      readonly sec_addr_length: number;
      readonly sec_addr: string;
      readonly pad_to: number;
      readonly n_results: number;
      readonly results: readonly {
        readonly result: number;
        readonly reason: number;
        readonly transfer_syntax: string;
        readonly transfer_version: number;
      }[];
    };
    readonly bind_nak?: {
      readonly provider_reject_reason: number;
      readonly n_protocols: number;
      readonly versions: readonly string[];
      readonly trailing_pad_bytes: number;
    };
    readonly request?: {
      readonly alloc_hint: number;
      readonly p_cont_id: number;
      readonly opnum: number;
      readonly stub_length: number;
      readonly args: IndexArgs;
    };
    readonly response?: {
      readonly alloc_hint: number;
      readonly p_cont_id: number;
      readonly cancel_count: number;
      readonly reserved: number;
      readonly stub_length: number;
      readonly opnum_of_request: number;
      readonly args?: IndexArgs;
    };
    readonly fault?: {
      readonly alloc_hint: number;
      readonly p_cont_id: number;
      readonly cancel_count: number;
      readonly reserved: number;
      readonly status: string;
      readonly reserved2: string;
    };
  };
  readonly reassembled?: { readonly stub_length: number; readonly args: IndexArgs };
}

/** index.json, in file order. */
export const INDEX: readonly VectorEntry[] = JSON.parse(readFileSync(new URL("index.json", DIR), "utf8"));

/** Every .hex file name in the vector directory. */
export const HEX_FILES: readonly string[] = readdirSync(DIR)
  .filter((name) => name.endsWith(".hex"))
  .sort();

/** The bytes of one vector file. */
export function loadVector(file: string): Uint8Array {
  return Uint8Array.from(Buffer.from(readFileSync(new URL(file, DIR), "utf8").replace(/\s+/g, ""), "hex"));
}

/** index.json's entry for a file. */
export function indexEntry(file: string): VectorEntry {
  const entry = INDEX.find((candidate) => candidate.file === file);
  if (entry === undefined) throw new Error(`no index.json entry for ${file}`);
  return entry;
}

/** Parses index.json's `0x…` numbers. */
export function hex(value: string): number {
  return Number.parseInt(value, 16);
}

/** The request file a response file answers (`NN-name.resp*.hex` → `NN-name.req.hex`). */
export function requestFileOf(file: string): string {
  return file.replace(/\.(resp|ack|nak)(\.frag\d)?\.hex$/, ".req.hex");
}
