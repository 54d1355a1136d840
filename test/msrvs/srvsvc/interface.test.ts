import { describe, expect, it } from "vitest";
import { encodePdu } from "../../../src/msrvs/dcerpc/pdu.js";
import { SRVSVC_OPNUM, srvsvcBindPdu } from "../../../src/msrvs/srvsvc/interface.js";
import { SRVSVC_OPERATIONS, srvsvcOperation } from "../../../src/msrvs/srvsvc/operations.js";
import { loadVector } from "../support/vectors.js";

describe("the srvsvc interface (ms-srvs-wire §2.2, §4.1)", () => {
  it("srvsvcBindPdu is byte for byte the bind Samba's rpcclient sends (01-bind.req, 27-bind-max-frag-1024.req)", () => {
    expect(encodePdu(srvsvcBindPdu(1))).toEqual(loadVector("01-bind.req.hex"));
    expect(encodePdu(srvsvcBindPdu(1, 1024))).toEqual(loadVector("27-bind-max-frag-1024.req.hex"));
  });

  it("every operation is registered under its [MS-SRVS] opnum, and opnum 99 under none", () => {
    for (const [name, opnum] of Object.entries(SRVSVC_OPNUM)) {
      expect(srvsvcOperation(opnum)?.name).toBe(name);
      expect(SRVSVC_OPERATIONS[name as keyof typeof SRVSVC_OPNUM].opnum).toBe(opnum);
    }
    expect([SRVSVC_OPNUM.NetrSessionEnum, SRVSVC_OPNUM.NetrSessionDel, SRVSVC_OPNUM.NetrFileEnum]).toEqual([
      12, 13, 9,
    ]);
    expect([SRVSVC_OPNUM.NetrFileClose, SRVSVC_OPNUM.NetrShareEnum, SRVSVC_OPNUM.NetrShareGetInfo]).toEqual([
      11, 15, 16,
    ]);
    expect([SRVSVC_OPNUM.NetrServerGetInfo, SRVSVC_OPNUM.NetrRemoteTOD]).toEqual([21, 28]);
    expect(srvsvcOperation(99)).toBeUndefined();
  });
});
