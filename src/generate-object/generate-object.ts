import type { FinishReason, LanguageModelUsage, ProviderMetadata, ResponseMetadata, Warning } from '../provider/index.js';
import { retryWithBackoff } from '../retry/retry-with-backoff.js';
import type { FlexibleSchema, InferSchema } from '../schema/as-schema.js';
import { createCallSignal } from '../util/call-signal.js';
import { parseObject, prepareObjectCall, type ObjectCallOptions } from './prepare-object-call.js';

/** Options of {@link generateObject}. */
export type GenerateObjectOptions<SCHEMA extends FlexibleSchema> = ObjectCallOptions<SCHEMA>;

/** The result of {@link generateObject}. */
export interface GenerateObjectResult<T> {
  /** The validated object. */
  object: T;
  /** Why the model stopped. */
  finishReason: FinishReason;
  /** Token usage. */
  usage: LanguageModelUsage;
  /** Settings the model ignored. */
  warnings: Warning[];
  /** Response metadata. */
  response: ResponseMetadata & { body?: unknown };
  /** Provider-specific extras. */
  providerMetadata: ProviderMetadata | undefined;
}

/**
 * Generates an object that satisfies a zod 4 schema. A reply that is not
 * JSON or fails the schema throws `NoObjectGeneratedError` with the raw text.
 *
 * @example
 * const { object } = await generateObject({
 *   model: openai('gpt-4o-mini'),
 *   schema: z.object({ title: z.string(), tags: z.array(z.string()) }),
 *   prompt: 'Summarise …',
 * });
 */
export async function generateObject<SCHEMA extends FlexibleSchema>(
  options: GenerateObjectOptions<SCHEMA>,
): Promise<GenerateObjectResult<InferSchema<SCHEMA>>> {
  const call = prepareObjectCall<InferSchema<SCHEMA>>(options as ObjectCallOptions<FlexibleSchema<InferSchema<SCHEMA>>>);
  const callSignal = createCallSignal(options.abortSignal, call.timeout);
  try {
    const result = await retryWithBackoff(() => call.model.doGenerate(Object.assign({}, call.callOptions, { abortSignal: callSignal.signal })), {
      maxRetries: call.maxRetries,
      abortSignal: callSignal.signal,
    });
    const text = result.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
    const object = await parseObject(text, call, { usage: result.usage, finishReason: result.finishReason, response: result.response });
    return {
      object,
      finishReason: result.finishReason,
      usage: result.usage,
      warnings: result.warnings,
      response: result.response,
      providerMetadata: result.providerMetadata,
    };
  } finally {
    callSignal.dispose();
  }
}
