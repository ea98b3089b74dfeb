import { describe, expect, it } from 'vitest';
import { base64ToUint8Array, uint8ArrayToBase64 } from '../../src/util/base64.js';

const sample = (length: number) => Uint8Array.from({ length }, (_, index) => (index * 37 + length) & 255);

describe('base64ToUint8Array', () => {
  it('decodes every length, with or without padding, URL-safe, and with line breaks', () => {
    for (let length = 0; length < 200; length++) {
      const bytes = sample(length);
      const standard = uint8ArrayToBase64(bytes);
      const urlSafe = standard.replace(/\+/g, '-').replace(/\//g, '_');
      for (const text of [standard, standard.replace(/=+$/, ''), urlSafe, standard.replace(/(.{7})/g, '$1\n ')]) {
        expect(base64ToUint8Array(text)).toEqual(bytes);
      }
    }
  });

  it('throws InvalidCharacterError for what is not base64', () => {
    for (const text of ['a', 'ab$d', '====', 'abcde', 'ab=d']) {
      expect(() => base64ToUint8Array(text)).toThrow(expect.objectContaining({ name: 'InvalidCharacterError' }));
    }
  });
});
