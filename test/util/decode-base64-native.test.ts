import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Natively } from '../../src/http/node/decode-base64.js';
import { base64ToUint8Array, uint8ArrayToBase64 } from '../../src/util/base64.js';

// Node's native decoder, used by the Node build's base64ToUint8Array (through #transport).
describe('decodeBase64Natively (Node)', () => {
  it('decodes standard and URL-safe base64, with or without padding', () => {
    expect(Array.from(decodeBase64Natively('AAEC/w==')!)).toEqual([0, 1, 2, 255]);
    expect(Array.from(decodeBase64Natively('AAEC_w')!)).toEqual([0, 1, 2, 255]);
    expect(new TextDecoder().decode(decodeBase64Natively('5L2g5aW9'))).toBe('你好');
    expect(decodeBase64Natively('')!.byteLength).toBe(0);
  });

  it('returns undefined for text the strict decoder must judge: whitespace, stray characters, inner padding, a lone sextet', () => {
    expect(decodeBase64Natively('AAEC\n/w==')).toBeUndefined();
    expect(decodeBase64Natively('AA!C/w==')).toBeUndefined();
    expect(decodeBase64Natively('QQ==QUJD')).toBeUndefined();
    expect(decodeBase64Natively('QUJDR')).toBeUndefined();
    expect(decodeBase64Natively('AAEC-w=')).toBeUndefined();
    // base64ToUint8Array still accepts the whitespace and rejects the rest.
    expect(Array.from(base64ToUint8Array('AAEC\n/w=='))).toEqual([0, 1, 2, 255]);
    expect(() => base64ToUint8Array('AA!C/w==')).toThrow(DOMException);
  });

  it('returns bytes that own their buffer, small (pooled by Buffer) or large', () => {
    for (const size of [3, 300, 300_000]) {
      const source = new Uint8Array(size).map((_, index) => index % 251);
      const bytes = decodeBase64Natively(uint8ArrayToBase64(source))!;
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(bytes.byteOffset).toBe(0);
      expect(bytes.buffer.byteLength).toBe(size);
      expect(Buffer.from(bytes).equals(Buffer.from(source))).toBe(true);
    }
  });

  it('agrees with the portable decoder on any bytes, in either alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (source, urlSafe) => {
        let text = uint8ArrayToBase64(source);
        if (urlSafe) text = text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
        expect(decodeBase64Natively(text)).toEqual(base64ToUint8Array(text));
      }),
      { numRuns: 500 },
    );
  });
});
