import { setTimeout as sleep } from "node:timers/promises";
import { expect, it } from "vitest";
import { Smb2Dialect } from "../../src/msrvs/smb2/constants.js";
import { NtStatusError } from "../../src/msrvs/smb2/NtStatusError.js";
import { Smb2Error } from "../../src/msrvs/smb2/Smb2Error.js";
import { describeWithSamba } from "../support/samba/describeWithSamba.js";
import { fragmentsOf, loadPdu, withCallId } from "./pduVectors.js";

const BIND = loadPdu("01-bind.req");
const SESSION_ENUM_L1 = loadPdu("03-sessenum-l1.req");
const FILE_ENUM_L3 = loadPdu("10-fileenum-l3.req");
const FAULT_OPNUM_99 = loadPdu("18-fault-opnum99.req");

/** PTYPE values (ms-srvs-wire §2.1). */
const PTYPE = { response: 2, fault: 3, bindAck: 12 } as const;

/** Asserts a bind_ack accepting context 0 (ms-srvs-wire §2.3): PTYPE 12 and result 0. */
function expectBindAccepted(ack: Buffer): void {
  expect(ack[2]).toBe(PTYPE.bindAck);
  const secondaryAddressLength = ack.readUInt16LE(24);
  const results = 26 + secondaryAddressLength + ((4 - ((26 + secondaryAddressLength) % 4)) % 4);
  expect(ack[results]).toBe(1); // n_results
  expect(ack.readUInt16LE(results + 4)).toBe(0); // result: acceptance
}

/** The trailing WERROR of a single-fragment response (ms-srvs-wire §0 step 5). */
function werror(reply: Buffer): number {
  return reply.readUInt32LE(reply.length - 4);
}

describeWithSamba("SMB2 transport against a real Samba (one instance for this file)", (samba) => {
  it("admin: bind gets a bind_ack (result 0); NetrSessionEnum level 1 gets a response with WERROR 0", async () => {
    const connection = await samba().connect(samba().admin.name);
    expect([Smb2Dialect.SMB_2_0_2, Smb2Dialect.SMB_2_1]).toContain(connection.dialect);
    const ipc = await connection.treeConnect("IPC$");
    expect(ipc.shareType).toBe(2);
    const pipe = await ipc.openPipe("srvsvc");
    expectBindAccepted(await pipe.transceive(BIND));
    const reply = await pipe.transceive(withCallId(SESSION_ENUM_L1, 2));
    const [fragment] = fragmentsOf(reply);
    expect(fragment).toEqual({ ptype: PTYPE.response, flags: 0x03, length: reply.length, callId: 2 });
    expect(werror(reply)).toBe(0);
    // The caller's own session is listed (samba-provider.md): its user name is in the stub, UTF-16LE.
    expect(reply.includes(Buffer.from(`${samba().admin.name}\0`, "utf16le"))).toBe(true);
    await connection.close();
  });

  it("sessions of both independent clients (smbclient and in-process SMB2) show in NetrSessionEnum", async () => {
    const viaSmbclient = await samba().smbclient("alice", ["alice.txt"]);
    const viaSmb2 = await samba().holdFile("bob", "bob.txt");
    const status = await samba().status();
    const users = Object.values(status.sessions ?? {}).map((s) => s.username);
    expect(users).toEqual(expect.arrayContaining(["alice", "bob"]));

    const admin = await samba().connect(samba().admin.name);
    const pipe = await (await admin.treeConnect("IPC$")).openPipe();
    await pipe.transceive(BIND);
    const sessions = await pipe.transceive(withCallId(SESSION_ENUM_L1, 2));
    expect(werror(sessions)).toBe(0);
    for (const user of ["alice", "bob"])
      expect(sessions.includes(Buffer.from(`${user}\0`, "utf16le"))).toBe(true);
    const files = await pipe.transceive(withCallId(FILE_ENUM_L3, 3));
    expect(werror(files)).toBe(0);
    for (const file of ["alice.txt", "bob.txt"])
      expect(files.includes(Buffer.from(file, "utf16le"))).toBe(true);

    await viaSmbclient.close();
    await viaSmb2.release();
    await admin.close();
  });

  it("a reply larger than one fragment comes back whole: FIRST_FRAG ... LAST_FRAG, same call_id", async () => {
    const many = await samba().connect("bob");
    const tree = await many.treeConnect(samba().share);
    for (let i = 0; i < 45; i++) await tree.openFile(`file-with-a-longish-name-${i}.txt`, { create: true });
    const admin = await samba().connect(samba().admin.name);
    const pipe = await (await admin.treeConnect("IPC$")).openPipe();
    await pipe.transceive(BIND);
    for (const send of [(pdu: Buffer) => pipe.transceive(pdu), (pdu: Buffer) => pipe.exchange(pdu)]) {
      const reply = await send(withCallId(FILE_ENUM_L3, 7));
      const fragments = fragmentsOf(reply);
      expect(fragments.length).toBeGreaterThan(1);
      expect(fragments.every((f) => f.ptype === PTYPE.response && f.callId === 7)).toBe(true);
      expect(fragments[0]?.flags).toBe(0x01);
      expect(fragments.at(-1)?.flags).toBe(0x02);
      expect(fragments.reduce((sum, f) => sum + f.length, 0)).toBe(reply.length);
      expect(werror(reply)).toBe(0);
    }
    await admin.close();
    await many.close();
  });

  it("a request with opnum 99 gets a fault PDU and the pipe stays usable", async () => {
    const connection = await samba().connect(samba().admin.name);
    const pipe = await (await connection.treeConnect("IPC$")).openPipe();
    await pipe.transceive(BIND);
    const fault = await pipe.transceive(withCallId(FAULT_OPNUM_99, 2));
    expect(fault[2]).toBe(PTYPE.fault);
    expect(fault.readUInt32LE(24)).toBe(0x1c010002);
    expect(werror(await pipe.transceive(withCallId(SESSION_ENUM_L1, 3)))).toBe(0);
    await connection.close();
  });

  it("signing required: every request is signed and every response verified (HMAC-SHA256, 2.x)", async () => {
    const connection = await samba().connect(samba().admin.name, { signing: "required" });
    expect(connection.signed).toBe(true);
    const pipe = await (await connection.treeConnect("IPC$")).openPipe();
    expectBindAccepted(await pipe.transceive(BIND));
    expect(werror(await pipe.transceive(withCallId(SESSION_ENUM_L1, 2)))).toBe(0);
    await connection.close();
  });

  it("SMB 2.0.2 alone works too (no credit charge)", async () => {
    const connection = await samba().connect("dave", { dialects: [Smb2Dialect.SMB_2_0_2] });
    expect(connection.dialect).toBe(Smb2Dialect.SMB_2_0_2);
    await connection.echo();
    const pipe = await (await connection.treeConnect("IPC$")).openPipe();
    expectBindAccepted(await pipe.transceive(BIND));
    // dave is not an admin: Samba answers WERR_ACCESS_DENIED (5) in the response, not an SMB2 error.
    expect(werror(await pipe.transceive(withCallId(SESSION_ENUM_L1, 2)))).toBe(5);
    await connection.close();
  });

  it("a wrong password is STATUS_LOGON_FAILURE (0xC000006D) at SESSION_SETUP", async () => {
    const attempt = samba().connect("alice", { password: "not-the-password" });
    await expect(attempt).rejects.toBeInstanceOf(NtStatusError);
    await expect(attempt).rejects.toMatchObject({ status: 0xc000006d, statusName: "STATUS_LOGON_FAILURE" });
  });

  it("a share that does not exist is STATUS_BAD_NETWORK_NAME; an unknown pipe STATUS_OBJECT_NAME_NOT_FOUND", async () => {
    const connection = await samba().connect("alice");
    await expect(connection.treeConnect("no-such-share")).rejects.toMatchObject({
      code: "NT_STATUS",
      status: 0xc00000cc,
      statusName: "STATUS_BAD_NETWORK_NAME",
    });
    const ipc = await connection.treeConnect("IPC$");
    await expect(ipc.openPipe("nosuchpipe")).rejects.toMatchObject({
      statusName: "STATUS_OBJECT_NAME_NOT_FOUND",
    });
    await connection.echo(); // the connection survives refused requests
    await connection.close();
  });

  it("a READ with nothing to read goes STATUS_PENDING; killing the serving smbd rejects it and every later call", async () => {
    const connection = await samba().connect("carol");
    const pipe = await (await connection.treeConnect("IPC$")).openPipe();
    const pendingRead = pipe.readChunk(4280);
    pendingRead.catch(() => undefined);
    for (let i = 0; i < 200 && connection.interimResponses === 0; i++) await sleep(10);
    expect(connection.interimResponses).toBeGreaterThan(0); // the interim reply came, the call kept waiting
    expect(connection.pendingCount).toBe(1);
    const [pid] = await samba().sessionPids("carol");
    expect(pid).toBeGreaterThan(0);
    process.kill(pid as number, "SIGKILL");
    const error = await pendingRead.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Smb2Error);
    expect(error).toMatchObject({ code: "DISCONNECTED" });
    await expect(connection.echo()).rejects.toMatchObject({ code: "DISCONNECTED" });
    expect(connection.pendingCount).toBe(0);
  });
});
