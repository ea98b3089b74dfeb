import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { APICallError, DownloadError, InvalidArgumentError, NoContentGeneratedError } from '../../src/errors/index.js';
import type { TranscriptionModel, TranscriptionModelCallOptions, TranscriptionModelResult } from '../../src/provider/index.js';
import { transcribe } from '../../src/transcribe/index.js';
import { server } from '../support/msw-server.js';

const WAV = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x41, 0x56, 0x45, 0x66, 0x6d, 0x74, 0x20]);
const WAV_BASE64 = btoa(String.fromCharCode(...WAV));

function mockTranscriptionModel(reply: (options: TranscriptionModelCallOptions, index: number) => TranscriptionModelResult | Promise<TranscriptionModelResult>) {
  const calls: TranscriptionModelCallOptions[] = [];
  const model: TranscriptionModel = {
    specificationVersion: 'v1',
    provider: 'mock.transcription',
    modelId: 'mock-asr',
    doTranscribe: async (options) => reply(options, calls.push(options) - 1),
  };
  return { model, calls };
}

const heard = (text = 'Hello world.'): TranscriptionModelResult => ({
  text,
  segments: text ? [{ text, startSecond: 0, endSecond: 2.1 }] : [],
  language: 'en',
  durationInSeconds: 2.1,
  warnings: [],
  response: { modelId: 'mock-asr' },
});

describe('transcribe', () => {
  it('passes bytes and options to the model and returns the transcript', async () => {
    const { model, calls } = mockTranscriptionModel(() => heard());
    const result = await transcribe({ model, audio: WAV, language: 'en', prompt: 'names: Ada', providerOptions: { mock: { a: 1 } }, headers: { 'x-t': '1' } });
    expect(calls[0]).toMatchObject({ audio: WAV, mediaType: 'audio/wav', language: 'en', prompt: 'names: Ada', providerOptions: { mock: { a: 1 } }, headers: { 'x-t': '1' } });
    expect(result).toEqual({
      text: 'Hello world.',
      segments: [{ text: 'Hello world.', startSecond: 0, endSecond: 2.1 }],
      language: 'en',
      durationInSeconds: 2.1,
      warnings: [],
      response: { modelId: 'mock-asr' },
      providerMetadata: undefined,
    });
  });

  it('accepts ArrayBuffer, Blob, base64 and data URLs, with the media type from the best source', async () => {
    const { model, calls } = mockTranscriptionModel(() => heard());
    await transcribe({ model, audio: WAV.buffer.slice(0) as ArrayBuffer });
    await transcribe({ model, audio: new Blob([WAV], { type: 'audio/x-wav' }) });
    await transcribe({ model, audio: WAV_BASE64 });
    await transcribe({ model, audio: `data:audio/wave;base64,${WAV_BASE64}` });
    await transcribe({ model, audio: new Uint8Array([1, 2, 3]) });
    await transcribe({ model, audio: WAV, mediaType: 'audio/webm' });
    expect(calls.map((call) => call.mediaType)).toEqual(['audio/wav', 'audio/x-wav', 'audio/wav', 'audio/wave', 'application/octet-stream', 'audio/webm']);
    expect(calls.slice(0, 4).every((call) => call.audio.length === WAV.length && call.audio[0] === 0x52)).toBe(true);
  });

  it('downloads URL audio without credentials', async () => {
    const requests: Request[] = [];
    server.use(http.get('https://files.example.com/clip.mp3', ({ request }) => {
      requests.push(request);
      return new HttpResponse(new Uint8Array([0x49, 0x44, 0x33, 4]), { headers: { 'content-type': 'audio/mpeg' } });
    }));
    const { model, calls } = mockTranscriptionModel(() => heard());
    await transcribe({ model, audio: new URL('https://files.example.com/clip.mp3'), headers: { authorization: 'Bearer sk-live-secret' } });
    await transcribe({ model, audio: 'https://files.example.com/clip.mp3' });
    expect(requests).toHaveLength(2);
    expect(requests[0]!.headers.get('authorization')).toBeNull();
    expect(calls[0]).toMatchObject({ audio: new Uint8Array([0x49, 0x44, 0x33, 4]), mediaType: 'audio/mpeg' });
  });

  it('fails with DownloadError past the download cap, before calling the model', async () => {
    server.use(http.get('https://files.example.com/long.wav', () => new HttpResponse(new Uint8Array(4096))));
    const { model, calls } = mockTranscriptionModel(() => heard());
    await expect(transcribe({ model, audio: new URL('https://files.example.com/long.wav'), download: { maxBytes: 1000 } })).rejects.toSatisfy(DownloadError.isInstance);
    expect(calls).toHaveLength(0);
  });

  it('throws NoContentGeneratedError when nothing was recognised', async () => {
    const { model } = mockTranscriptionModel(() => heard(''));
    await expect(transcribe({ model, audio: WAV })).rejects.toSatisfy(NoContentGeneratedError.isInstance);
  });

  it('retries retryable errors', async () => {
    const { model, calls } = mockTranscriptionModel((_options, index) => {
      if (index === 0) throw new APICallError({ message: 'busy', provider: 'mock', url: 'https://x', statusCode: 500, responseHeaders: { 'retry-after-ms': '0' } });
      return heard();
    });
    await expect(transcribe({ model, audio: WAV })).resolves.toMatchObject({ text: 'Hello world.' });
    expect(calls).toHaveLength(2);
  });

  it.each([
    [{ audio: new Uint8Array(0) }, 'audio'],
    [{ audio: new ArrayBuffer(0) }, 'audio'],
    [{ audio: new Blob([]) }, 'audio'],
    [{ audio: '' }, 'audio'],
    [{ audio: '%%not base64%%' }, 'audio'],
    [{ audio: 42 }, 'audio'],
    [{ audio: WAV, language: '' }, 'language'],
    [{ audio: WAV, prompt: 7 }, 'prompt'],
    [{ audio: WAV, mediaType: '' }, 'mediaType'],
  ])('rejects %o before any request, naming %s', async (options, argument) => {
    const { model, calls } = mockTranscriptionModel(() => heard());
    await expect(transcribe({ model, ...(options as { audio: Uint8Array }) })).rejects.toSatisfy((error: unknown) => {
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ argument });
      return true;
    });
    expect(calls).toHaveLength(0);
  });
});
