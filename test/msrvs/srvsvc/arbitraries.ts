/**
 * fast-check arbitraries for every srvsvc request and response this codec handles: any UTF-16 text
 * without NUL (lone surrogates included), any u32, every defined level and undefined ones (no arm).
 */
import fc from "fast-check";
import type { EnumContainer } from "../../../src/msrvs/srvsvc/levels.js";
import type { SRVSVC_OPERATIONS } from "../../../src/msrvs/srvsvc/operations.js";

const text = fc
  .array(fc.integer({ min: 1, max: 0xffff }), { maxLength: 16 })
  .map((units) => String.fromCharCode(...units));
const optText = fc.option(text, { nil: null });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const optU32 = fc.option(u32, { nil: null });

function container<T>(entry: fc.Arbitrary<T>): fc.Arbitrary<EnumContainer<T> | null> {
  return fc.option(fc.record({ entries: fc.option(fc.array(entry, { maxLength: 4 }), { nil: null }) }), {
    nil: null,
  });
}

function withContainer<L extends number, T>(level: L, entry: fc.Arbitrary<T>) {
  return container(entry).map((value) => ({ level, container: value }));
}

function withInfo<L extends number, T>(level: L, info: fc.Arbitrary<T>) {
  return fc.option(info, { nil: null }).map((value) => ({ level, info: value }));
}

/** A level the IDL has no case for: no arm on the wire. */
function undefinedLevel(defined: readonly number[]) {
  return u32.filter((level) => !defined.includes(level));
}

const sessionInfo1 = {
  cname: optText,
  username: optText,
  numOpens: u32,
  time: u32,
  idleTime: u32,
  userFlags: u32,
};
const sessionEnumStruct = fc.oneof(
  withContainer(0, fc.record({ cname: optText })),
  withContainer(1, fc.record(sessionInfo1)),
  withContainer(2, fc.record({ ...sessionInfo1, cltypeName: optText })),
  withContainer(10, fc.record({ cname: optText, username: optText, time: u32, idleTime: u32 })),
  withContainer(502, fc.record({ ...sessionInfo1, cltypeName: optText, transport: optText })),
  undefinedLevel([0, 1, 2, 10, 502]).map((level) => ({ level, container: null })),
);

const fileEnumStruct = fc.oneof(
  withContainer(2, fc.record({ id: u32 })),
  withContainer(
    3,
    fc.record({ id: u32, permissions: u32, numLocks: u32, pathName: optText, userName: optText }),
  ),
  undefinedLevel([2, 3]).map((level) => ({ level, container: null })),
);

const shareInfo1 = { netName: optText, type: u32, remark: optText };
const shareInfo2 = {
  ...shareInfo1,
  permissions: u32,
  maxUses: u32,
  currentUses: u32,
  path: optText,
  password: optText,
};
const shareInfo502 = {
  ...shareInfo2,
  securityDescriptor: fc.option(fc.uint8Array({ maxLength: 40 }), { nil: null }),
};
const shareEnumStruct = fc.oneof(
  withContainer(0, fc.record({ netName: optText })),
  withContainer(1, fc.record(shareInfo1)),
  withContainer(2, fc.record(shareInfo2)),
  withContainer(502, fc.record(shareInfo502)),
  undefinedLevel([0, 1, 2, 502]).map((level) => ({ level, container: null })),
);
const shareInfoUnion = fc.oneof(
  withInfo(0, fc.record({ netName: optText })),
  withInfo(1, fc.record(shareInfo1)),
  withInfo(2, fc.record(shareInfo2)),
  withInfo(502, fc.record(shareInfo502)),
  undefinedLevel([0, 1, 2, 502]).map((level) => ({ level, info: null })),
);

const serverInfo101 = {
  platformId: u32,
  name: optText,
  versionMajor: u32,
  versionMinor: u32,
  type: u32,
  comment: optText,
};
const serverInfoUnion = fc.oneof(
  withInfo(100, fc.record({ platformId: u32, name: optText })),
  withInfo(101, fc.record(serverInfo101)),
  withInfo(
    102,
    fc.record({
      ...serverInfo101,
      users: u32,
      disc: u32,
      hidden: u32,
      announce: u32,
      annDelta: u32,
      licenses: u32,
      userPath: optText,
    }),
  ),
  undefinedLevel([100, 101, 102]).map((level) => ({ level, info: null })),
);

const timeOfDay = fc.record({
  elapsedTime: u32,
  msecs: u32,
  hours: u32,
  mins: u32,
  secs: u32,
  hunds: u32,
  timezone: fc.integer({ min: -0x80000000, max: 0x7fffffff }),
  tInterval: u32,
  day: u32,
  month: u32,
  year: u32,
  weekday: u32,
});

const werrorOnly = fc.record({ werror: u32 });

type Operations = typeof SRVSVC_OPERATIONS;

/** Request and response arbitraries of every operation in SRVSVC_OPERATIONS, typed by its codec. */
export const SRVSVC_ARBITRARIES: {
  readonly [K in keyof Operations]: {
    readonly request: fc.Arbitrary<ReturnType<Operations[K]["decodeRequest"]>>;
    readonly response: fc.Arbitrary<ReturnType<Operations[K]["decodeResponse"]>>;
  };
} = {
  NetrSessionEnum: {
    request: fc.record({
      serverName: optText,
      clientName: optText,
      userName: optText,
      info: sessionEnumStruct,
      preferredMaximumLength: u32,
      resumeHandle: optU32,
    }),
    response: fc.record({ info: sessionEnumStruct, totalEntries: u32, resumeHandle: optU32, werror: u32 }),
  },
  NetrSessionDel: {
    request: fc.record({ serverName: optText, clientName: optText, userName: optText }),
    response: werrorOnly,
  },
  NetrFileEnum: {
    request: fc.record({
      serverName: optText,
      basePath: optText,
      userName: optText,
      info: fileEnumStruct,
      preferredMaximumLength: u32,
      resumeHandle: optU32,
    }),
    response: fc.record({ info: fileEnumStruct, totalEntries: u32, resumeHandle: optU32, werror: u32 }),
  },
  NetrFileClose: { request: fc.record({ serverName: optText, fileId: u32 }), response: werrorOnly },
  NetrShareEnum: {
    request: fc.record({
      serverName: optText,
      info: shareEnumStruct,
      preferredMaximumLength: u32,
      resumeHandle: optU32,
    }),
    response: fc.record({ info: shareEnumStruct, totalEntries: u32, resumeHandle: optU32, werror: u32 }),
  },
  NetrShareGetInfo: {
    request: fc.record({ serverName: optText, netName: text, level: u32 }),
    response: fc.record({ info: shareInfoUnion, werror: u32 }),
  },
  NetrServerGetInfo: {
    request: fc.record({ serverName: optText, level: u32 }),
    response: fc.record({ info: serverInfoUnion, werror: u32 }),
  },
  NetrRemoteTOD: {
    request: fc.record({ serverName: optText }),
    response: fc.record({ info: fc.option(timeOfDay, { nil: null }), werror: u32 }),
  },
};
