import { AigcError } from './aigc-error.js';

const NAME = 'AI_InvalidResponseError';

/**
 * The provider's payload was not what its wire format promises (bad JSON, wrong shape, HTML).
 *
 * @example
 * ```ts
 * try {
 *   await generateText({ model, prompt: 'Hi' });
 * } catch (error) {
 *   if (InvalidResponseError.isInstance(error)) console.error(error.provider, error.rawValue);
 * }
 * ```
 */
export class InvalidResponseError extends AigcError {
  override readonly name = NAME;
  /** The provider, e.g. `openai.chat`. */
  readonly provider: string;
  /** The offending payload, truncated. */
  readonly rawValue: unknown;

  /** `cause` is the parse or validation failure. */
  constructor(options: { provider: string; message: string; rawValue?: unknown; cause?: unknown }) {
    super(`Invalid response from ${options.provider}: ${options.message}`, { cause: options.cause });
    this.provider = options.provider;
    this.rawValue = typeof options.rawValue === 'string' && options.rawValue.length > 2000
      ? `${options.rawValue.slice(0, 2000)}…`
      : options.rawValue;
  }

  /** True for an `InvalidResponseError` from any copy of aigc. */
  static override isInstance(value: unknown): value is InvalidResponseError {
    return AigcError.hasName(value, NAME);
  }
}
