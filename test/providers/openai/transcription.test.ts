import { describe, expect, it } from 'vitest';
import { APICallError, InvalidArgumentError, InvalidResponseError, transcribe } from '../../../src/index.js';
import { createOpenAI } from '../../../providers/openai/index.js';
import { BASE_URL, binaryFixture, jsonReply, serveMedia } from './media-handlers.js';

const KEY = 'sk-test-aigc-0123456789abcdef';
const openai = createOpenAI({ apiKey: KEY });
const MP3 = binaryFixture('audio-speech-basic.mp3');
const WAV = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x41, 0x56, 0x45, 0x66, 0x6d, 0x74, 0x20]);

describe('openai transcription (whisper-1)', () => {
  it('posts multipart with verbose_json and segment timestamps, and maps segments, language and duration', async () => {
    const requests = serveMedia('/audio/transcriptions', jsonReply('audio-transcriptions-verbose'));
    const result = await transcribe({
      model: openai.transcription('whisper-1'),
      audio: MP3,
      language: 'en',
      prompt: 'Greetings.',
      headers: { 'x-trace-id': 't-1' },
      providerOptions: { openai: { temperature: 0.2 } },
    });
    expect(requests).toHaveLength(1);
    const request = requests[0]!;
    expect(request.url).toBe(`${BASE_URL}/audio/transcriptions`);
    expect(request.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.headers).toMatchObject({ authorization: `Bearer ${KEY}`, 'x-trace-id': 't-1' });
    expect(request.form).toEqual({
      file: { filename: 'audio.mp3', type: 'audio/mpeg', bytes: MP3 },
      model: 'whisper-1',
      response_format: 'verbose_json',
      language: 'en',
      prompt: 'Greetings.',
      temperature: '0.2',
      'timestamp_granularities[]': 'segment',
    });
    expect(result).toMatchObject({
      text: 'Hello world. How are you?',
      segments: [
        { text: 'Hello world.', startSecond: 0, endSecond: 1 },
        { text: 'How are you?', startSecond: 1.1, endSecond: 2.1 },
      ],
      language: 'en',
      durationInSeconds: 2.1,
      warnings: [],
    });
    expect(result.response).toMatchObject({ id: 'req_media_1', modelId: 'whisper-1' });
    expect(result.providerMetadata).toEqual({ openai: { usage: { type: 'duration', seconds: 3 } } });
  });

  it('sends word and segment granularities and keeps the words in metadata', async () => {
    const requests = serveMedia('/audio/transcriptions', jsonReply('audio-transcriptions-verbose-chinese'));
    const result = await transcribe({
      model: openai.transcriptionModel('whisper-1'),
      audio: new Blob([WAV], { type: 'audio/wav' }),
      providerOptions: { openai: { timestampGranularities: ['word', 'segment'] } },
    });
    expect(requests[0]!.form).toMatchObject({
      file: { filename: 'audio.wav', type: 'audio/wav', bytes: WAV },
      'timestamp_granularities[]': ['word', 'segment'],
    });
    expect(requests[0]!.form).not.toHaveProperty('language');
    expect(result.language).toBe('zh');
    expect(result.text).toBe('你好，世界。');
    expect(result.providerMetadata?.openai?.words).toEqual([{ word: '你好', start: 0, end: 0.7 }, { word: '世界', start: 0.8, end: 1.5 }]);
  });
});

describe('openai transcription (gpt-4o-transcribe)', () => {
  it('asks for json, returns text without segments and warns about granularities', async () => {
    const requests = serveMedia('/audio/transcriptions', jsonReply('audio-transcriptions-json'));
    const result = await transcribe({
      model: openai.transcription('gpt-4o-transcribe'),
      audio: `data:audio/webm;base64,${btoa('\u001aE\u00df\u00a3 webm bytes')}`,
      language: 'en',
      providerOptions: { openai: { include: ['logprobs'], timestampGranularities: ['word'] } },
    });
    expect(requests[0]!.form).toEqual({
      file: { filename: 'audio.webm', type: 'audio/webm', bytes: expect.any(Uint8Array) },
      model: 'gpt-4o-transcribe',
      response_format: 'json',
      language: 'en',
      'include[]': 'logprobs',
    });
    expect(result).toMatchObject({ text: 'Hello world. How are you?', segments: [], language: 'en', durationInSeconds: undefined });
    expect(result.warnings).toEqual([
      { type: 'unsupported-setting', setting: 'providerOptions.openai.timestampGranularities', details: 'needs verbose_json, which only whisper-1 returns' },
    ]);
    expect(result.providerMetadata?.openai?.usage).toMatchObject({ type: 'tokens', total_tokens: 22 });
  });
});

describe('openai transcription errors', () => {
  it('throws APICallError with the provider message and no key', async () => {
    serveMedia('/audio/transcriptions', jsonReply('audio-error-400', { status: 400 }));
    const error = await transcribe({ model: openai.transcription('whisper-1'), audio: WAV }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 400, code: 'invalid_request_error', isRetryable: false });
    expect((error as Error).message).toContain('Invalid file format.');
    expect(JSON.stringify(error)).not.toContain(KEY);
  });

  it('throws InvalidResponseError for a wrong shape', async () => {
    serveMedia('/audio/transcriptions', jsonReply('audio-transcriptions-invalid'));
    await expect(transcribe({ model: openai.transcription('whisper-1'), audio: WAV })).rejects.toSatisfy(InvalidResponseError.isInstance);
  });

  it('rejects empty audio and unknown options before any request', async () => {
    const requests = serveMedia('/audio/transcriptions', jsonReply('audio-transcriptions-verbose'));
    await expect(transcribe({ model: openai.transcription('whisper-1'), audio: new Uint8Array(0) })).rejects.toSatisfy(InvalidArgumentError.isInstance);
    await expect(transcribe({ model: openai.transcription('whisper-1'), audio: WAV, providerOptions: { openai: { temprature: 0 } } }))
      .rejects.toMatchObject({ argument: 'providerOptions.openai.temprature' });
    expect(requests).toHaveLength(0);
  });
});
