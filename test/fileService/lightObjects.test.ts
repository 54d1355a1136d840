/**
 * Session and Resource objects are light (issue 10): made only as an enumeration hands them out, with
 * no property cache until one is needed, their values loaded by their first read. Nothing of that may
 * show: the property cache semantics of spec §3.2 hold whichever member is used first.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  ADSTYPE_INTEGER,
  createEmulator,
  type IADsPropertyList,
  type IADsResource,
  type IADsSession,
} from "../../src/index.js";
import { ADMIN } from "../adsi/helpers.js";
import { expectAdsError, lanman } from "./helpers.js";

type Listed = IADsSession & IADsPropertyList;

function firstSession(emu = createEmulator({ caller: ADMIN })) {
  const fso = lanman(emu);
  const [session] = fso.Sessions()._NewEnum.Next(1) as Listed[];
  if (!session) throw new Error("the default fixture has sessions");
  return { emu, fso, session };
}

/** What the property list shows, as [name, values] pairs (Item by index). */
function listed(object: IADsPropertyList): [string, unknown[]][] {
  const out: [string, unknown[]][] = [];
  for (let i = 0; i < object.PropertyCount; i++) {
    const entry = object.Item(i);
    out.push([
      entry.Name,
      entry.Values.map((value) =>
        entry.ADsType === ADSTYPE_INTEGER ? value.Integer : value.CaseIgnoreString,
      ),
    ]);
  }
  return out;
}

const FIRST_READS = [
  "User",
  "Computer",
  "ConnectTime",
  "IdleTime",
  "GetInfo",
  "GetEx",
  "PropertyCount",
] as const;

function firstRead(session: Listed, how: (typeof FIRST_READS)[number]): void {
  if (how === "GetInfo") session.GetInfo();
  else if (how === "GetEx") session.GetEx("user");
  else if (how === "PropertyCount") void session.PropertyCount;
  else void session[how];
}

describe("light Session and Resource objects", () => {
  test.prop([fc.constantFrom(...FIRST_READS), fc.nat({ max: 3_600 })])(
    "the first read loads every value at that moment, whatever member it is; later reads keep them",
    (how, wait) => {
      const { emu, session } = firstSession();
      firstRead(session, how);
      const loadedAt = emu.clock.now();
      emu.clock.tick(wait * 1000);
      if (how === "PropertyCount") {
        // The property list never loads (spec §3.2 via IADsPropertyList): nothing is there yet.
        expect(session.PropertyCount).toBe(0);
        return;
      }
      const idle = session.IdleTime;
      const connect = session.ConnectTime;
      const fresh = firstSession(createEmulator({ caller: ADMIN, start: loadedAt })).session;
      expect([idle, connect]).toEqual([fresh.IdleTime, fresh.ConnectTime]);
      expect(listed(session)).toEqual(listed(fresh));
      session.GetInfo();
      expect(session.IdleTime).toBe(idle + wait);
    },
  );

  it("a property list read after a plain read shows what the implicit GetInfo loaded, in cache order", () => {
    const { session } = firstSession();
    const other = firstSession().session;
    void session.User;
    other.GetInfo();
    expect(listed(session).map(([name]) => name)).toEqual(["User", "Computer", "ConnectTime", "IdleTime"]);
    expect(listed(session)).toEqual(listed(other));
  });

  it("activity after the listing shows at the first read; an ended session is the unknown-session code", () => {
    const { emu, session } = firstSession();
    const [, second] = lanman(emu).Sessions()._NewEnum.Next(2) as Listed[];
    emu.clock.tick("10m");
    const handle = emu.inject.session("FS01", session.Name);
    emu.inject.activity(handle);
    expect(session.IdleTime).toBe(0);
    emu.inject.closeSession(emu.inject.session("FS01", (second as Listed).Name));
    expectAdsError(() => (second as Listed).User, "NERR_ClientNameNotFound");
  });

  it("Put and PutEx of a read-only property refuse as the property cache does, before or after a read", () => {
    for (const read of [false, true]) {
      const { session } = firstSession();
      if (read) void session.User;
      expectAdsError(
        () => (session as unknown as { Put(n: string, v: unknown): void }).Put("User", "x"),
        "E_ADS_PROPERTY_NOT_SUPPORTED",
      );
      expectAdsError(() => session.Get("NoSuchProperty"), "E_ADS_PROPERTY_NOT_SUPPORTED");
      expect(session.User).toBe(firstSession().session.User);
    }
  });

  it("a Resource read first through a property shows the same values as one read through GetInfo", () => {
    const emu = createEmulator({ caller: ADMIN });
    const [a] = lanman(emu).Resources()._NewEnum.Next(1) as (IADsResource & IADsPropertyList)[];
    const [b] = lanman(emu).Resources()._NewEnum.Next(1) as (IADsResource & IADsPropertyList)[];
    if (!a || !b) throw new Error("the default fixture has open files");
    void a.LockCount;
    b.GetInfo();
    expect([a.User, a.Path, a.LockCount]).toEqual([b.User, b.Path, b.LockCount]);
    expect(listed(a)).toEqual(listed(b));
  });
});
