import { readFileSync } from 'node:fs';
import { HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { speak, streamSpeech, transcribe } from '../../../src/index.js';
import { redactUrl } from '../../../src/http/index.js';
import { baidu, createBaidu } from '../../../providers/baidu/index.js';
import { parseBaiduJson } from '../../../providers/baidu/baidu-parse-json.js';
import { API_KEY, CLIENT, fixture, fixtureText, json, serve, verbatim } from './handlers.js';

const mp3 = new Uint8Array(readFileSync(new URL('./fixtures/text2audio-hello.mp3', import.meta.url)));
const wav = new Uint8Array(readFileSync(new URL('./fixtures/server-api-hello.wav', import.meta.url)));
const PROXY = 'http://127.0.0.1:4010/baidu';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('createBaidu base URLs', () => {
  it('redirects all four hosts to baseURL, keeping each real path', async () => {
    const tokens = serve('post', `${PROXY}/oauth/2.0/token`, json('oauth-token'));
    const v1 = serve('post', `${PROXY}/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/completions`, json('chat-v1-basic'));
    const v2 = serve('post', `${PROXY}/v2/chat/completions`, json('chat-v2-basic'));
    const tts = serve('post', `${PROXY}/text2audio`, () => new HttpResponse(mp3, { headers: { 'content-type': 'audio/mp3' } }));
    const asr = serve('post', `${PROXY}/server_api`, json('server-api-success'));
    const vilg = serve('post', `${PROXY}/rpc/2.0/ernievilg/v1/txt2imgv2`, verbatim('txt2imgv2-success'));
    serve('post', `${PROXY}/rpc/2.0/ernievilg/v1/getImgv2`, verbatim('getimgv2-success'));
    const images = serve('post', `${PROXY}/v2/images/generations`, json('images-generations-irag'));
    const provider = createBaidu({ ...CLIENT, apiKey: API_KEY, baseURL: `${PROXY}/` });
    const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: '你好' }] }];
    await provider('ernie-3.5-8k', { api: 'v1' }).doGenerate({ prompt });
    await provider('ernie-3.5-8k').doGenerate({ prompt });
    await provider.speech('tts').doGenerate({ text: '你好' });
    await provider.transcription('mandarin').doTranscribe({ audio: wav, mediaType: 'audio/wav' });
    await provider.image('ernie-vilg-v2', { pollIntervalMs: 1 }).doGenerate({ prompt: '猫', n: 1 });
    await provider.image('irag-1.0').doGenerate({ prompt: '猫', n: 1 });
    expect([tokens, v1, v2, tts, asr, vilg, images].map((requests) => requests.length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('lets per-host settings win over baseURL', async () => {
    const tokens = serve('post', 'http://aip.internal/oauth/2.0/token', json('oauth-token'));
    const tts = serve('post', 'http://tts.internal/text2audio', () => new HttpResponse(mp3, { headers: { 'content-type': 'audio/mp3' } }));
    const v2 = serve('post', `${PROXY}/v2/chat/completions`, json('chat-v2-basic'));
    const provider = createBaidu({ ...CLIENT, apiKey: API_KEY, baseURL: PROXY, aipBaseURL: 'http://aip.internal', ttsBaseURL: 'http://tts.internal/' });
    await provider.speech().doGenerate({ text: '你好' });
    await provider('ernie-4.5-turbo-128k').doGenerate({ prompt: [{ role: 'user', content: [{ type: 'text', text: '你好' }] }] });
    expect([tokens.length, tts.length, v2.length]).toEqual([1, 1, 1]);
  });

  it('the default instance reads credentials from the environment at call time', async () => {
    vi.stubEnv('QIANFAN_API_KEY', 'bce-v3/ALTAK-env/secret-from-env');
    const requests = serve('post', 'https://qianfan.baidubce.com/v2/chat/completions', json('chat-v2-basic'));
    await baidu('ernie-4.5-turbo-128k').doGenerate({ prompt: [{ role: 'user', content: [{ type: 'text', text: '你好' }] }] });
    expect(requests[0]!.headers.authorization).toBe('Bearer bce-v3/ALTAK-env/secret-from-env');
    expect(baidu.languageModel('ernie-speed-128k').provider).toBe('baidu.chat');
    expect(baidu.imageModel('irag-1.0').maxImagesPerCall).toBe(4);
    expect(baidu.imageModel('ernie-vilg-v2').maxImagesPerCall).toBe(8);
    expect(baidu.speechModel('tts').provider).toBe('baidu.speech');
    expect(baidu.transcriptionModel('english').provider).toBe('baidu.transcription');
  });

  it('redactUrl hides access_token and client_secret', () => {
    expect(redactUrl('https://aip.baidubce.com/rpc/x?access_token=24.abc&client_id=id&client_secret=s3cr3t')).toBe(
      'https://aip.baidubce.com/rpc/x?access_token=***&client_id=id&client_secret=***',
    );
  });
});

describe('parseBaiduJson', () => {
  it('keeps integers above 2^53 exactly, as strings, and leaves other numbers and strings alone', () => {
    const text = fixtureText('txt2imgv2-success.json');
    // What JSON.parse would have done: a rounded id that names another task.
    expect(String((JSON.parse(text) as { data: { task_id: number } }).data.task_id)).not.toBe('1727937239739167539');
    expect(parseBaiduJson(text)).toEqual({ log_id: '1727937239739167539', data: { primary_task_id: 2035617, task_id: '1727937239739167539' } });
    expect(parseBaiduJson('{"a":"12345678901234567890","b":-12345678901234567890,"c":1.2345678901234567e25,"d":[123456789012345,"x\\"9999999999999999"]}')).toEqual({
      a: '12345678901234567890',
      b: '-12345678901234567890',
      c: 1.2345678901234567e25,
      d: [123456789012345, 'x"9999999999999999'],
    });
  });
});

describe('core functions over Baidu', () => {
  it('speak and streamSpeech return Baidu TTS audio', async () => {
    serve('post', 'https://aip.baidubce.com/oauth/2.0/token', json('oauth-token'));
    const requests = serve('post', 'https://tsn.baidu.com/text2audio', () => new HttpResponse(mp3, { headers: { 'content-type': 'audio/mp3' } }));
    const model = createBaidu(CLIENT).speech('tts');
    const { audio } = await speak({ model, text: '你好，世界', voice: '度小美' });
    expect(audio.uint8Array).toEqual(mp3);
    expect(audio.mediaType).toBe('audio/mpeg');
    const streamed = streamSpeech({ model, text: '你好' });
    const chunks: Uint8Array[] = [];
    for await (const chunk of streamed.audioStream) chunks.push(chunk);
    expect(Buffer.concat(chunks)).toEqual(Buffer.from(mp3));
    expect(requests.map((request) => request.body.per)).toEqual(['0', undefined]);
  });

  it('transcribe returns Baidu ASR text', async () => {
    serve('post', 'https://aip.baidubce.com/oauth/2.0/token', json('oauth-token'));
    const requests = serve('post', 'https://vop.baidu.com/server_api', json('server-api-success'));
    const { text, language, durationInSeconds } = await transcribe({ model: createBaidu(CLIENT).transcription('mandarin'), audio: wav });
    expect(text).toBe(fixture('server-api-success').result[0]);
    expect(language).toBe('zh');
    expect(durationInSeconds).toBe(0.5);
    expect(requests[0]!.body).toMatchObject({ format: 'wav', rate: 16000, dev_pid: 1537, len: wav.byteLength });
  });
});
