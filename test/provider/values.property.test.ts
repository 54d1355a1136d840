import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { connectMsSrvs } from "../../src/provider/msrvs/connectMsSrvs.js";
import {
  countAsLong,
  parseFileId,
  parseSessionName,
  secondsAsLong,
  sessionNameOf,
} from "../../src/provider/msrvs/sessionValues.js";
import { FakeSrvsvcServer } from "./support/fakeSrvsvcServer.js";

const u32 = fc.integer({ min: 0, max: 0xffffffff });
/** A user or client name as servers send them: non-empty, no backslash, no NUL. */
const part = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/[\\\0]/.test(s));
/** A user name as Samba domain members send them: `DOMAIN\user` too. */
const user = fc.oneof(
  part,
  fc.tuple(part, part).map(([domain, name]) => `${domain}\\${name}`),
);

describe("value conversions (spec §6-7, §12.6)", () => {
  test.prop([u32])(
    "seconds: a LONG in [0, 2^31-1]; unchanged when it fits; 0xFFFFFFFF (Samba's first second) is 0",
    (s) => {
      const long = secondsAsLong(s);
      expect(long).toBeGreaterThanOrEqual(0);
      expect(long).toBeLessThanOrEqual(0x7fffffff);
      if (s <= 0x7fffffff) expect(long).toBe(s);
      else expect(long).toBe(s === 0xffffffff ? 0 : 0x7fffffff);
      expect(countAsLong(s)).toBe(Math.min(s, 0x7fffffff));
    },
  );

  test.prop([user, part])(
    "a session Name parses back to its (user, client) pair, DOMAIN\\user too",
    (user, client) => {
      const name = sessionNameOf({ user, client, numOpens: 0, time: 0, idleTime: 0 });
      expect(name).toBe(`${user}\\${client}`);
      expect(parseSessionName(name)).toEqual({ user, client });
    },
  );

  test.prop([u32])("a file id's Name parses back to the id", (id) => {
    expect(parseFileId(String(id))).toBe(id);
    expect(parseFileId(`${id}x`)).toBeUndefined();
    expect(parseFileId(String(id + 0x100000000))).toBeUndefined();
  });
});

describe("enumeration against a model (fake srvsvc server)", () => {
  const sessionArb = fc.record({ user: part, client: part, time: u32, idleTime: u32 });
  test.prop(
    [
      fc.array(sessionArb, { maxLength: 25 }),
      fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
      fc.constantFrom(1 as const, 2 as const, 10 as const, 502 as const),
    ],
    { numRuns: 60 },
  )(
    "whatever the paging and level, the provider lists exactly the server's sessions with their values",
    async (sessions, pageSize, sessionLevel) => {
      const server = new FakeSrvsvcServer();
      server.sessions = sessions;
      server.pageSize = pageSize;
      const provider = await connectMsSrvs(
        { host: "h", user: "u", password: "p", sessionLevel },
        server.opener,
      );
      const fso = await provider.GetObject("WinNT://h/LanmanServer");
      const seen: unknown[] = [];
      for await (const s of await fso.Sessions())
        seen.push([s.Name, s.User, s.Computer, s.ConnectTime, s.IdleTime]);
      expect(seen).toEqual(
        sessions.map((s) => [
          `${s.user}\\${s.client}`,
          s.user,
          s.client,
          secondsAsLong(s.time),
          secondsAsLong(s.idleTime),
        ]),
      );
      await provider.close();
    },
  );
});
