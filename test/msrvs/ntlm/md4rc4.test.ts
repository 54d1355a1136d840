import { execFileSync } from "node:child_process";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { md4 } from "../../../src/msrvs/ntlm/md4.js";
import { rc4 } from "../../../src/msrvs/ntlm/rc4.js";

describe("MD4 (RFC 1320)", () => {
  it("matches the test suite of RFC 1320 appendix A.5", () => {
    const suite: [string, string][] = [
      ["", "31d6cfe0d16ae931b73c59d7e0c089c0"],
      ["a", "bde52cb31de33e46245e05fbdbd6fb24"],
      ["abc", "a448017aaf21d8525fc10ae87aa6729d"],
      ["message digest", "d9130a8164549fe818874806e1c7014b"],
      ["abcdefghijklmnopqrstuvwxyz", "d79e1c308aa5bbcdeea8ed63df412da9"],
      ["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "043f8582f241db351ce627e153e7f0e4"],
      ["1234567890".repeat(8), "e33b4ddc9c38f2199c3e7b164fcc0536"],
    ];
    for (const [input, digest] of suite)
      expect(md4(Buffer.from(input, "latin1")).toString("hex")).toBe(digest);
  });

  it("agrees with OpenSSL's legacy MD4 on inputs around every padding boundary and at random", () => {
    const inputs = [
      ...Array.from({ length: 140 }, (_, n) => Buffer.alloc(n, n & 0xff)),
      ...fc.sample(fc.uint8Array({ maxLength: 2000 }), { numRuns: 60, seed: 8 }).map((a) => Buffer.from(a)),
    ];
    const script =
      "const c=require('crypto');let s='';process.stdin.on('data',d=>s+=d).on('end',()=>" +
      "process.stdout.write(JSON.stringify(JSON.parse(s).map(h=>c.createHash('md4').update(Buffer.from(h,'hex')).digest('hex')))))";
    const reference = JSON.parse(
      execFileSync(process.execPath, ["--openssl-legacy-provider", "-e", script], {
        input: JSON.stringify(inputs.map((b) => b.toString("hex"))),
        encoding: "utf8",
      }),
    ) as string[];
    expect(inputs.map((b) => md4(b).toString("hex"))).toEqual(reference);
  });
});

describe("RC4 (MS-NLMP §6 RC4K)", () => {
  it("matches the classic test vectors", () => {
    const cases: [string, string, string][] = [
      ["Key", "Plaintext", "bbf316e8d940af0ad3"],
      ["Wiki", "pedia", "1021bf0420"],
      ["Secret", "Attack at dawn", "45a01f645fc35b383552544b9bf5"],
    ];
    for (const [key, plain, cipher] of cases) {
      expect(rc4(Buffer.from(key), Buffer.from(plain)).toString("hex")).toBe(cipher);
    }
  });

  test.prop([fc.uint8Array({ minLength: 1, maxLength: 32 }), fc.uint8Array({ maxLength: 200 })])(
    "is its own inverse",
    (key, data) => {
      const k = Buffer.from(key);
      expect(rc4(k, rc4(k, Buffer.from(data)))).toEqual(Buffer.from(data));
    },
  );

  it("refuses an empty key", () => {
    expect(() => rc4(Buffer.alloc(0), Buffer.from("x"))).toThrow(RangeError);
  });
});
