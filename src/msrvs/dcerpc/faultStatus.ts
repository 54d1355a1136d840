/**
 * Status codes of fault PDUs, with their [MS-RPCE] / C706 names (ms-srvs-wire §2.7). Values in
 * 0x1C000000-0x1C01FFFF are NCA codes; the small ones are Win32 codes Windows and Samba send as faults.
 */
export const FAULT_STATUS = {
  nca_s_fault_other: 0x00000001,
  nca_s_fault_access_denied: 0x00000005,
  nca_s_fault_cant_perform: 0x000006d8,
  nca_s_fault_ndr: 0x000006f7,
  nca_s_fault_int_div_by_zero: 0x1c000001,
  nca_s_fault_addr_error: 0x1c000002,
  nca_s_fault_fp_div_zero: 0x1c000003,
  nca_s_fault_fp_underflow: 0x1c000004,
  nca_s_fault_fp_overflow: 0x1c000005,
  nca_s_fault_invalid_tag: 0x1c000006,
  nca_s_fault_invalid_bound: 0x1c000007,
  nca_rpc_version_mismatch: 0x1c000008,
  nca_unspec_reject: 0x1c000009,
  nca_s_bad_actid: 0x1c00000a,
  nca_who_are_you_failed: 0x1c00000b,
  nca_manager_not_entered: 0x1c00000c,
  nca_s_fault_cancel: 0x1c00000d,
  nca_s_fault_ill_inst: 0x1c00000e,
  nca_s_fault_fp_error: 0x1c00000f,
  nca_s_fault_int_overflow: 0x1c000010,
  nca_s_fault_unspec: 0x1c000012,
  nca_s_fault_remote_comm_failure: 0x1c000013,
  nca_s_fault_pipe_empty: 0x1c000014,
  nca_s_fault_pipe_closed: 0x1c000015,
  nca_s_fault_pipe_order: 0x1c000016,
  nca_s_fault_pipe_discipline: 0x1c000017,
  nca_s_fault_pipe_comm_error: 0x1c000018,
  nca_s_fault_pipe_memory: 0x1c000019,
  nca_s_fault_context_mismatch: 0x1c00001a,
  nca_s_fault_remote_no_memory: 0x1c00001b,
  nca_invalid_pres_context_id: 0x1c00001c,
  nca_unsupported_authn_level: 0x1c00001d,
  nca_invalid_checksum: 0x1c00001f,
  nca_invalid_crc: 0x1c000020,
  nca_s_fault_user_defined: 0x1c000021,
  nca_s_fault_tx_open_failed: 0x1c000022,
  nca_s_fault_codeset_conv_error: 0x1c000023,
  nca_s_fault_object_not_found: 0x1c000024,
  nca_s_fault_no_client_stub: 0x1c000025,
  nca_s_op_rng_error: 0x1c010002,
  nca_s_unknown_if: 0x1c010003,
  nca_wrong_boot_time: 0x1c010006,
  nca_s_you_crashed: 0x1c010009,
  nca_proto_error: 0x1c01000b,
  nca_out_args_too_big: 0x1c010013,
  nca_server_too_busy: 0x1c010014,
  nca_unsupported_type: 0x1c010017,
} as const;

/** The symbolic name of a fault status. */
export type FaultStatusName = keyof typeof FAULT_STATUS;

const NAMES = new Map<number, FaultStatusName>(
  Object.entries(FAULT_STATUS).map(([name, value]) => [value, name as FaultStatusName]),
);

/** The [MS-RPCE] name of a fault status, or undefined for a code not in FAULT_STATUS. */
export function faultStatusName(status: number): FaultStatusName | undefined {
  return NAMES.get(status);
}
