import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APICallError } from '../../../src/errors/index.js';
import { createBaidu } from '../../../providers/baidu/index.js';
import { ACCESS_TOKEN, CLIENT, HOSTS, json, REFRESHED_TOKEN, serve, serveToken } from './handlers.js';

const ASR_URL = `${HOSTS.asr}/server_api`;
const wav = new Uint8Array(readFileSync(new URL('./fixtures/server-api-hello.wav', import.meta.url)));
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A mono 16-bit WAV header around `seconds` of silence at `rate`. */
function makeWav(rate: number, seconds: number, channels = 1): Uint8Array {
  const data = Math.round(rate * seconds) * 2 * channels;
  const bytes = new Uint8Array(44 + data);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode('RIFF'), 0);
  view.setUint32(4, 36 + data, true);
  bytes.set(new TextEncoder().encode('WAVEfmt '), 8);
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2 * channels, true);
  view.setUint16(32, 2 * channels, true);
  view.setUint16(34, 16, true);
  bytes.set(new TextEncoder().encode('data'), 36);
  view.setUint32(40, data, true);
  return bytes;
}

describe('baidu.transcription: doTranscribe', () => {
  it('sends base64 speech with the raw length, dev_pid, rate from the WAV header and the token', async () => {
    serveToken();
    const requests = serve('post', ASR_URL, json('server-api-success'));
    const result = await createBaidu({ ...CLIENT, cuid: 'device-1' }).transcription('mandarin').doTranscribe({ audio: wav, mediaType: 'audio/wav' });
    expect(requests[0]!.headers['content-type']).toBe('application/json');
    expect(requests[0]!.body).toEqual({
      format: 'wav',
      rate: 16000,
      channel: 1,
      cuid: 'device-1',
      token: ACCESS_TOKEN,
      dev_pid: 1537,
      speech: base64(wav),
      len: wav.byteLength,
    });
    expect(result.text).toBe('北京科技馆。');
    expect(result.language).toBe('zh');
    expect(result.durationInSeconds).toBe(0.5);
    expect(result.segments).toEqual([]);
    expect(result.response.id).toBe('611278720461535518969');
    expect(result.providerMetadata).toEqual({ baidu: { devPid: 1537, sn: '611278720461535518969', corpusNo: '6595003755536106531' } });
  });

  it('maps model ids to dev_pid, takes the PCM rate from the media type, and uses pro_api for the pro model', async () => {
    serveToken();
    const server = serve('post', ASR_URL, json('server-api-success'));
    const pro = serve('post', `${HOSTS.asr}/pro_api`, json('server-api-success'));
    const baidu = createBaidu(CLIENT);
    const pcm = new Uint8Array(8000 * 2);
    await baidu.transcription('english').doTranscribe({ audio: pcm, mediaType: 'audio/pcm;rate=8000' });
    await baidu.transcription('cantonese').doTranscribe({ audio: pcm, mediaType: 'audio/pcm', language: 'en', prompt: 'x' });
    await baidu.transcription('1936').doTranscribe({ audio: pcm, mediaType: 'audio/L16', providerOptions: { baidu: { lmId: 8001 } } });
    await baidu.transcription('mandarin-pro').doTranscribe({ audio: new Uint8Array(100), mediaType: 'audio/mp4' });
    expect(server.map((request) => [request.body.dev_pid, request.body.format, request.body.rate, request.body.len])).toEqual([
      [1737, 'pcm', 8000, 16000],
      [1637, 'pcm', 16000, 16000],
      [1936, 'pcm', 16000, 16000],
    ]);
    expect(server[2]!.body.lm_id).toBe(8001);
    expect(pro[0]!.body).toMatchObject({ dev_pid: 80001, format: 'm4a' });
  });

  it('warns about a language the model does not hear and about prompt', async () => {
    serveToken();
    serve('post', ASR_URL, json('server-api-success'));
    const result = await createBaidu(CLIENT).transcription('cantonese').doTranscribe({ audio: new Uint8Array(3200), mediaType: 'audio/pcm', language: 'en', prompt: 'x' });
    expect(result.warnings).toEqual([
      { type: 'unsupported-setting', setting: 'language', details: 'the model picks the language; cantonese hears yue' },
      { type: 'unsupported-setting', setting: 'prompt' },
    ]);
  });

  it('checks format, rate, channels and duration before any request', async () => {
    const tokens = serveToken();
    const model = createBaidu(CLIENT).transcription('mandarin');
    await expect(model.doTranscribe({ audio: wav, mediaType: 'audio/mpeg' })).rejects.toMatchObject({ name: 'AI_InvalidArgumentError', argument: 'mediaType' });
    await expect(model.doTranscribe({ audio: new Uint8Array(10), mediaType: 'audio/mp4' })).rejects.toMatchObject({ argument: 'mediaType' });
    await expect(model.doTranscribe({ audio: makeWav(44100, 0.1), mediaType: 'audio/wav' })).rejects.toThrow(/44100 Hz/);
    await expect(model.doTranscribe({ audio: makeWav(16000, 0.1, 2), mediaType: 'audio/wav' })).rejects.toThrow(/2-channel/);
    await expect(model.doTranscribe({ audio: makeWav(16000, 61), mediaType: 'audio/wav' })).rejects.toThrow(/61\.0 s long/);
    await expect(model.doTranscribe({ audio: new Uint8Array(16000 * 2 * 61), mediaType: 'audio/pcm' })).rejects.toMatchObject({ argument: 'audio' });
    await expect(model.doTranscribe({ audio: new Uint8Array(12), mediaType: 'audio/wav' })).rejects.toThrow(/not a RIFF/);
    expect(() => createBaidu(CLIENT).transcription('klingon')).toThrow(/modelId/);
    expect(tokens).toHaveLength(0);
  });

  it('maps err_no to a typed error: 3301 is not retried, 3304 is retryable', async () => {
    serveToken();
    const requests = serve('post', ASR_URL, json('server-api-error-3301'), json('server-api-error-3304'));
    const model = createBaidu(CLIENT).transcription('mandarin');
    const quality = await model.doTranscribe({ audio: wav, mediaType: 'audio/wav' }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(quality)).toBe(true);
    expect(quality).toMatchObject({ code: '3301', isRetryable: false, url: ASR_URL, provider: 'baidu.transcription' });
    expect((quality as Error).message).toContain('speech quality error.');
    const busy = await model.doTranscribe({ audio: wav, mediaType: 'audio/wav' }).catch((caught: unknown) => caught);
    expect(busy).toMatchObject({ code: '3304', isRetryable: true });
    expect(requests).toHaveLength(2);
  });

  it('refreshes the token once on err_no 3302', async () => {
    const tokens = serveToken(json('oauth-token'), json('oauth-token-refreshed'));
    const requests = serve('post', ASR_URL, json('server-api-error-3302'), json('server-api-success'));
    const result = await createBaidu(CLIENT).transcription('mandarin').doTranscribe({ audio: wav, mediaType: 'audio/wav' });
    expect(result.text).toBe('北京科技馆。');
    expect(tokens).toHaveLength(2);
    expect(requests.map((request) => request.body.token)).toEqual([ACCESS_TOKEN, REFRESHED_TOKEN]);
  });

  it('treats a result that is not a list of strings as an InvalidResponseError', async () => {
    serveToken();
    serve('post', ASR_URL, () => Response.json({ err_no: 0, err_msg: 'success.', result: '北京', sn: '1' }));
    const error = await createBaidu(CLIENT).transcription('mandarin').doTranscribe({ audio: wav, mediaType: 'audio/wav' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'AI_InvalidResponseError' });
  });
});
