import { randomBytes } from "node:crypto";

/** Milliseconds between 1601-01-01 (FILETIME epoch) and 1970-01-01. */
const FILETIME_EPOCH_OFFSET_MS = 11644473600000;

/**
 * Where a real SMB2 client gets randomness and the time. Injectable so tests run with fixed values;
 * the default {@link hostEntropy} is the only place this client reads the host.
 */
export interface ClientEntropy {
  /** `length` unpredictable bytes (NTLM ClientChallenge, session key, ClientGuid). */
  readonly randomBytes: (length: number) => Buffer;
  /** The current time as a FILETIME (100 ns ticks since 1601), for NTLMv2 when the server sends none. */
  readonly now: () => bigint;
}

/** The host's CSPRNG and clock: for real network use only. */
export const hostEntropy: ClientEntropy = {
  randomBytes: (length) => randomBytes(length), // host-time: NTLM challenges and keys must be unpredictable on a real network
  now: () => BigInt(Date.now() + FILETIME_EPOCH_OFFSET_MS) * 10000n, // host-time: NTLMv2 timestamp when the server sends no MsvAvTimestamp
};
