/**
 * Turns index.json's decoded arguments into the codec's typed values, and extracts the wire facts it
 * records (referent ids, string counts, array conformances) in wire order, which for these calls is
 * the document order of index.json (ms-srvs-wire §3.4).
 */
import { hex, type IndexArgs, type IndexEntry, type IndexString } from "../support/vectors.js";

const text = (value: IndexString | null | undefined) => (value ? value.value : null);

function sessionEntry(level: number, entry: IndexEntry): unknown {
  if (level === 0) return { cname: text(entry.client) };
  if (level !== 1) throw new Error(`no session level ${level} in the vectors`);
  return {
    cname: text(entry.client),
    username: text(entry.user),
    numOpens: entry.num_open,
    time: entry.time,
    idleTime: entry.idle_time,
    userFlags: entry.user_flags,
  };
}

function fileEntry(level: number, entry: IndexEntry): unknown {
  if (level !== 3) throw new Error(`no file level ${level} in the vectors`);
  return {
    id: hex(entry.fid ?? ""),
    permissions: entry.permissions,
    numLocks: entry.num_locks,
    pathName: text(entry.path),
    userName: text(entry.user),
  };
}

/** The `*_ENUM_STRUCT` value; also checks index.json's own invariants (switch = level, counts). */
function enumStruct(args: IndexArgs, entryOf: (level: number, entry: IndexEntry) => unknown): unknown {
  const level = args.level ?? -1;
  if (args.union_switch !== level) throw new Error("index.json: union switch differs from the level");
  if (args.union_arm !== undefined) return { level, container: null };
  const container = args.container;
  if (container === undefined) throw new Error("index.json: no container");
  if (container.buffer === null) {
    if (container.entries_read !== 0) throw new Error("index.json: entries without a buffer");
    return { level, container: { entries: null } };
  }
  const entries = container.entries ?? [];
  if (container.max_count !== entries.length || container.entries_read !== entries.length) {
    throw new Error("index.json: EntriesRead, max_count and the entries disagree");
  }
  return { level, container: { entries: entries.map((entry) => entryOf(level, entry)) } };
}

const resume = (args: IndexArgs) => (args.resume_handle ? args.resume_handle.value : null);

/** The typed request the codec should decode for index.json's `args`. */
export function expectedRequest(opnum: number, args: IndexArgs): unknown {
  switch (opnum) {
    case 12:
      return {
        serverName: text(args.server),
        clientName: text(args.client),
        userName: text(args.user),
        info: enumStruct(args, sessionEntry),
        preferredMaximumLength: hex(args.prefered_maximum_length ?? ""),
        resumeHandle: resume(args),
      };
    case 9:
      return {
        serverName: text(args.server),
        basePath: text(args.base_path),
        userName: text(args.user),
        info: enumStruct(args, fileEntry),
        preferredMaximumLength: hex(args.prefered_maximum_length ?? ""),
        resumeHandle: resume(args),
      };
    case 13:
      return { serverName: text(args.server), clientName: text(args.client), userName: text(args.user) };
    case 11:
      return { serverName: text(args.server), fileId: hex(args.file_id ?? "") };
    default:
      throw new Error(`no request vectors for opnum ${opnum}`);
  }
}

/** The typed response the codec should decode for index.json's `args`. */
export function expectedResponse(opnum: number, args: IndexArgs): unknown {
  const werror = hex(args.werror ?? "");
  switch (opnum) {
    case 12:
    case 9:
      return {
        info: enumStruct(args, opnum === 12 ? sessionEntry : fileEntry),
        totalEntries: args.total_entries,
        resumeHandle: resume(args),
        werror,
      };
    case 13:
    case 11:
      return { werror };
    default:
      throw new Error(`no response vectors for opnum ${opnum}`);
  }
}

/** Referent ids (0 for NULL), string counts and array max_counts of `args`, in document order. */
export function wireFacts(args: IndexArgs) {
  const pointers: number[] = [];
  const strings: { max: number; offset: number; actual: number }[] = [];
  const arrays: number[] = [];
  const walk = (value: unknown): void => {
    if (value === null) {
      pointers.push(0);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    for (const [key, field] of Object.entries(record)) {
      if (key === "referent") pointers.push(hex(String(field)));
      else if (key === "buffer") pointers.push(field === null ? 0 : hex(String(field)));
      else if (key === "max_count" && "entries_read" in record) arrays.push(Number(field));
      else walk(field);
    }
    if ("actual_count" in record) {
      strings.push({
        max: Number(record.max_count),
        offset: Number(record.offset),
        actual: Number(record.actual_count),
      });
    }
  };
  walk(args);
  return { pointers, strings, arrays };
}
