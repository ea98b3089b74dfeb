import { readFileSync } from 'node:fs';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { APICallError } from '../../../src/errors/index.js';
import { createBaidu } from '../../../providers/baidu/index.js';
import { ACCESS_TOKEN, CLIENT, HOSTS, json, REFRESHED_TOKEN, serve, serveToken } from './handlers.js';

const TTS_URL = `${HOSTS.tts}/text2audio`;
const mp3 = new Uint8Array(readFileSync(new URL('./fixtures/text2audio-hello.mp3', import.meta.url)));
const audio = (type = 'audio/mp3') => () => new HttpResponse(mp3, { headers: { 'content-type': type } });

describe('baidu.speech: doGenerate', () => {
  it('posts a form with tex encoded twice, the token as tok, and the mapped voice, speed and format', async () => {
    const tokens = serveToken();
    const requests = serve('post', TTS_URL, audio());
    const result = await createBaidu({ ...CLIENT, cuid: 'device-1' }).speech('tts').doGenerate({
      text: '你好，世界 & more',
      voice: '度逍遥',
      speed: 1.2,
      format: 'mp3',
      providerOptions: { baidu: { pit: 7, vol: 9 } },
    });
    expect(tokens).toHaveLength(1);
    expect(requests[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(requests[0]!.body).toEqual({
      tex: encodeURIComponent('你好，世界 & more'),
      tok: ACCESS_TOKEN,
      cuid: 'device-1',
      ctp: '1',
      lan: 'zh',
      aue: '3',
      spd: '6',
      pit: '7',
      vol: '9',
      per: '3',
    });
    expect(requests[0]!.text).toContain(`tex=${encodeURIComponent(encodeURIComponent('你好，世界 & more'))}`);
    expect(result.audio).toEqual(mp3);
    expect(result.mediaType).toBe('audio/mpeg');
    expect(result.warnings).toEqual([]);
  });

  it('maps wav and pcm formats to aue and numeric voices to per, and warns about ignored settings', async () => {
    serveToken();
    const requests = serve('post', TTS_URL, audio('audio/wav'), audio('audio/basic;codec=pcm;rate=8000'));
    const model = createBaidu(CLIENT).speech();
    const wav = await model.doGenerate({ text: '你好', format: 'wav', voice: '5003', language: 'en', instructions: 'cheerful', speed: 4 });
    const pcm = await model.doGenerate({ text: '你好', format: 'pcm-8k' });
    expect(requests[0]!.body).toMatchObject({ aue: '6', per: '5003', spd: '15' });
    expect(requests[1]!.body.aue).toBe('5');
    expect(requests[1]!.body.per).toBeUndefined();
    expect(wav.mediaType).toBe('audio/wav');
    expect(pcm.mediaType).toBe('audio/pcm;rate=8000');
    expect(wav.warnings.map((warning) => (warning.type === 'unsupported-setting' ? warning.setting : warning.message))).toEqual(['speed', 'language', 'instructions']);
  });

  it('detects an error by its JSON content type even with HTTP 200, and does not retry 513', async () => {
    serveToken();
    const requests = serve('post', TTS_URL, json('text2audio-error-513'));
    const error = await createBaidu(CLIENT).speech('tts').doGenerate({ text: '你好' }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: '513', isRetryable: false, statusCode: undefined, url: TTS_URL });
    expect((error as Error).message).toContain('Invalid text length');
    expect(requests).toHaveLength(1);
  });

  it('refreshes the token on err_no 502 and never shows the token in the error', async () => {
    const tokens = serveToken(json('oauth-token'), json('oauth-token-refreshed'));
    const requests = serve('post', TTS_URL, json('text2audio-error-502'), audio());
    const result = await createBaidu(CLIENT).speech('tts').doGenerate({ text: '你好' });
    expect(result.audio).toEqual(mp3);
    expect(tokens).toHaveLength(2);
    expect(requests.map((request) => request.body.tok)).toEqual([ACCESS_TOKEN, REFRESHED_TOKEN]);

    serveToken(json('oauth-token'));
    serve('post', TTS_URL, ({ body }) => HttpResponse.json({ err_no: 501, err_msg: `bad tok ${String(body.tok)}` }));
    const error = await createBaidu(CLIENT).speech('tts').doGenerate({ text: '你好' }).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('bad tok ***');
    expect(JSON.stringify({ ...(error as APICallError), message: (error as Error).message })).not.toContain(ACCESS_TOKEN);
  });

  it('rejects bad input before any request', async () => {
    const tokens = serveToken();
    const model = createBaidu(CLIENT).speech('tts');
    await expect(model.doGenerate({ text: '你好', voice: 'alloy' })).rejects.toMatchObject({ name: 'AI_InvalidArgumentError', argument: 'voice' });
    await expect(model.doGenerate({ text: '你好', format: 'ogg' })).rejects.toMatchObject({ name: 'AI_InvalidArgumentError', argument: 'format' });
    await expect(model.doGenerate({ text: '长'.repeat(600) })).rejects.toMatchObject({ name: 'AI_InvalidArgumentError', argument: 'text' });
    await expect(model.doGenerate({ text: '你好', providerOptions: { baidu: { vol: 99 } } })).rejects.toMatchObject({ argument: 'providerOptions.baidu.vol' });
    expect(tokens).toHaveLength(0);
  });
});

describe('baidu.speech: doStream', () => {
  it('streams the audio body once the content type says audio', async () => {
    serveToken();
    serve('post', TTS_URL, audio());
    const { stream, mediaType } = await createBaidu(CLIENT).speech('tts').doStream!({ text: '你好' });
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(bytes).toEqual(mp3);
    expect(mediaType).toBe('audio/mpeg');
  });
});
