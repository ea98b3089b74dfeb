import { afterEach, describe, expect, it, vi } from 'vitest';
import { APICallError, InvalidArgumentError } from '../../../src/errors/index.js';
import type { ImageModelCallOptions } from '../../../src/provider/index.js';
import { automatic1111, createAutomatic1111 } from '../../../providers/stability/index.js';
import { json, provider, serve } from './handlers.js';

const call: ImageModelCallOptions = { prompt: 'a cabin', n: 1 };

async function failure(promise: Promise<unknown>): Promise<APICallError> {
  const error = await promise.then(() => undefined, (caught) => caught);
  expect(APICallError.isInstance(error), String(error)).toBe(true);
  return error as APICallError;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('AUTOMATIC1111 errors and auth', () => {
  it('explains a 404 on /sdapi as a WebUI started without --api', async () => {
    const requests = serve('post', 'txt2img', json('error-404-no-api', 404));
    const error = await failure(provider().image().doGenerate(call));
    expect(requests.map((request) => request.url)).toEqual(['http://127.0.0.1:7860/sdapi/v1/txt2img']);
    expect(error).toMatchObject({ statusCode: 404, code: 'api_not_enabled', isRetryable: false, provider: 'automatic1111.image' });
    expect(error.message).toContain('start it with the --api flag');
  });

  it('keeps the WebUI detail for a 404 about a sampler', async () => {
    const requests = serve('post', 'txt2img', json('error-404-sampler', 404));
    const error = await failure(provider().image().doGenerate({ ...call, providerOptions: { automatic1111: { samplerName: 'Nope' } } }));
    expect(requests[0]!.body.sampler_name).toBe('Nope');
    expect(error).toMatchObject({ statusCode: 404, code: 'HTTPException' });
    expect(error.message).toBe('POST http://127.0.0.1:7860/sdapi/v1/txt2img failed with 404: Sampler not found');
  });

  it('joins FastAPI validation details', async () => {
    const requests = serve('post', 'txt2img', json('error-422', 422));
    const error = await failure(provider().image().doGenerate(call));
    expect(requests[0]!.body).toEqual({ prompt: 'a cabin', seed: -1, batch_size: 1 });
    expect(error.message).toContain('body.steps: value is not a valid integer');
  });

  it('sends basic auth from username and password', async () => {
    const requests = serve('post', 'txt2img', json('txt2img-basic'));
    await provider({ username: 'artist', password: 'pa:ss-wörd' }).image().doGenerate(call);
    expect(requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('artist:pa:ss-wörd').toString('base64')}`);
  });

  it('moves credentials out of baseURL into basic auth and keeps them out of errors', async () => {
    const requests = serve('post', 'txt2img', json('error-401', 401));
    const error = await failure(
      createAutomatic1111({ baseURL: 'http://artist:s3cret-pass@127.0.0.1:7860/' }).image().doGenerate(call),
    );
    expect(requests[0]!.url).toBe('http://127.0.0.1:7860/sdapi/v1/txt2img');
    expect(requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('artist:s3cret-pass').toString('base64')}`);
    expect(error).toMatchObject({ statusCode: 401, url: 'http://127.0.0.1:7860/sdapi/v1/txt2img' });
    expect(error.message).toContain('Incorrect username or password');
    expect(error.message).toContain('--api-auth');
    const shown = JSON.stringify({ ...error, message: error.message });
    expect(shown).not.toContain('s3cret-pass');
    expect(shown).not.toContain(Buffer.from('artist:s3cret-pass').toString('base64'));
  });

  it('reads A1111_BASE_URL at call time, credentials included', async () => {
    vi.stubEnv('A1111_BASE_URL', 'http://me:hunter22@127.0.0.1:7860');
    const requests = serve('post', 'txt2img', json('txt2img-basic'));
    await automatic1111().doGenerate(call);
    expect(requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('me:hunter22').toString('base64')}`);
  });

  it('rejects a baseURL that is not a URL without echoing it', async () => {
    const error = await createAutomatic1111({ baseURL: 'gpu box:7860 user:pw' }).image().doGenerate(call).catch((caught) => caught);
    expect(InvalidArgumentError.isInstance(error) && error.argument).toBe('baseURL');
    expect(error.message).not.toContain('pw');
  });
});
