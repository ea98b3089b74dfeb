import { http, passthrough } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateImage, speak, streamSpeech, transcribe } from '../../../src/index.js';
import { createOpenAI } from '../../../providers/openai/index.js';
import { server } from '../../support/msw-server.js';
// @ts-expect-error the emulator is plain ESM JavaScript without types
import { startEmulator } from '../../../examples/emulator/server.mjs';

let emulator: { url: string; close(): Promise<void> };

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator.close();
});

/** Lets requests to the local emulator through msw and records them. */
function allowEmulator(): Array<{ line: string; authorization: string | null }> {
  const seen: Array<{ line: string; authorization: string | null }> = [];
  server.use(
    http.all(`${emulator.url}/*`, ({ request }) => {
      seen.push({ line: `${request.method} ${new URL(request.url).pathname}`, authorization: request.headers.get('authorization') });
      return passthrough();
    }),
  );
  return seen;
}

describe('the emulator routes for OpenAI media', () => {
  it('serve images as base64 and as URLs that core downloads without the key', async () => {
    const seen = allowEmulator();
    const openai = createOpenAI({ apiKey: 'emulator-key', baseURL: `${emulator.url}/v1` });
    const apple = await generateImage({ model: openai.image('gpt-image-1'), prompt: 'an apple', n: 2 });
    const fox = await generateImage({ model: openai.image('dall-e-3'), prompt: 'a fox' });
    expect(apple.images.map((image) => image.mediaType)).toEqual(['image/png', 'image/png']);
    expect(fox.image.mediaType).toBe('image/png');
    expect(fox.providerMetadata.openai?.revisedPrompts).toEqual(['a fox (revised by the emulator)']);
    expect(seen).toEqual([
      { line: 'POST /v1/images/generations', authorization: 'Bearer emulator-key' },
      { line: 'POST /v1/images/generations', authorization: 'Bearer emulator-key' },
      { line: 'GET /emulator-files/openai/image-0.png', authorization: null },
    ]);
  });

  it('serve speech (whole and streamed) and transcribe it back', async () => {
    const seen = allowEmulator();
    const openai = createOpenAI({ apiKey: 'emulator-key', baseURL: `${emulator.url}/v1` });
    const { audio } = await speak({ model: openai.speech('gpt-4o-mini-tts'), text: 'Hello world. How are you?', format: 'mp3' });
    expect(audio.mediaType).toBe('audio/mpeg');
    const streamed = streamSpeech({ model: openai.speech('tts-1'), text: 'Hello', format: 'mp3' });
    let bytes = 0;
    let chunks = 0;
    for await (const chunk of streamed.audioStream) {
      bytes += chunk.length;
      chunks++;
    }
    expect(bytes).toBe(audio.uint8Array.length);
    expect(chunks).toBeGreaterThan(1);
    const heard = await transcribe({ model: openai.transcription('whisper-1'), audio: audio.uint8Array });
    expect(heard).toMatchObject({ text: 'Hello world. How are you?', language: 'en', durationInSeconds: 2.1 });
    expect(heard.segments).toHaveLength(2);
    expect(seen.map((request) => request.line)).toEqual(['POST /v1/audio/speech', 'POST /v1/audio/speech', 'POST /v1/audio/transcriptions']);
  });
});
