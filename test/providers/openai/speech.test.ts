import { HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { APICallError, InvalidArgumentError, speak, streamSpeech } from '../../../src/index.js';
import { createOpenAI } from '../../../providers/openai/index.js';
import { audioReply, BASE_URL, binaryFixture, jsonReply, serveMedia } from './media-handlers.js';

const KEY = 'sk-test-aigc-0123456789abcdef';
const openai = createOpenAI({ apiKey: KEY, project: 'proj_1' });
const MP3 = binaryFixture('audio-speech-basic.mp3');

describe('openai speech', () => {
  it('posts the mapped JSON to /audio/speech and returns the audio', async () => {
    const requests = serveMedia('/audio/speech', audioReply(MP3));
    const result = await speak({
      model: openai.speech('gpt-4o-mini-tts'),
      text: '你好，世界',
      voice: 'coral',
      format: 'mp3',
      speed: 1.25,
      instructions: 'Speak warmly.',
      headers: { 'x-trace-id': 't-1' },
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe(`${BASE_URL}/audio/speech`);
    expect(requests[0]!.headers).toMatchObject({ authorization: `Bearer ${KEY}`, 'openai-project': 'proj_1', 'content-type': 'application/json', 'x-trace-id': 't-1' });
    expect(requests[0]!.json).toEqual({ model: 'gpt-4o-mini-tts', input: '你好，世界', voice: 'coral', response_format: 'mp3', speed: 1.25, instructions: 'Speak warmly.' });
    expect(result.audio.uint8Array).toEqual(MP3);
    expect(result.audio.mediaType).toBe('audio/mpeg');
    expect(result.warnings).toEqual([]);
    expect(result.response).toMatchObject({ id: 'req_speech_1', modelId: 'gpt-4o-mini-tts' });
  });

  it.each([
    ['opus', 'audio/ogg'],
    ['aac', 'audio/aac'],
    ['flac', 'audio/flac'],
    ['wav', 'audio/wav'],
    ['pcm', 'audio/pcm'],
  ])('asks for %s and labels the audio %s', async (format, mediaType) => {
    const requests = serveMedia('/audio/speech', audioReply(new Uint8Array([1, 2, 3, 4]), { contentType: 'application/octet-stream' }));
    const { audio } = await speak({ model: openai.speech('tts-1'), text: 'Hello there.', format });
    expect(requests[0]!.json).toEqual({ model: 'tts-1', input: 'Hello there.', voice: 'alloy', response_format: format });
    expect(audio.mediaType).toBe(mediaType);
  });

  it('warns about settings tts-1 ignores and does not send them', async () => {
    const requests = serveMedia('/audio/speech', audioReply(MP3));
    const { warnings } = await speak({
      model: openai.speech('tts-1-hd'),
      text: 'Hello.',
      instructions: 'whisper',
      language: 'en',
      format: 'ogg-vorbis',
      voice: 'voice_abc123',
      providerOptions: { openai: { streamFormat: 'sse' } },
    });
    expect(requests[0]!.json).toEqual({ model: 'tts-1-hd', input: 'Hello.', voice: { id: 'voice_abc123' }, response_format: 'mp3' });
    expect(warnings).toEqual([
      { type: 'unsupported-setting', setting: 'format', details: 'ogg-vorbis is not one of mp3, opus, aac, flac, wav, pcm; mp3 was used' },
      { type: 'unsupported-setting', setting: 'instructions', details: 'tts-1-hd does not take instructions; use gpt-4o-mini-tts' },
      { type: 'unsupported-setting', setting: 'language', details: 'OpenAI speech infers the language from the text' },
      { type: 'unsupported-setting', setting: 'providerOptions.openai.streamFormat', details: 'speech models take no provider options' },
    ]);
  });

  it('streams the chunked body as it arrives', async () => {
    const requests = serveMedia('/audio/speech', audioReply(MP3, { chunkSize: 400 }));
    const result = streamSpeech({ model: openai.speech('gpt-4o-mini-tts'), text: 'Hello there.', voice: 'nova', format: 'mp3' });
    const chunks: Uint8Array[] = [];
    for await (const chunk of result.audioStream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    const joined = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
    let offset = 0;
    for (const chunk of chunks) {
      joined.set(chunk, offset);
      offset += chunk.length;
    }
    expect(joined).toEqual(MP3);
    expect(await result.mediaType).toBe('audio/mpeg');
    expect(await result.warnings).toEqual([]);
    expect(requests[0]!.json).toEqual({ model: 'gpt-4o-mini-tts', input: 'Hello there.', voice: 'nova', response_format: 'mp3' });
  });

  it('cancels the HTTP body when the consumer stops early', async () => {
    const onCancel = vi.fn();
    const requests = serveMedia('/audio/speech', audioReply(MP3, { chunkSize: 100, onCancel }));
    const { audioStream } = streamSpeech({ model: openai.speech('tts-1'), text: 'Hello there.' });
    for await (const chunk of audioStream) {
      expect(chunk.length).toBe(100);
      break;
    }
    await vi.waitFor(() => expect(onCancel.mock.calls.length > 0 || requests[0]!.signal.aborted).toBe(true));
  });

  it('throws APICallError for an error status, in speak and in the stream, without the key', async () => {
    serveMedia('/audio/speech', jsonReply('error-400', { status: 400 }));
    const error = await speak({ model: openai.speech('tts-1'), text: 'Hi' }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 400, url: `${BASE_URL}/audio/speech` });
    expect(JSON.stringify(error)).not.toContain(KEY);
    const stream = streamSpeech({ model: openai.speech('tts-1'), text: 'Hi' });
    await expect((async () => {
      for await (const chunk of stream.audioStream) void chunk;
    })()).rejects.toSatisfy(APICallError.isInstance);
  });

  it('retries a 500 before the first byte', async () => {
    const requests = serveMedia('/audio/speech',
      () => HttpResponse.json({ error: { message: 'oops', type: 'server_error', param: null, code: null } }, { status: 500, headers: { 'retry-after-ms': '0' } }),
      audioReply(MP3));
    const { audio } = await speak({ model: openai.speech('tts-1'), text: 'Hi' });
    expect(requests).toHaveLength(2);
    expect(audio.uint8Array).toEqual(MP3);
  });

  it('rejects text over 4096 characters and empty text before any request', async () => {
    const requests = serveMedia('/audio/speech', audioReply(MP3));
    await expect(speak({ model: openai.speech('tts-1'), text: 'a'.repeat(4097) })).rejects.toMatchObject({ name: 'AI_InvalidArgumentError', argument: 'text' });
    await expect(speak({ model: openai.speechModel('tts-1'), text: '' })).rejects.toSatisfy(InvalidArgumentError.isInstance);
    expect(requests).toHaveLength(0);
  });

  it('caps the audio body at maxResponseBytes with a non-retryable APICallError', async () => {
    const requests = serveMedia('/audio/speech', audioReply(MP3, { chunkSize: 256 }));
    const capped = createOpenAI({ apiKey: KEY, maxResponseBytes: 1000 });
    const error = await speak({ model: capped.speech('tts-1'), text: 'Hi' }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: false, url: `${BASE_URL}/audio/speech` });
    expect((error as Error).message).toContain('larger than the 1000-byte limit');
    expect(requests).toHaveLength(1);
  });

  it('turns a body that breaks mid-way into a retryable NetworkError and retries', async () => {
    let attempt = 0;
    const requests = serveMedia('/audio/speech', () => {
      if (attempt++ > 0) return audioReply(MP3)(undefined as never, 0);
      let sent = false;
      return new HttpResponse(new ReadableStream({
        pull(controller) {
          if (!sent) {
            sent = true;
            controller.enqueue(MP3.slice(0, 100));
          } else controller.error(new TypeError('socket hang up'));
        },
      }), { headers: { 'content-type': 'audio/mpeg' } });
    });
    const { audio } = await speak({ model: openai.speech('tts-1'), text: 'Hi', maxRetries: 1 });
    expect(requests).toHaveLength(2);
    expect(audio.uint8Array).toEqual(MP3);
  });

  it('clamps speed to OpenAI\'s range with a warning', async () => {
    const requests = serveMedia('/audio/speech', audioReply(MP3));
    const { warnings } = await speak({ model: openai.speech('tts-1'), text: 'Hi', speed: 6 });
    expect(requests[0]!.json).toMatchObject({ speed: 4 });
    expect(warnings).toEqual([{ type: 'unsupported-setting', setting: 'speed', details: 'OpenAI takes 0.25–4; 4 was sent instead of 6' }]);
  });

  it('makes a stream that breaks mid-way throw a NetworkError', async () => {
    let sent = false;
    serveMedia('/audio/speech', () => new HttpResponse(new ReadableStream({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(MP3.slice(0, 100));
        } else controller.error(new TypeError('socket hang up'));
      },
    }), { headers: { 'content-type': 'audio/mpeg' } }));
    // maxRetries 0: over the node:http transport the break can surface before the first byte, where it would be retried.
    const result = streamSpeech({ model: openai.speech('tts-1'), text: 'Hi', maxRetries: 0 });
    let received = 0;
    const error = await (async () => {
      for await (const chunk of result.audioStream) received += chunk.length;
    })().catch((caught: unknown) => caught);
    expect(received).toBeLessThanOrEqual(100);
    expect(error).toMatchObject({ name: 'AI_NetworkError', isRetryable: true });
    expect((error as Error).message).toContain(`POST ${BASE_URL}/audio/speech failed`);
  });
});
