import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { isRecord } from '../../src/http/index.js';

/** `providerOptions.openai` for transcription models. */
export interface OpenAITranscriptionOptions {
  /** Sampling temperature, 0–1. */
  temperature?: number;
  /** whisper-1: which timestamps to return with `verbose_json`; default `['segment']`. */
  timestampGranularities?: Array<'word' | 'segment'>;
  /** gpt-4o(-mini)-transcribe: `['logprobs']`. */
  include?: string[];
  /** Overrides the response format; the default is `verbose_json` for whisper-1 and `json` otherwise. */
  responseFormat?: 'json' | 'verbose_json';
}

const CHECKS: Record<keyof OpenAITranscriptionOptions, (value: unknown) => boolean> = {
  temperature: (value) => typeof value === 'number' && value >= 0 && value <= 1,
  timestampGranularities: (value) => Array.isArray(value) && value.every((item) => item === 'word' || item === 'segment'),
  include: (value) => Array.isArray(value) && value.every((item) => typeof item === 'string'),
  responseFormat: (value) => value === 'json' || value === 'verbose_json',
};

/** Validates `providerOptions[key]` for transcription models; unknown keys are rejected so typos do not pass silently. */
export function parseOpenAITranscriptionOptions(value: unknown, key: string): OpenAITranscriptionOptions {
  if (value === undefined) return {};
  if (!isRecord(value)) throw new InvalidArgumentError({ argument: `providerOptions.${key}`, message: 'must be an object' });
  for (const [name, item] of Object.entries(value)) {
    const check = CHECKS[name as keyof OpenAITranscriptionOptions];
    if (!check) {
      throw new InvalidArgumentError({
        argument: `providerOptions.${key}.${name}`,
        message: `is not a transcription option; known options: ${Object.keys(CHECKS).join(', ')}`,
      });
    }
    if (item !== undefined && !check(item)) throw new InvalidArgumentError({ argument: `providerOptions.${key}.${name}`, message: 'has the wrong type or value', value: item });
  }
  return value as OpenAITranscriptionOptions;
}
