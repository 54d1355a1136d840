/**
 * RC4 stream cipher, used only for RC4K of MS-NLMP §3.4.5.1/§6 (encrypting the random session key with
 * the key-exchange key when NTLMSSP_NEGOTIATE_KEY_EXCH is negotiated). Node's OpenSSL 3 has no `rc4`
 * cipher without the legacy provider, so it is written here. Returns `data` XORed with the keystream.
 */
export function rc4(key: Buffer, data: Buffer): Buffer {
  if (key.length === 0 || key.length > 256) throw new RangeError("RC4 key must be 1-256 bytes");
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + (s[i] as number) + (key[i % key.length] as number)) & 0xff;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let n = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + (s[i] as number)) & 0xff;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
    out[n] = (data[n] as number) ^ (s[((s[i] as number) + (s[j] as number)) & 0xff] as number);
  }
  return out;
}
