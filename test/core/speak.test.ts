import { describe, expect, it, vi } from 'vitest';
import { APICallError, InvalidArgumentError, NoContentGeneratedError } from '../../src/errors/index.js';
import type { SpeechModel, SpeechModelCallOptions, SpeechModelResult } from '../../src/provider/index.js';
import { speak } from '../../src/speak/index.js';

const MP3 = new Uint8Array([0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0]);

/** A speech model for core tests: answers with `reply`, records every call. No HTTP. */
function mockSpeechModel(reply: (options: SpeechModelCallOptions, index: number) => SpeechModelResult | Promise<SpeechModelResult>, extra: Partial<SpeechModel> = {}) {
  const calls: SpeechModelCallOptions[] = [];
  const model: SpeechModel = {
    specificationVersion: 'v1',
    provider: 'mock.speech',
    modelId: 'mock-tts',
    maxTextLength: 20,
    doGenerate: async (options) => reply(options, calls.push(options) - 1),
    ...extra,
  };
  return { model, calls };
}

const clip = (audio: Uint8Array | string, mediaType?: string): SpeechModelResult => ({
  audio,
  mediaType,
  warnings: [],
  response: { modelId: 'mock-tts', headers: { 'x-request-id': 'req_1' } },
});

describe('speak', () => {
  it('passes every option to the model and returns the clip as a GeneratedFile', async () => {
    const { model, calls } = mockSpeechModel(() => ({ ...clip(MP3, 'audio/mpeg'), warnings: [{ type: 'unsupported-setting', setting: 'language' }] }));
    const result = await speak({
      model,
      text: '你好，世界',
      voice: 'alloy',
      format: 'mp3',
      speed: 1.25,
      language: 'zh',
      instructions: 'cheerful',
      providerOptions: { mock: { x: 1 } },
      headers: { 'x-trace': 't' },
    });
    expect(calls).toEqual([expect.objectContaining({
      text: '你好，世界',
      voice: 'alloy',
      format: 'mp3',
      speed: 1.25,
      language: 'zh',
      instructions: 'cheerful',
      providerOptions: { mock: { x: 1 } },
      headers: { 'x-trace': 't' },
    })]);
    expect(result.audio.uint8Array).toEqual(MP3);
    expect(result.audio.mediaType).toBe('audio/mpeg');
    expect(result.warnings).toEqual([{ type: 'unsupported-setting', setting: 'language' }]);
    expect(result.response).toEqual({ modelId: 'mock-tts', headers: { 'x-request-id': 'req_1' } });
  });

  it('decodes base64 audio and sniffs or infers the media type when the model does not say', async () => {
    const { model } = mockSpeechModel((options) => clip(options.format === 'pcm' ? btoa('\u0001\u0002\u0003') : btoa(String.fromCharCode(...MP3))));
    const sniffed = await speak({ model, text: 'hi', format: 'wav' });
    expect(sniffed.audio.mediaType).toBe('audio/mpeg');
    expect(sniffed.audio.uint8Array).toEqual(MP3);
    const inferred = await speak({ model, text: 'hi', format: 'pcm' });
    expect(inferred.audio.mediaType).toBe('audio/pcm');
    expect(inferred.audio.uint8Array).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('throws NoContentGeneratedError for empty audio', async () => {
    const { model } = mockSpeechModel(() => clip(new Uint8Array(0)));
    await expect(speak({ model, text: 'hi' })).rejects.toSatisfy(NoContentGeneratedError.isInstance);
  });

  it('retries retryable errors', async () => {
    const { model, calls } = mockSpeechModel((_options, index) => {
      if (index === 0) throw new APICallError({ message: 'busy', provider: 'mock.speech', url: 'https://x', statusCode: 429, responseHeaders: { 'retry-after-ms': '0' } });
      return clip(MP3);
    });
    await expect(speak({ model, text: 'hi' })).resolves.toMatchObject({ audio: { mediaType: 'audio/mpeg' } });
    expect(calls).toHaveLength(2);
  });

  it.each([
    [{ text: '' }, 'text'],
    [{ text: '   ' }, 'text'],
    [{ text: 'x'.repeat(21) }, 'text'],
    [{ text: 'hi', voice: 3 }, 'voice'],
    [{ text: 'hi', format: '' }, 'format'],
    [{ text: 'hi', speed: 0 }, 'speed'],
    [{ text: 'hi', speed: Number.NaN }, 'speed'],
    [{ text: 'hi', timeout: -5 }, 'timeout'],
  ])('rejects %j before any request, naming %s', async (options, argument) => {
    const { model, calls } = mockSpeechModel(() => clip(MP3));
    await expect(speak({ model, ...(options as { text: string }) })).rejects.toSatisfy((error: unknown) => {
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ argument });
      return true;
    });
    expect(calls).toHaveLength(0);
  });

  it('names the model limit when the text is too long', async () => {
    const { model } = mockSpeechModel(() => clip(MP3));
    await expect(speak({ model, text: 'x'.repeat(25) })).rejects.toThrow('is 25 characters; mock.speech (mock-tts) takes at most 20 per call');
  });

  it('rejects with a TimeoutError when the call exceeds timeout', async () => {
    vi.useFakeTimers();
    try {
      const { model } = mockSpeechModel((options) => new Promise((_resolve, reject) => options.abortSignal!.addEventListener('abort', () => reject(options.abortSignal!.reason))));
      const promise = speak({ model, text: 'hi', timeout: 1000 });
      const assertion = expect(promise).rejects.toMatchObject({ name: 'TimeoutError' });
      await vi.advanceTimersByTimeAsync(1000);
      await assertion;
    } finally {
      vi.useRealTimers();
    }
  });
});
