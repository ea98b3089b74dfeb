import { http, passthrough } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateImage } from '../../../src/generate-image/index.js';
import type { JobProgressEvent } from '../../../src/provider/index.js';
import { createMidjourney } from '../../../providers/midjourney/index.js';
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
      seen.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get('mj-api-secret') ?? '-'}`);
      return passthrough();
    }),
  );
  return seen;
}

describe('the emulator route for midjourney-proxy', () => {
  it('runs imagine with progress, a split, an upscale via /submit/action and describe against the fake proxy', async () => {
    const seen = allowEmulator();
    const midjourney = createMidjourney({ baseURL: `${emulator.url}/mj`, apiSecret: 'emulator-secret', pollIntervalMs: 1, api: 'plus' });
    const events: JobProgressEvent[] = [];

    const grid = await generateImage({ model: midjourney('v7'), prompt: 'an apple', onProgress: (event) => events.push(event) });
    const jobId = grid.providerMetadata.midjourney!.jobId as string;
    const split = await generateImage({ model: midjourney('v7'), action: { jobId, type: 'variation', index: 1 }, n: 4, providerOptions: { midjourney: { split: true } } });
    const upscale = await generateImage({ model: midjourney('v7'), action: { jobId, type: 'upscale', index: 2 } });
    const described = await midjourney.describe({ image: grid.image.uint8Array });

    expect(events.map((event) => event.progress)).toEqual([0, 0.25, 0.6, 0.9, 1]);
    expect(decodeRgbaPngSize(grid.image.uint8Array)).toEqual([128, 128]);
    expect(split.images.map((image) => decodeRgbaPngSize(image.uint8Array))).toEqual([[64, 64], [64, 64], [64, 64], [64, 64]]);
    expect(upscale.providerMetadata.midjourney).toMatchObject({ action: 'UPSCALE', grid: false });
    expect(described.prompts).toHaveLength(4);
    expect(seen).toContain(`POST /mj/submit/imagine emulator-secret`);
    expect(seen).toContain(`POST /mj/submit/action emulator-secret`);
    expect(seen).toContain(`POST /mj/submit/describe emulator-secret`);
    expect(seen.filter((line) => line.startsWith('GET /mj/emulator/'))).toEqual([
      'GET /mj/emulator/grid.png -',
      'GET /mj/emulator/grid.png -',
      'GET /mj/emulator/single.png -',
    ]);
  });
});

function decodeRgbaPngSize(bytes: Uint8Array): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}
