import { describe, expect, it } from 'vitest';
import { createGeneratedFile } from '../../src/util/generated-file.js';

const WEBP = new Uint8Array([0x52, 0x49, 0x46, 0x46, 8, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x20, 1, 2]);
const WEBP_BASE64 = btoa(String.fromCharCode(...WEBP));

describe('createGeneratedFile', () => {
  it('converts lazily and hands back the same objects it was given', () => {
    const fromBase64 = createGeneratedFile({ data: WEBP_BASE64 });
    expect(fromBase64.base64).toBe(WEBP_BASE64);
    expect(fromBase64.uint8Array).toEqual(WEBP);
    expect(fromBase64.uint8Array).toBe(fromBase64.uint8Array);
    const fromBytes = createGeneratedFile({ data: WEBP });
    expect(fromBytes.uint8Array).toBe(WEBP);
    expect(fromBytes.base64).toBe(WEBP_BASE64);
  });

  it('sniffs the media type from the first bytes, also through line-wrapped base64', () => {
    const wrapped = WEBP_BASE64.replace(/(.{8})/g, '$1\n');
    expect(createGeneratedFile({ data: wrapped }).mediaType).toBe('image/webp');
    expect(createGeneratedFile({ data: wrapped }).uint8Array).toEqual(WEBP);
    expect(createGeneratedFile({ data: WEBP, mediaType: 'application/octet-stream' }).mediaType).toBe('image/webp');
  });

  it('prefers the given media type, then sniffing, then the fallback', () => {
    expect(createGeneratedFile({ data: WEBP, mediaType: 'image/x-custom' }).mediaType).toBe('image/x-custom');
    expect(createGeneratedFile({ data: new Uint8Array([1, 2, 3]), fallbackMediaType: 'audio/pcm' }).mediaType).toBe('audio/pcm');
    expect(createGeneratedFile({ data: new Uint8Array([1, 2, 3]) }).mediaType).toBe('application/octet-stream');
  });

  it('serialises to JSON as media type and base64', () => {
    expect(JSON.parse(JSON.stringify(createGeneratedFile({ data: WEBP })))).toEqual({ mediaType: 'image/webp', base64: WEBP_BASE64 });
  });
});
