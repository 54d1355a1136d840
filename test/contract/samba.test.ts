/**
 * The contract suite against a real Samba (smbd on loopback, test/support/samba) through the MS-SRVS
 * provider, with real clients as the driver. Its divergences must be what the `samba` profile models.
 */
import { defineContractSuite } from "../../src/contract/defineContractSuite.js";
import { describeWithSamba } from "../support/samba/describeWithSamba.js";
import { sambaTarget } from "./sambaTarget.js";
import { manifest } from "./targets.js";

describeWithSamba("real Samba", (samba) => {
  defineContractSuite({
    name: "real Samba (MS-SRVS provider)",
    setup: () => sambaTarget(samba()),
    manifest: manifest("samba"),
  });
});
