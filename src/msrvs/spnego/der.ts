/**
 * The few DER rules SPNEGO tokens need (ITU-T X.690 §8.1, §10.1): a node is a tag byte, a definite
 * length (short form below 128, long form up to 4 length bytes) and its contents. Only single-byte tags
 * occur in RFC 4178 tokens. Malformed input gives {@link SpnegoError}; nothing else is thrown.
 */
import { SpnegoError } from "./SpnegoError.js";

/** One decoded DER node: its tag byte, its contents, and where it ends in the input. */
export interface DerNode {
  readonly tag: number;
  readonly contents: Buffer;
  /** Offset just past the node in the buffer it was read from. */
  readonly end: number;
}

/** Largest token accepted (a SESSION_SETUP buffer is at most 64 KiB). */
const MAX_LENGTH = 0xffff;

/** Encodes one node: tag, definite length, contents (X.690 §8.1.3). */
export function derNode(tag: number, ...contents: Buffer[]): Buffer {
  const body = Buffer.concat(contents);
  if (body.length > MAX_LENGTH) throw new SpnegoError(`a DER node of ${body.length} bytes is too long`);
  const length =
    body.length < 0x80
      ? Buffer.of(body.length)
      : body.length < 0x100
        ? Buffer.of(0x81, body.length)
        : Buffer.of(0x82, body.length >> 8, body.length & 0xff);
  return Buffer.concat([Buffer.of(tag), length, body]);
}

/** Reads the node starting at `at`; it must end inside `bytes`. */
export function readDerNode(bytes: Buffer, at: number, what: string): DerNode {
  if (at + 2 > bytes.length) throw new SpnegoError(`${what}: truncated DER header`);
  const tag = bytes[at] as number;
  const first = bytes[at + 1] as number;
  let length = first;
  let start = at + 2;
  if (first >= 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4)
      throw new SpnegoError(`${what}: unsupported DER length form 0x${first.toString(16)}`);
    if (start + count > bytes.length) throw new SpnegoError(`${what}: truncated DER length`);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[start + i] as number);
    start += count;
  }
  if (length > MAX_LENGTH || start + length > bytes.length) {
    throw new SpnegoError(`${what}: DER length ${length} runs past the end`);
  }
  return { tag, contents: bytes.subarray(start, start + length), end: start + length };
}

/** Reads every node of a constructed value's contents, in order (they must fill it exactly). */
export function readDerChildren(contents: Buffer, what: string): DerNode[] {
  const nodes: DerNode[] = [];
  for (let at = 0; at < contents.length; ) {
    if (nodes.length >= 64) throw new SpnegoError(`${what}: too many DER elements`);
    const node = readDerNode(contents, at, what);
    nodes.push(node);
    at = node.end;
  }
  return nodes;
}

/** Encodes an OBJECT IDENTIFIER from its dotted text (X.690 §8.19). */
export function encodeOid(dotted: string): Buffer {
  const arcs = dotted.split(".").map(Number);
  if (arcs.length < 2 || arcs.some((arc) => !Number.isSafeInteger(arc) || arc < 0)) {
    throw new SpnegoError(`not an OID: ${dotted}`);
  }
  const bytes = [40 * (arcs[0] as number) + (arcs[1] as number)];
  for (const arc of arcs.slice(2)) {
    const groups = [arc & 0x7f];
    for (let rest = Math.floor(arc / 128); rest > 0; rest = Math.floor(rest / 128)) {
      groups.unshift((rest & 0x7f) | 0x80);
    }
    bytes.push(...groups);
  }
  return derNode(0x06, Buffer.from(bytes));
}

/** Decodes an OBJECT IDENTIFIER's contents to dotted text. */
export function decodeOid(contents: Buffer, what: string): string {
  if (contents.length === 0) throw new SpnegoError(`${what}: empty OID`);
  const first = contents[0] as number;
  const arcs = [Math.min(2, Math.floor(first / 40)), first - 40 * Math.min(2, Math.floor(first / 40))];
  let value = 0;
  for (const byte of contents.subarray(1)) {
    value = value * 128 + (byte & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 128) throw new SpnegoError(`${what}: OID arc too large`);
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }
  if ((contents[contents.length - 1] as number) & 0x80)
    throw new SpnegoError(`${what}: unterminated OID arc`);
  return arcs.join(".");
}
