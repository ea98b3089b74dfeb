import { describe, expect, it, vi } from 'vitest';
import { APICallError, InvalidArgumentError } from '../../src/errors/index.js';
import type { SpeechModel, SpeechModelCallOptions } from '../../src/provider/index.js';
import { streamSpeech } from '../../src/speak/index.js';

const OGG = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 1, 2]);

function chunks(parts: Uint8Array[], onCancel?: (reason: unknown) => void): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      if (index < parts.length) controller.enqueue(parts[index++]!);
      else controller.close();
    },
    cancel: onCancel,
  });
}

function streamingModel(doStream: SpeechModel['doStream'], doGenerate: SpeechModel['doGenerate'] = () => Promise.reject(new Error('unused'))): SpeechModel {
  return { specificationVersion: 'v1', provider: 'mock.speech', modelId: 'mock-tts', doGenerate, doStream };
}

async function collect(stream: AsyncIterable<Uint8Array>): Promise<number[]> {
  const bytes: number[] = [];
  for await (const chunk of stream) bytes.push(...chunk);
  return bytes;
}

describe('streamSpeech', () => {
  it('yields the provider chunks in order and settles mediaType, warnings and response', async () => {
    const calls: SpeechModelCallOptions[] = [];
    const model = streamingModel(async (options) => {
      calls.push(options);
      return { stream: chunks([OGG.slice(0, 3), OGG.slice(3)]), warnings: [], response: { id: 'r1' } };
    });
    const result = streamSpeech({ model, text: 'Hello there.', voice: 'nova', format: 'opus' });
    const received: Uint8Array[] = [];
    for await (const chunk of result.audioStream) received.push(chunk);
    expect(received.map((chunk) => [...chunk])).toEqual([[0x4f, 0x67, 0x67], [0x53, 1, 2]]);
    expect(await result.mediaType).toBe('audio/ogg');
    expect(await result.warnings).toEqual([]);
    expect(await result.response).toEqual({ id: 'r1' });
    expect(calls[0]).toMatchObject({ text: 'Hello there.', voice: 'nova', format: 'opus' });
    expect(calls[0]!.abortSignal).toBeInstanceOf(AbortSignal);
  });

  it('is a ReadableStream too', async () => {
    const model = streamingModel(async () => ({ stream: chunks([OGG]), mediaType: 'audio/ogg', warnings: [], response: {} }));
    const body = await new Response(streamSpeech({ model, text: 'hi' }).audioStream).arrayBuffer();
    expect(new Uint8Array(body)).toEqual(OGG);
  });

  it('falls back to one chunk with a warning for models without doStream', async () => {
    const model: SpeechModel = {
      specificationVersion: 'v1',
      provider: 'mock.speech',
      modelId: 'plain',
      doGenerate: async () => ({ audio: btoa(String.fromCharCode(...OGG)), mediaType: 'audio/ogg', warnings: [], response: {} }),
    };
    const result = streamSpeech({ model, text: 'hi' });
    expect(await collect(result.audioStream)).toEqual([...OGG]);
    expect(await result.warnings).toEqual([{ type: 'other', message: 'mock.speech (plain) cannot stream speech; the audio arrives as one chunk' }]);
    expect(await result.mediaType).toBe('audio/ogg');
  });

  it('retries before the first byte, then streams', async () => {
    let attempts = 0;
    const model = streamingModel(async () => {
      if (attempts++ === 0) throw new APICallError({ message: 'busy', provider: 'mock.speech', url: 'https://x', statusCode: 503, responseHeaders: { 'retry-after-ms': '0' } });
      return { stream: chunks([OGG]), warnings: [], response: {} };
    });
    expect(await collect(streamSpeech({ model, text: 'hi' }).audioStream)).toEqual([...OGG]);
    expect(attempts).toBe(2);
  });

  it('makes iteration throw and the promises reject when the call fails', async () => {
    const failure = new APICallError({ message: 'bad voice', provider: 'mock.speech', url: 'https://x', statusCode: 400 });
    const model = streamingModel(async () => {
      throw failure;
    });
    const result = streamSpeech({ model, text: 'hi' });
    await expect(collect(result.audioStream)).rejects.toBe(failure);
    await expect(result.warnings).rejects.toBe(failure);
    await expect(result.mediaType).rejects.toBe(failure);
  });

  it('errors the stream when the body fails mid-way', async () => {
    const broken = new TypeError('terminated');
    let sent = 0;
    const model = streamingModel(async () => ({
      stream: new ReadableStream({
        pull(controller) {
          if (sent++ === 0) controller.enqueue(OGG);
          else controller.error(broken);
        },
      }),
      warnings: [],
      response: {},
    }));
    const seen: number[] = [];
    await expect((async () => {
      for await (const chunk of streamSpeech({ model, text: 'hi' }).audioStream) seen.push(...chunk);
    })()).rejects.toBe(broken);
    expect(seen).toEqual([...OGG]);
  });

  it('cancels the provider stream and aborts the request when the consumer breaks', async () => {
    const cancelled = vi.fn();
    let signal: AbortSignal | undefined;
    const model = streamingModel(async (options) => {
      signal = options.abortSignal;
      return { stream: chunks([OGG, OGG, OGG], cancelled), warnings: [], response: {} };
    });
    for await (const chunk of streamSpeech({ model, text: 'hi' }).audioStream) {
      expect(chunk).toEqual(OGG);
      break;
    }
    expect(cancelled).toHaveBeenCalledTimes(1);
    expect(signal!.aborted).toBe(true);
  });

  it('validates synchronously before any request', () => {
    const doStream = vi.fn();
    const model = { ...streamingModel(doStream), maxTextLength: 4 };
    expect(() => streamSpeech({ model, text: 'too long' })).toThrow(InvalidArgumentError);
    expect(() => streamSpeech({ model, text: '' })).toThrow(expect.objectContaining({ argument: 'text' }));
    expect(doStream).not.toHaveBeenCalled();
  });
});
