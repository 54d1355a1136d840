import type { HResultSymbol } from "../errors/hresults.js";

/**
 * A fidelity profile: every choice the spec marks [U] (unconfirmed) in one place, as data, so that a
 * contract test against a real host can pin it by changing one field. Facts tagged [C]/[D] are not
 * here: they are the emulator's code. Each field cites the spec section it settles.
 */
export interface FidelityProfile {
  /** Profile name: `windows` (default) or `samba`. */
  readonly name: string;

  // ---- Paths and binding (spec §2) ----
  /** Code for a provider prefix in the wrong case (`winnt://x`); spec §2.2 [U]. */
  readonly wrongCaseProviderError: HResultSymbol;
  /** Code for `WinNT://<name>` when no domain or computer has that name; spec §11.3 [U]. */
  readonly unknownComputerError: HResultSymbol;
  /** Code for `WinNT://<domain>/...` naming an unknown domain, or a `,domain` hint that finds none; spec §11.2 [U]. */
  readonly unknownDomainError: HResultSymbol;
  /** Code for an unknown service (`WinNT://FS01/NoSuch,service`); spec §11.3 [U]. */
  readonly unknownServiceError: HResultSymbol;
  /** Code for a class-less bind of an unknown child of a computer (`WinNT://FS01/NoSuch`); spec §11.2 [U]. */
  readonly unknownComputerChildError: HResultSymbol;
  /**
   * What a bind flag other than ADS_SECURE_AUTHENTICATION does (spec §2.5 [U], §14 item 32):
   * `ignore` binds as if it were absent; `reject` fails with E_ADS_BAD_PARAMETER.
   */
  readonly unsupportedBindFlags: "ignore" | "reject";
  /**
   * Spelling of the computer component in paths of objects bound through `WinNT://.` (spec §2.4 [U];
   * the B3 observation shows Parent `WinNT://WORKGROUP/.`): `keep` keeps `.`, `resolve` uses the name.
   */
  readonly localDotSpelling: "keep" | "resolve";
  /** Parent of the `WinNT:` namespace object (the ADs: namespaces container); spec §2.4 [U]. */
  readonly namespaceParent: string;
  /** Parent of a domain object; spec §2.4 [U]. */
  readonly domainParent: string;

  // ---- IADs and the property cache (spec §2.4, §3) ----
  /** Class GUIDs by class name (spec §2.4: User [C]; others [U], stand-ins). */
  readonly classGuids: Readonly<Record<string, string>>;
  /** The Schema path of an object of `className` whose schema container is in `domain`; spec §2.4 [U]. */
  schemaPath(domain: string, className: string): string;
  /** Code for Get/Put/GetEx/PutEx/GetInfoEx of a property the class does not define; spec §3.3 [U]. */
  readonly propertyNotInClassError: HResultSymbol;
  /** Code for an interface property WinNT lists as "Unsupported" (e.g. IADsComputer.Description); spec §3.3 [U]. */
  readonly unsupportedPropertyError: HResultSymbol;
  /** Code for Put/PutEx of a schema property that is read-only (e.g. FileShare.CurrentUserCount); spec §3.3 [U]. */
  readonly readOnlyPropertyPutError: HResultSymbol;
  /** Whether PutEx with an empty array leaves the property unset (true) or is refused; spec §3.2 item 7 [U]. */
  readonly putExEmptyClears: boolean;
  /** Whether SetInfo on a Computer persists its properties; spec §3.4 [U], §15 item 16. */
  readonly computerSetInfoPersists: boolean;
  /** Code for SetInfo on objects that cannot be written (Namespace, Schema objects, and Computer when not persisted); spec §3.4 [U]. */
  readonly setInfoNotSupportedError: HResultSymbol;
  /**
   * Code of IADsPropertyList.Next past the last entry: "differs depending on which provider is used"
   * (MicrosoftDocs `nf-iads-iadspropertylist-next`); WinNT's code [U].
   */
  readonly propertyListEndError: HResultSymbol;

  // ---- Containers (spec §4, §9.3) ----
  /** What IADsContainer.Hints does on WinNT: `notImplemented` (E_NOTIMPL) or `ignored`; spec §4 [U], §15 item 7. */
  readonly hints: "notImplemented" | "ignored";
  /** Whether a `Service` Filter on a computer also selects FileService/FPNWFileService objects; spec §4, §14 item 9 [U]. */
  readonly serviceFilterIncludesFileServices: boolean;
  /** Code for MoveHere of anything but a user/group rename; spec §11.3 [U]. */
  readonly moveHereError: HResultSymbol;
  /** Whether LanmanServer enumerates hidden shares (`C$`, `ADMIN$`, `IPC$`); spec §4 [U]. */
  readonly listHiddenShares: boolean;
  /** Code for SetInfo of a new share whose name exists; spec §9.3 [U]. */
  readonly duplicateShareError: HResultSymbol;
  /** Code for SetInfo of a new share without Path (NetShareAdd's ERROR_INVALID_PARAMETER surfacing); spec §9.3 [U]. */
  readonly shareWithoutPathError: HResultSymbol;

  // ---- Sessions and resources (spec §5, §12) ----
  /** The Name of a session (spec §5.2 [U], §15 item 1). */
  sessionName(user: string, computer: string): string;
  /** Inverse of {@link sessionName}; undefined when `name` is not of that form. */
  parseSessionName(name: string): { user: string; computer: string } | undefined;
  /** The Name of an open resource from its file id (spec §5.3 [U]). */
  resourceName(fileId: number): string;
  /** ADsPath and Parent of a session or resource, which cannot be used to bind (spec §2.4 [U]). */
  dependentObjectPaths(fileServicePath: string, name: string): { adsPath: string; parent: string };
  /** Code for Sessions.GetObject with a name that matches no session, and for a session that ended (spec §5.2 [U], §15 item 4). */
  readonly unknownSessionError: HResultSymbol;
  /**
   * Code for Sessions.Remove (NetSessionDel) when no session matches (spec §5.2 [U], §12.3; Samba
   * answers WERR_ACCESS_DENIED, §12.5). May differ from {@link unknownSessionError}: on Samba it does.
   */
  readonly sessionDeleteNoMatchError: HResultSymbol;
  /** Code for Resources.GetObject with an unknown id (spec §5.3 [U]: NetrFileGetInfo's ERROR_FILE_NOT_FOUND). */
  readonly unknownResourceError: HResultSymbol;
  /** Code for Resources.Remove (NetFileClose) with an unknown id (spec §12.4 [C] Windows; §12.5 Samba). */
  readonly closeUnknownFileError: HResultSymbol;
  /**
   * Whether non-administrators may enumerate Sessions (the pre-2016 "level 10 for everyone" rule,
   * spec §12.1, §14 item 23). False models Windows Server 2016+ (and Samba).
   */
  readonly sessionEnumForEveryone: boolean;
  /** Who may delete sessions: `administrators` (Windows, spec §12.3) or `domainAdmins` (Samba, spec §12.5). */
  readonly sessionDeleteRequires: "administrators" | "domainAdmins";
  /**
   * What a Resource's LockCount counts (spec §7, §12.4 [U]): the locks of that open (`open`), or the
   * byte-range locks on the file through every open of it (`file`, what Samba 4.17 reports: found by the
   * differential contract test).
   */
  readonly lockCountScope: "open" | "file";
  /** Whether IdleTime always reads 0 (Samba does not track it, spec §12.5). */
  readonly idleTimeAlwaysZero: boolean;
  /** Code for Sessions()/Resources() while the file service is stopped (srvsvc unreachable; spec §11.2 [U]). */
  readonly serverNotRunningError: HResultSymbol;
  /** Code for a new session while the file service is paused (SMB STATUS_SHARING_PAUSED; [U]). */
  readonly serverPausedError: HResultSymbol;
  /** Code for a session connecting past a share's or server's MaxUserCount (STATUS_REQUEST_NOT_ACCEPTED; [U]). */
  readonly tooManyUsersError: HResultSymbol;
  /**
   * Auto-disconnect of idle sessions for file services whose fixture does not set it (spec §12.7):
   * Windows' default is 15 minutes [C]; whether sessions holding open files are exempt is [U] on
   * Windows ("commonly stated") and [C] for Samba's `deadtime` (default 10080 minutes).
   */
  readonly autoDisconnect: { readonly minutes: number; readonly exemptOpenFiles: boolean };
  /** Codes of invalid service-control transitions (spec §8.1 [U], the SCM's codes). */
  readonly serviceControlErrors: {
    readonly alreadyRunning: HResultSymbol;
    readonly notActive: HResultSymbol;
    readonly cannotAcceptControl: HResultSymbol;
    readonly disabled: HResultSymbol;
  };
}
