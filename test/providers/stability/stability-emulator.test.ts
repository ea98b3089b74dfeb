import { http, passthrough } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateImage } from '../../../src/index.js';
import type { JobProgressEvent } from '../../../src/provider/index.js';
import { createAutomatic1111, createStability } from '../../../providers/stability/index.js';
import { server } from '../../support/msw-server.js';
// @ts-expect-error the emulator is plain ESM JavaScript without types
import { startEmulator } from '../../../examples/emulator/server.mjs';

let emulator: { url: string; close(): Promise<void> };

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator.close();
});

/** Lets requests to the local emulator through msw (which fails every unhandled request). */
function allowEmulator(): string[] {
  const seen: string[] = [];
  server.use(
    http.all(`${emulator.url}/*`, ({ request }) => {
      seen.push(`${request.method} ${new URL(request.url).pathname}`);
      return passthrough();
    }),
  );
  return seen;
}

describe('the emulator route for Stable Diffusion', () => {
  it('serves Stability v2beta and v1 images with seeds', async () => {
    const seen = allowEmulator();
    const stability = createStability({ apiKey: 'sk-emulator', baseURL: emulator.url });
    const core = await generateImage({ model: stability('core'), prompt: 'a lighthouse', seed: 4242 });
    const v1 = await generateImage({ model: stability('stable-diffusion-v1-6'), prompt: 'a lighthouse', n: 2, seed: 7 });
    expect(core.image.mediaType).toBe('image/png');
    expect(core.providerMetadata.stability).toEqual({ seeds: [4242], finishReasons: ['SUCCESS'] });
    expect(v1.images).toHaveLength(2);
    expect(v1.providerMetadata.stability!.seeds).toEqual([7, 8]);
    expect(seen).toEqual(['POST /v2beta/stable-image/generate/core', 'POST /v1/generation/stable-diffusion-v1-6/text-to-image']);
  });

  it('serves AUTOMATIC1111 txt2img with progress while it runs', async () => {
    const seen = allowEmulator();
    const webui = createAutomatic1111({ baseURL: emulator.url, progressIntervalMs: 5 });
    const events: JobProgressEvent[] = [];
    const result = await generateImage({ model: webui('sd_xl_base_1.0'), prompt: 'a cabin', n: 2, seed: 100, onProgress: (event) => events.push(event) });
    expect(result.images).toHaveLength(2);
    expect(result.providerMetadata.automatic1111).toMatchObject({ seeds: [100, 101], sdModelName: 'sd_xl_base_1.0' });
    expect(seen.filter((line) => line === 'POST /sdapi/v1/txt2img')).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ status: 'succeeded', progress: 1 });
    expect(events.some((event) => event.status === 'running' && event.progress! > 0 && event.progress! < 1)).toBe(true);
    expect(seen).toContain('GET /sdapi/v1/progress');
    const progress = events.map((event) => event.progress!);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });
});
