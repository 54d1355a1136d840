/** SMB2 command codes, MS-SMB2 §2.2.1 (ms-srvs-wire §1.2). */
export const Smb2Command = {
  NEGOTIATE: 0,
  SESSION_SETUP: 1,
  LOGOFF: 2,
  TREE_CONNECT: 3,
  TREE_DISCONNECT: 4,
  CREATE: 5,
  CLOSE: 6,
  FLUSH: 7,
  READ: 8,
  WRITE: 9,
  LOCK: 10,
  IOCTL: 11,
  CANCEL: 12,
  ECHO: 13,
  QUERY_DIRECTORY: 14,
  CHANGE_NOTIFY: 15,
  QUERY_INFO: 16,
  SET_INFO: 17,
  OPLOCK_BREAK: 18,
} as const;

/** Header Flags bits, MS-SMB2 §2.2.1.1. */
export const Smb2Flags = {
  SERVER_TO_REDIR: 0x00000001,
  ASYNC_COMMAND: 0x00000002,
  RELATED_OPERATIONS: 0x00000004,
  SIGNED: 0x00000008,
  PRIORITY_MASK: 0x00000070,
  DFS_OPERATIONS: 0x10000000,
  REPLAY_OPERATION: 0x20000000,
} as const;

/** Dialect revisions, MS-SMB2 §2.2.3. */
export const Smb2Dialect = {
  SMB_2_0_2: 0x0202,
  SMB_2_1: 0x0210,
  SMB_3_0: 0x0300,
  SMB_3_0_2: 0x0302,
  SMB_3_1_1: 0x0311,
  WILDCARD: 0x02ff,
} as const;

/** SecurityMode bits of NEGOTIATE and SESSION_SETUP, MS-SMB2 §2.2.3 / §2.2.5. */
export const Smb2SecurityMode = {
  SIGNING_ENABLED: 0x0001,
  SIGNING_REQUIRED: 0x0002,
} as const;

/** Global capability bits, MS-SMB2 §2.2.3. */
export const Smb2Capabilities = {
  DFS: 0x00000001,
  LEASING: 0x00000002,
  LARGE_MTU: 0x00000004,
  MULTI_CHANNEL: 0x00000008,
  PERSISTENT_HANDLES: 0x00000010,
  DIRECTORY_LEASING: 0x00000020,
  ENCRYPTION: 0x00000040,
} as const;

/** SessionFlags of the SESSION_SETUP response, MS-SMB2 §2.2.6. */
export const Smb2SessionFlags = {
  IS_GUEST: 0x0001,
  IS_NULL: 0x0002,
  ENCRYPT_DATA: 0x0004,
} as const;

/** ShareType of the TREE_CONNECT response, MS-SMB2 §2.2.10. */
export const Smb2ShareType = { DISK: 0x01, PIPE: 0x02, PRINT: 0x03 } as const;

/** FSCTL codes used on named pipes, MS-FSCC §2.3 (ms-srvs-wire §1.6). */
export const Fsctl = {
  PIPE_PEEK: 0x0011400c,
  PIPE_TRANSCEIVE: 0x0011c017,
  PIPE_WAIT: 0x00110018,
} as const;

/** IOCTL request Flags, MS-SMB2 §2.2.31. */
export const SMB2_0_IOCTL_IS_FSCTL = 0x00000001;

/** CREATE dispositions, MS-SMB2 §2.2.13. */
export const CreateDisposition = {
  SUPERSEDE: 0,
  OPEN: 1,
  CREATE: 2,
  OPEN_IF: 3,
  OVERWRITE: 4,
  OVERWRITE_IF: 5,
} as const;

/** ShareAccess bits of CREATE, MS-SMB2 §2.2.13. */
export const ShareAccess = { READ: 0x1, WRITE: 0x2, DELETE: 0x4 } as const;

/** CreateOptions bits used by this client, MS-SMB2 §2.2.13. */
export const CreateOptions = {
  DIRECTORY_FILE: 0x00000001,
  NON_DIRECTORY_FILE: 0x00000040,
} as const;

/** ImpersonationLevel of CREATE, MS-SMB2 §2.2.13. */
export const ImpersonationLevel = { ANONYMOUS: 0, IDENTIFICATION: 1, IMPERSONATION: 2, DELEGATE: 3 } as const;

/** Access-mask values used by this client (MS-SMB2 §2.2.13.1; ms-srvs-wire §1.4). */
export const AccessMask = {
  FILE_READ_DATA: 0x00000001,
  FILE_WRITE_DATA: 0x00000002,
  FILE_APPEND_DATA: 0x00000004,
  FILE_READ_EA: 0x00000008,
  FILE_WRITE_EA: 0x00000010,
  FILE_READ_ATTRIBUTES: 0x00000080,
  FILE_WRITE_ATTRIBUTES: 0x00000100,
  READ_CONTROL: 0x00020000,
  SYNCHRONIZE: 0x00100000,
  /** What node-smb2 and this client ask for on `srvsvc` (ms-srvs-wire §1.4). */
  PIPE_READ_WRITE: 0x0012019f,
} as const;

/** Size of the SMB2 header in bytes, MS-SMB2 §2.2.1. */
export const SMB2_HEADER_SIZE = 64;
