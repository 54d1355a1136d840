import { AdsError } from "../../errors/AdsError.js";
import { Smb2Error } from "../../msrvs/smb2/Smb2Error.js";
import { adsErrorFrom } from "./errorMap.js";
import { type MsSrvsConnectOptions, type ResolvedMsSrvsOptions, resolveMsSrvsOptions } from "./options.js";
import { openSmb2SrvsvcPipe, type RpcPipeOpener } from "./rpcPipe.js";
import { SrvsvcChannel } from "./SrvsvcChannel.js";
import {
  netrFileClose,
  netrFileEnum,
  netrSessionDel,
  netrSessionEnum,
  type RemoteFileInfo,
  type RemoteSessionInfo,
} from "./srvsvcCalls.js";

/**
 * The four srvsvc calls behind the file service, against one server, with AdsErrors (errorMap.ts).
 * It keeps one SMB2 session and srvsvc association open; when it breaks (server restart, timeout,
 * malformed reply) the failing call rejects and the next call signs in again. Calls run one at a time.
 */
export class SrvsvcClient {
  /** The validated options (host, port, user, session level…). */
  readonly options: ResolvedMsSrvsOptions;
  private readonly open: RpcPipeOpener;
  private channel: Promise<SrvsvcChannel> | undefined;
  private closed = false;

  private constructor(options: ResolvedMsSrvsOptions, open: RpcPipeOpener) {
    this.options = options;
    this.open = open;
  }

  /**
   * Validates `options` (E_INVALIDARG), signs in and binds srvsvc, so a wrong password or an unreachable
   * host fails here. `open` replaces the SMB2 transport (tests).
   */
  static async connect(
    options: MsSrvsConnectOptions,
    open: RpcPipeOpener = openSmb2SrvsvcPipe,
  ): Promise<SrvsvcClient> {
    const client = new SrvsvcClient(resolveMsSrvsOptions(options), open);
    await client.ready();
    return client;
  }

  /** `\\host`, the ServerName every call sends (ms-srvs-wire §4.1). */
  get serverName(): string {
    return `\\\\${this.options.host}`;
  }

  /** Resolves once a usable association exists (signing in again if the last one broke). */
  async ready(): Promise<void> {
    await this.channelFor();
  }

  /** Every session, at the configured level (NetrSessionEnum). */
  sessions(): Promise<RemoteSessionInfo[]> {
    return this.run("NetrSessionEnum", (channel) =>
      netrSessionEnum(channel, this.serverName, this.options.sessionLevel),
    );
  }

  /** Every open file (NetrFileEnum level 3). */
  files(): Promise<RemoteFileInfo[]> {
    return this.run("NetrFileEnum", (channel) => netrFileEnum(channel, this.serverName));
  }

  /**
   * Ends the sessions of `user` from `client` (NetrSessionDel). When they include this client's own
   * session the server may cut the connection before replying (Samba does, ms-srvs-wire §4.3): a
   * disconnect during the call, for this client's own account, counts as success.
   */
  async deleteSession(client: string, user: string): Promise<void> {
    const own = user.toUpperCase() === this.options.user.toUpperCase();
    await this.run("NetrSessionDel", (channel) => netrSessionDel(channel, this.serverName, client, user), {
      when: (error) => own && Smb2Error.is(error, "DISCONNECTED"),
      value: undefined,
    });
  }

  /** Closes the open file `fileId` (NetrFileClose). */
  closeFile(fileId: number): Promise<void> {
    return this.run("NetrFileClose", (channel) => netrFileClose(channel, this.serverName, fileId));
  }

  /** Closes the association and the SMB2 session; later calls reject. Never rejects. */
  async close(): Promise<void> {
    this.closed = true;
    const channel = this.channel;
    this.channel = undefined;
    const current = await channel?.catch(() => undefined);
    await current?.transport.close();
  }

  private async run<T>(
    what: string,
    call: (channel: SrvsvcChannel) => Promise<T>,
    tolerated?: { readonly when: (error: unknown) => boolean; readonly value: T },
  ): Promise<T> {
    const channel = await this.channelFor();
    try {
      return await call(channel);
    } catch (error) {
      if (channel.broken) await channel.transport.close();
      if (tolerated?.when(error)) return tolerated.value;
      throw adsErrorFrom(error, "rpc", `${what} on ${this.options.host}`);
    }
  }

  private async channelFor(): Promise<SrvsvcChannel> {
    for (let attempt = 0; ; attempt++) {
      if (this.closed) throw new AdsError("RPC_S_SERVER_UNAVAILABLE", "the MS-SRVS provider was closed");
      const pending = this.channel ?? this.openChannel();
      this.channel = pending;
      let current: SrvsvcChannel;
      try {
        current = await pending;
      } catch (error) {
        if (this.channel === pending) this.channel = undefined;
        throw error;
      }
      if (!current.broken) return current;
      if (this.channel === pending) this.channel = undefined;
      await current.transport.close();
      if (attempt >= 2) {
        throw new AdsError(
          "RPC_S_SERVER_UNAVAILABLE",
          `${this.options.host} drops every new srvsvc association`,
        );
      }
    }
  }

  private async openChannel(): Promise<SrvsvcChannel> {
    const pipe = await this.open(this.options).catch((error: unknown) => {
      throw adsErrorFrom(error, "logon", `signing in to ${this.options.host}`);
    });
    try {
      return await SrvsvcChannel.bind(pipe);
    } catch (error) {
      await pipe.close();
      throw adsErrorFrom(error, "rpc", `binding srvsvc on ${this.options.host}`);
    }
  }
}
