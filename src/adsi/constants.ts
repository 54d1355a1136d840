/** ADSI enum constants the WinNT provider uses, with the SDK's names and values (spec §2.5, §3.2, §8). */

/** ADS_AUTHENTICATION_ENUM (spec §2.5). */
export const ADS_SECURE_AUTHENTICATION = 0x1;
export const ADS_USE_ENCRYPTION = 0x2;
export const ADS_USE_SSL = 0x2;
export const ADS_READONLY_SERVER = 0x4;
export const ADS_PROMPT_CREDENTIALS = 0x8;
export const ADS_NO_AUTHENTICATION = 0x10;
export const ADS_FAST_BIND = 0x20;
export const ADS_USE_SIGNING = 0x40;
export const ADS_USE_SEALING = 0x80;
export const ADS_USE_DELEGATION = 0x100;
export const ADS_SERVER_BIND = 0x200;
export const ADS_NO_REFERRAL_CHASING = 0x400;
export const ADS_AUTH_RESERVED = 0x80000000;

/** ADS_PROPERTY_OPERATION_ENUM (spec §3.2): WinNT ignores it and always replaces. */
export const ADS_PROPERTY_CLEAR = 1;
export const ADS_PROPERTY_UPDATE = 2;
export const ADS_PROPERTY_APPEND = 3;
export const ADS_PROPERTY_DELETE = 4;

/** ADS_SERVICE_STATUS_ENUM (spec §8.1). */
export const ADS_SERVICE_STOPPED = 0x1;
export const ADS_SERVICE_START_PENDING = 0x2;
export const ADS_SERVICE_STOP_PENDING = 0x3;
export const ADS_SERVICE_RUNNING = 0x4;
export const ADS_SERVICE_CONTINUE_PENDING = 0x5;
export const ADS_SERVICE_PAUSE_PENDING = 0x6;
export const ADS_SERVICE_PAUSED = 0x7;
export const ADS_SERVICE_ERROR = 0x8;

/** ADS_SERVICE_TYPE_ENUM (spec §8.3; hex, not the decimal some VB files declare). */
export const ADS_SERVICE_KERNEL_DRIVER = 0x1;
export const ADS_SERVICE_FILE_SYSTEM_DRIVER = 0x2;
export const ADS_SERVICE_OWN_PROCESS = 0x10;
export const ADS_SERVICE_SHARE_PROCESS = 0x20;

/** ADS_SERVICE_START_TYPE_ENUM (spec §8.3). */
export const ADS_SERVICE_BOOT_START = 0;
export const ADS_SERVICE_SYSTEM_START = 1;
export const ADS_SERVICE_AUTO_START = 2;
export const ADS_SERVICE_DEMAND_START = 3;
export const ADS_SERVICE_DISABLED = 4;

/** ADS_SERVICE_ERROR_CONTROL_ENUM (spec §8.3). */
export const ADS_SERVICE_ERROR_IGNORE = 0;
export const ADS_SERVICE_ERROR_NORMAL = 1;
export const ADS_SERVICE_ERROR_SEVERE = 2;
export const ADS_SERVICE_ERROR_CRITICAL = 3;
