import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createDeepSeek, createOllama, createOpenAICompatible, createZhipu, moonshot, qwen } from '../../../providers/openai-compatible/index.js';
import { generateImage, speak, transcribe, UnsupportedFunctionalityError } from '../../../src/index.js';
import { server } from '../../support/msw-server.js';
import { json, serve } from './handlers.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const WAV = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x41, 0x56, 0x45, 0x66, 0x6d, 0x74, 0x20]);
const MP3 = new Uint8Array([0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64]);

describe('OpenAI-compatible media', () => {
  const localai = createOpenAICompatible({ name: 'localai', baseURL: 'http://127.0.0.1:8080/v1', apiKey: 'local-key-0123456789', queryParams: { tenant: 't1' } });

  it('generates images on /images/generations with the key and query params', async () => {
    const b64 = btoa(String.fromCharCode(...PNG));
    const requests = serve('http://127.0.0.1:8080/v1/images/generations', () => HttpResponse.json({ created: 1741573100, data: [{ b64_json: b64 }] }));
    const { image } = await generateImage({ model: localai.image('stablediffusion'), prompt: 'an apple', size: '512x512' });
    expect(image.uint8Array).toEqual(PNG);
    expect(requests[0]!.url).toBe('http://127.0.0.1:8080/v1/images/generations?tenant=t1');
    expect(requests[0]!.headers.authorization).toBe('Bearer local-key-0123456789');
    expect(requests[0]!.body).toEqual({ model: 'stablediffusion', prompt: 'an apple', n: 1, size: '512x512' });
  });

  it('speaks on /audio/speech', async () => {
    const requests = serve('http://127.0.0.1:8080/v1/audio/speech', () => new HttpResponse(MP3, { headers: { 'content-type': 'audio/mpeg' } }));
    const { audio } = await speak({ model: localai.speechModel('tts-1'), text: '你好', voice: 'alloy' });
    expect(audio.uint8Array).toEqual(MP3);
    expect(requests[0]!.url).toBe('http://127.0.0.1:8080/v1/audio/speech?tenant=t1');
    expect(requests[0]!.body).toMatchObject({ model: 'tts-1', input: '你好', voice: 'alloy' });
  });

  it('transcribes on /audio/transcriptions with the model in the form', async () => {
    const requests = serve('http://localhost:11434/v1/audio/transcriptions', () => HttpResponse.json({ text: '你好' }));
    const result = await transcribe({ model: createOllama().transcription('whisper-large-v3'), audio: WAV });
    expect(result.text).toBe('你好');
    expect(requests[0]!.url).toBe('http://localhost:11434/v1/audio/transcriptions');
    expect(requests[0]!.headers.authorization).toBeUndefined();
    expect(requests[0]!.form).toMatchObject({ model: 'whisper-large-v3', file: { filename: 'audio.wav', type: 'audio/wav', bytes: WAV } });
  });

  it('zhipu: draws with CogView on the BigModel host and downloads the URL', async () => {
    const requests = serve('https://open.bigmodel.cn/api/paas/v4/images/generations', json('zhipu-images-cogview'));
    const downloads: string[] = [];
    server.use(
      http.get('https://aigc-files.bigmodel.cn/api/cogview/20250310150000a1b2c3_0.png', ({ request }) => {
        downloads.push(request.headers.get('authorization') ?? 'none');
        return new HttpResponse(PNG, { headers: { 'content-type': 'image/png' } });
      }),
    );
    const { image } = await generateImage({ model: createZhipu({ apiKey: 'glm-key.0123456789' }).image('cogview-4'), prompt: '一只在雪地里的红狐狸', size: '1024x1024' });
    expect(image.uint8Array).toEqual(PNG);
    expect(requests[0]!.headers.authorization).toBe('Bearer glm-key.0123456789');
    expect(requests[0]!.body).toEqual({ model: 'cogview-4', prompt: '一只在雪地里的红狐狸', n: 1, size: '1024x1024' });
    expect(downloads).toEqual(['none']);
  });

  it('throws UnsupportedFunctionalityError for media a preset service does not offer', () => {
    const unsupported = (create: () => unknown) => {
      try {
        create();
        return 'created';
      } catch (error) {
        return UnsupportedFunctionalityError.isInstance(error) ? error.message : 'other';
      }
    };
    expect(unsupported(() => createDeepSeek({ apiKey: 'k' }).image('x'))).toContain('DeepSeek offers no OpenAI-compatible /images/generations endpoint');
    expect(unsupported(() => qwen.speech('x'))).toContain('/audio/speech');
    expect(unsupported(() => moonshot.transcriptionModel('x'))).toContain('/audio/transcriptions');
    expect(unsupported(() => createZhipu().speech('x'))).toContain('Zhipu GLM');
  });
});
