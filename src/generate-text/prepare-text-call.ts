import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { UnsupportedFunctionalityError } from '../errors/unsupported-functionality-error.js';
import { prepareCallSettings, type CallSettings } from '../prompt/call-settings.js';
import type { PromptOptions } from '../prompt/model-message.js';
import { standardizePrompt } from '../prompt/standardize-prompt.js';
import type { LanguageModel, LanguageModelCallOptions, ProviderOptions } from '../provider/index.js';
import { validateCommonSettings } from '../util/call-signal.js';

/** The options every text function takes besides its own. */
export interface TextCallOptions extends PromptOptions, CallSettings {
  /** The model, e.g. `openai('gpt-4o-mini')`. */
  model: LanguageModel;
  /** Retries after the first attempt on retryable errors (default 2). */
  maxRetries?: number;
  /** Milliseconds for the whole call, retries and streaming included; rejects with a `TimeoutError` `DOMException`. */
  timeout?: number;
  /** Cancels the call; its reason is rethrown untouched. */
  abortSignal?: AbortSignal;
  /** Extra HTTP headers for this call. */
  headers?: Record<string, string | undefined>;
  /** Per-provider options, keyed by provider id (`{ openai: { user: 'u-1' } }`). */
  providerOptions?: ProviderOptions;
}

/** A validated text call, ready for `doGenerate`/`doStream` once a signal is added. */
export interface PreparedTextCall {
  /** The model. */
  model: LanguageModel;
  /** Call options without `abortSignal`. */
  callOptions: LanguageModelCallOptions;
  /** Validated retry count. */
  maxRetries: number;
  /** Validated timeout. */
  timeout: number | undefined;
}

/** Validates a text call before any request: model, prompt, settings, and what the model can take. */
export function prepareTextCall(options: TextCallOptions): PreparedTextCall {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError({ argument: 'options', message: 'must be an object' });
  }
  const model = assertLanguageModel(options.model);
  const { maxRetries, timeout } = validateCommonSettings(options);
  const prompt = standardizePrompt(options);
  if (!model.capabilities.imageInput && prompt.some((message) => message.role === 'user' && message.content.some((part) => part.type === 'file'))) {
    throw new UnsupportedFunctionalityError({ functionality: 'image input', provider: `${model.provider} model ${model.modelId}` });
  }
  // The settings object is fresh: extended in place, not spread (see docs/performance.md on spreads in Node 20).
  const callOptions = prepareCallSettings(options) as LanguageModelCallOptions;
  callOptions.prompt = prompt;
  callOptions.headers = options.headers;
  callOptions.providerOptions = options.providerOptions;
  return { model, maxRetries, timeout, callOptions };
}

/** Checks that `model` implements the v1 language model interface. */
export function assertLanguageModel(model: unknown): LanguageModel {
  const candidate = model as Partial<LanguageModel> | undefined;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.doGenerate !== 'function' || typeof candidate.doStream !== 'function') {
    throw new InvalidArgumentError({ argument: 'model', message: 'must be a language model, e.g. openai("gpt-4o-mini")' });
  }
  if (candidate.specificationVersion !== 'v1') {
    throw new InvalidArgumentError({
      argument: 'model',
      message: `implements specification ${String(candidate.specificationVersion)}, but this version of aigc supports v1`,
    });
  }
  return candidate as LanguageModel;
}
