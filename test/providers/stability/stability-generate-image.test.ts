import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { generateImage } from '../../../src/index.js';
import type { JobProgressEvent } from '../../../src/provider/index.js';
import { fixture as a1111Fixture, json as a1111Json, provider as a1111Provider, serve as a1111Serve } from '../automatic1111/handlers.js';
import { imageReply, provider, serve } from './handlers.js';
import { tinyPng } from './tiny-png.js';

describe('generateImage with Stable Diffusion models', () => {
  it('splits n into one Stability v2beta request per image and merges seeds and warnings', async () => {
    const requests = serve(
      'post',
      '/v2beta/stable-image/generate/sd3',
      imageReply({ seed: '11' }),
      imageReply({ seed: '22', finishReason: 'CONTENT_FILTERED', bytes: tinyPng({ rgb: [128, 128, 128] }) }),
    );
    const result = await generateImage({ model: provider()('sd3.5-medium'), prompt: 'two foxes', n: 2, aspectRatio: '3:2', maxRetries: 0 });
    expect(requests).toHaveLength(2);
    for (const request of requests) expect(request.fields).toMatchObject({ prompt: 'two foxes', aspect_ratio: '3:2', model: 'sd3.5-medium', mode: 'text-to-image' });
    expect(result.images.map((image) => image.mediaType)).toEqual(['image/png', 'image/png']);
    expect(result.image.uint8Array).toEqual(tinyPng());
    expect([...result.providerMetadata.stability!.seeds as number[]].sort()).toEqual([11, 22]);
    expect(result.warnings).toEqual([expect.objectContaining({ type: 'other', message: expect.stringContaining('CONTENT_FILTERED') })]);
  });

  it('runs AUTOMATIC1111 img2img as one batch with progress and seeds', async () => {
    const input = tinyPng({ rgb: [3, 4, 5] });
    a1111Serve('get', 'progress', () => HttpResponse.json(a1111Fixture('progress-20')));
    const requests = a1111Serve('post', 'img2img', a1111Json('img2img-basic'));
    const events: JobProgressEvent[] = [];
    const result = await generateImage({
      model: a1111Provider().image('v1-5-pruned-emaonly'),
      prompt: { text: 'make it winter', images: [input] },
      onProgress: (event) => events.push(event),
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.body).toMatchObject({
      prompt: 'make it winter',
      batch_size: 1,
      init_images: [Buffer.from(input).toString('base64')],
      override_settings: { sd_model_checkpoint: 'v1-5-pruned-emaonly' },
    });
    expect(result.image.base64).toBe(a1111Fixture('img2img-basic').images[0]);
    expect(result.providerMetadata.automatic1111!.seeds).toEqual([12345]);
    expect(events.at(0)).toMatchObject({ status: 'submitted', progress: 0 });
    expect(events.at(-1)).toMatchObject({ status: 'succeeded', progress: 1 });
  });
});
