import { http, passthrough } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAzure } from '../../../providers/azure/index.js';
import { generateImage, generateText, speak, streamText, transcribe } from '../../../src/index.js';
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

/** Lets requests to the local emulator through msw, recording path, query and credential header. */
function allowEmulator(): string[] {
  const seen: string[] = [];
  server.use(
    http.all(`${emulator.url}/*`, ({ request }) => {
      const url = new URL(request.url);
      const credential = request.headers.get('api-key') ? 'api-key' : request.headers.get('authorization')?.split(' ')[0] ?? '-';
      seen.push(`${request.method} ${url.pathname}${url.search} ${credential}`);
      return passthrough();
    }),
  );
  return seen;
}

describe('the emulator routes for Azure OpenAI media', () => {
  it('draws with a DALL·E 3 deployment, speaks and transcribes, on both URL shapes', async () => {
    const seen = allowEmulator();
    const v1 = createAzure({ baseURL: `${emulator.url}/openai`, apiKey: 'emulator-key' });
    const dated = createAzure({ baseURL: `${emulator.url}/openai`, apiKey: 'emulator-key', apiVersion: '2024-10-21' });
    const { image } = await generateImage({ model: dated.image('dall-e-3'), prompt: 'an apple' });
    expect(image.mediaType).toBe('image/png');
    const { audio } = await speak({ model: v1.speech('tts'), text: '你好' });
    expect(audio.uint8Array.length).toBeGreaterThan(0);
    const { text } = await transcribe({ model: dated.transcription('whisper'), audio: audio.uint8Array, mediaType: 'audio/mpeg' });
    expect(text.length).toBeGreaterThan(0);
    expect(seen.filter((line) => line.startsWith('POST'))).toEqual([
      'POST /openai/deployments/dall-e-3/images/generations?api-version=2024-10-21 api-key',
      'POST /openai/v1/audio/speech api-key',
      'POST /openai/deployments/whisper/audio/transcriptions?api-version=2024-10-21 api-key',
    ]);
  });
});

describe('the emulator route for Azure OpenAI', () => {
  it('answers the v1 API with a key and reports the prompt-filter verdicts', async () => {
    const seen = allowEmulator();
    const azure = createAzure({ baseURL: `${emulator.url}/openai`, apiKey: 'emulator-key' });
    const result = await generateText({ model: azure('gpt4o-prod'), prompt: 'Which model did Bing Chat use?' });
    expect(result.text).toContain('GPT-4');
    expect(result.response.modelId).toBe('gpt4o-prod (emulated)');
    expect(result.providerMetadata?.azure).toMatchObject({ promptFilterResults: [{ promptIndex: 0 }] });
    expect(seen).toEqual(['POST /openai/v1/chat/completions api-key']);
  });

  it('streams from a deployment URL with api-version and an Entra token, skipping the prompt-filter chunk', async () => {
    const seen = allowEmulator();
    const azure = createAzure({ baseURL: `${emulator.url}/openai`, apiVersion: '2024-10-21', getToken: async () => 'emulator-token' });
    const result = streamText({ model: azure('gpt4o-prod'), prompt: '必应聊天用的是什么模型？' });
    expect(await result.text).toBe('必应聊天用的是 GPT-4。');
    expect((await result.response).id).toBe('chatcmpl-AzS7ream1ng');
    expect(seen).toEqual(['POST /openai/deployments/gpt4o-prod/chat/completions?api-version=2024-10-21 Bearer']);
  });
});
