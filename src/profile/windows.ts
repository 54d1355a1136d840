import { escapeComponent } from "../path/adsPath.js";
import { deepFreeze } from "../shared/deepFreeze.js";
import type { FidelityProfile } from "./FidelityProfile.js";

/** WinNT GUID family suffix shared by the class GUIDs observed on real hosts (spec §2.4). */
const WINNT_GUID_SUFFIX = "-1E71-11CF-B1F3-02608C9E7553}";

/**
 * Class GUIDs. `User` is confirmed (spec §2.4 [C]); `Group` was observed in a public script that
 * switches on it. The rest are [U] stand-ins: for classes whose primary interface IID the spec gives
 * (§6-9) that IID; for the others an obviously artificial value (`{00000000-...-0000000000NN}`), never
 * a real-looking guess. Replace them with values read from a real host.
 */
const CLASS_GUIDS: Readonly<Record<string, string>> = Object.freeze({
  User: `{D83F1060${WINNT_GUID_SUFFIX}`,
  Group: `{D9C1AAD0${WINNT_GUID_SUFFIX}`,
  Computer: "{EFE3CC70-1D9F-11CF-B1F3-02608C9E7553}",
  Service: "{68AF66E0-31CA-11CF-A98A-00AA006BC149}",
  FileService: "{A89D1900-31CA-11CF-A98A-00AA006BC149}",
  FPNWFileService: "{A89D1900-31CA-11CF-A98A-00AA006BC149}",
  FileShare: "{EB6DCAF0-4B83-11CF-A995-00AA006BC149}",
  FPNWFileShare: "{EB6DCAF0-4B83-11CF-A995-00AA006BC149}",
  Session: "{398B7DA0-4AAB-11CF-AE2C-00AA006EBFB9}",
  FPNWSession: "{398B7DA0-4AAB-11CF-AE2C-00AA006EBFB9}",
  Resource: "{34A05B20-4AAB-11CF-AE2C-00AA006EBFB9}",
  FPNWResource: "{34A05B20-4AAB-11CF-AE2C-00AA006EBFB9}",
  Namespace: "{00000000-0000-0000-0000-000000000001}",
  Domain: "{00000000-0000-0000-0000-000000000002}",
  Schema: "{00000000-0000-0000-0000-000000000003}",
  Class: "{00000000-0000-0000-0000-000000000004}",
  Property: "{00000000-0000-0000-0000-000000000005}",
  Syntax: "{00000000-0000-0000-0000-000000000006}",
});

/** The default profile: a Windows Server host as the spec describes it (post-2016 defaults). */
export const windowsProfile: FidelityProfile = deepFreeze({
  name: "windows",
  wrongCaseProviderError: "E_ADS_BAD_PATHNAME",
  unknownComputerError: "ERROR_BAD_NETPATH",
  unknownDomainError: "ERROR_NO_SUCH_DOMAIN",
  unknownServiceError: "ERROR_SERVICE_DOES_NOT_EXIST",
  unknownComputerChildError: "NERR_GroupNotFound",
  unsupportedBindFlags: "ignore",
  localDotSpelling: "keep",
  namespaceParent: "ADs:",
  domainParent: "WinNT:",
  classGuids: CLASS_GUIDS,
  schemaPath: (domain: string, className: string) => `WinNT://${domain}/Schema/${className}`,
  propertyNotInClassError: "E_ADS_PROPERTY_NOT_SUPPORTED",
  unsupportedPropertyError: "E_ADS_PROPERTY_NOT_SUPPORTED",
  readOnlyPropertyPutError: "E_ADS_PROPERTY_NOT_SUPPORTED",
  putExEmptyClears: true,
  computerSetInfoPersists: true,
  setInfoNotSupportedError: "E_NOTIMPL",
  propertyListEndError: "ERROR_NO_MORE_ITEMS",
  hints: "notImplemented",
  serviceFilterIncludesFileServices: true,
  moveHereError: "E_NOTIMPL",
  listHiddenShares: true,
  duplicateShareError: "NERR_DuplicateShare",
  shareWithoutPathError: "E_INVALIDARG",
  sessionName: (user: string, computer: string) => `${user}\\${computer}`,
  parseSessionName(name: string) {
    const at = name.indexOf("\\");
    if (at < 0 || name.indexOf("\\", at + 1) >= 0) return undefined;
    return { user: name.slice(0, at), computer: name.slice(at + 1) };
  },
  resourceName: (fileId: number) => String(fileId),
  dependentObjectPaths: (fileServicePath: string, name: string) => ({
    adsPath: `${fileServicePath}/${escapeComponent(name)}`,
    parent: fileServicePath,
  }),
  unknownSessionError: "NERR_ClientNameNotFound",
  sessionDeleteNoMatchError: "NERR_ClientNameNotFound",
  unknownResourceError: "ERROR_FILE_NOT_FOUND",
  closeUnknownFileError: "NERR_FileIdNotFound",
  sessionEnumForEveryone: false,
  sessionDeleteRequires: "administrators",
  idleTimeAlwaysZero: false,
  lockCountScope: "open",
  serverNotRunningError: "RPC_S_SERVER_UNAVAILABLE",
  serverPausedError: "ERROR_SHARING_PAUSED",
  tooManyUsersError: "ERROR_REQ_NOT_ACCEP",
  autoDisconnect: Object.freeze({ minutes: 15, exemptOpenFiles: true }),
  serviceControlErrors: Object.freeze({
    alreadyRunning: "ERROR_SERVICE_ALREADY_RUNNING",
    notActive: "ERROR_SERVICE_NOT_ACTIVE",
    cannotAcceptControl: "ERROR_SERVICE_CANNOT_ACCEPT_CTRL",
    disabled: "ERROR_SERVICE_DISABLED",
  }),
});
