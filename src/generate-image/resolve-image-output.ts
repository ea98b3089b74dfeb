import type { ImageInput, ImageModelOutput } from '../provider/index.js';
import { download, type DownloadSettings } from '../util/download.js';
import { createGeneratedFile, type GeneratedFile } from '../util/generated-file.js';
import { detectMediaType } from '../util/detect-media-type.js';
import type { ResolvableImage } from './prepare-image-call.js';

/**
 * Turns what a model returned into a `GeneratedFile`: bytes and base64 are
 * wrapped (decoded lazily), URLs are downloaded by core with the size cap and
 * without any provider credentials.
 */
export async function resolveImageOutput(output: ImageModelOutput, settings: DownloadSettings | undefined, signal: AbortSignal | undefined): Promise<GeneratedFile> {
  if (output.type === 'url') {
    const downloaded = await download(output.url, settings, signal);
    return createGeneratedFile({ data: downloaded.data, mediaType: output.mediaType ?? onlyImage(downloaded.mediaType), fallbackMediaType: 'image/png' });
  }
  return createGeneratedFile({ data: output.data, mediaType: output.mediaType, fallbackMediaType: 'image/png' });
}

/** Downloads URL inputs so every model receives bytes with a media type. */
export async function resolveInputImage(image: ResolvableImage, settings: DownloadSettings | undefined, signal: AbortSignal | undefined): Promise<ImageInput> {
  let data: Uint8Array;
  let mediaType = image.mediaType;
  if (image.data instanceof URL) {
    const downloaded = await download(image.data, settings, signal);
    data = downloaded.data;
    mediaType ??= onlyImage(downloaded.mediaType);
  } else {
    data = image.data;
  }
  return { data, mediaType: mediaType ?? detectMediaType(data) ?? 'image/png' };
}

// Blob stores often answer `application/octet-stream`; sniffing the bytes does better then.
function onlyImage(mediaType: string | undefined): string | undefined {
  return mediaType?.toLowerCase().startsWith('image/') ? mediaType.split(';')[0]!.trim() : undefined;
}
