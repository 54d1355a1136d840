/**
 * WERROR / NET_API_STATUS values srvsvc calls return (ms-srvs-wire §4.6; [MS-ERREF] 2.2). Numbers, not
 * HRESULTs: through ADSI they surface as 0x8007xxxx.
 */
export const WERROR = {
  /** Success. */
  NERR_Success: 0x00000000,
  /** Samba NetrFileClose for an id that is not open (vector 13). */
  ERROR_FILE_NOT_FOUND: 0x00000002,
  /** Caller lacks rights (vectors 19-22); Samba's NetrSessionDel when nothing matches (vector 15). */
  ERROR_ACCESS_DENIED: 0x00000005,
  /** Out of memory. */
  ERROR_NOT_ENOUGH_MEMORY: 0x00000008,
  /** Bad parameter (Samba: NetrFileEnum with a NULL container). */
  ERROR_INVALID_PARAMETER: 0x00000057,
  /** Level not supported (vectors 04-06, 12, 34). */
  ERROR_INVALID_LEVEL: 0x0000007c,
  /** Partial enumeration: call again with the ResumeHandle. */
  ERROR_MORE_DATA: 0x000000ea,
  /** Buffer too small. */
  NERR_BufTooSmall: 0x0000084b,
  /** Windows NetrSessionEnum: UserName matches no session. */
  NERR_UserNotFound: 0x000008ad,
  /** NetrShareGetInfo: no such share. */
  NERR_NetNameNotFound: 0x00000906,
  /** Windows NetrSessionEnum/NetrSessionDel: no session from that computer. */
  NERR_ClientNameNotFound: 0x00000908,
  /** Windows NetrFileClose: no open file with that id. */
  NERR_FileIdNotFound: 0x0000090a,
  /** The computer name is not valid. */
  NERR_InvalidComputer: 0x0000092f,
} as const;

/** The symbolic name of a WERROR in WERROR. */
export type WerrorName = keyof typeof WERROR;

const NAMES = new Map<number, WerrorName>(
  Object.entries(WERROR).map(([name, value]) => [value, name as WerrorName]),
);

/** The name of a WERROR value, or undefined for one not in WERROR. */
export function werrorName(value: number): WerrorName | undefined {
  return NAMES.get(value);
}
