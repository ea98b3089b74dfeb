import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { NoContentGeneratedError } from '../../../src/errors/index.js';
import type { ImageModelCallOptions } from '../../../src/provider/index.js';
import { imageReply, jsonReply, provider, serve } from './handlers.js';
import { tinyPng } from './tiny-png.js';

const call: ImageModelCallOptions = { prompt: 'a statue', n: 1 };

describe('Stability content filter', () => {
  it('returns a CONTENT_FILTERED image with a warning and the finish reason in metadata', async () => {
    const blurred = tinyPng({ rgb: [128, 128, 128] });
    const requests = serve('post', '/v2beta/stable-image/generate/core', imageReply({ bytes: blurred, finishReason: 'CONTENT_FILTERED', seed: '77' }));
    const result = await provider().image('core').doGenerate(call);
    expect(requests[0]!.fields.prompt).toBe('a statue');
    expect(result.images).toEqual([{ type: 'bytes', data: blurred, mediaType: 'image/png' }]);
    expect(result.warnings).toEqual([
      {
        type: 'other',
        message: "Stability's content filter flagged 1 of 1 image(s) (finish reason CONTENT_FILTERED); they are returned but may be blurred",
      },
    ]);
    expect(result.providerMetadata).toEqual({ stability: { seeds: [77], finishReasons: ['CONTENT_FILTERED'] } });
  });

  it('throws NoContentGeneratedError when a CONTENT_FILTERED answer carries no usable image', async () => {
    const requests = serve('post', '/v2beta/stable-image/generate/ultra', () =>
      new HttpResponse(new Uint8Array(0), { headers: { 'content-type': 'image/png', 'finish-reason': 'CONTENT_FILTERED', seed: '1' } }),
    );
    const error = await provider().image('ultra').doGenerate(call).catch((caught) => caught);
    expect(requests[0]!.fields).toEqual({ prompt: 'a statue' });
    expect(requests[0]!.headers.accept).toBe('image/*');
    expect(NoContentGeneratedError.isInstance(error)).toBe(true);
    expect(error.provider).toBe('stability.image');
    expect(error.message).toMatch(/content filter blocked the image.*CONTENT_FILTERED/);
  });

  it('keeps the unfiltered v1 artifacts, warns about the filtered one', async () => {
    const requests = serve('post', '/v1/generation/stable-diffusion-v1-6/text-to-image', jsonReply('v1-text-to-image-filtered'));
    const result = await provider().image('stable-diffusion-v1-6').doGenerate({ ...call, n: 2 });
    expect(requests[0]!.json.samples).toBe(2);
    expect(result.images).toHaveLength(2);
    expect(result.warnings).toEqual([
      {
        type: 'other',
        message: "Stability's content filter flagged 1 of 2 image(s) (finish reason CONTENT_FILTERED); they are returned but may be blurred",
      },
    ]);
    expect(result.providerMetadata!.stability!.finishReasons).toEqual(['CONTENT_FILTERED', 'SUCCESS']);
  });

  it('throws NoContentGeneratedError when every v1 artifact is filtered out or failed', async () => {
    const requests = serve('post', '/v1/generation/stable-diffusion-v1-6/text-to-image', jsonReply('v1-text-to-image-error'));
    const error = await provider().image('stable-diffusion-v1-6').doGenerate({ ...call, n: 2 }).catch((caught) => caught);
    expect(requests[0]!.json).toEqual({ text_prompts: [{ text: 'a statue', weight: 1 }], samples: 2 });
    expect(NoContentGeneratedError.isInstance(error)).toBe(true);
    expect(error.message).toContain('finish reasons: CONTENT_FILTERED, ERROR');
  });
});
