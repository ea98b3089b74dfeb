import { describe, expect, it } from 'vitest';
import { APICallError } from '../../../src/errors/index.js';
import type { ImageModelCallOptions } from '../../../src/provider/index.js';
import { retryWithBackoff } from '../../../src/retry/retry-with-backoff.js';
import { API_KEY, imageReply, jsonReply, provider, serve } from './handlers.js';

const call: ImageModelCallOptions = { prompt: 'a fox', n: 1 };
const CORE = '/v2beta/stable-image/generate/core';

async function failure(promise: Promise<unknown>): Promise<APICallError> {
  const error = await promise.then(() => undefined, (caught) => caught);
  expect(APICallError.isInstance(error), String(error)).toBe(true);
  return error as APICallError;
}

describe('Stability errors', () => {
  it('maps a v2beta { name, errors[] } body to statusCode, code and message', async () => {
    const requests = serve('post', CORE, jsonReply('v2-error-400', 400));
    const error = await failure(provider().image('core').doGenerate(call));
    expect(requests[0]!.fields.prompt).toBe('a fox');
    expect(error).toMatchObject({ statusCode: 400, code: 'bad_request', isRetryable: false, provider: 'stability.image', url: `https://api.stability.ai${CORE}` });
    expect(error.message).toBe(
      `POST https://api.stability.ai${CORE} failed with 400: aspect_ratio: must be one of 16:9, 1:1, 21:9, 2:3, 3:2, 4:5, 5:4, 9:16, 9:21; seed: must be less than or equal to 4294967294`,
    );
  });

  it('maps content moderation (403)', async () => {
    const requests = serve('post', CORE, jsonReply('v2-error-403-moderation', 403));
    const error = await failure(provider().image('core').doGenerate(call));
    expect(requests[0]!.fields).toEqual({ prompt: 'a fox' });
    expect(error).toMatchObject({ statusCode: 403, code: 'content_moderation', isRetryable: false });
    expect(error.message).toContain('flagged by our content moderation system');
  });

  it('maps a v1 { name, message } body', async () => {
    const requests = serve('post', '/v1/generation/stable-diffusion-xl-1024-v1-0/text-to-image', jsonReply('v1-error-400', 400));
    const error = await failure(provider().image('stable-diffusion-xl-1024-v1-0').doGenerate({ ...call, size: '1000x1000' }));
    expect(requests[0]!.json).toMatchObject({ width: 1000, height: 1000 });
    expect(error).toMatchObject({ statusCode: 400, code: 'invalid_height_or_width' });
    expect(error.message).toContain('height and width must be specified in increments of 64');
  });

  it('never shows the API key, even when the error body echoes it', async () => {
    const requests = serve('post', CORE, jsonReply('v2-error-401-echo', 401));
    const error = await failure(provider().image('core').doGenerate(call));
    expect(requests[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(error).toMatchObject({ statusCode: 401, code: 'unauthorized' });
    const shown = JSON.stringify({ ...error, message: error.message });
    expect(shown).not.toContain(API_KEY);
    expect(shown).toContain('Invalid API key: ***');
  });

  it('does not retry a 429 without retry-after, and names the documented limit', async () => {
    const requests = serve('post', CORE, jsonReply('v2-error-429', 429));
    const model = provider().image('core');
    const error = await failure(retryWithBackoff(() => model.doGenerate(call), { maxRetries: 2 }));
    expect(requests).toHaveLength(1);
    expect(error).toMatchObject({ statusCode: 429, code: 'rate_limit_exceeded', isRetryable: false });
    expect(error.message).toContain('150 requests per 10 seconds');
  });

  it('retries a 429 that says when to come back', async () => {
    const requests = serve('post', CORE, jsonReply('v2-error-429', 429, { 'retry-after-ms': '1' }), imageReply());
    const model = provider().image('core');
    const result = await retryWithBackoff(() => model.doGenerate(call), { maxRetries: 2 });
    expect(requests).toHaveLength(2);
    expect(result.images).toHaveLength(1);
  });
});
