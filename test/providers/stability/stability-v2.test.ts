import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidArgumentError, LoadAPIKeyError, UnsupportedFunctionalityError } from '../../../src/errors/index.js';
import type { ImageModelCallOptions } from '../../../src/provider/index.js';
import { stability } from '../../../providers/stability/index.js';
import { server } from '../../support/msw-server.js';
import { API_KEY, BASE_URL, fixture, imageReply, jsonReply, provider, serve } from './handlers.js';
import { tinyPng } from './tiny-png.js';

const call = (options: Partial<ImageModelCallOptions> = {}): ImageModelCallOptions => ({ prompt: 'Lighthouse on a cliff overlooking the ocean', n: 1, ...options });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('StabilityImageModel v2beta', () => {
  it('posts core as multipart with Accept image/* and reads the seed and finish-reason headers', async () => {
    const requests = serve('post', '/v2beta/stable-image/generate/core', imageReply({ seed: '1234567' }));
    const result = await provider().image('core').doGenerate(
      call({
        negativePrompt: 'blurry',
        aspectRatio: '16:9',
        seed: 42,
        providerOptions: { stability: { outputFormat: 'webp', stylePreset: 'photographic' } },
      }),
    );
    const request = requests[0]!;
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request.headers.accept).toBe('image/*');
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.fields).toEqual({
      prompt: 'Lighthouse on a cliff overlooking the ocean',
      negative_prompt: 'blurry',
      aspect_ratio: '16:9',
      seed: '42',
      output_format: 'webp',
      style_preset: 'photographic',
    });
    expect(result.images).toEqual([{ type: 'bytes', data: tinyPng(), mediaType: 'image/png' }]);
    expect(result.warnings).toEqual([]);
    expect(result.providerMetadata).toEqual({ stability: { seeds: [1234567], finishReasons: ['SUCCESS'] } });
    expect(result.response).toMatchObject({ id: 'req_3c1e5f7a', modelId: 'core', headers: { seed: '1234567', 'finish-reason': 'SUCCESS' } });
  });

  it('sends sd3 variants to the sd3 endpoint with model, mode and cfg_scale, and warns about what sd3 ignores', async () => {
    const requests = serve('post', '/v2beta/stable-image/generate/sd3', imageReply());
    const result = await provider().image('sd3.5-large').doGenerate(
      call({ providerOptions: { stability: { cfgScale: 4.5, stylePreset: 'anime', steps: 30 } } }),
    );
    expect(requests[0]!.fields).toEqual({
      prompt: 'Lighthouse on a cliff overlooking the ocean',
      mode: 'text-to-image',
      model: 'sd3.5-large',
      cfg_scale: '4.5',
    });
    expect(result.warnings).toEqual([
      { type: 'unsupported-setting', setting: 'providerOptions.stability.stylePreset', details: 'sd3.5-large does not take a style preset' },
      { type: 'unsupported-setting', setting: 'providerOptions.stability.steps', details: 'only v1 engines take it' },
    ]);
  });

  it('leaves the negative prompt out for turbo models and says so', async () => {
    const requests = serve('post', '/v2beta/stable-image/generate/sd3', imageReply());
    const result = await provider().image('sd3.5-large-turbo').doGenerate(call({ negativePrompt: 'fog' }));
    expect(requests[0]!.fields.negative_prompt).toBeUndefined();
    expect(result.warnings).toEqual([{ type: 'unsupported-setting', setting: 'negativePrompt', details: 'sd3.5-large-turbo does not take a negative prompt' }]);
  });

  it('sends an input image and strength for ultra image-to-image, without aspect_ratio', async () => {
    const input = tinyPng({ rgb: [0, 0, 255] });
    const requests = serve('post', '/v2beta/stable-image/generate/ultra', imageReply());
    const result = await provider().image('ultra').doGenerate(
      call({ images: [{ data: input, mediaType: 'image/png' }], aspectRatio: '1:1', providerOptions: { stability: { strength: 0.3 } } }),
    );
    const request = requests[0]!;
    expect(request.fields).toEqual({ prompt: 'Lighthouse on a cliff overlooking the ocean', strength: '0.3' });
    expect(request.files.image).toEqual({ name: 'image.png', type: 'image/png', bytes: input });
    expect(result.warnings).toEqual([{ type: 'unsupported-setting', setting: 'aspectRatio', details: "the output takes the input image's proportions" }]);
  });

  it('sends sd3 image-to-image with mode image-to-image from a base64 input', async () => {
    const input = tinyPng({ rgb: [0, 255, 0] });
    const requests = serve('post', '/v2beta/stable-image/generate/sd3', imageReply());
    await provider().image('sd3.5-medium').doGenerate(call({ images: [{ data: Buffer.from(input).toString('base64'), mediaType: 'image/png' }] }));
    expect(requests[0]!.fields).toMatchObject({ mode: 'image-to-image', model: 'sd3.5-medium', strength: '0.5' });
    expect(requests[0]!.files.image!.bytes).toEqual(input);
  });

  it('downloads a URL input image without sending the Stability key there', async () => {
    const input = tinyPng({ rgb: [9, 9, 9] });
    const downloads: Record<string, string>[] = [];
    server.use(
      http.get('https://images.example.com/in.png', ({ request }) => {
        downloads.push(Object.fromEntries(request.headers));
        return new HttpResponse(input, { headers: { 'content-type': 'image/png' } });
      }),
    );
    const requests = serve('post', '/v2beta/stable-image/generate/ultra', imageReply());
    await provider().image('ultra').doGenerate(call({ images: [{ data: new URL('https://images.example.com/in.png'), mediaType: 'image/png' }] }));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.authorization).toBeUndefined();
    expect(requests[0]!.files.image!.bytes).toEqual(input);
  });

  it('warns that core takes no input image and sends none', async () => {
    const requests = serve('post', '/v2beta/stable-image/generate/core', imageReply());
    const result = await provider().image('core').doGenerate(call({ images: [{ data: tinyPng(), mediaType: 'image/png' }], mask: { data: tinyPng(), mediaType: 'image/png' } }));
    expect(requests[0]!.files).toEqual({});
    expect(result.warnings.map((warning) => warning.type === 'unsupported-setting' && warning.setting)).toEqual(['images', 'mask']);
  });

  it('sends inpaint with image and mask files', async () => {
    const image = tinyPng({ rgb: [1, 2, 3] });
    const mask = tinyPng({ rgb: [255, 255, 255] });
    const requests = serve('post', '/v2beta/stable-image/edit/inpaint', imageReply());
    await provider().image('inpaint').doGenerate(call({ images: [{ data: image, mediaType: 'image/png' }], mask: { data: mask, mediaType: 'image/png' } }));
    expect(requests[0]!.files.image!.bytes).toEqual(image);
    expect(requests[0]!.files.mask!.bytes).toEqual(mask);
  });

  it('maps a size that reduces to a supported ratio to aspect_ratio, with a warning', async () => {
    const requests = serve('post', '/v2beta/stable-image/generate/core', imageReply());
    const result = await provider().image('core').doGenerate(call({ size: '1344x756' }));
    expect(requests[0]!.fields.aspect_ratio).toBe('16:9');
    expect(result.warnings).toEqual([{ type: 'other', message: 'size 1344x756 was sent as aspect_ratio 16:9; v2beta endpoints choose the pixel size' }]);
  });

  it('rejects an aspect ratio Stability does not accept before any request', async () => {
    const requests = serve('post', '/v2beta/stable-image/generate/core', imageReply());
    const error = await provider().image('core').doGenerate(call({ aspectRatio: '4:3' })).catch((caught) => caught);
    expect(InvalidArgumentError.isInstance(error) && error.argument).toBe('aspectRatio');
    expect(requests).toHaveLength(0);
  });

  it('rejects a wire field that cannot be a multipart field before downloading the input image', async () => {
    const requests = serve('post', '/v2beta/stable-image/generate/ultra', imageReply());
    const error = await provider()
      .image('ultra')
      .doGenerate(call({ images: [{ data: new URL('https://images.example.com/never.png'), mediaType: 'image/png' }], providerOptions: { stability: { extra: { a: 1 } } } }))
      .catch((caught) => caught);
    expect(InvalidArgumentError.isInstance(error) && error.argument).toBe('providerOptions.stability.extra');
    expect(requests).toHaveLength(0);
  });

  it('rejects an empty prompt, an out-of-range seed and a missing image before any request', async () => {
    const requests = serve('post', '/v2beta/stable-image/upscale/creative', jsonReply('async-submit'));
    const model = provider().image('upscale-creative');
    await expect(model.doGenerate(call({ prompt: '' }))).rejects.toMatchObject({ argument: 'prompt' });
    await expect(model.doGenerate(call({ seed: -1 }))).rejects.toMatchObject({ argument: 'seed' });
    await expect(model.doGenerate(call())).rejects.toMatchObject({ argument: 'images' });
    expect(requests).toHaveLength(0);
  });

  it('passes snake_case wire fields through and rejects unknown camelCase options', async () => {
    const requests = serve('post', '/v2beta/stable-image/generate/core', imageReply());
    await provider().image('core').doGenerate(call({ providerOptions: { stability: { style_preset: 'anime', output_format: 'jpeg' } } }));
    expect(requests[0]!.fields).toMatchObject({ style_preset: 'anime', output_format: 'jpeg' });
    await expect(provider().image('core').doGenerate(call({ providerOptions: { stability: { stylePresett: 'x' } } }))).rejects.toMatchObject({
      argument: 'providerOptions.stability.stylePresett',
    });
    await expect(provider().image('core').doGenerate(call({ providerOptions: { stability: { strength: 2 } } }))).rejects.toMatchObject({
      argument: 'providerOptions.stability.strength',
    });
    expect(requests).toHaveLength(1);
  });

  it('reads the JSON form of an image answer', async () => {
    const requests = serve('post', '/v2beta/stable-image/generate/core', () =>
      HttpResponse.json(fixture('v2-json-image'), { headers: { 'content-type': 'application/json; type=image/png' } }),
    );
    const result = await provider().image('core').doGenerate(call());
    expect(requests[0]!.fields).toEqual({ prompt: 'Lighthouse on a cliff overlooking the ocean' });
    expect(result.images).toEqual([{ type: 'bytes', data: tinyPng(), mediaType: 'image/png' }]);
    expect(result.providerMetadata).toEqual({ stability: { seeds: [343940597], finishReasons: ['SUCCESS'] } });
  });

  it('sends the client headers, extra headers and call headers', async () => {
    const requests = serve('post', '/v2beta/stable-image/generate/core', imageReply());
    await provider({ clientId: 'my-app', clientUserId: 'user-7', clientVersion: '1.2.3', headers: { 'x-team': 'art' } })
      .image('core')
      .doGenerate(call({ headers: { 'x-trace': 't-1' } }));
    expect(requests[0]!.headers).toMatchObject({
      'stability-client-id': 'my-app',
      'stability-client-user-id': 'user-7',
      'stability-client-version': '1.2.3',
      'x-team': 'art',
      'x-trace': 't-1',
    });
  });
});

describe('stability provider', () => {
  it('is callable, and image(), imageModel() and the call give the same model', () => {
    const model = stability('sd3.5-large');
    expect(model).toMatchObject({ provider: 'stability.image', modelId: 'sd3.5-large', specificationVersion: 'v1', maxImagesPerCall: 1 });
    expect(stability.image('core').modelId).toBe('core');
    expect(stability.imageModel('stable-diffusion-v1-6').maxImagesPerCall).toBe(10);
    expect(() => stability.languageModel('x')).toThrow(UnsupportedFunctionalityError);
  });

  it('reads STABILITY_API_KEY at call time', async () => {
    vi.stubEnv('STABILITY_API_KEY', 'sk-from-env-987654');
    const requests = serve('post', '/v2beta/stable-image/generate/core', imageReply());
    await stability('core').doGenerate(call());
    expect(requests[0]!.headers.authorization).toBe('Bearer sk-from-env-987654');
  });

  it('throws LoadAPIKeyError naming the setting and env var before any request', async () => {
    vi.stubEnv('STABILITY_API_KEY', '');
    const requests = serve('post', '/v2beta/stable-image/generate/core', imageReply());
    const error = await stability('core').doGenerate(call()).catch((caught) => caught);
    expect(LoadAPIKeyError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/apiKey/);
    expect(error.message).toMatch(/STABILITY_API_KEY/);
    expect(requests).toHaveLength(0);
  });

  it('uses a custom baseURL', async () => {
    const requests: string[] = [];
    server.use(
      http.post('http://127.0.0.1:4010/v2beta/stable-image/generate/core', ({ request }) => {
        requests.push(request.url);
        return imageReply()({} as never, 0);
      }),
    );
    await provider({ baseURL: 'http://127.0.0.1:4010/' }).image('core').doGenerate(call());
    expect(requests).toEqual(['http://127.0.0.1:4010/v2beta/stable-image/generate/core']);
  });
});
