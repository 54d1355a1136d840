import { NtlmError } from "./NtlmError.js";

/** AvId values of AV_PAIR, MS-NLMP §2.2.2.1. */
export const AvId = {
  MsvAvEOL: 0,
  MsvAvNbComputerName: 1,
  MsvAvNbDomainName: 2,
  MsvAvDnsComputerName: 3,
  MsvAvDnsDomainName: 4,
  MsvAvDnsTreeName: 5,
  MsvAvFlags: 6,
  MsvAvTimestamp: 7,
  MsvAvSingleHost: 8,
  MsvAvTargetName: 9,
  MsvAvChannelBindings: 10,
} as const;

/** One AV_PAIR (MS-NLMP §2.2.2.1); the terminating MsvAvEOL is implied, never listed. */
export interface AvPair {
  readonly id: number;
  readonly value: Buffer;
}

/** Encodes AV pairs followed by MsvAvEOL (MS-NLMP §2.2.2.1). An explicit EOL in the list is refused. */
export function encodeAvPairs(pairs: readonly AvPair[]): Buffer {
  const parts: Buffer[] = [];
  for (const pair of pairs) {
    if (pair.id === AvId.MsvAvEOL || !Number.isInteger(pair.id) || pair.id < 0 || pair.id > 0xffff) {
      throw new NtlmError("INVALID_ARGUMENT", `AV pair id ${pair.id}`);
    }
    if (pair.value.length > 0xffff) throw new NtlmError("INVALID_ARGUMENT", `AV pair ${pair.id} too long`);
    const head = Buffer.alloc(4);
    head.writeUInt16LE(pair.id, 0);
    head.writeUInt16LE(pair.value.length, 2);
    parts.push(head, pair.value);
  }
  parts.push(Buffer.alloc(4));
  return Buffer.concat(parts);
}

/**
 * Decodes an AV pair list up to MsvAvEOL (MS-NLMP §2.2.2.1). An empty buffer is an empty list; a list
 * without EOL, or a pair running past the end, is an NtlmError. Bytes after EOL are ignored.
 */
export function decodeAvPairs(bytes: Buffer): AvPair[] {
  const pairs: AvPair[] = [];
  if (bytes.length === 0) return pairs;
  let at = 0;
  for (;;) {
    if (at + 4 > bytes.length) throw new NtlmError("TRUNCATED", "AV pair list without MsvAvEOL");
    const id = bytes.readUInt16LE(at);
    const length = bytes.readUInt16LE(at + 2);
    if (id === AvId.MsvAvEOL) return pairs;
    if (at + 4 + length > bytes.length) throw new NtlmError("TRUNCATED", `AV pair ${id} runs past the end`);
    pairs.push({ id, value: Buffer.from(bytes.subarray(at + 4, at + 4 + length)) });
    at += 4 + length;
  }
}
