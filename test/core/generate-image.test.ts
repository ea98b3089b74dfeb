import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APICallError, DownloadError, InvalidArgumentError, NoContentGeneratedError } from '../../src/errors/index.js';
import { generateImage } from '../../src/generate-image/index.js';
import type { ImageModel, ImageModelCallOptions, ImageModelResult } from '../../src/provider/index.js';
import { server } from '../support/msw-server.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const PNG_BASE64 = btoa(String.fromCharCode(...PNG));

/** An image model for core tests: answers with `reply`, records every call. No HTTP. */
function mockImageModel(reply: (options: ImageModelCallOptions, index: number) => ImageModelResult | Promise<ImageModelResult>, maxImagesPerCall = 1) {
  const calls: ImageModelCallOptions[] = [];
  const model: ImageModel = {
    specificationVersion: 'v1',
    provider: 'mock.image',
    modelId: 'mock-image',
    maxImagesPerCall,
    doGenerate: async (options) => reply(options, calls.push(options) - 1),
  };
  return { model, calls };
}

const base64Result = (count: number, extra: Partial<ImageModelResult> = {}): ImageModelResult => ({
  images: Array.from({ length: count }, () => ({ type: 'base64' as const, data: PNG_BASE64 })),
  warnings: [],
  response: { modelId: 'mock-image', timestamp: new Date(0) },
  ...extra,
});

afterEach(() => {
  vi.useRealTimers();
});

describe('generateImage', () => {
  it('passes every option to the model and returns lazily converted files with a sniffed media type', async () => {
    const { model, calls } = mockImageModel(() => base64Result(1, { usage: { inputTokens: 10, outputTokens: 90, totalTokens: 100 } }));
    const onProgress = vi.fn();
    const result = await generateImage({
      model,
      prompt: 'an apple, studio light',
      size: '1024x1024',
      seed: 42,
      negativePrompt: 'blur',
      providerOptions: { mock: { quality: 'high' } },
      headers: { 'x-trace': 't-1' },
      onProgress,
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      prompt: 'an apple, studio light',
      n: 1,
      size: '1024x1024',
      seed: 42,
      negativePrompt: 'blur',
      providerOptions: { mock: { quality: 'high' } },
      headers: { 'x-trace': 't-1' },
      onProgress,
    });
    expect(calls[0]!.images).toBeUndefined();
    expect(result.image.mediaType).toBe('image/png');
    expect(result.image.base64).toBe(PNG_BASE64);
    expect(result.image.uint8Array).toEqual(PNG);
    expect(result.images).toHaveLength(1);
    expect(result.usage).toEqual({ inputTokens: 10, outputTokens: 90, totalTokens: 100 });
    expect(result.responses).toEqual([{ modelId: 'mock-image', timestamp: new Date(0) }]);
  });

  it('splits n beyond maxImagesPerCall into parallel calls, bounded, keeping order and merging results', async () => {
    let inFlight = 0;
    let peak = 0;
    const { model, calls } = mockImageModel(async (options, index) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await Promise.resolve();
      await Promise.resolve();
      inFlight--;
      return {
        images: Array.from({ length: options.n }, (_, image) => ({ type: 'bytes' as const, data: new Uint8Array([...JPEG, index, image]) })),
        warnings: [{ type: 'unsupported-setting', setting: 'seed' }],
        response: { id: `r${index}` },
        providerMetadata: { mock: { seeds: Array.from({ length: options.n }, (_, image) => index * 10 + image), first: index } },
        usage: { totalTokens: 5 },
      };
    }, 2);
    const result = await generateImage({ model, prompt: 'p', n: 5, maxParallelCalls: 2 });
    expect(calls.map((call) => call.n)).toEqual([2, 2, 1]);
    expect(peak).toBe(2);
    expect(result.images.map((image) => [...image.uint8Array.slice(-2)])).toEqual([[0, 0], [0, 1], [1, 0], [1, 1], [2, 0]]);
    expect(result.images.every((image) => image.mediaType === 'image/jpeg')).toBe(true);
    expect(result.warnings).toEqual([{ type: 'unsupported-setting', setting: 'seed' }]);
    expect(result.responses.map((response) => response.id)).toEqual(['r0', 'r1', 'r2']);
    expect(result.providerMetadata).toEqual({ mock: { seeds: [0, 1, 10, 11, 20], first: 0 } });
    expect(result.usage).toEqual({ inputTokens: undefined, outputTokens: undefined, totalTokens: 15 });
  });

  it('downloads URL images itself, without credentials or provider headers', async () => {
    const requests: Request[] = [];
    server.use(
      http.get('https://cdn.example.com/images/:name', ({ request }) => {
        requests.push(request);
        return new HttpResponse(PNG, { headers: { 'content-type': 'application/octet-stream' } });
      }),
    );
    const { model } = mockImageModel(() => ({
      images: [{ type: 'url', url: 'https://cdn.example.com/images/a.png?sig=SECRETSIGNATURE&se=2026' }],
      warnings: [],
      response: {},
    }));
    const { image } = await generateImage({ model, prompt: 'p', headers: { authorization: 'Bearer sk-secret-key' } });
    expect(image.uint8Array).toEqual(PNG);
    expect(image.mediaType).toBe('image/png');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('GET');
    expect(requests[0]!.url).toBe('https://cdn.example.com/images/a.png?sig=SECRETSIGNATURE&se=2026');
    expect(requests[0]!.headers.get('authorization')).toBeNull();
    expect([...requests[0]!.headers.keys()].filter((name) => /auth|key|secret/i.test(name))).toEqual([]);
  });

  it('fails with DownloadError when a downloaded image exceeds the size cap (declared or streamed)', async () => {
    server.use(
      http.get('https://cdn.example.com/big.png', () => new HttpResponse(new Uint8Array(2048), { headers: { 'content-length': '2048' } })),
      http.get('https://cdn.example.com/chunked.png', () => new HttpResponse(new ReadableStream({
        start(controller) {
          for (let index = 0; index < 4; index++) controller.enqueue(new Uint8Array(600));
          controller.close();
        },
      }))),
    );
    for (const url of ['https://cdn.example.com/big.png', 'https://cdn.example.com/chunked.png']) {
      const { model } = mockImageModel(() => ({ images: [{ type: 'url', url }], warnings: [], response: {} }));
      const error = await generateImage({ model, prompt: 'p', download: { maxBytes: 1024 } }).catch((caught: unknown) => caught);
      expect(DownloadError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ url, statusCode: 200 });
      expect((error as Error).message).toContain('larger than the 1024-byte limit');
    }
  });

  it('reports a failed download with its status and a redacted URL', async () => {
    server.use(http.get('https://cdn.example.com/gone.png', () => new HttpResponse('expired', { status: 403 })));
    const { model } = mockImageModel(() => ({
      images: [{ type: 'url', url: 'https://cdn.example.com/gone.png?sig=SECRETSIGNATURE' }],
      warnings: [],
      response: {},
    }));
    const error = await generateImage({ model, prompt: 'p' }).catch((caught: unknown) => caught);
    expect(DownloadError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 403, url: 'https://cdn.example.com/gone.png?sig=***' });
    expect(JSON.stringify(error) + (error as Error).message).not.toContain('SECRETSIGNATURE');
  });

  it('throws NoContentGeneratedError when the model returns no image', async () => {
    const { model } = mockImageModel(() => base64Result(0));
    await expect(generateImage({ model, prompt: 'p' })).rejects.toSatisfy((error: unknown) => {
      expect(NoContentGeneratedError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ provider: 'mock.image' });
      return true;
    });
  });

  it.each([
    [{ prompt: '' }, 'prompt'],
    [{ prompt: '   ' }, 'prompt'],
    [{}, 'prompt'],
    [{ prompt: 'p', n: 0 }, 'n'],
    [{ prompt: 'p', n: 1.5 }, 'n'],
    [{ prompt: 'p', size: 'big' }, 'size'],
    [{ prompt: 'p', size: '0x512' }, 'size'],
    [{ prompt: 'p', aspectRatio: 'wide' }, 'aspectRatio'],
    [{ prompt: 'p', size: '512x512', aspectRatio: '1:1' }, 'size'],
    [{ prompt: 'p', seed: 'x' }, 'seed'],
    [{ prompt: { text: '' } }, 'prompt.text'],
    [{ prompt: { text: 'p', images: [new Uint8Array(0)] } }, 'prompt.images[0]'],
    [{ prompt: { text: 'p', images: ['%%%'] } }, 'prompt.images[0]'],
    [{ prompt: { text: 'p', mask: PNG } }, 'prompt.mask'],
    [{ resume: { jobId: '' } }, 'resume.jobId'],
    [{ action: { jobId: 'j', type: 'upscale', index: 0 } }, 'action.index'],
    [{ prompt: 'p', maxRetries: -1 }, 'maxRetries'],
    [{ prompt: 'p', download: { maxBytes: 0 } }, 'download.maxBytes'],
  ])('rejects %j before any request, naming %s', async (options, argument) => {
    const { model, calls } = mockImageModel(() => base64Result(1));
    await expect(generateImage({ model, ...(options as object) })).rejects.toSatisfy((error: unknown) => {
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ argument });
      return true;
    });
    expect(calls).toHaveLength(0);
  });

  it('passes resume and action through as one call without a prompt', async () => {
    const { model, calls } = mockImageModel(() => base64Result(4), 4);
    await generateImage({ model, resume: { jobId: 'job-9' }, n: 4 });
    await generateImage({ model, action: { jobId: 'job-9', type: 'upscale', index: 2 } });
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({ prompt: undefined, n: 1, resume: { jobId: 'job-9' } });
    expect(calls[1]).toMatchObject({ prompt: undefined, n: 1, action: { jobId: 'job-9', type: 'upscale', index: 2 } });
  });

  it('resolves image-to-image inputs to bytes with media types, downloading URLs', async () => {
    const requests: Request[] = [];
    server.use(http.get('https://cdn.example.com/input.jpg', ({ request }) => {
      requests.push(request);
      return new HttpResponse(JPEG, { headers: { 'content-type': 'image/jpeg' } });
    }));
    const { model, calls } = mockImageModel(() => base64Result(1));
    await generateImage({
      model,
      prompt: {
        text: 'make it blue',
        images: [PNG, new URL('https://cdn.example.com/input.jpg'), `data:image/webp;base64,${PNG_BASE64}`, { data: PNG.buffer, mediaType: 'image/x-custom' }],
        mask: PNG_BASE64,
      },
    });
    expect(requests).toHaveLength(1);
    expect(calls[0]!.prompt).toBe('make it blue');
    expect(calls[0]!.images).toEqual([
      { data: PNG, mediaType: 'image/png' },
      { data: JPEG, mediaType: 'image/jpeg' },
      { data: PNG, mediaType: 'image/webp' },
      { data: PNG, mediaType: 'image/x-custom' },
    ]);
    expect(calls[0]!.mask).toEqual({ data: PNG, mediaType: 'image/png' });
  });

  it('retries a retryable model error and succeeds', async () => {
    const { model, calls } = mockImageModel((_options, index) => {
      if (index === 0) {
        throw new APICallError({ message: 'busy', provider: 'mock.image', url: 'https://x', statusCode: 503, responseHeaders: { 'retry-after-ms': '0' } });
      }
      return base64Result(1);
    });
    const { images } = await generateImage({ model, prompt: 'p' });
    expect(calls).toHaveLength(2);
    expect(images).toHaveLength(1);
  });

  it('aborts the calls still running when one call fails', async () => {
    const aborted: unknown[] = [];
    const failure = new APICallError({ message: 'bad', provider: 'mock.image', url: 'https://x', statusCode: 400 });
    const { model } = mockImageModel((options, index) => {
      if (index === 1) throw failure;
      return new Promise((_resolve, reject) => options.abortSignal!.addEventListener('abort', () => {
        aborted.push(options.abortSignal!.reason);
        reject(options.abortSignal!.reason);
      }));
    });
    await expect(generateImage({ model, prompt: 'p', n: 2 })).rejects.toBe(failure);
    expect(aborted).toEqual([failure]);
  });

  it('rejects with a TimeoutError DOMException when the whole call exceeds timeout', async () => {
    vi.useFakeTimers();
    const { model } = mockImageModel((options) => new Promise((_resolve, reject) => {
      options.abortSignal!.addEventListener('abort', () => reject(options.abortSignal!.reason));
    }));
    const promise = generateImage({ model, prompt: 'p', timeout: 5_000 });
    const assertion = expect(promise).rejects.toMatchObject({ name: 'TimeoutError' });
    await vi.advanceTimersByTimeAsync(5_000);
    await assertion;
  });

  it('rethrows the caller abort reason untouched', async () => {
    const controller = new AbortController();
    const { model } = mockImageModel((options) => new Promise((_resolve, reject) => {
      options.abortSignal!.addEventListener('abort', () => reject(options.abortSignal!.reason));
    }));
    const promise = generateImage({ model, prompt: 'p', abortSignal: controller.signal });
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(promise).rejects.toBe(reason);
  });
});
