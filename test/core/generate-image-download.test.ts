import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DownloadError } from '../../src/errors/index.js';
import { generateImage } from '../../src/generate-image/index.js';
import type { ImageModel, ImageModelOutput } from '../../src/provider/index.js';
import { server } from '../support/msw-server.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

function urlModel(...outputs: ImageModelOutput[]): ImageModel {
  return {
    specificationVersion: 'v1',
    provider: 'mock.image',
    modelId: 'mock',
    maxImagesPerCall: 4,
    doGenerate: async () => ({ images: outputs, warnings: [], response: {} }),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('generateImage downloads', () => {
  it('fails with DownloadError when a download exceeds download.timeout, and rethrows a caller abort untouched', async () => {
    vi.useFakeTimers();
    const seen: AbortSignal[] = [];
    server.use(http.get('https://cdn.example.com/slow.png', ({ request }) => {
      seen.push(request.signal);
      return new Promise<Response>(() => {});
    }));
    const promise = generateImage({ model: urlModel({ type: 'url', url: 'https://cdn.example.com/slow.png' }), prompt: 'p', download: { timeout: 2_000 } });
    const assertion = expect(promise).rejects.toSatisfy((error: unknown) => {
      expect(DownloadError.isInstance(error)).toBe(true);
      expect((error as Error).message).toBe('Download of https://cdn.example.com/slow.png failed: it timed out');
      return true;
    });
    await vi.advanceTimersByTimeAsync(2_000);
    await assertion;
    expect(seen).toHaveLength(1);

    const controller = new AbortController();
    const aborted = generateImage({ model: urlModel({ type: 'url', url: 'https://cdn.example.com/slow.png' }), prompt: 'p', abortSignal: controller.signal });
    const reason = new Error('stop');
    const abortAssertion = expect(aborted).rejects.toBe(reason);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(reason);
    await abortAssertion;
  });

  it('decodes data URLs without a request and refuses other schemes', async () => {
    const dataUrl = `data:image/png;base64,${btoa(String.fromCharCode(...PNG))}`;
    const { image } = await generateImage({ model: urlModel({ type: 'url', url: dataUrl }), prompt: 'p' });
    expect(image.uint8Array).toEqual(PNG);
    expect(image.mediaType).toBe('image/png');
    const error = await generateImage({ model: urlModel({ type: 'url', url: 'file:///etc/passwd' }), prompt: 'p' }).catch((caught: unknown) => caught);
    expect(DownloadError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('only http(s) and data URLs can be downloaded');
  });

  it('keeps the order of mixed outputs and takes the provider media type over the download header', async () => {
    const requests: string[] = [];
    server.use(http.get('https://cdn.example.com/:name', ({ params }) => {
      requests.push(String(params.name));
      return new HttpResponse(PNG, { headers: { 'content-type': 'text/plain' } });
    }));
    const { images } = await generateImage({
      model: urlModel(
        { type: 'url', url: 'https://cdn.example.com/one' },
        { type: 'bytes', data: PNG, mediaType: 'image/x-raw' },
        { type: 'url', url: 'https://cdn.example.com/two', mediaType: 'image/webp' },
      ),
      prompt: 'p',
      n: 3,
    });
    expect(requests.sort()).toEqual(['one', 'two']);
    expect(images.map((image) => image.mediaType)).toEqual(['image/png', 'image/x-raw', 'image/webp']);
  });
});
