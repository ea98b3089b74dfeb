import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, UnsupportedFunctionalityError } from '../../../src/errors/index.js';
import type { ImageModelCallOptions } from '../../../src/provider/index.js';
import { automatic1111 } from '../../../providers/stability/index.js';
import { tinyPng } from '../stability/tiny-png.js';
import { fixture, json, provider, serve } from './handlers.js';

const call = (options: Partial<ImageModelCallOptions> = {}): ImageModelCallOptions => ({ prompt: 'a cozy cabin, snow, (masterpiece:1.2)', n: 1, ...options });

describe('Automatic1111ImageModel txt2img', () => {
  it('posts the mapped txt2img body and reports the seeds from info', async () => {
    const requests = serve('post', 'txt2img', json('txt2img-basic'));
    const result = await provider().image('v1-5-pruned-emaonly').doGenerate(
      call({
        negativePrompt: 'lowres',
        size: '768x512',
        seed: 3298453126,
        providerOptions: { automatic1111: { steps: 25, samplerName: 'DPM++ 2M', scheduler: 'Karras', cfgScale: 7, clipSkip: 2, restoreFaces: false } },
      }),
    );
    const request = requests[0]!;
    expect(request.url).toBe('http://127.0.0.1:7860/sdapi/v1/txt2img');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.body).toEqual({
      prompt: 'a cozy cabin, snow, (masterpiece:1.2)',
      negative_prompt: 'lowres',
      seed: 3298453126,
      batch_size: 1,
      width: 768,
      height: 512,
      steps: 25,
      sampler_name: 'DPM++ 2M',
      scheduler: 'Karras',
      cfg_scale: 7,
      restore_faces: false,
      override_settings: { CLIP_stop_at_last_layers: 2, sd_model_checkpoint: 'v1-5-pruned-emaonly' },
    });
    expect(result.images).toEqual([{ type: 'base64', data: fixture('txt2img-basic').images[0], mediaType: 'image/png' }]);
    expect(result.providerMetadata).toEqual({
      automatic1111: {
        seeds: [3298453126],
        subseeds: [1760587327],
        infotexts: [expect.stringContaining('Seed: 3298453126')],
        sdModelName: 'v1-5-pruned-emaonly',
        sdModelHash: '6ce0161689',
      },
    });
    expect(result.response).toMatchObject({ modelId: 'v1-5-pruned-emaonly', headers: { 'x-process-time': '3.2100' } });
    expect(result.warnings).toEqual([]);
  });

  it('sends n as batch_size, random seed -1, no checkpoint override for the loaded model, and drops the grid', async () => {
    const requests = serve('post', 'txt2img', json('txt2img-batch-grid'));
    const result = await provider().image().doGenerate(call({ n: 2 }));
    expect(requests[0]!.body).toEqual({ prompt: 'a cozy cabin, snow, (masterpiece:1.2)', seed: -1, batch_size: 2 });
    const images = fixture('txt2img-batch-grid').images;
    expect(result.images.map((image) => image.type === 'base64' && image.data)).toEqual([images[1], images[2]]);
    expect(result.providerMetadata!.automatic1111!.seeds).toEqual([3298453126, 3298453127]);
    expect(result.warnings).toEqual([{ type: 'other', message: '1 extra image(s) (a grid or script output) were left out' }]);
  });

  it('maps aspectRatio to about 512² pixels in multiples of 8, and says so', async () => {
    const requests = serve('post', 'txt2img', json('txt2img-basic'));
    const result = await provider().image().doGenerate(call({ aspectRatio: '16:9' }));
    expect(requests[0]!.body).toMatchObject({ width: 680, height: 384 });
    expect(result.warnings).toEqual([{ type: 'other', message: 'aspectRatio 16:9 was sent as 680x384; pass size for other resolutions' }]);
  });

  it('passes snake_case wire fields through and merges override settings', async () => {
    const requests = serve('post', 'txt2img', json('txt2img-basic'));
    await provider().image('sd_xl_base_1.0').doGenerate(
      call({
        providerOptions: {
          automatic1111: {
            enableHr: true,
            hrScale: 2,
            hrUpscaler: 'Latent',
            denoisingStrength: 0.55,
            overrideSettings: { sd_vae: 'Automatic' },
            hr_second_pass_steps: 10,
            alwayson_scripts: { controlnet: { args: [{ enabled: false }] } },
          },
        },
      }),
    );
    expect(requests[0]!.body).toMatchObject({
      enable_hr: true,
      hr_scale: 2,
      hr_upscaler: 'Latent',
      denoising_strength: 0.55,
      hr_second_pass_steps: 10,
      alwayson_scripts: { controlnet: { args: [{ enabled: false }] } },
      override_settings: { sd_vae: 'Automatic', sd_model_checkpoint: 'sd_xl_base_1.0' },
    });
  });

  it('rejects bad options and unsupported calls before any request', async () => {
    const requests = serve('post', 'txt2img', json('txt2img-basic'));
    const model = provider().image();
    await expect(model.doGenerate(call({ providerOptions: { automatic1111: { samplerNmae: 'Euler' } } }))).rejects.toMatchObject({
      argument: 'providerOptions.automatic1111.samplerNmae',
    });
    await expect(model.doGenerate(call({ providerOptions: { automatic1111: { steps: 2.5 } } }))).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(model.doGenerate(call({ seed: 1.5 }))).rejects.toMatchObject({ argument: 'seed' });
    await expect(model.doGenerate(call({ resume: { jobId: 'x' } }))).rejects.toBeInstanceOf(UnsupportedFunctionalityError);
    expect(requests).toHaveLength(0);
  });
});

describe('Automatic1111ImageModel img2img', () => {
  it('posts init_images, mask and denoising_strength to img2img when the call has an input image', async () => {
    const input = tinyPng({ rgb: [0, 0, 255] });
    const mask = tinyPng({ rgb: [255, 255, 255] });
    const requests = serve('post', 'img2img', json('img2img-basic'));
    const result = await provider().image().doGenerate(
      call({
        prompt: 'make it winter',
        images: [{ data: input, mediaType: 'image/png' }],
        mask: { data: Buffer.from(mask).toString('base64'), mediaType: 'image/png' },
        size: '512x512',
        providerOptions: { automatic1111: { denoisingStrength: 0.4, mask_blur: 4, inpainting_fill: 1 } },
      }),
    );
    expect(requests[0]!.url).toBe('http://127.0.0.1:7860/sdapi/v1/img2img');
    expect(requests[0]!.body).toEqual({
      prompt: 'make it winter',
      seed: -1,
      batch_size: 1,
      width: 512,
      height: 512,
      denoising_strength: 0.4,
      init_images: [Buffer.from(input).toString('base64')],
      mask: Buffer.from(mask).toString('base64'),
      mask_blur: 4,
      inpainting_fill: 1,
    });
    expect(result.images).toEqual([{ type: 'base64', data: fixture('img2img-basic').images[0], mediaType: 'image/png' }]);
    expect(result.providerMetadata!.automatic1111!.seeds).toEqual([12345]);
  });

  it('warns that a mask without an input image is not sent', async () => {
    const requests = serve('post', 'txt2img', json('txt2img-basic'));
    const result = await provider().image().doGenerate(call({ mask: { data: tinyPng(), mediaType: 'image/png' } }));
    expect(requests[0]!.body).not.toHaveProperty('mask');
    expect(result.warnings).toEqual([{ type: 'unsupported-setting', setting: 'mask', details: 'a mask needs an input image (img2img)' }]);
  });
});

describe('automatic1111 provider', () => {
  it('is callable with an optional checkpoint', () => {
    expect(automatic1111()).toMatchObject({ provider: 'automatic1111.image', modelId: 'default', maxImagesPerCall: 8 });
    expect(automatic1111('sd_xl_base_1.0').modelId).toBe('sd_xl_base_1.0');
    expect(automatic1111.image('anything-v5').modelId).toBe('anything-v5');
    expect(() => automatic1111.languageModel('x')).toThrow(UnsupportedFunctionalityError);
  });
});
