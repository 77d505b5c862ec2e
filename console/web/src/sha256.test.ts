import { describe, expect, it } from 'vitest';
import { fileSha256, Sha256 } from './sha256';

const text = (s: string) => new TextEncoder().encode(s);

describe('SHA-256', () => {
  it('gives the FIPS 180-4 example digests', () => {
    expect(new Sha256().hex()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(new Sha256().update(text('abc')).hex())
      .toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // 56 bytes: the length no longer fits the first padding block
    expect(new Sha256().update(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).hex())
      .toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(new Sha256().update(new Uint8Array(1_000_000).fill(0x61)).hex())
      .toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('does not depend on how the bytes are split', () => {
    const data = new Uint8Array(10_007);
    let x = 12345;
    for (let i = 0; i < data.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      data[i] = x >>> 24;
    }
    const whole = new Sha256().update(data).hex();
    for (const step of [1, 63, 64, 65, 1000]) {
      const h = new Sha256();
      for (let i = 0; i < data.length; i += step) h.update(data.subarray(i, i + step));
      expect(h.hex()).toBe(whole);
    }
  });

  it('hashes a file slice by slice', async () => {
    const blob = new Blob([new Uint8Array(1_000_000).fill(0x61)]);
    expect(await fileSha256(blob, 4096 + 7)).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });
});
