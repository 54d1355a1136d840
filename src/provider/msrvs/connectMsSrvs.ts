import { resolveFileServicePath } from "./fileServicePath.js";
import type { MsSrvsConnectOptions } from "./options.js";
import { RemoteFileService } from "./RemoteFileService.js";
import type { RpcPipeOpener } from "./rpcPipe.js";
import { SrvsvcClient } from "./SrvsvcClient.js";

/**
 * A real server's file service, presented through the emulator's IADs shapes but asynchronous
 * (docs/msrvs-provider.md): every member that talks to the server returns a Promise.
 */
export interface MsSrvsProvider {
  /** The host it is connected to, as given to {@link connectMsSrvs}. */
  readonly host: string;
  /**
   * Binds `WinNT://<host>/LanmanServer` (or `WinNT://<domain>/<host>/LanmanServer`). Other objects:
   * E_NOTIMPL; another host: ERROR_BAD_NETPATH; a malformed path: E_ADS_BAD_PATHNAME.
   */
  GetObject(path: string): Promise<RemoteFileService>;
  /** Signs out and closes the connection; later calls reject with RPC_S_SERVER_UNAVAILABLE. */
  close(): Promise<void>;
}

/**
 * Connects to a real SMB2 file server (Samba or Windows) as `user` and binds its srvsvc pipe
 * (MS-SRVS over SMB2, ms-srvs-wire §0), so a wrong password (ERROR_LOGON_FAILURE) or an unreachable
 * host (ERROR_BAD_NETPATH) fails here. Every failure is an AdsError (errorMap.ts). `openPipe` replaces
 * the SMB2 transport (for tests); leave it out.
 */
export async function connectMsSrvs(
  options: MsSrvsConnectOptions,
  openPipe?: RpcPipeOpener,
): Promise<MsSrvsProvider> {
  const client = await SrvsvcClient.connect(options, openPipe);
  const host = client.options.host;
  return {
    host,
    async GetObject(path: string): Promise<RemoteFileService> {
      const names = resolveFileServicePath(path, host);
      await client.ready();
      const binding = { client, servicePath: names.adsPath, schemaDomain: names.schemaDomain };
      return new RemoteFileService(binding, {
        name: "LanmanServer",
        adsPath: names.adsPath,
        parent: names.parent,
      });
    },
    close: () => client.close(),
  };
}
