/** ADSI enum constants the WinNT provider uses, with the SDK's names and values (spec §2.5, §3.2, §8). */

// ADS_AUTHENTICATION_ENUM (spec §2.5).
/** Authenticate the bind (NTLM on WinNT); the only flag WinNT honours (spec §2.5). */
export const ADS_SECURE_AUTHENTICATION = 0x1;
/** Encrypt the channel; not supported by WinNT. */
export const ADS_USE_ENCRYPTION = 0x2;
/** Same value as ADS_USE_ENCRYPTION; not supported by WinNT. */
export const ADS_USE_SSL = 0x2;
/** Allow a read-only server (AD concept); no WinNT meaning. */
export const ADS_READONLY_SERVER = 0x4;
/** Prompt for credentials; not supported by any provider. */
export const ADS_PROMPT_CREDENTIALS = 0x8;
/** Anonymous bind; not supported by WinNT. */
export const ADS_NO_AUTHENTICATION = 0x10;
/** Skip the objectClass query (LDAP-oriented); WinNT effect unconfirmed. */
export const ADS_FAST_BIND = 0x20;
/** Sign the channel; not supported by WinNT. */
export const ADS_USE_SIGNING = 0x40;
/** Seal the channel; not supported by WinNT. */
export const ADS_USE_SEALING = 0x80;
/** Allow delegation of the credentials. */
export const ADS_USE_DELEGATION = 0x100;
/** The path names a server; not supported by WinNT. */
export const ADS_SERVER_BIND = 0x200;
/** Do not chase referrals; not supported by WinNT. */
export const ADS_NO_REFERRAL_CHASING = 0x400;
/** Reserved. */
export const ADS_AUTH_RESERVED = 0x80000000;

// ADS_PROPERTY_OPERATION_ENUM (spec §3.2): WinNT ignores it and always replaces.
/** PutEx: clear the property (WinNT treats it as UPDATE). */
export const ADS_PROPERTY_CLEAR = 1;
/** PutEx: replace the values. */
export const ADS_PROPERTY_UPDATE = 2;
/** PutEx: append values (WinNT treats it as UPDATE). */
export const ADS_PROPERTY_APPEND = 3;
/** PutEx: delete values (WinNT treats it as UPDATE). */
export const ADS_PROPERTY_DELETE = 4;

// ADS_SERVICE_STATUS_ENUM (spec §8.1).
/** Service status: stopped. */
export const ADS_SERVICE_STOPPED = 0x1;
/** Service status: starting. */
export const ADS_SERVICE_START_PENDING = 0x2;
/** Service status: stopping. */
export const ADS_SERVICE_STOP_PENDING = 0x3;
/** Service status: running. */
export const ADS_SERVICE_RUNNING = 0x4;
/** Service status: continuing after a pause. */
export const ADS_SERVICE_CONTINUE_PENDING = 0x5;
/** Service status: pausing. */
export const ADS_SERVICE_PAUSE_PENDING = 0x6;
/** Service status: paused. */
export const ADS_SERVICE_PAUSED = 0x7;
/** Service status: error (no SCM equivalent). */
export const ADS_SERVICE_ERROR = 0x8;

// ADS_SERVICE_TYPE_ENUM (spec §8.3; hex, not the decimal some VB files declare).
/** Service type: kernel driver. */
export const ADS_SERVICE_KERNEL_DRIVER = 0x1;
/** Service type: file system driver. */
export const ADS_SERVICE_FILE_SYSTEM_DRIVER = 0x2;
/** Service type: runs in its own process (0x10, hex). */
export const ADS_SERVICE_OWN_PROCESS = 0x10;
/** Service type: shares a process (0x20, hex). */
export const ADS_SERVICE_SHARE_PROCESS = 0x20;

// ADS_SERVICE_START_TYPE_ENUM (spec §8.3).
/** Start type: by the boot loader. */
export const ADS_SERVICE_BOOT_START = 0;
/** Start type: at kernel initialisation. */
export const ADS_SERVICE_SYSTEM_START = 1;
/** Start type: automatically at system start. */
export const ADS_SERVICE_AUTO_START = 2;
/** Start type: on demand. */
export const ADS_SERVICE_DEMAND_START = 3;
/** Start type: disabled (Start fails with ERROR_SERVICE_DISABLED). */
export const ADS_SERVICE_DISABLED = 4;

// ADS_SERVICE_ERROR_CONTROL_ENUM (spec §8.3).
/** Error control: ignore start failures. */
export const ADS_SERVICE_ERROR_IGNORE = 0;
/** Error control: log and continue. */
export const ADS_SERVICE_ERROR_NORMAL = 1;
/** Error control: switch to last-known-good. */
export const ADS_SERVICE_ERROR_SEVERE = 2;
/** Error control: fail the boot. */
export const ADS_SERVICE_ERROR_CRITICAL = 3;
