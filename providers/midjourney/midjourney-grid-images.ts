import { UnsupportedFunctionalityError } from '../../src/errors/unsupported-functionality-error.js';
import type { FetchFunction } from '../../src/http/index.js';
import type { ImageModelOutput, Warning } from '../../src/provider/index.js';
import { detectMediaType } from '../../src/util/detect-media-type.js';
import { download } from '../../src/util/download.js';
import { splitMidjourneyGrid } from './midjourney-split-grid.js';

/** What {@link toMidjourneyImages} needs to know about the finished job and the call. */
export interface MidjourneyImagesOptions {
  /** The finished job's id, for warnings. */
  jobId: string;
  /** The task's `imageUrl`. */
  imageUrl: string;
  /** Whether the image is a 2×2 grid. */
  grid: boolean;
  /** `providerOptions.midjourney.split`: true always cuts, false never, undefined cuts when `n > 1`. */
  split: boolean | undefined;
  /** The images the call asked for (at most 4 per job). */
  n: number;
  /** For downloading the grid. */
  fetch?: FetchFunction;
  /** Aborts the download. */
  abortSignal?: AbortSignal;
  /** Where notes about the output go. */
  warnings: Warning[];
}

/**
 * The job's output as model images: the grid URL as is (core downloads it),
 * or its four cut images. `split: true` returns all four and throws where the
 * runtime cannot cut the grid; with `split` unset, `n > 1` returns the first
 * `n` cut images and falls back to the grid URL with a warning.
 */
export async function toMidjourneyImages(options: MidjourneyImagesOptions): Promise<{ images: ImageModelOutput[]; split: boolean }> {
  // No media type from the URL's extension: Discord's media proxy serves WebP behind `.png` names; core sniffs the bytes.
  const whole: ImageModelOutput[] = [{ type: 'url', url: options.imageUrl }];
  const wanted = options.split ?? options.n > 1;
  if (!wanted) {
    if (options.n > 1 && options.grid) {
      options.warnings.push({ type: 'unsupported-setting', setting: 'n', details: 'split is off: a Midjourney job returns one 2×2 grid image' });
    }
    return { images: whole, split: false };
  }
  if (!options.grid) {
    options.warnings.push({ type: 'unsupported-setting', setting: options.split ? 'providerOptions.midjourney.split' : 'n', details: `job ${options.jobId} made a single image, not a grid` });
    return { images: whole, split: false };
  }
  // Core's download: size-capped, and it never sends the proxy's secret to the CDN host.
  const downloaded = await download(options.imageUrl, { fetch: options.fetch }, options.abortSignal);
  let tiles: Uint8Array[];
  try {
    tiles = await splitMidjourneyGrid(downloaded.data, detectMediaType(downloaded.data) ?? downloaded.mediaType);
  } catch (error) {
    if (options.split || !UnsupportedFunctionalityError.isInstance(error)) throw error;
    options.warnings.push({ type: 'unsupported-setting', setting: 'n', details: `${error.message} Returned the whole grid.` });
    return { images: [{ type: 'bytes', data: downloaded.data, ...(downloaded.mediaType ? { mediaType: downloaded.mediaType } : {}) }], split: false };
  }
  const count = options.split ? tiles.length : Math.min(options.n, tiles.length);
  return { images: tiles.slice(0, count).map((data) => ({ type: 'bytes', data, mediaType: 'image/png' })), split: true };
}
