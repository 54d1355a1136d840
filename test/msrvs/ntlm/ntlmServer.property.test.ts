/**
 * The server side of NTLM (MS-NLMP §3.2.5): what the project's client computes verifies with the right
 * password and no other, the exported session keys agree on both sides, and the wire server's
 * SESSION_SETUP exchange works raw and inside SPNEGO.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../../src/emulator.js";
import { decodeNtlmAuthenticate } from "../../../src/msrvs/ntlm/authenticateMessage.js";
import { createNtlmAuthenticate, createNtlmNegotiate } from "../../../src/msrvs/ntlm/ntlmClient.js";
import { createNtlmChallenge, verifyNtlmv2Authenticate } from "../../../src/msrvs/ntlm/ntlmServer.js";
import {
  decodeSpnegoToken,
  encodeNegTokenInit,
  encodeNegTokenResp,
  NTLMSSP_OID,
} from "../../../src/msrvs/spnego/spnego.js";
import { EmulatorView } from "../../../src/wire/EmulatorView.js";
import { ServerAuthentication } from "../../../src/wire/smb2/ServerAuthentication.js";
import { fcRuns } from "../../support/fcRuns.js";

const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n }).map((a) => Buffer.from(a));
const name = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes("\\"));
const identity = { domain: "CORP", computer: "FS01", isDomain: true };

describe("NTLMv2 verification", () => {
  it("accepts the password the client used, refuses any other, and derives the client's session key", () => {
    fc.assert(
      fc.property(
        name,
        fc.string({ maxLength: 16 }),
        fc.string({ maxLength: 16 }),
        fc.string({ maxLength: 16 }),
        bytes(8),
        bytes(8),
        bytes(16),
        (user, domain, password, other, serverChallenge, clientChallenge, randomSessionKey) => {
          const negotiate = createNtlmNegotiate();
          const challenge = createNtlmChallenge(negotiate, identity, serverChallenge);
          const auth = createNtlmAuthenticate(
            negotiate,
            challenge,
            { user, password, domain },
            { clientChallenge, randomSessionKey, now: () => 1n },
          );
          const exchange = {
            negotiate,
            challenge,
            serverChallenge,
            authenticate: auth.message,
            message: decodeNtlmAuthenticate(auth.message),
          };
          expect(verifyNtlmv2Authenticate(exchange, password)).toEqual(auth.sessionKey);
          if (other !== password) expect(verifyNtlmv2Authenticate(exchange, other)).toBeUndefined();
        },
      ),
      { numRuns: fcRuns(100) },
    );
  });
});

describe("the wire server's SESSION_SETUP exchange", () => {
  const view = new EmulatorView(createEmulator(), "FS01");
  const credentials = { user: "alice", password: "alice-pw", domain: "CORP" };
  const entropy = {
    clientChallenge: Buffer.alloc(8, 2),
    randomSessionKey: Buffer.alloc(16, 3),
    now: () => 1n,
  };

  it("raw NTLMSSP: challenge, then the account and the session key", () => {
    const auth = new ServerAuthentication(view, Buffer.alloc(8, 9));
    const negotiate = createNtlmNegotiate();
    const first = auth.step(negotiate);
    if (first.kind !== "continue") throw new Error(first.kind);
    const answer = createNtlmAuthenticate(negotiate, first.token, credentials, entropy);
    const done = auth.step(answer.message);
    expect(
      done.kind === "done" && done.caller.kind === "account"
        ? [done.caller.account.qualified, done.sessionKey]
        : done,
    ).toEqual(["CORP\\alice", answer.sessionKey]);
  });

  it("SPNEGO: negTokenResp with NTLMSSP as supportedMech, accept-completed at the end; a wrong password fails", () => {
    for (const password of ["alice-pw", "wrong"]) {
      const auth = new ServerAuthentication(view, Buffer.alloc(8, 9));
      const negotiate = createNtlmNegotiate();
      const first = auth.step(
        encodeNegTokenInit({ mechTypes: [NTLMSSP_OID], mechToken: negotiate, mechListMic: undefined }),
      );
      if (first.kind !== "continue") throw new Error(first.kind);
      const resp = decodeSpnegoToken(first.token);
      if (resp.kind !== "resp" || resp.responseToken === undefined) throw new Error("no challenge");
      expect([resp.negState, resp.supportedMech]).toEqual([1, NTLMSSP_OID]);
      const answer = createNtlmAuthenticate(
        negotiate,
        resp.responseToken,
        { ...credentials, password },
        entropy,
      );
      const done = auth.step(
        encodeNegTokenResp({
          negState: undefined,
          supportedMech: undefined,
          responseToken: answer.message,
          mechListMic: undefined,
        }),
      );
      if (password === "wrong") expect(done).toEqual({ kind: "failed", status: 0xc000006d });
      else
        expect(done.kind === "done" ? decodeSpnegoToken(done.token) : done).toMatchObject({
          kind: "resp",
          negState: 0,
        });
    }
  });

  it("any byte string is a logon failure or a continuation, never a throw", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
          { maxLength: 3 },
        ),
        (legs) => {
          const auth = new ServerAuthentication(view, Buffer.alloc(8, 9));
          for (const leg of legs) expect(["continue", "failed"]).toContain(auth.step(leg).kind);
        },
      ),
      { numRuns: fcRuns(300) },
    );
  });
});
