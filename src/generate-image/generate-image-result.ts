import type { ProviderMetadata, ResponseMetadata, Warning } from '../provider/index.js';
import type { GeneratedFile } from '../util/generated-file.js';

/** What {@link generateImage} returns. */
export interface GenerateImageResult {
  /** The first image (shorthand for `images[0]`). */
  image: GeneratedFile;
  /** Every image, in order across the model calls. */
  images: GeneratedFile[];
  /** Settings the model ignored or changed, without duplicates across calls. */
  warnings: Warning[];
  /** One entry per model call (a large `n` is split into several). */
  responses: ResponseMetadata[];
  /** Provider extras (job ids, seeds, revised prompts); arrays from several calls are concatenated. */
  providerMetadata: ProviderMetadata;
  /** Tokens, summed over the calls, for providers that bill images in tokens. */
  usage?: { inputTokens?: number; outputTokens?: number; totalTokens?: number };
}
