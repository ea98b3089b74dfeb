import { describe, expect, it } from 'vitest';
import { NetworkError, RetryError, speak, streamSpeech } from '../../../src/index.js';
import { createBaidu } from '../../../providers/baidu/index.js';

function breaksAfter(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) return controller.error(new TypeError('terminated'));
      sent = true;
      controller.enqueue(bytes);
    },
  });
}

function tts() {
  let calls = 0;
  const baidu = createBaidu({
    clientId: 'client-id',
    clientSecret: 'client-secret-123',
    baseURL: 'https://baidu.test',
    fetch: async (input) => {
      if (String(input).includes('/oauth/2.0/token')) return Response.json({ access_token: '24.token-abc.123', expires_in: 2592000 });
      calls++;
      return new Response(breaksAfter(new Uint8Array([0xff, 0xfb, 0x90, 0x00])), { headers: { 'content-type': 'audio/mp3' } });
    },
  });
  return { model: baidu.speech('tts'), calls: () => calls };
}

describe('Baidu TTS under faults (issue 11)', () => {
  // Regression: the audio body's read error escaped as the runtime's untyped TypeError.
  it('retries speak when the audio breaks mid-way, with NetworkErrors', async () => {
    const { model, calls } = tts();
    const error = await speak({ model, text: '你好', maxRetries: 1 }).catch((caught: unknown) => caught);
    expect(RetryError.isInstance(error)).toBe(true);
    expect((error as RetryError).errors.every((attempt) => NetworkError.isInstance(attempt))).toBe(true);
    expect(calls()).toBe(2);
  });

  it('ends streamSpeech with a NetworkError after the bytes that arrived', async () => {
    const { model, calls } = tts();
    const chunks: Uint8Array[] = [];
    const error = await (async () => {
      for await (const chunk of streamSpeech({ model, text: '你好' }).audioStream) chunks.push(chunk);
    })().catch((caught: unknown) => caught);
    expect(NetworkError.isInstance(error)).toBe(true);
    expect((error as NetworkError).url).toBe('https://baidu.test/text2audio');
    expect(chunks).toHaveLength(1);
    expect(calls()).toBe(1);
  });
});
