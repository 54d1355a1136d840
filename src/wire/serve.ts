/**
 * Wire mode: the emulator listens on a TCP port and serves MS-SRVS over SMB2, so real clients in any
 * language (smbclient, rpcclient, python3-samba, impacket, the project's own provider) test against it
 * (docs/wire-mode.md). Every connection is a session of the emulated server; a session the emulator ends
 * (NetSessionDel, Sessions.Remove, the injector, auto-disconnect on the virtual clock, a stopped
 * service) drops its connection.
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import type { Emulator } from "../emulator.js";
import { EmulatorView } from "./EmulatorView.js";
import { resolveWireOptions, type WireServeOptions } from "./options.js";
import type { WireServerContext } from "./smb2/connectionState.js";
import { WireConnection } from "./smb2/WireConnection.js";

/** A running wire server, as {@link serve} returns it. */
export interface WireServer {
  /** The address it listens on. */
  readonly host: string;
  /** The bound TCP port (the one the system chose for port 0). */
  readonly port: number;
  /** The computer of the fixture it serves (clients may name it or its address). */
  readonly server: string;
  /** Connections open now. */
  readonly connections: number;
  /** Stops listening and drops every connection, ending their sessions; resolves when closed. */
  close(): Promise<void>;
}

/** The client's address without an IPv4-mapped prefix, as `sesi_cname` shows it. */
function clientAddressOf(socket: Socket): string {
  const address = socket.remoteAddress ?? "0.0.0.0";
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}

/**
 * Serves `emu` on `options.host:options.port` (default 127.0.0.1, a free port). Resolves once listening.
 * Bad options reject with E_INVALIDARG; a port in use rejects with the socket error.
 */
export async function serve(emu: Emulator, options: WireServeOptions = {}): Promise<WireServer> {
  const resolved = resolveWireOptions(emu, options);
  const view = new EmulatorView(emu, resolved.server);
  let sessionIds = 0n;
  let associationGroups = 0;
  const context: WireServerContext = {
    view,
    requireSigning: resolved.requireSigning,
    serverGuid: createHash("md5").update(`adsi-emulator wire ${view.computerName}`).digest(),
    nextSessionId: () => (0x0000_4000n << 32n) | ++sessionIds,
    nextAssociationGroup: () => 0x1000 + (++associationGroups % 0xffff),
    serverChallenge: () => randomBytes(8), // host-time: NTLM server challenges must be unpredictable
  };
  const connections = new Set<WireConnection>();
  const unsubscribe = emu.on("session.closed", (event) => {
    if (event.server.toUpperCase() !== view.computerName.toUpperCase()) return;
    for (const connection of connections) {
      if (connection.state.session?.handle?.id === event.sessionId) connection.sessionEndedByServer();
    }
  });
  const server: Server = createServer({ noDelay: true }, (socket) => {
    const connection = new WireConnection(context, socket, clientAddressOf(socket));
    connections.add(connection);
    socket.setTimeout(resolved.handshakeTimeoutMs); // host-time: drop a peer that never signs in
    socket.on("timeout", () => {
      if (connection.state.session === undefined) connection.destroy();
    });
    socket.on("data", (chunk: Buffer) => connection.receive(chunk));
    socket.on("error", () => connection.destroy());
    socket.on("close", () => {
      connection.destroy();
      connections.delete(connection);
    });
  });
  server.maxConnections = resolved.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : resolved.port;
  let closing: Promise<void> | undefined;
  return {
    host: resolved.host,
    port,
    server: view.computerName,
    get connections() {
      return connections.size;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        unsubscribe();
        server.close(() => resolve());
        for (const connection of connections) connection.destroy();
      });
      return closing;
    },
  };
}
