import { NoContentGeneratedError } from '../../src/errors/no-content-generated-error.js';
import { asNumber, asString, isRecord, readBody, readJson, type RequestContext } from '../../src/http/index.js';
import type { ImageModelOutput, Warning } from '../../src/provider/index.js';
import { base64ToUint8Array } from '../../src/util/base64.js';
import { detectMediaType } from '../../src/util/detect-media-type.js';

/** One image Stability returned, with what it said about it. */
export interface StabilityImage {
  /** The image bytes (empty when none came back). */
  bytes: Uint8Array;
  /** From `content-type`, else sniffed. */
  mediaType: string | undefined;
  /** `SUCCESS`, `CONTENT_FILTERED` or `ERROR`. */
  finishReason: string | undefined;
  /** The seed used. */
  seed: number | undefined;
}

/**
 * Reads a 200 image response: raw bytes with `finish-reason` and `seed`
 * headers (`Accept: image/*`), or the JSON form `{ image, finish_reason, seed }`
 * that some proxies return.
 */
export async function readStabilityImage(response: Response, context: RequestContext): Promise<StabilityImage> {
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('application/json')) {
    const data = await readJson(response, context);
    const image = isRecord(data) ? asString(data.image) : undefined;
    const bytes = image ? base64ToUint8Array(image) : new Uint8Array(0);
    return {
      bytes,
      mediaType: /type=(image\/[\w.+-]+)/.exec(contentType)?.[1] ?? detectMediaType(bytes),
      finishReason: isRecord(data) ? asString(data.finish_reason) : undefined,
      seed: isRecord(data) ? asNumber(data.seed) : undefined,
    };
  }
  const bytes = await readBody(response, context);
  const seed = Number(response.headers.get('seed') ?? Number.NaN);
  return {
    bytes,
    mediaType: contentType.startsWith('image/') ? contentType.split(';')[0]!.trim() : detectMediaType(bytes),
    finishReason: response.headers.get('finish-reason') ?? undefined,
    seed: Number.isFinite(seed) ? seed : undefined,
  };
}

/**
 * Turns Stability's images into model outputs. A `CONTENT_FILTERED` image
 * that still came back (Stability blurs it) is returned with a warning; when
 * no usable image is left, the call fails with `NoContentGeneratedError`
 * naming the finish reasons, so a filtered result is never silent.
 */
export function mapStabilityImages(
  images: StabilityImage[],
  provider: string,
): { images: ImageModelOutput[]; warnings: Warning[]; seeds: number[]; finishReasons: string[] } {
  const outputs: ImageModelOutput[] = [];
  const warnings: Warning[] = [];
  const seeds: number[] = [];
  const finishReasons: string[] = [];
  let filtered = 0;
  for (const image of images) {
    const reason = image.finishReason ?? 'SUCCESS';
    finishReasons.push(reason);
    const usable = reason !== 'ERROR' && image.bytes.length > 0 && detectMediaType(image.bytes)?.startsWith('image/') === true;
    if (!usable) continue;
    if (reason === 'CONTENT_FILTERED') filtered++;
    outputs.push({ type: 'bytes', data: image.bytes, mediaType: image.mediaType });
    if (image.seed !== undefined) seeds.push(image.seed);
  }
  if (outputs.length === 0) {
    throw new NoContentGeneratedError({
      provider,
      message: finishReasons.includes('CONTENT_FILTERED')
        ? `Stability's content filter blocked the image and returned no usable image (finish reasons: ${finishReasons.join(', ')})`
        : `Stability returned no usable image (finish reasons: ${finishReasons.join(', ') || 'none'})`,
    });
  }
  if (filtered > 0) {
    warnings.push({
      type: 'other',
      message: `Stability's content filter flagged ${filtered} of ${outputs.length} image(s) (finish reason CONTENT_FILTERED); they are returned but may be blurred`,
    });
  }
  const dropped = images.length - outputs.length;
  if (dropped > 0) warnings.push({ type: 'other', message: `${dropped} image(s) came back without usable content and were left out` });
  return { images: outputs, warnings, seeds, finishReasons };
}
