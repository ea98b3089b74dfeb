import { describe, expect, it } from 'vitest';
import { generateImage } from '../../../src/generate-image/index.js';
import type { ImageModelOutput } from '../../../src/provider/index.js';
import { BASE_URL, SECRET, json, serveImage, serveSubmit, serveTask } from './handlers.js';
import { decodePngRaw, decodeRgbaPng, encodePng, gridPixel, gridPng } from './png.js';
import { callOptions, provider, rejection } from './setup.js';

const JOB = '1689231405853400';
const GRID_URL = 'https://cdn.discordapp.com/attachments/1/2/grid_0.png';

function bytesOf(output: ImageModelOutput): Uint8Array {
  if (output.type !== 'bytes') throw new Error(`expected bytes, got ${output.type}`);
  return output.data;
}

describe('MidjourneyImageModel.doGenerate (split)', () => {
  it('downloads a PNG grid without the secret and cuts it into four PNGs in U1-U4 order', async () => {
    serveSubmit('imagine', json('submit-imagine-ok'));
    serveTask(JOB, json('task-imagine-success'));
    const downloads = serveImage(GRID_URL, gridPng(10, 6));

    const result = await provider()('v7').doGenerate(callOptions({ prompt: 'a fox', n: 4, providerOptions: { midjourney: { split: true } } }));

    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.headers).not.toHaveProperty('mj-api-secret');
    expect(JSON.stringify(downloads[0]!.headers)).not.toContain(SECRET);
    expect(result.warnings).toEqual([]);
    expect(result.providerMetadata?.midjourney).toMatchObject({ grid: true, split: true });
    expect(result.images).toHaveLength(4);
    const origins = [[0, 0], [5, 0], [0, 3], [5, 3]];
    result.images.forEach((output, index) => {
      expect(output).toMatchObject({ type: 'bytes', mediaType: 'image/png' });
      const tile = decodeRgbaPng(bytesOf(output));
      expect([tile.width, tile.height]).toEqual([5, 3]);
      const [x0, y0] = origins[index]!;
      for (let y = 0; y < 3; y++) for (let x = 0; x < 5; x++) expect(tile.pixel(x, y)).toEqual(gridPixel(x0! + x, y0! + y, 10, 6));
    });
  });

  it('cuts 16-bit RGB and palette grids, keeping the palette and transparency chunks', async () => {
    serveSubmit('imagine', json('submit-imagine-ok'));
    serveTask(JOB, json('task-imagine-success'));
    const deep = encodePng({ width: 6, height: 4, bitDepth: 16, colorType: 2, bytesPerPixel: 6, pixel: (x, y) => [x, y, 0x12, 0x34, x * 40, y * 60] });
    const palette = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0]);
    const indexed = encodePng({
      width: 4, height: 4, bitDepth: 8, colorType: 3, bytesPerPixel: 1,
      pixel: (x, y) => [(y < 2 ? 0 : 2) + (x < 2 ? 0 : 1)],
      chunks: [['PLTE', palette], ['tRNS', new Uint8Array([255, 128, 0, 255])]],
    });
    const model = provider()('v7');

    serveImage(GRID_URL, deep);
    const sixteen = await model.doGenerate(callOptions({ prompt: 'a fox', providerOptions: { midjourney: { split: true } } }));
    serveImage(GRID_URL, indexed);
    const paletted = await model.doGenerate(callOptions({ prompt: 'a fox', providerOptions: { midjourney: { split: true } } }));

    const bottomRight = decodePngRaw(bytesOf(sixteen.images[3]!));
    expect(bottomRight).toMatchObject({ width: 3, height: 2, bitDepth: 16, colorType: 2 });
    expect(bottomRight.pixel(1, 1)).toEqual([4, 3, 0x12, 0x34, 160, 180]);
    const tiles = paletted.images.map((image) => decodePngRaw(bytesOf(image)));
    expect(tiles.map((tile) => tile.pixel(1, 1)[0])).toEqual([0, 1, 2, 3]);
    for (const tile of tiles) {
      expect(tile).toMatchObject({ width: 2, height: 2, bitDepth: 8, colorType: 3 });
      expect(tile.chunkTypes).toEqual(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND']);
      expect(new Uint8Array(tile.chunk('PLTE')!)).toEqual(palette);
    }
  });

  it('returns four images through generateImage with n: 4', async () => {
    const submits = serveSubmit('imagine', json('submit-imagine-ok'));
    serveTask(JOB, json('task-imagine-success'));
    serveImage(GRID_URL, gridPng(8, 8));

    const { images, providerMetadata } = await generateImage({
      model: provider()('v7'),
      prompt: 'a fox',
      n: 4,
      providerOptions: { midjourney: { split: true } },
    });

    expect(submits).toHaveLength(1);
    expect(submits[0]!.body).toEqual({ prompt: 'a fox --v 7' });
    expect(images.map((image) => image.mediaType)).toEqual(['image/png', 'image/png', 'image/png', 'image/png']);
    expect(decodeRgbaPng(images[3]!.uint8Array).pixel(0, 0)).toEqual(gridPixel(4, 4, 8, 8));
    expect(providerMetadata.midjourney).toMatchObject({ jobId: JOB, split: true });
  });

  it('cuts the grid when n > 1 and split is unset, returning the first n images', async () => {
    serveSubmit('imagine', json('submit-imagine-ok'));
    serveTask(JOB, json('task-imagine-success'));
    const downloads = serveImage(GRID_URL, gridPng(8, 8));

    const result = await provider()('v7').doGenerate(callOptions({ prompt: 'a fox', n: 2 }));

    expect(downloads).toHaveLength(1);
    expect(result.warnings).toEqual([]);
    expect(result.images).toHaveLength(2);
    expect(decodeRgbaPng(bytesOf(result.images[1]!)).pixel(0, 0)).toEqual(gridPixel(4, 0, 8, 8));
    expect(result.providerMetadata?.midjourney).toMatchObject({ split: true });
  });

  it('falls back to the whole grid with a warning when n > 1 cannot be cut here (WebP on Node)', async () => {
    serveSubmit('imagine', json('submit-imagine-ok'));
    serveTask(JOB, json('task-imagine-success', { imageUrl: 'https://cdn.discordapp.com/attachments/1/2/grid_0.webp' }));
    const webp = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0, 0]);
    serveImage('https://cdn.discordapp.com/attachments/1/2/grid_0.webp', webp, 'image/webp');

    const result = await provider()('v7').doGenerate(callOptions({ prompt: 'a fox', n: 4 }));

    expect(result.images).toEqual([{ type: 'bytes', data: webp, mediaType: 'image/webp' }]);
    expect(result.warnings).toEqual([expect.objectContaining({ setting: 'n', details: expect.stringContaining('OffscreenCanvas') })]);
    expect(result.providerMetadata?.midjourney).toMatchObject({ split: false });
  });

  it('keeps an upscale whole and warns that there was no grid to split', async () => {
    serveSubmit('change', json('submit-imagine-ok', { result: '1689231577423100' }));
    serveTask('1689231577423100', json('task-upscale-success'));

    const result = await provider()('v7').doGenerate(callOptions({
      action: { jobId: JOB, type: 'upscale', index: 1 },
      providerOptions: { midjourney: { split: true } },
    }));

    expect(result.images).toEqual([{ type: 'url', url: 'https://cdn.discordapp.com/attachments/1/2/upscaled_2.png' }]);
    expect(result.warnings).toEqual([expect.objectContaining({ setting: 'providerOptions.midjourney.split' })]);
  });

  it('throws UnsupportedFunctionalityError for a WebP grid where there is no OffscreenCanvas (Node)', async () => {
    serveSubmit('imagine', json('submit-imagine-ok'));
    serveTask(JOB, json('task-imagine-success', { imageUrl: 'https://cdn.discordapp.com/attachments/1/2/grid_0.webp' }));
    const webp = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0, 0]);
    const downloads = serveImage('https://cdn.discordapp.com/attachments/1/2/grid_0.webp', webp, 'image/webp');

    const error = await rejection(provider()('v7').doGenerate(callOptions({ prompt: 'a fox', providerOptions: { midjourney: { split: true } } })));

    expect(downloads).toHaveLength(1);
    expect(error).toMatchObject({ name: 'AI_UnsupportedFunctionalityError', functionality: 'split' });
    expect(error.message).toContain('image/webp');
  });

  it('reports a corrupt PNG grid as InvalidResponseError', async () => {
    serveSubmit('imagine', json('submit-imagine-ok'));
    serveTask(JOB, json('task-imagine-success'));
    serveImage(GRID_URL, gridPng(8, 8).slice(0, 40));

    const error = await rejection(provider()('v7').doGenerate(callOptions({ prompt: 'a fox', providerOptions: { midjourney: { split: true } } })));

    expect(error).toMatchObject({ name: 'AI_InvalidResponseError' });
  });
});

describe('generateImage with midjourney', () => {
  it('downloads the grid URL itself, without the proxy secret, and reports progress', async () => {
    const submits = serveSubmit('imagine', json('submit-imagine-ok'));
    serveTask(JOB, json('task-imagine-in-progress'), json('task-imagine-success'));
    const downloads = serveImage(GRID_URL, gridPng(4, 4));
    const progress: number[] = [];

    const { image, warnings, providerMetadata, responses } = await generateImage({
      model: provider()('v7'),
      prompt: 'a cat astronaut',
      aspectRatio: '16:9',
      onProgress: (event) => progress.push(event.progress ?? -1),
    });

    expect(submits[0]).toMatchObject({ url: `${BASE_URL}/submit/imagine`, headers: { 'mj-api-secret': SECRET }, body: { prompt: 'a cat astronaut --ar 16:9 --v 7' } });
    expect(downloads[0]!.headers).not.toHaveProperty('mj-api-secret');
    expect(image.mediaType).toBe('image/png');
    expect(decodeRgbaPng(image.uint8Array).width).toBe(4);
    expect(progress).toEqual([0, 0.45, 1]);
    expect(warnings).toEqual([]);
    expect(responses[0]).toMatchObject({ id: JOB });
    expect(providerMetadata.midjourney).toMatchObject({ jobId: JOB, grid: true });
  });

  it('runs an action and a resume through generateImage without a prompt', async () => {
    const changes = serveSubmit('change', json('submit-imagine-ok', { result: '1689231577423100' }));
    const imagine = serveSubmit('imagine', json('submit-imagine-ok'));
    const child = serveTask('1689231577423100', json('task-upscale-success'));
    serveImage('https://cdn.discordapp.com/attachments/1/2/upscaled_2.png', gridPng(2, 2));

    const upscaled = await generateImage({ model: provider()('v7'), action: { jobId: JOB, type: 'upscale', index: 2 } });
    const resumed = await generateImage({ model: provider()('v7'), resume: { jobId: '1689231577423100' } });

    expect(changes.map((request) => request.body)).toEqual([{ taskId: JOB, action: 'UPSCALE', index: 2 }]);
    expect(imagine).toHaveLength(0);
    expect(child).toHaveLength(2);
    expect(upscaled.providerMetadata.midjourney).toMatchObject({ jobId: '1689231577423100', grid: false });
    expect(resumed.image.uint8Array).toEqual(upscaled.image.uint8Array);
  });

  it('blends images given in the prompt object', async () => {
    const submits = serveSubmit('blend', json('submit-imagine-ok', { result: '1689233000000200' }));
    serveTask('1689233000000200', json('task-blend-success'));
    serveImage('https://cdn.discordapp.com/attachments/1/2/blend_grid.png', gridPng(2, 2));

    await generateImage({
      model: provider()('v7'),
      prompt: { images: [gridPng(2, 2), gridPng(2, 2)] },
      providerOptions: { midjourney: { blend: true } },
    });

    expect(submits[0]!.body).toEqual({ base64Array: [expect.stringMatching(/^data:image\/png;base64,iVBOR/), expect.stringMatching(/^data:image\/png;base64,/)], dimensions: 'SQUARE' });
  });
});
