import { http, passthrough } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateImage, generateObject, generateText, speak, streamText, transcribe } from '../../../src/index.js';
import type { JobProgressEvent } from '../../../src/provider/index.js';
import { createBaidu } from '../../../providers/baidu/index.js';
import { server } from '../../support/msw-server.js';
// @ts-expect-error the emulator is plain ESM JavaScript without types
import { startEmulator } from '../../../examples/emulator/server.mjs';
import { API_KEY, CLIENT } from './handlers.js';

let emulator: { url: string; close(): Promise<void> };

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator.close();
});

/** Lets requests to the local emulator through msw (which fails every unhandled request), recording them. */
function allowEmulator(): string[] {
  const seen: string[] = [];
  server.use(
    http.all(`${emulator.url}/*`, ({ request }) => {
      seen.push(`${request.method} ${new URL(request.url).pathname}`);
      return passthrough();
    }),
  );
  return seen;
}

describe('the emulator route for Baidu', () => {
  it('serves v1 and v2 chat, streaming and objects', async () => {
    const seen = allowEmulator();
    const baidu = createBaidu({ ...CLIENT, apiKey: API_KEY, baseURL: `${emulator.url}/baidu` });
    const v1 = await generateText({ model: baidu('ernie-3.5-8k', { api: 'v1' }), system: '你是导游', prompt: '介绍一下北京' });
    expect(v1.text).toContain('北京');
    const stream = streamText({ model: baidu('ernie-3.5-8k', { api: 'v1' }), prompt: '介绍北京' });
    expect(await stream.text).toBe('北京是中华人民共和国的首都，也是全国的政治、文化中心。🏯');
    const v2 = streamText({ model: baidu('ernie-4.5-turbo-128k'), prompt: '你好' });
    expect(await v2.text).toBe('你好，我是文心一言。🙂');
    const schema = z.object({ title: z.string(), tags: z.array(z.string()) });
    expect((await generateObject({ model: baidu('ernie-4.5-turbo-128k'), schema, prompt: '标题' })).object.title).toBe('AIGC 入门');
    expect((await generateObject({ model: baidu('ernie-3.5-8k', { api: 'v1' }), schema, prompt: '标题' })).object.tags).toEqual(['AI', '生成式']);
    expect(seen.filter((line) => line === 'POST /baidu/oauth/2.0/token')).toHaveLength(1);
    expect(seen).toContain('POST /baidu/v2/chat/completions');
    expect(seen).toContain('POST /baidu/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/completions');
  });

  it('serves ERNIE-ViLG jobs with 19-digit ids, Qianfan images, TTS and ASR', async () => {
    const seen = allowEmulator();
    const baidu = createBaidu({ ...CLIENT, apiKey: API_KEY, baseURL: `${emulator.url}/baidu` });
    const events: JobProgressEvent[] = [];
    const vilg = await generateImage({ model: baidu.image('ernie-vilg-v2', { pollIntervalMs: 1 }), prompt: '睡莲和锦鲤', n: 2, onProgress: (event) => events.push(event) });
    expect(vilg.images).toHaveLength(2);
    expect(vilg.image.mediaType).toBe('image/png');
    expect(events.map((event) => event.status)).toEqual(['submitted', 'init', 'running', 'succeeded']);
    expect(events[0]!.jobId).toMatch(/^\d{19}$/);
    const irag = await generateImage({ model: baidu.image('irag-1.0'), prompt: '小狗' });
    expect(irag.image.uint8Array[0]).toBe(0x89);
    const { audio } = await speak({ model: baidu.speech('tts'), text: '你好' });
    expect(audio.mediaType).toBe('audio/mpeg');
    const { text } = await transcribe({ model: baidu.transcription('mandarin'), audio: new Uint8Array(3200), mediaType: 'audio/pcm;rate=16000' });
    expect(text).toBe('北京科技馆。');
    expect(seen).toEqual(expect.arrayContaining(['POST /baidu/rpc/2.0/ernievilg/v1/getImgv2', 'POST /baidu/text2audio', 'POST /baidu/server_api']));
  });
});
