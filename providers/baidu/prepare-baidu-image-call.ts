import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import type { ImageModelCallOptions, Warning } from '../../src/provider/index.js';

/** What one Baidu image API accepts. */
export interface BaiduImageLimits {
  /** The model, for messages. */
  name: string;
  /** Longest prompt, in characters. */
  maxPromptChars: number;
  /** `W:H` → the size it renders as. */
  aspectRatios: Record<string, string>;
  /** Why a `WxH` size is refused, or undefined when it is fine. */
  checkSize(size: string): string | undefined;
  /** Call settings the API has no field for. */
  unsupported: ReadonlyArray<'seed' | 'negativePrompt' | 'mask'>;
}

/**
 * The checks both Baidu image APIs share, before any request: prompt length,
 * `size` or `aspectRatio` within what the API renders, and a warning for each
 * setting it ignores (one reference image is sent, `size` wins over
 * `aspectRatio`).
 */
export function prepareBaiduImageCall(options: ImageModelCallOptions, limits: BaiduImageLimits): { prompt: string; size: string | undefined; warnings: Warning[] } {
  const warnings: Warning[] = [];
  for (const setting of limits.unsupported) if (options[setting] !== undefined) warnings.push({ type: 'unsupported-setting', setting, details: `${limits.name} has no such parameter` });
  const prompt = options.prompt ?? '';
  if (prompt.length === 0 || prompt.length > limits.maxPromptChars) {
    throw new InvalidArgumentError({ argument: 'prompt', message: `${limits.name} takes 1–${limits.maxPromptChars} characters`, value: prompt.length });
  }
  const size = options.size ?? (options.aspectRatio ? limits.aspectRatios[options.aspectRatio] : undefined);
  if (options.aspectRatio && !options.size && size === undefined) {
    throw new InvalidArgumentError({ argument: 'aspectRatio', message: `${limits.name} takes ${Object.keys(limits.aspectRatios).join(', ')}, or a size`, value: options.aspectRatio });
  }
  const refused = size === undefined ? undefined : limits.checkSize(size);
  if (refused) throw new InvalidArgumentError({ argument: 'size', message: refused, value: size });
  if (options.size && options.aspectRatio) warnings.push({ type: 'unsupported-setting', setting: 'aspectRatio', details: 'size was used' });
  if ((options.images?.length ?? 0) > 1) warnings.push({ type: 'unsupported-setting', setting: 'images', details: 'one reference image is sent, the first' });
  return { prompt, size, warnings };
}
