import { describe, expect, it } from 'vitest';
import type { ImageModelCallOptions } from '../../../src/provider/index.js';
import { API_KEY, fixture, jsonReply, provider, serve } from './handlers.js';
import { tinyPng } from './tiny-png.js';

const ENGINE = 'stable-diffusion-xl-1024-v1-0';
const call = (options: Partial<ImageModelCallOptions> = {}): ImageModelCallOptions => ({ prompt: 'A lighthouse on a cliff', n: 1, ...options });

describe('StabilityImageModel v1', () => {
  it('posts JSON text-to-image with text_prompts, size, samples and v1 options; decodes the artifacts', async () => {
    const requests = serve('post', `/v1/generation/${ENGINE}/text-to-image`, jsonReply('v1-text-to-image'));
    const result = await provider().image(ENGINE).doGenerate(
      call({
        negativePrompt: 'blurry',
        size: '1024x1024',
        n: 2,
        seed: 7,
        providerOptions: { stability: { cfgScale: 7, steps: 30, sampler: 'K_DPMPP_2M', stylePreset: 'enhance', clipGuidancePreset: 'FAST_BLUE' } },
      }),
    );
    const request = requests[0]!;
    expect(request.headers).toMatchObject({ authorization: `Bearer ${API_KEY}`, accept: 'application/json', 'content-type': 'application/json' });
    expect(request.json).toEqual({
      text_prompts: [
        { text: 'A lighthouse on a cliff', weight: 1 },
        { text: 'blurry', weight: -1 },
      ],
      width: 1024,
      height: 1024,
      cfg_scale: 7,
      clip_guidance_preset: 'FAST_BLUE',
      sampler: 'K_DPMPP_2M',
      samples: 2,
      seed: 7,
      steps: 30,
      style_preset: 'enhance',
    });
    const artifacts = fixture('v1-text-to-image').artifacts;
    expect(result.images).toEqual([
      { type: 'bytes', data: Buffer.from(artifacts[0].base64, 'base64'), mediaType: 'image/png' },
      { type: 'bytes', data: Buffer.from(artifacts[1].base64, 'base64'), mediaType: 'image/png' },
    ].map((image) => ({ ...image, data: new Uint8Array(image.data) })));
    expect(result.providerMetadata).toEqual({ stability: { seeds: [1050625087, 1050625088], finishReasons: ['SUCCESS', 'SUCCESS'] } });
    expect(result.warnings).toEqual([]);
  });

  it('warns that v1 takes a size, not an aspect ratio or output format', async () => {
    const requests = serve('post', `/v1/generation/${ENGINE}/text-to-image`, jsonReply('v1-text-to-image'));
    const result = await provider().image(ENGINE).doGenerate(call({ aspectRatio: '16:9', providerOptions: { stability: { outputFormat: 'webp' } } }));
    expect(requests[0]!.json).not.toHaveProperty('aspect_ratio');
    expect(requests[0]!.json).not.toHaveProperty('output_format');
    expect(result.warnings.map((warning) => warning.type === 'unsupported-setting' && warning.setting)).toEqual([
      'aspectRatio',
      'providerOptions.stability.outputFormat',
    ]);
  });

  it('posts multipart image-to-image with init_image and image_strength = 1 - strength', async () => {
    const input = tinyPng({ rgb: [0, 0, 255] });
    const requests = serve('post', `/v1/generation/${ENGINE}/image-to-image`, jsonReply('v1-text-to-image'));
    await provider().image(ENGINE).doGenerate(
      call({ negativePrompt: 'rain', images: [{ data: input, mediaType: 'image/png' }], providerOptions: { stability: { strength: 0.25, steps: 40 } } }),
    );
    const request = requests[0]!;
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(request.fields).toEqual({
      'text_prompts[0][text]': 'A lighthouse on a cliff',
      'text_prompts[0][weight]': '1',
      'text_prompts[1][text]': 'rain',
      'text_prompts[1][weight]': '-1',
      init_image_mode: 'IMAGE_STRENGTH',
      image_strength: '0.75',
      samples: '1',
      steps: '40',
    });
    expect(request.files.init_image!.bytes).toEqual(input);
  });

  it('posts masking with mask_image and mask_source', async () => {
    const input = tinyPng({ rgb: [10, 20, 30] });
    const mask = tinyPng({ rgb: [255, 255, 255] });
    const requests = serve('post', `/v1/generation/${ENGINE}/image-to-image/masking`, jsonReply('v1-text-to-image'));
    await provider().image(ENGINE).doGenerate(call({ images: [{ data: input, mediaType: 'image/png' }], mask: { data: mask, mediaType: 'image/png' } }));
    const request = requests[0]!;
    expect(request.fields).toMatchObject({ mask_source: 'MASK_IMAGE_WHITE', 'text_prompts[0][text]': 'A lighthouse on a cliff' });
    expect(request.fields).not.toHaveProperty('init_image_mode');
    expect(request.files.init_image!.bytes).toEqual(input);
    expect(request.files.mask_image!.bytes).toEqual(mask);
  });
});
