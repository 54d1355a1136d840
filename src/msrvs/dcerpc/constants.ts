/** PTYPE values of the connection-oriented PDUs (ms-srvs-wire §2.1; C706 §12.6.4). */
export const PTYPE = {
  request: 0,
  response: 2,
  fault: 3,
  bind: 11,
  bind_ack: 12,
  bind_nak: 13,
  alter_context: 14,
  alter_context_resp: 15,
  auth3: 16,
  shutdown: 17,
  co_cancel: 18,
  orphaned: 19,
} as const;

/** pfc_flags bit: first fragment of a call (ms-srvs-wire §2.1). */
export const PFC_FIRST_FRAG = 0x01;
/** pfc_flags bit: last fragment of a call. */
export const PFC_LAST_FRAG = 0x02;
/** pfc_flags bit: cancel pending (in a bind: SUPPORT_HEADER_SIGN). */
export const PFC_PENDING_CANCEL = 0x04;
/** pfc_flags bit: concurrent multiplexing supported. */
export const PFC_CONC_MPX = 0x10;
/** pfc_flags bit: in a fault, the call certainly did not execute. */
export const PFC_DID_NOT_EXECUTE = 0x20;
/** pfc_flags bit: `maybe` call semantics. */
export const PFC_MAYBE = 0x40;
/** pfc_flags bit: a request carries an object UUID after its header. */
export const PFC_OBJECT_UUID = 0x80;

/** Size of the common header (ms-srvs-wire §2.1). */
export const COMMON_HEADER_LENGTH = 16;
/** Size of the request header without object UUID, and of the response header (§2.5, §2.6). */
export const CALL_HEADER_LENGTH = 24;

/** The only data representation accepted: little-endian integers, ASCII, IEEE floats (§2.1). */
export const NDR_LITTLE_ENDIAN_DREP: readonly number[] = [0x10, 0x00, 0x00, 0x00];

/** Result of one presentation context in a bind_ack (ms-srvs-wire §2.3). */
export const CONTEXT_RESULT = {
  acceptance: 0,
  user_rejection: 1,
  provider_rejection: 2,
  negotiate_ack: 3,
} as const;

/** Reason of a context rejection in a bind_ack (ms-srvs-wire §2.3). */
export const CONTEXT_REJECT_REASON = {
  not_specified: 0,
  abstract_syntax_not_supported: 1,
  proposed_transfer_syntaxes_not_supported: 2,
  local_limit_exceeded: 3,
} as const;

/** provider_reject_reason of a bind_nak (ms-srvs-wire §2.4). */
export const BIND_NAK_REASON = {
  reason_not_specified: 0,
  temporary_congestion: 1,
  local_limit_exceeded: 2,
  called_paddr_unknown: 3,
  protocol_version_not_supported: 4,
  default_context_not_supported: 5,
  user_data_not_readable: 6,
  no_psap_available: 7,
  authentication_type_not_recognized: 8,
  invalid_checksum: 9,
} as const;
