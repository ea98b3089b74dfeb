import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { isRecord } from '../../src/http/index.js';

/** `providerOptions.openai` for chat models. */
export interface OpenAIChatOptions {
  /** A stable id for your end user (`safety_identifier` on the wire). */
  user?: string;
  /** Whether the model may call several tools in one step (default true on OpenAI). */
  parallelToolCalls?: boolean;
  /** Reasoning effort for reasoning models. */
  reasoningEffort?: 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';
  /** Token id → bias. */
  logitBias?: Record<string, number>;
  /** Whether OpenAI stores the completion. */
  store?: boolean;
  /** Metadata stored with the completion. */
  metadata?: Record<string, string>;
  /** `auto`, `default`, `flex` or `priority`. */
  serviceTier?: string;
  /** Send the JSON Schema with `strict: true`. Default: true when the schema allows it (every property required, no extra properties). */
  strictJsonSchema?: boolean;
  /** Prompt cache routing key. */
  promptCacheKey?: string;
  /** Output verbosity for models that take it. */
  textVerbosity?: 'low' | 'medium' | 'high';
  /**
   * Extra top-level request fields, sent as given after the mapped ones (so
   * they win): server-specific switches such as DeepSeek's or GLM's
   * `thinking` and Qwen's `enable_thinking`, or OpenAI fields aigc does not map.
   */
  extraBody?: Record<string, unknown>;
}

const CHECKS: Record<keyof OpenAIChatOptions, (value: unknown) => boolean> = {
  user: (value) => typeof value === 'string',
  parallelToolCalls: (value) => typeof value === 'boolean',
  reasoningEffort: (value) => typeof value === 'string',
  logitBias: (value) => isRecord(value) && Object.values(value).every((bias) => typeof bias === 'number'),
  store: (value) => typeof value === 'boolean',
  metadata: (value) => isRecord(value) && Object.values(value).every((item) => typeof item === 'string'),
  serviceTier: (value) => typeof value === 'string',
  strictJsonSchema: (value) => typeof value === 'boolean',
  promptCacheKey: (value) => typeof value === 'string',
  textVerbosity: (value) => value === 'low' || value === 'medium' || value === 'high',
  extraBody: (value) => isRecord(value),
};

/** What an absent `providerOptions[key]` parses to: shared, read only. */
const NO_OPTIONS: OpenAIChatOptions = Object.freeze({});

/** Validates `providerOptions[key]`; unknown keys are rejected so typos do not pass silently. */
export function parseOpenAIChatOptions(value: unknown, key: string): OpenAIChatOptions {
  if (value === undefined) return NO_OPTIONS;
  if (!isRecord(value)) throw new InvalidArgumentError({ argument: `providerOptions.${key}`, message: 'must be an object' });
  for (const [name, item] of Object.entries(value)) {
    const check = CHECKS[name as keyof OpenAIChatOptions];
    if (!check) {
      throw new InvalidArgumentError({
        argument: `providerOptions.${key}.${name}`,
        message: `is not a chat option; known options: ${Object.keys(CHECKS).join(', ')}`,
      });
    }
    if (item !== undefined && !check(item)) throw new InvalidArgumentError({ argument: `providerOptions.${key}.${name}`, message: 'has the wrong type', value: item });
  }
  return value as OpenAIChatOptions;
}
