import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAzure } from '../../../providers/azure/index.js';
import { APICallError, generateImage, speak, streamSpeech, transcribe } from '../../../src/index.js';
import { server } from '../../support/msw-server.js';
import { fixture, json, serveAzure } from './handlers.js';

const KEY = 'az-key-media-0123456789abcdef';
const BASE = 'https://myres.openai.azure.com/openai';
const azure = createAzure({ resourceName: 'myres', apiKey: KEY });
const dated = createAzure({ resourceName: 'myres', apiKey: KEY, apiVersion: '2024-10-21' });
const PNG = Uint8Array.from(atob(fixture('images-gpt-image').data[0].b64_json), (char) => char.charCodeAt(0));
const MP3 = new Uint8Array([0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0]);
const WAV = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x41, 0x56, 0x45, 0x66, 0x6d, 0x74, 0x20]);

describe('azure image', () => {
  it('v1: posts to /v1/images/generations with the deployment as model, then downloads the URL without credentials', async () => {
    const requests = serveAzure(`${BASE}/v1/images/generations`, json('images-dall-e-3'));
    const downloads: Array<Record<string, string>> = [];
    server.use(
      http.get('https://dalleprodsec.blob.core.windows.net/private/images/5d1c2b3a/generated_00.png', ({ request }) => {
        downloads.push(Object.fromEntries(request.headers));
        return new HttpResponse(PNG, { headers: { 'content-type': 'image/png' } });
      }),
    );
    const result = await generateImage({ model: azure.image('dall-e-3'), prompt: 'a red apple, studio light', size: '1024x1024', providerOptions: { azure: { quality: 'hd', style: 'natural' } } });
    expect(requests[0]!.url).toBe(`${BASE}/v1/images/generations`);
    expect(requests[0]!.headers).toMatchObject({ 'api-key': KEY, 'content-type': 'application/json' });
    expect(requests[0]!.body).toEqual({ model: 'dall-e-3', prompt: 'a red apple, studio light', n: 1, size: '1024x1024', quality: 'hd', style: 'natural', response_format: 'url' });
    expect(result.image.uint8Array).toEqual(PNG);
    expect(result.image.mediaType).toBe('image/png');
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!['api-key']).toBeUndefined();
    expect(downloads[0]!.authorization).toBeUndefined();
  });

  it('dated apiVersion: posts to the deployment URL with api-version and no model, and decodes base64', async () => {
    const requests = serveAzure(`${BASE}/deployments/gpt-image-1/images/generations`, json('images-gpt-image'));
    const result = await generateImage({ model: dated.image('gpt-image-1'), prompt: '必应图像创作者的苹果', providerOptions: { azure: { quality: 'medium' } } });
    expect(requests[0]!.url).toBe(`${BASE}/deployments/gpt-image-1/images/generations?api-version=2024-10-21`);
    expect(requests[0]!.body).toEqual({ prompt: '必应图像创作者的苹果', n: 1, quality: 'medium' });
    expect(result.image.uint8Array).toEqual(PNG);
    expect(result.usage).toEqual({ inputTokens: 12, outputTokens: 1056, totalTokens: 1068 });
  });

  it('takes the wire details from baseModel when the deployment name does not say (pictures → dall-e-3)', async () => {
    const requests = serveAzure(`${BASE}/deployments/pictures/images/generations`, json('images-dall-e-3'));
    server.use(http.get('https://dalleprodsec.blob.core.windows.net/private/images/5d1c2b3a/generated_00.png', () => new HttpResponse(PNG, { headers: { 'content-type': 'image/png' } })));
    const model = dated.image('pictures', { baseModel: 'dall-e-3' });
    expect(model.maxImagesPerCall).toBe(1);
    await generateImage({ model, prompt: 'an apple' });
    expect(requests[0]!.url).toBe(`${BASE}/deployments/pictures/images/generations?api-version=2024-10-21`);
    expect(requests[0]!.body).toEqual({ prompt: 'an apple', n: 1, response_format: 'url' });
  });

  it('throws the content_policy_violation of a filtered image prompt as APICallError, without retrying', async () => {
    const requests = serveAzure(`${BASE}/v1/images/generations`, json('images-error-content-policy', 400));
    const error = await generateImage({ model: azure.image('dall-e-3'), prompt: 'something violent' }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 400, code: 'content_policy_violation', provider: 'azure.image', isRetryable: false });
    expect(((error as APICallError).data as any).error.inner_error.content_filter_results.violence).toEqual({ filtered: true, severity: 'high' });
    expect(requests).toHaveLength(1);
  });
});

describe('azure speech', () => {
  it('v1: posts to /v1/audio/speech with the deployment as model and returns the audio', async () => {
    const requests = serveAzure(`${BASE}/v1/audio/speech`, () => new HttpResponse(MP3, { headers: { 'content-type': 'audio/mpeg' } }));
    const { audio } = await speak({ model: azure.speech('gpt-4o-mini-tts'), text: '你好，必应', voice: 'nova', format: 'mp3', instructions: 'Warm.' });
    expect(requests[0]!.url).toBe(`${BASE}/v1/audio/speech`);
    expect(requests[0]!.headers['api-key']).toBe(KEY);
    expect(requests[0]!.body).toEqual({ model: 'gpt-4o-mini-tts', input: '你好，必应', voice: 'nova', response_format: 'mp3', instructions: 'Warm.' });
    expect(audio.uint8Array).toEqual(MP3);
  });

  it('dated apiVersion with an Entra token: streams from the deployment URL', async () => {
    const requests = serveAzure(`${BASE}/deployments/tts-hd/audio/speech`, () => new HttpResponse(MP3, { headers: { 'content-type': 'audio/mpeg' } }));
    const model = createAzure({ resourceName: 'myres', apiVersion: '2025-04-01-preview', getToken: async () => 'eyJ0eXAiOiJKV1Qi.speech' }).speechModel('tts-hd');
    const chunks: Uint8Array[] = [];
    for await (const chunk of streamSpeech({ model, text: 'Hello from Azure.', voice: 'alloy' }).audioStream) chunks.push(chunk);
    expect(Uint8Array.from(chunks.flatMap((chunk) => [...chunk]))).toEqual(MP3);
    expect(requests[0]!.url).toBe(`${BASE}/deployments/tts-hd/audio/speech?api-version=2025-04-01-preview`);
    expect(requests[0]!.headers.authorization).toBe('Bearer eyJ0eXAiOiJKV1Qi.speech');
    expect(requests[0]!.body.model).toBeUndefined();
    expect(requests[0]!.body).toMatchObject({ input: 'Hello from Azure.', voice: 'alloy' });
  });
});

describe('azure transcription', () => {
  it('dated apiVersion: posts multipart to the deployment URL without a model field and maps segments', async () => {
    const requests = serveAzure(`${BASE}/deployments/whisper/audio/transcriptions`, json('audio-transcriptions-verbose'));
    const result = await transcribe({ model: dated.transcription('whisper'), audio: WAV, language: 'zh' });
    expect(requests[0]!.url).toBe(`${BASE}/deployments/whisper/audio/transcriptions?api-version=2024-10-21`);
    expect(requests[0]!.headers['api-key']).toBe(KEY);
    expect(requests[0]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(requests[0]!.form).toEqual({
      file: { filename: 'audio.wav', type: 'audio/wav', bytes: WAV },
      response_format: 'verbose_json',
      language: 'zh',
      'timestamp_granularities[]': 'segment',
    });
    expect(result.text).toBe('你好，必应。');
    expect(result.segments).toEqual([{ text: '你好，必应。', startSecond: 0, endSecond: 2.4 }]);
    expect(result.durationInSeconds).toBe(2.4);
  });

  it('asks a whisper deployment with another name for segments when baseModel says whisper-1', async () => {
    const requests = serveAzure(`${BASE}/v1/audio/transcriptions`, json('audio-transcriptions-verbose'));
    const result = await transcribe({ model: azure.transcription('stt-prod', { baseModel: 'whisper-1' }), audio: WAV });
    expect(requests[0]!.form).toMatchObject({ model: 'stt-prod', response_format: 'verbose_json' });
    expect(result.segments).toHaveLength(1);
  });

  it('v1: sends the deployment as the model field', async () => {
    const requests = serveAzure(`${BASE}/v1/audio/transcriptions`, () => HttpResponse.json({ text: '你好，必应。' }));
    const result = await transcribe({ model: azure.transcriptionModel('gpt-4o-transcribe'), audio: WAV });
    expect(requests[0]!.url).toBe(`${BASE}/v1/audio/transcriptions`);
    expect(requests[0]!.form).toMatchObject({ model: 'gpt-4o-transcribe', response_format: 'json' });
    expect(result.text).toBe('你好，必应。');
  });
});
