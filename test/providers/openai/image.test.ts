import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { APICallError, generateImage, InvalidArgumentError, InvalidResponseError, UnsupportedFunctionalityError } from '../../../src/index.js';
import { createOpenAI, OpenAIImageModel } from '../../../providers/openai/index.js';
import { server } from '../../support/msw-server.js';
import { BASE_URL, jsonReply, mediaFixture, serveMedia } from './media-handlers.js';

const KEY = 'sk-test-aigc-0123456789abcdef';
const openai = createOpenAI({ apiKey: KEY, organization: 'org_1' });
const PNG_BASE64 = mediaFixture('images-generations-gpt-image').data[0].b64_json as string;
const PNG = Uint8Array.from(atob(PNG_BASE64), (char) => char.charCodeAt(0));
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);

describe('openai image (gpt-image-1)', () => {
  it('posts JSON to /images/generations and returns base64 images, usage and metadata', async () => {
    const requests = serveMedia('/images/generations', jsonReply('images-generations-gpt-image'));
    const result = await generateImage({
      model: openai.image('gpt-image-1'),
      prompt: 'an apple, studio light',
      size: '1024x1024',
      headers: { 'x-trace-id': 't-1' },
      providerOptions: { openai: { quality: 'medium', background: 'opaque', outputFormat: 'png', moderation: 'low', user: 'user-7' } },
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe(`${BASE_URL}/images/generations`);
    expect(requests[0]!.headers).toMatchObject({ authorization: `Bearer ${KEY}`, 'openai-organization': 'org_1', 'content-type': 'application/json', 'x-trace-id': 't-1' });
    expect(requests[0]!.json).toEqual({
      model: 'gpt-image-1',
      prompt: 'an apple, studio light',
      n: 1,
      size: '1024x1024',
      quality: 'medium',
      background: 'opaque',
      output_format: 'png',
      moderation: 'low',
      user: 'user-7',
    });
    expect(result.image.mediaType).toBe('image/png');
    expect(result.image.uint8Array).toEqual(PNG);
    expect(result.usage).toEqual({ inputTokens: 10, outputTokens: 1090, totalTokens: 1100 });
    expect(result.providerMetadata).toEqual({ openai: { size: '1024x1024', quality: 'medium', background: 'opaque', outputFormat: 'png' } });
    expect(result.responses[0]).toMatchObject({ modelId: 'gpt-image-1', timestamp: new Date(1730000000 * 1000) });
    expect(result.responses[0]!.headers?.['x-request-id']).toBe('req_media_1');
    expect(result.warnings).toEqual([]);
  });

  it('maps aspectRatio to a supported size and warns about seed and negativePrompt, which it cannot send', async () => {
    const requests = serveMedia('/images/generations', jsonReply('images-generations-gpt-image-n2'));
    const result = await generateImage({
      model: openai.image('gpt-image-1'),
      prompt: 'a wide landscape',
      n: 2,
      aspectRatio: '3:2',
      seed: 7,
      negativePrompt: 'people',
      providerOptions: { openai: { outputFormat: 'webp', outputCompression: 80, background: 'transparent' } },
    });
    expect(requests[0]!.json).toEqual({
      model: 'gpt-image-1',
      prompt: 'a wide landscape',
      n: 2,
      size: '1536x1024',
      output_format: 'webp',
      output_compression: 80,
      background: 'transparent',
    });
    expect(result.images).toHaveLength(2);
    expect(result.images.map((image) => image.mediaType)).toEqual(['image/webp', 'image/webp']);
    expect(result.warnings).toEqual([
      { type: 'other', message: 'aspectRatio 3:2 was sent as size 1536x1024' },
      { type: 'unsupported-setting', setting: 'seed' },
      { type: 'unsupported-setting', setting: 'negativePrompt', details: 'describe what to avoid in the prompt instead' },
    ]);
  });

  it('sends input images and a mask as multipart to /images/edits', async () => {
    const requests = serveMedia('/images/edits', jsonReply('images-edits-gpt-image'));
    const result = await generateImage({
      model: openai.image('gpt-image-1'),
      prompt: { text: 'put the apple in a basket', images: [PNG, JPEG], mask: PNG },
      providerOptions: { openai: { quality: 'high' } },
    });
    const form = requests[0]!.form!;
    expect(requests[0]!.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(form).toMatchObject({ model: 'gpt-image-1', prompt: 'put the apple in a basket', n: '1', quality: 'high' });
    expect(form['image[]']).toEqual([
      { filename: 'image-0.png', type: 'image/png', bytes: PNG },
      { filename: 'image-1.jpg', type: 'image/jpeg', bytes: JPEG },
    ]);
    expect(form.mask).toEqual({ filename: 'mask.png', type: 'image/png', bytes: PNG });
    expect(result.usage).toEqual({ inputTokens: 400, outputTokens: 1100, totalTokens: 1500 });
  });

  it('splits n into calls of at most 10', async () => {
    const requests = serveMedia('/images/generations', (request) =>
      HttpResponse.json({ created: 1, data: Array.from({ length: request.json.n }, () => ({ b64_json: PNG_BASE64 })) }));
    const { images } = await generateImage({ model: openai.image('gpt-image-1'), prompt: 'p', n: 12 });
    expect(requests.map((request) => request.json.n).sort()).toEqual([10, 2]);
    expect(images).toHaveLength(12);
  });
});

describe('openai image (dall-e)', () => {
  it('asks dall-e-3 for a URL, downloads it without the API key and reports the revised prompt', async () => {
    const requests = serveMedia('/images/generations', jsonReply('images-generations-dall-e-3'));
    const downloads: Request[] = [];
    server.use(http.get('https://oaidalleapiprodscus.blob.core.windows.net/private/*', ({ request }) => {
      downloads.push(request);
      return new HttpResponse(PNG, { headers: { 'content-type': 'image/png' } });
    }));
    const result = await generateImage({
      model: openai.image('dall-e-3'),
      prompt: 'a red fox in snow',
      size: '1792x1024',
      providerOptions: { openai: { quality: 'hd', style: 'natural' } },
    });
    expect(requests[0]!.json).toEqual({ model: 'dall-e-3', prompt: 'a red fox in snow', n: 1, size: '1792x1024', quality: 'hd', style: 'natural', response_format: 'url' });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.url).toBe(mediaFixture('images-generations-dall-e-3').data[0].url);
    expect(downloads[0]!.headers.get('authorization')).toBeNull();
    expect(downloads[0]!.headers.get('openai-organization')).toBeNull();
    expect(result.image.uint8Array).toEqual(PNG);
    expect(result.image.mediaType).toBe('image/png');
    expect(result.providerMetadata).toEqual({ openai: { revisedPrompts: ['A red fox standing in fresh snow, soft winter light.'] } });
  });

  it('splits dall-e-3 n into one image per call', async () => {
    const requests = serveMedia('/images/generations', () => HttpResponse.json({ created: 1, data: [{ b64_json: PNG_BASE64 }] }));
    const { images } = await generateImage({ model: openai.image('dall-e-3'), prompt: 'p', n: 3, providerOptions: { openai: { responseFormat: 'b64_json' } } });
    expect(requests.map((request) => request.json)).toEqual(Array.from({ length: 3 }, () => ({ model: 'dall-e-3', prompt: 'p', n: 1, response_format: 'b64_json' })));
    expect(images).toHaveLength(3);
  });

  it('downloads several dall-e-2 URLs and fails with DownloadError past the size cap', async () => {
    serveMedia('/images/generations', jsonReply('images-generations-dall-e-2'));
    server.use(http.get('https://oaidalleapiprodscus.blob.core.windows.net/private/*', () => new HttpResponse(new Uint8Array(5000), { headers: { 'content-type': 'image/png' } })));
    const error = await generateImage({ model: openai.image('dall-e-2'), prompt: 'p', n: 2, size: '256x256', download: { maxBytes: 4096 } }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'AI_DownloadError', statusCode: 200 });
    expect((error as Error).message).toContain('sig=***');
    expect((error as Error).message).not.toContain('c2lnLTE');
  });

  it('warns that aspect ratios dall-e-2 cannot do are not sent', async () => {
    const requests = serveMedia('/images/generations', () => HttpResponse.json({ created: 1, data: [{ b64_json: PNG_BASE64 }] }));
    const { warnings } = await generateImage({ model: openai.image('dall-e-2'), prompt: 'p', aspectRatio: '16:9', providerOptions: { openai: { responseFormat: 'b64_json' } } });
    expect(requests[0]!.json).toEqual({ model: 'dall-e-2', prompt: 'p', n: 1, response_format: 'b64_json' });
    expect(warnings).toEqual([{ type: 'unsupported-setting', setting: 'aspectRatio', details: 'dall-e-2 supports 1:1; use size instead' }]);
  });
});

describe('openai image errors', () => {
  it('throws APICallError with the provider code and no key', async () => {
    serveMedia('/images/generations', jsonReply('images-error-400', { status: 400 }));
    const error = await generateImage({ model: openai.image('gpt-image-1'), prompt: 'p' }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 400, code: 'content_policy_violation', url: `${BASE_URL}/images/generations`, isRetryable: false });
    expect((error as Error).message).toBe(`POST ${BASE_URL}/images/generations failed with 400: Your request was rejected as a result of our safety system.`);
    expect(JSON.stringify(error)).not.toContain(KEY);
  });

  it('retries a 429 and then succeeds', async () => {
    const requests = serveMedia('/images/generations',
      () => HttpResponse.json({ error: { message: 'slow down', type: 'requests', param: null, code: 'rate_limit_exceeded' } }, { status: 429, headers: { 'retry-after-ms': '0' } }),
      jsonReply('images-generations-gpt-image'));
    const { image } = await generateImage({ model: openai.image('gpt-image-1'), prompt: 'p' });
    expect(requests).toHaveLength(2);
    expect(image.mediaType).toBe('image/png');
  });

  it('throws InvalidResponseError for a wrong shape', async () => {
    serveMedia('/images/generations', jsonReply('images-generations-invalid'));
    await expect(generateImage({ model: openai.image('gpt-image-1'), prompt: 'p' })).rejects.toSatisfy(InvalidResponseError.isInstance);
  });

  it('rejects unknown provider options and bad input before any request', async () => {
    const requests = serveMedia('/images/generations', jsonReply('images-generations-gpt-image'));
    await expect(generateImage({ model: openai.image('gpt-image-1'), prompt: 'p', providerOptions: { openai: { qualty: 'high' } } }))
      .rejects.toMatchObject({ argument: 'providerOptions.openai.qualty' });
    await expect(generateImage({ model: openai.image('gpt-image-1'), prompt: '' })).rejects.toSatisfy(InvalidArgumentError.isInstance);
    await expect(generateImage({ model: openai.image('gpt-image-1'), prompt: 'p', n: 0 })).rejects.toMatchObject({ argument: 'n' });
    await expect(generateImage({ model: openai.image('gpt-image-1'), prompt: 'p', size: 'big' as never })).rejects.toMatchObject({ argument: 'size' });
    expect(requests).toHaveLength(0);
  });

  it('refuses resume and actions, which OpenAI has no jobs for', async () => {
    await expect(generateImage({ model: openai.image('gpt-image-1'), resume: { jobId: 'j' } })).rejects.toSatisfy(UnsupportedFunctionalityError.isInstance);
  });

  it('is reachable as imageModel too', () => {
    expect(openai.imageModel('dall-e-3')).toMatchObject({ provider: 'openai.image', modelId: 'dall-e-3', maxImagesPerCall: 1 });
  });

  it('takes the wire details from baseModel when the id is a deployment name', async () => {
    const requests = serveMedia('/deployments/pictures/images/generations', () => HttpResponse.json({ created: 1, data: [{ b64_json: PNG_BASE64 }] }));
    const model = new OpenAIImageModel('pictures', {
      provider: 'azure.image',
      url: ({ path, modelId }) => `${BASE_URL}/deployments/${modelId}${path}`,
      headers: () => ({ 'api-key': 'azure-key-0123456789' }),
      omitModel: true,
    }, { baseModel: 'dall-e-3' });
    expect(model.maxImagesPerCall).toBe(1);
    await generateImage({ model, prompt: 'p', n: 2, providerOptions: { azure: { style: 'vivid' } } });
    expect(requests.map((request) => request.json)).toEqual([
      { prompt: 'p', n: 1, style: 'vivid', response_format: 'url' },
      { prompt: 'p', n: 1, style: 'vivid', response_format: 'url' },
    ]);
    expect(requests[0]!.headers['api-key']).toBe('azure-key-0123456789');
  });
});
