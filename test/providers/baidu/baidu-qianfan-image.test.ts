import { afterEach, describe, expect, it, vi } from 'vitest';
import { APICallError } from '../../../src/errors/index.js';
import { createBaidu } from '../../../providers/baidu/index.js';
import { API_KEY, HOSTS, json, serve } from './handlers.js';

const IMAGES_URL = `${HOSTS.qianfan}/v2/images/generations`;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('baidu.image (Qianfan v2 images)', () => {
  it('posts irag-1.0 with the bearer key and returns the image URLs', async () => {
    const requests = serve('post', IMAGES_URL, json('images-generations-irag'));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const result = await createBaidu({ apiKey: API_KEY, appId: 'app-1' }).image('irag-1.0').doGenerate({
      prompt: '画一只带着蝴蝶结的小狗',
      n: 1,
      aspectRatio: '4:3',
      images: [{ data: png, mediaType: 'image/png' }],
      seed: 3,
      providerOptions: { baidu: { user: 'u-1' } },
    });
    expect(requests[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(requests[0]!.body).toEqual({
      model: 'irag-1.0',
      prompt: '画一只带着蝴蝶结的小狗',
      n: 1,
      size: '1024x768',
      refer_image: 'data:image/png;base64,iVBORw==',
      user: 'u-1',
    });
    expect(result.images).toEqual([{ type: 'url', url: 'https://qianfan-modelbuilder-img-gen.bj.bcebos.com/irag-1.0/b7c2a8d1/0.png?authorization=bce-auth-v1%2Fxyz' }]);
    expect(result.warnings).toEqual([{ type: 'unsupported-setting', setting: 'seed', details: 'irag-1.0 has no such parameter' }]);
    expect(result.response).toMatchObject({ id: 'as-9ftbmhsnyw', modelId: 'irag-1.0', timestamp: new Date(1730000000 * 1000) });
  });

  it('sends flux options (seed, steps, guidance) and warns about a reference image', async () => {
    const requests = serve('post', IMAGES_URL, json('images-generations-irag'));
    const result = await createBaidu({ apiKey: API_KEY }).image('flux.1-schnell').doGenerate({
      prompt: 'a red fox in snow',
      n: 2,
      size: '768x768',
      seed: 42,
      images: [{ data: new URL('https://example.com/ref.png'), mediaType: 'image/png' }],
      providerOptions: { baidu: { steps: 4, guidance: 3.5 } },
    });
    expect(requests[0]!.body).toEqual({ model: 'flux.1-schnell', prompt: 'a red fox in snow', n: 2, size: '768x768', seed: 42, steps: 4, guidance: 3.5 });
    expect(result.warnings).toEqual([{ type: 'unsupported-setting', setting: 'images', details: 'flux takes no reference image' }]);
  });

  it('accepts b64_json images too', async () => {
    serve('post', IMAGES_URL, () => Response.json({ id: 'as-b64', data: [{ b64_json: 'iVBORw0KGgo=' }, { url: null }] }));
    const result = await createBaidu({ apiKey: API_KEY }).image('flux.1-schnell').doGenerate({ prompt: 'a fox', n: 1 });
    expect(result.images).toEqual([{ type: 'base64', data: 'iVBORw0KGgo=' }]);
  });

  it('maps a v2 error body to APICallError with its code', async () => {
    serve('post', IMAGES_URL, json('images-generations-error-400', { status: 400 }));
    const error = await createBaidu({ apiKey: API_KEY }).image('irag-1.0').doGenerate({ prompt: '小狗', n: 1 }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 400, code: 'invalid_argument', isRetryable: false });
  });

  it('rejects bad sizes and missing keys before any request', async () => {
    const requests = serve('post', IMAGES_URL, json('images-generations-irag'));
    const model = createBaidu({ apiKey: API_KEY }).image('irag-1.0');
    await expect(model.doGenerate({ prompt: '小狗', n: 1, size: '256x256' })).rejects.toMatchObject({ argument: 'size' });
    await expect(model.doGenerate({ prompt: '小狗', n: 1, aspectRatio: '21:9' })).rejects.toMatchObject({ argument: 'aspectRatio' });
    await expect(model.doGenerate({ prompt: '狗'.repeat(221), n: 1 })).rejects.toMatchObject({ argument: 'prompt' });
    await expect(model.doGenerate({ prompt: '小狗', n: 1, resume: { jobId: 'x' } })).rejects.toMatchObject({ argument: 'resume' });
    const noKey = createBaidu({ clientId: 'a', clientSecret: 'b' });
    vi.stubEnv('QIANFAN_API_KEY', '');
    await expect(noKey.image('irag-1.0').doGenerate({ prompt: '小狗', n: 1 })).rejects.toMatchObject({ name: 'AI_LoadAPIKeyError', setting: 'apiKey', environmentVariable: 'QIANFAN_API_KEY' });
    expect(requests).toHaveLength(0);
  });
});
