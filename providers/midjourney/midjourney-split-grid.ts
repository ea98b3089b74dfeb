import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import { UnsupportedFunctionalityError } from '../../src/errors/unsupported-functionality-error.js';
import { decodePng, encodePngCrop } from './midjourney-png.js';

/**
 * Cuts a 2×2 Midjourney grid into its four images, in Midjourney's order
 * (1 top-left, 2 top-right, 3 bottom-left, 4 bottom-right), each as PNG bytes.
 *
 * PNG grids (what Discord serves for the proxy's `imageUrl`) are cut
 * everywhere with `DecompressionStream`/`CompressionStream`, which Node 18+,
 * Deno, Bun, workers and browsers all have. Other formats (WebP, JPEG) need
 * `createImageBitmap` and `OffscreenCanvas` (browsers, web workers); elsewhere
 * this throws `UnsupportedFunctionalityError`.
 */
export async function splitMidjourneyGrid(bytes: Uint8Array, mediaType: string | undefined): Promise<Uint8Array[]> {
  let png: Awaited<ReturnType<typeof decodePng>>;
  try {
    png = await decodePng(bytes);
  } catch (error) {
    throw new InvalidResponseError({ provider: 'midjourney.image', message: 'the grid image is not a valid PNG', cause: error });
  }
  if (png) {
    return Promise.all(quadrants(png.width, png.height).map((box) => encodePngCrop(png, box.x, box.y, box.width, box.height)));
  }
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') {
    throw new UnsupportedFunctionalityError({
      functionality: 'split',
      message: `Splitting a ${mediaType ?? 'non-PNG'} Midjourney grid needs createImageBitmap and OffscreenCanvas, which this runtime lacks; ` +
        'leave providerOptions.midjourney.split off and cut the grid yourself, or run where those exist (browsers).',
    });
  }
  const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], mediaType ? { type: mediaType } : {}));
  try {
    return await Promise.all(
      quadrants(bitmap.width, bitmap.height).map(async (box) => {
        const canvas = new OffscreenCanvas(box.width, box.height);
        canvas.getContext('2d')!.drawImage(bitmap, -box.x, -box.y);
        const blob = await canvas.convertToBlob({ type: 'image/png' });
        return new Uint8Array(await blob.arrayBuffer());
      }),
    );
  } finally {
    bitmap.close();
  }
}

function quadrants(width: number, height: number): Array<{ x: number; y: number; width: number; height: number }> {
  const left = Math.floor(width / 2);
  const top = Math.floor(height / 2);
  return [
    { x: 0, y: 0, width: left, height: top },
    { x: left, y: 0, width: width - left, height: top },
    { x: 0, y: top, width: left, height: height - top },
    { x: left, y: top, width: width - left, height: height - top },
  ];
}
