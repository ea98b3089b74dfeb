import { AigcError } from './aigc-error.js';

const NAME = 'AI_InvalidArgumentError';

/**
 * A call option is missing or invalid. Thrown before any request is sent.
 *
 * @example
 * ```ts
 * try {
 *   await generateText({ model, prompt: '' });
 * } catch (error) {
 *   if (InvalidArgumentError.isInstance(error)) console.error(error.argument); // 'prompt'
 * }
 * ```
 */
export class InvalidArgumentError extends AigcError {
  override readonly name = NAME;
  /** The option, as the caller spelled it (e.g. `temperature`, `messages[1].content`). */
  readonly argument: string;
  /** The value that was rejected (omitted when it could hold a secret or be huge). */
  readonly value: unknown;

  /** `message` says what is expected. */
  constructor(options: { argument: string; message: string; value?: unknown }) {
    super(`Invalid argument \`${options.argument}\`: ${options.message}`);
    this.argument = options.argument;
    this.value = options.value;
  }

  /** True for an `InvalidArgumentError` from any copy of aigc. */
  static override isInstance(value: unknown): value is InvalidArgumentError {
    return AigcError.hasName(value, NAME);
  }
}
