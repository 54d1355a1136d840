/**
 * One SESSION_SETUP exchange, server side (MS-SMB2 §3.3.5.5.3): NTLM (MS-NLMP §3.2.5) carried raw or
 * inside SPNEGO (MS-SPNG §3.2.5, RFC 4178), as the client chose. The NTLMv2 response is verified against
 * the fixture's clear-text passwords; an anonymous logon becomes a guest session when the fixture has a
 * Guest account. Never throws: a malformed token is a logon failure.
 */
import { decodeNtlmAuthenticate } from "../../msrvs/ntlm/authenticateMessage.js";
import {
  createNtlmChallenge,
  isAnonymousAuthenticate,
  verifyNtlmv2Authenticate,
} from "../../msrvs/ntlm/ntlmServer.js";
import { NTLMSSP_SIGNATURE } from "../../msrvs/ntlm/wire.js";
import { NtStatus } from "../../msrvs/smb2/ntStatus.js";
import { decodeSpnegoToken, encodeNegTokenResp, NegState, NTLMSSP_OID } from "../../msrvs/spnego/spnego.js";
import type { EmulatorView, WireCaller } from "../EmulatorView.js";

/** The outcome of one SESSION_SETUP leg. */
export type AuthStep =
  /** Answer STATUS_MORE_PROCESSING_REQUIRED with `token`. */
  | { readonly kind: "continue"; readonly token: Buffer }
  /** The logon succeeded: answer STATUS_SUCCESS with `token`. */
  | {
      readonly kind: "done";
      readonly token: Buffer;
      readonly caller: WireCaller;
      /** The NTLM ExportedSessionKey (MS-SMB2 Session.SessionKey); undefined for guest/anonymous. */
      readonly sessionKey: Buffer | undefined;
      /** Anonymous (IS_NULL) rather than a named logon. */
      readonly anonymous: boolean;
    }
  /** The logon failed with `status`. */
  | { readonly kind: "failed"; readonly status: number };

const LOGON_FAILURE: AuthStep = { kind: "failed", status: NtStatus.STATUS_LOGON_FAILURE };

/** See the module comment. */
export class ServerAuthentication {
  readonly #view: EmulatorView;
  readonly #serverChallenge: Buffer;
  #spnego: boolean | undefined;
  #negotiate: Buffer | undefined;
  #challenge: Buffer | undefined;

  /** An exchange with `view`'s accounts; `serverChallenge` is 8 random bytes. */
  constructor(view: EmulatorView, serverChallenge: Buffer) {
    this.#view = view;
    this.#serverChallenge = serverChallenge;
  }

  /** Handles the client's security buffer of one SESSION_SETUP request. */
  step(securityBuffer: Buffer): AuthStep {
    try {
      return this.#step(securityBuffer);
    } catch {
      return LOGON_FAILURE;
    }
  }

  #step(buffer: Buffer): AuthStep {
    const raw = buffer.length >= 8 && buffer.subarray(0, 8).equals(NTLMSSP_SIGNATURE);
    this.#spnego ??= !raw;
    if (this.#spnego === raw) return LOGON_FAILURE;
    let ntlm: Buffer | undefined = buffer;
    if (this.#spnego) {
      const token = decodeSpnegoToken(buffer);
      if (token.kind === "init") {
        if (!token.mechTypes.includes(NTLMSSP_OID))
          return { kind: "failed", status: NtStatus.STATUS_NOT_SUPPORTED };
        // An optimistic token for another mechanism is dropped: ask for NTLMSSP (RFC 4178 §3.2).
        ntlm = token.mechTypes[0] === NTLMSSP_OID ? token.mechToken : undefined;
        if (ntlm === undefined) {
          return { kind: "continue", token: this.#wrap(NegState.acceptIncomplete, undefined, true) };
        }
      } else {
        ntlm = token.responseToken;
      }
    }
    if (ntlm === undefined || ntlm.length < 12) return LOGON_FAILURE;
    const type = ntlm.readUInt32LE(8);
    if (type === 1 && this.#challenge === undefined) {
      const { name, isDomain } = this.#view.domain;
      this.#negotiate = ntlm;
      this.#challenge = createNtlmChallenge(
        ntlm,
        { domain: name, computer: this.#view.computerName, isDomain },
        this.#serverChallenge,
      );
      return { kind: "continue", token: this.#wrap(NegState.acceptIncomplete, this.#challenge, true) };
    }
    if (type === 3 && this.#negotiate !== undefined && this.#challenge !== undefined) {
      return this.#authenticate(ntlm, this.#negotiate, this.#challenge);
    }
    return LOGON_FAILURE;
  }

  #authenticate(authenticate: Buffer, negotiate: Buffer, challenge: Buffer): AuthStep {
    const message = decodeNtlmAuthenticate(authenticate);
    const token = this.#wrap(NegState.acceptCompleted, undefined, false);
    if (isAnonymousAuthenticate(message)) {
      if (!this.#view.hasGuestAccount()) return LOGON_FAILURE;
      return { kind: "done", token, caller: { kind: "guest" }, sessionKey: undefined, anonymous: true };
    }
    const exchange = { negotiate, challenge, serverChallenge: this.#serverChallenge, authenticate, message };
    for (const account of this.#view.accounts(message.user, message.domain)) {
      const sessionKey = verifyNtlmv2Authenticate(exchange, account.password);
      if (sessionKey === undefined) continue;
      const guest = account.name.toUpperCase() === "GUEST";
      const caller: WireCaller = guest ? { kind: "guest" } : { kind: "account", account };
      return { kind: "done", token, caller, sessionKey: guest ? undefined : sessionKey, anonymous: false };
    }
    return LOGON_FAILURE;
  }

  /** The reply token: raw NTLM, or a negTokenResp (with supportedMech on the first reply). */
  #wrap(negState: number, ntlm: Buffer | undefined, first: boolean): Buffer {
    if (!this.#spnego) return ntlm ?? Buffer.alloc(0);
    return encodeNegTokenResp({
      negState,
      supportedMech: first ? NTLMSSP_OID : undefined,
      responseToken: ntlm,
      mechListMic: undefined,
    });
  }
}
