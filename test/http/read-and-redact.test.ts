import { describe, expect, it, vi } from 'vitest';
import { collectSecrets, readJson, readText, redactUrl, sendRequest } from '../../src/http/index.js';

const context = { provider: 'test.chat', method: 'POST', url: 'https://api.test/v1/chat', secrets: ['sk-secret-key-456'] };

describe('readText over fetch responses', () => {
  it('reads a declared body through its stream, not the runtime\'s whole-body readers, so a length that lies cannot lift the cap', async () => {
    const response = new Response('{"ok":"sk-secret-key-456"}', { headers: { 'content-length': '26', 'content-type': 'application/json' } });
    const text = vi.spyOn(response, 'text');
    const arrayBuffer = vi.spyOn(response, 'arrayBuffer');
    expect(await readJson(response, context)).toEqual({ ok: '***' });
    expect(text).not.toHaveBeenCalled();
    expect(arrayBuffer).not.toHaveBeenCalled();
    // Declared within the cap, but longer: the read loop still stops at the cap.
    const lying = new Response('x'.repeat(100), { headers: { 'content-length': '5' } });
    await expect(readText(lying, context, 10)).rejects.toMatchObject({ name: 'AI_APICallError', isRetryable: false });
  });

  it('keeps the capped read loop for a chunked body, a compressed one, or one declared over the cap', async () => {
    const chunked = new Response(new ReadableStream({ start: (controller) => (controller.enqueue(new TextEncoder().encode('chunked')), controller.close()) }));
    const compressed = new Response('gzip-bytes', { headers: { 'content-length': '10', 'content-encoding': 'gzip' } });
    for (const response of [chunked, compressed]) {
      const text = vi.spyOn(response, 'text');
      expect(await readText(response, context)).toMatch(/chunked|gzip-bytes/);
      expect(text).not.toHaveBeenCalled();
    }
    const large = new Response('x'.repeat(100), { headers: { 'content-length': '100' } });
    const text = vi.spyOn(large, 'text');
    await expect(readText(large, context, 10)).rejects.toMatchObject({ name: 'AI_APICallError', isRetryable: false });
    expect(text).not.toHaveBeenCalled();
  });
});

describe('URL facts for redaction', () => {
  it('collects credential headers in any case, longest first, and skips values too short to be credentials', () => {
    expect(collectSecrets('https://user:p%40ssword-123@api.test/v1?key=abc', {
      Authorization: 'Bearer sk-abcdef',
      'X-Api-Key': 'key-0123456789abcdef',
      'content-type': 'application/json',
      cookie: 'a=1',
      'api-key': undefined,
    })).toEqual(['key-0123456789abcdef', 'Bearer sk-abcdef', 'p@ssword-123', 'sk-abcdef']);
    // A password that is long only while percent-encoded, and a short query key, are not collected.
    expect(collectSecrets('https://u:%41%42%43@api.test/?key=short', { authorization: 'Basic xyz' })).toEqual(['Basic xyz']);
  });

  it('collects and redacts each URL’s own secrets, cached or not', () => {
    const first = 'https://aip.baidubce.com/rpc?access_token=token-one-123456';
    const second = 'https://aip.baidubce.com/rpc?access_token=token-two-654321';
    for (let round = 0; round < 2; round++) {
      expect(collectSecrets(first, {})).toEqual(['token-one-123456']);
      expect(collectSecrets(second, { authorization: 'Bearer sk-abcdef123456' })).toEqual(['Bearer sk-abcdef123456', 'token-two-654321', 'sk-abcdef123456']);
      expect(redactUrl(first)).toBe('https://aip.baidubce.com/rpc?access_token=***');
    }
    // A caller may change the array it got: the cached facts stay whole.
    collectSecrets(first, {}).length = 0;
    expect(collectSecrets(first, {})).toEqual(['token-one-123456']);
  });

  it('stays right past the cache size, with a new signed URL per request', async () => {
    for (let index = 0; index < 100; index++) {
      const url = `https://api.test/v1/upload?sig=signature-${index}-abcdef`;
      const { context: seen } = await sendRequest({ provider: 'test', url, headers: {}, fetch: async () => new Response('{}') });
      expect(seen.url).toBe('https://api.test/v1/upload?sig=***');
      expect(seen.secrets).toEqual([`signature-${index}-abcdef`]);
    }
  });
});
