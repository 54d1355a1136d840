/**
 * MD4 message digest, RFC 1320, written here because Node 20's OpenSSL 3 build has no `md4` hash by
 * default (`createHash("md4")` throws "unsupported"). Needed only for the NT one-way function of
 * MS-NLMP §3.3.1/§3.3.2 (MD4 of the UTF-16LE password). Not for any other use.
 */
export function md4(input: Buffer): Buffer {
  const bitLength = BigInt(input.length) * 8n;
  const padded = Buffer.alloc((((input.length + 8) >> 6) + 1) * 64);
  input.copy(padded);
  padded[input.length] = 0x80;
  padded.writeBigUInt64LE(bitLength & 0xffffffffffffffffn, padded.length - 8);

  let a = 0x67452301;
  let b = 0xefcdab89;
  let c = 0x98badcfe;
  let d = 0x10325476;
  const x = new Array<number>(16);
  const rotl = (v: number, s: number) => ((v << s) | (v >>> (32 - s))) >>> 0;
  const f = (p: number, q: number, r: number) => (p & q) | (~p & r);
  const g = (p: number, q: number, r: number) => (p & q) | (p & r) | (q & r);
  const h = (p: number, q: number, r: number) => p ^ q ^ r;

  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) x[i] = padded.readUInt32LE(block + 4 * i);
    const word = (i: number) => x[i] as number;
    const [aa, bb, cc, dd] = [a, b, c, d];
    // Round 1: [abcd k s] a = (a + F(b,c,d) + X[k]) <<< s
    for (const k of [0, 4, 8, 12]) {
      a = rotl((a + f(b, c, d) + word(k)) >>> 0, 3);
      d = rotl((d + f(a, b, c) + word(k + 1)) >>> 0, 7);
      c = rotl((c + f(d, a, b) + word(k + 2)) >>> 0, 11);
      b = rotl((b + f(c, d, a) + word(k + 3)) >>> 0, 19);
    }
    // Round 2: a = (a + G(b,c,d) + X[k] + 0x5A827999) <<< s
    for (const k of [0, 1, 2, 3]) {
      a = rotl((a + g(b, c, d) + word(k) + 0x5a827999) >>> 0, 3);
      d = rotl((d + g(a, b, c) + word(k + 4) + 0x5a827999) >>> 0, 5);
      c = rotl((c + g(d, a, b) + word(k + 8) + 0x5a827999) >>> 0, 9);
      b = rotl((b + g(c, d, a) + word(k + 12) + 0x5a827999) >>> 0, 13);
    }
    // Round 3: a = (a + H(b,c,d) + X[k] + 0x6ED9EBA1) <<< s
    for (const k of [0, 2, 1, 3]) {
      a = rotl((a + h(b, c, d) + word(k) + 0x6ed9eba1) >>> 0, 3);
      d = rotl((d + h(a, b, c) + word(k + 8) + 0x6ed9eba1) >>> 0, 9);
      c = rotl((c + h(d, a, b) + word(k + 4) + 0x6ed9eba1) >>> 0, 11);
      b = rotl((b + h(c, d, a) + word(k + 12) + 0x6ed9eba1) >>> 0, 15);
    }
    a = (a + aa) >>> 0;
    b = (b + bb) >>> 0;
    c = (c + cc) >>> 0;
    d = (d + dd) >>> 0;
  }
  const out = Buffer.alloc(16);
  out.writeUInt32LE(a, 0);
  out.writeUInt32LE(b, 4);
  out.writeUInt32LE(c, 8);
  out.writeUInt32LE(d, 12);
  return out;
}
