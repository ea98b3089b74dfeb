import type { FinishReason, LanguageModelUsage, ResponseMetadata } from '../provider/index.js';
import { AigcError } from './aigc-error.js';

const NAME = 'AI_NoObjectGeneratedError';

/**
 * The model's answer was not JSON, or did not satisfy the schema. `text` holds the raw answer.
 *
 * @example
 * ```ts
 * try {
 *   await generateObject({ model, schema: z.object({ title: z.string() }), prompt: 'A title' });
 * } catch (error) {
 *   if (NoObjectGeneratedError.isInstance(error)) console.error('raw answer:', error.text, error.cause);
 * }
 * ```
 */
export class NoObjectGeneratedError extends AigcError {
  override readonly name = NAME;
  /** The model's raw text. */
  readonly text: string | undefined;
  /** Token usage of the call that produced it. */
  readonly usage: LanguageModelUsage | undefined;
  /** Why the model stopped (`length` explains many truncated objects). */
  readonly finishReason: FinishReason | undefined;
  /** The response metadata. */
  readonly response: ResponseMetadata | undefined;

  /** `cause` is the JSON or schema error. */
  constructor(options: {
    message?: string;
    text: string | undefined;
    cause?: unknown;
    usage?: LanguageModelUsage;
    finishReason?: FinishReason;
    response?: ResponseMetadata;
  }) {
    super(options.message ?? 'No object generated: the response did not match the schema.', { cause: options.cause });
    this.text = options.text;
    this.usage = options.usage;
    this.finishReason = options.finishReason;
    this.response = options.response;
  }

  /** True for a `NoObjectGeneratedError` from any copy of aigc. */
  static override isInstance(value: unknown): value is NoObjectGeneratedError {
    return AigcError.hasName(value, NAME);
  }
}
