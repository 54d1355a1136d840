/**
 * SPNEGO tokens (RFC 4178 §4.2) as SMB2 carries them in NEGOTIATE and SESSION_SETUP security buffers
 * (MS-SPNG §3.1, MS-SMB2 §3.3.5.4): the initial token framed as a GSS-API InitialContextToken
 * (RFC 2743 §3.1), and negTokenResp for every later leg. Both directions, so a client and a server
 * share one codec. Malformed input gives {@link SpnegoError}.
 */
import { decodeOid, derNode, encodeOid, readDerChildren, readDerNode } from "./der.js";
import { SpnegoError } from "./SpnegoError.js";

/** The SPNEGO mechanism OID, 1.3.6.1.5.5.2 (RFC 4178 §3). */
export const SPNEGO_OID = "1.3.6.1.5.5.2";
/** The NTLMSSP mechanism OID, 1.3.6.1.4.1.311.2.2.10 (MS-NLMP §1.9). */
export const NTLMSSP_OID = "1.3.6.1.4.1.311.2.2.10";

/** negState of a negTokenResp (RFC 4178 §4.2.2). */
export const NegState = { acceptCompleted: 0, acceptIncomplete: 1, reject: 2, requestMic: 3 } as const;

/** NegTokenInit (RFC 4178 §4.2.1): the mechanisms offered, optionally the first mechanism token. */
export interface NegTokenInit {
  readonly kind: "init";
  readonly mechTypes: readonly string[];
  readonly mechToken: Buffer | undefined;
  readonly mechListMic: Buffer | undefined;
}

/** NegTokenResp (RFC 4178 §4.2.2): every field optional. */
export interface NegTokenResp {
  readonly kind: "resp";
  readonly negState: number | undefined;
  readonly supportedMech: string | undefined;
  readonly responseToken: Buffer | undefined;
  readonly mechListMic: Buffer | undefined;
}

/** Either SPNEGO token. */
export type SpnegoToken = NegTokenInit | NegTokenResp;

const octets = (tag: number, value: Buffer | undefined): Buffer[] =>
  value === undefined ? [] : [derNode(tag, derNode(0x04, value))];

/** The DER of a mechTypes list (a SEQUENCE OF OID), which a mechListMIC signs (RFC 4178 §5). */
export function encodeMechTypes(mechTypes: readonly string[]): Buffer {
  return derNode(0x30, ...mechTypes.map(encodeOid));
}

/** Encodes a NegTokenInit framed as a GSS-API InitialContextToken (RFC 2743 §3.1). */
export function encodeNegTokenInit(token: Omit<NegTokenInit, "kind">): Buffer {
  const init = derNode(
    0x30,
    derNode(0xa0, encodeMechTypes(token.mechTypes)),
    ...octets(0xa2, token.mechToken),
    ...octets(0xa3, token.mechListMic),
  );
  return derNode(0x60, encodeOid(SPNEGO_OID), derNode(0xa0, init));
}

/** Encodes a NegTokenResp ([1] SEQUENCE, RFC 4178 §4.2.2). */
export function encodeNegTokenResp(token: Omit<NegTokenResp, "kind">): Buffer {
  const state = token.negState === undefined ? [] : [derNode(0xa0, derNode(0x0a, Buffer.of(token.negState)))];
  const mech = token.supportedMech === undefined ? [] : [derNode(0xa1, encodeOid(token.supportedMech))];
  return derNode(
    0xa1,
    derNode(
      0x30,
      ...state,
      ...mech,
      ...octets(0xa2, token.responseToken),
      ...octets(0xa3, token.mechListMic),
    ),
  );
}

function octetString(field: Buffer, what: string): Buffer {
  const node = readDerNode(field, 0, what);
  if (node.tag !== 0x04 || node.end !== field.length) throw new SpnegoError(`${what} is not an OCTET STRING`);
  return Buffer.from(node.contents);
}

function decodeInit(contents: Buffer): NegTokenInit {
  const sequence = readDerNode(contents, 0, "NegTokenInit");
  if (sequence.tag !== 0x30) throw new SpnegoError("NegTokenInit is not a SEQUENCE");
  let mechTypes: string[] = [];
  let mechToken: Buffer | undefined;
  let mechListMic: Buffer | undefined;
  for (const field of readDerChildren(sequence.contents, "NegTokenInit")) {
    if (field.tag === 0xa0) {
      const list = readDerNode(field.contents, 0, "mechTypes");
      if (list.tag !== 0x30) throw new SpnegoError("mechTypes is not a SEQUENCE");
      mechTypes = readDerChildren(list.contents, "mechTypes").map((oid) => {
        if (oid.tag !== 0x06) throw new SpnegoError("a mechType is not an OID");
        return decodeOid(oid.contents, "mechType");
      });
    } else if (field.tag === 0xa2) mechToken = octetString(field.contents, "mechToken");
    else if (field.tag === 0xa3) mechListMic = octetString(field.contents, "mechListMIC");
  }
  return { kind: "init", mechTypes, mechToken, mechListMic };
}

function decodeResp(contents: Buffer): NegTokenResp {
  const sequence = readDerNode(contents, 0, "NegTokenResp");
  if (sequence.tag !== 0x30) throw new SpnegoError("NegTokenResp is not a SEQUENCE");
  const token: { -readonly [K in keyof NegTokenResp]: NegTokenResp[K] } = {
    kind: "resp",
    negState: undefined,
    supportedMech: undefined,
    responseToken: undefined,
    mechListMic: undefined,
  };
  for (const field of readDerChildren(sequence.contents, "NegTokenResp")) {
    if (field.tag === 0xa0) {
      const state = readDerNode(field.contents, 0, "negState");
      if (state.tag !== 0x0a || state.contents.length !== 1)
        throw new SpnegoError("negState is not an ENUMERATED");
      token.negState = state.contents[0];
    } else if (field.tag === 0xa1) {
      const oid = readDerNode(field.contents, 0, "supportedMech");
      if (oid.tag !== 0x06) throw new SpnegoError("supportedMech is not an OID");
      token.supportedMech = decodeOid(oid.contents, "supportedMech");
    } else if (field.tag === 0xa2) token.responseToken = octetString(field.contents, "responseToken");
    else if (field.tag === 0xa3) token.mechListMic = octetString(field.contents, "mechListMIC");
  }
  return token;
}

/**
 * Decodes a SPNEGO token: a GSS-framed NegTokenInit (0x60, the SPNEGO OID, then [0]), a bare [0]
 * NegTokenInit, or a [1] NegTokenResp. Anything else is a SpnegoError.
 */
export function decodeSpnegoToken(bytes: Buffer): SpnegoToken {
  const outer = readDerNode(bytes, 0, "SPNEGO token");
  if (outer.tag === 0xa1) return decodeResp(outer.contents);
  if (outer.tag === 0xa0) return decodeInit(outer.contents);
  if (outer.tag !== 0x60) throw new SpnegoError(`unexpected token tag 0x${outer.tag.toString(16)}`);
  const oid = readDerNode(outer.contents, 0, "thisMech");
  if (oid.tag !== 0x06 || decodeOid(oid.contents, "thisMech") !== SPNEGO_OID) {
    throw new SpnegoError("the GSS-API token is not SPNEGO");
  }
  const inner = readDerNode(outer.contents, oid.end, "innerContextToken");
  if (inner.tag !== 0xa0) throw new SpnegoError("the GSS-API token does not hold a NegTokenInit");
  return decodeInit(inner.contents);
}
