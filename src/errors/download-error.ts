import { AigcError } from './aigc-error.js';

const NAME = 'AI_DownloadError';

/**
 * Downloading generated media (or an input URL) failed, or was larger than the cap.
 *
 * @example
 * ```ts
 * try {
 *   await generateImage({ model: midjourney('v7'), prompt: 'an apple' });
 * } catch (error) {
 *   if (DownloadError.isInstance(error)) console.error(`could not download ${error.url}: ${error.statusCode}`);
 * }
 * ```
 */
export class DownloadError extends AigcError {
  override readonly name = NAME;
  /** The redacted URL. */
  readonly url: string;
  /** The HTTP status, when a response came. */
  readonly statusCode: number | undefined;

  /** `message` says what went wrong. */
  constructor(options: { url: string; message: string; statusCode?: number; cause?: unknown }) {
    super(`Download of ${options.url} failed: ${options.message}`, { cause: options.cause });
    this.url = options.url;
    this.statusCode = options.statusCode;
  }

  /** True for a `DownloadError` from any copy of aigc. */
  static override isInstance(value: unknown): value is DownloadError {
    return AigcError.hasName(value, NAME);
  }
}
