import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { isRecord } from '../../src/http/index.js';

/** `providerOptions.openai` for image models. */
export interface OpenAIImageOptions {
  /** GPT-image: `low | medium | high | auto`; dall-e-3: `standard | hd`. */
  quality?: string;
  /** dall-e-3: `vivid | natural`. */
  style?: 'vivid' | 'natural';
  /** GPT-image: `transparent | opaque | auto` (transparent needs png or webp). */
  background?: 'transparent' | 'opaque' | 'auto';
  /** GPT-image: `png | jpeg | webp`. */
  outputFormat?: 'png' | 'jpeg' | 'webp';
  /** GPT-image, jpeg/webp: 0–100. */
  outputCompression?: number;
  /** GPT-image: `low | auto`. */
  moderation?: 'low' | 'auto';
  /** dall-e only: `url` (default here; core downloads it) or `b64_json`. GPT-image always returns base64. */
  responseFormat?: 'url' | 'b64_json';
  /** A stable id for your end user. */
  user?: string;
}

const CHECKS: Record<keyof OpenAIImageOptions, (value: unknown) => boolean> = {
  quality: (value) => typeof value === 'string',
  style: (value) => value === 'vivid' || value === 'natural',
  background: (value) => value === 'transparent' || value === 'opaque' || value === 'auto',
  outputFormat: (value) => value === 'png' || value === 'jpeg' || value === 'webp',
  outputCompression: (value) => typeof value === 'number' && value >= 0 && value <= 100,
  moderation: (value) => value === 'low' || value === 'auto',
  responseFormat: (value) => value === 'url' || value === 'b64_json',
  user: (value) => typeof value === 'string',
};

/** Validates `providerOptions[key]` for image models; unknown keys are rejected so typos do not pass silently. */
export function parseOpenAIImageOptions(value: unknown, key: string): OpenAIImageOptions {
  if (value === undefined) return {};
  if (!isRecord(value)) throw new InvalidArgumentError({ argument: `providerOptions.${key}`, message: 'must be an object' });
  for (const [name, item] of Object.entries(value)) {
    const check = CHECKS[name as keyof OpenAIImageOptions];
    if (!check) {
      throw new InvalidArgumentError({
        argument: `providerOptions.${key}.${name}`,
        message: `is not an image option; known options: ${Object.keys(CHECKS).join(', ')}`,
      });
    }
    if (item !== undefined && !check(item)) throw new InvalidArgumentError({ argument: `providerOptions.${key}.${name}`, message: 'has the wrong type or value', value: item });
  }
  return value as OpenAIImageOptions;
}
