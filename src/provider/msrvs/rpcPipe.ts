import type { NamedPipe } from "../../msrvs/client/NamedPipe.js";
import { Smb2Connection } from "../../msrvs/client/Smb2Connection.js";
import { adsErrorFrom } from "./errorMap.js";
import type { ResolvedMsSrvsOptions } from "./options.js";

/**
 * A byte pipe carrying DCE/RPC PDUs to srvsvc (ms-srvs-wire §1): what the RPC channel needs from its
 * transport. The SMB2 one is {@link openSmb2SrvsvcPipe}; tests use an in-memory fake.
 */
export interface RpcPipe {
  /** Writes one PDU and resolves with one complete reply (all its fragments, concatenated). */
  transceive(pdu: Buffer): Promise<Buffer>;
  /** Writes one PDU without waiting for a reply (the non-last fragments of a request). */
  write(pdu: Buffer): Promise<void>;
  /** True once the underlying connection has failed or was closed: the pipe is unusable. */
  readonly failed: boolean;
  /** Closes the pipe and its connection; never rejects. */
  close(): Promise<void>;
}

/** Opens the RPC pipe for `options`; rejects with the AdsError the provider raises. */
export type RpcPipeOpener = (options: ResolvedMsSrvsOptions) => Promise<RpcPipe>;

/**
 * Signs in over SMB2 (NTLMv2), connects `IPC$` and opens `srvsvc` (ms-srvs-wire §1.1). Failures are
 * AdsErrors (errorMap.ts): no SMB session is phase `logon` (ERROR_BAD_NETPATH, ERROR_LOGON_FAILURE…),
 * a failure after it phase `rpc`.
 */
export const openSmb2SrvsvcPipe: RpcPipeOpener = async (options) => {
  let connection: Smb2Connection;
  try {
    connection = await Smb2Connection.connect({
      host: options.host,
      port: options.port,
      user: options.user,
      password: options.password,
      domain: options.domain,
      timeoutMs: options.timeoutMs,
    });
  } catch (error) {
    throw adsErrorFrom(error, "logon", `signing in to ${options.host}:${options.port} as ${options.user}`);
  }
  let pipe: NamedPipe;
  try {
    const ipc = await connection.treeConnect("IPC$");
    pipe = await ipc.openPipe("srvsvc");
  } catch (error) {
    await connection.close();
    throw adsErrorFrom(error, "rpc", `opening \\\\${options.host}\\IPC$\\srvsvc`);
  }
  return {
    transceive: (pdu) => pipe.transceive(pdu),
    write: async (pdu) => {
      await pipe.writePdu(pdu);
    },
    get failed() {
      return connection.error !== undefined;
    },
    close: () => connection.close(),
  };
};
