import { AigcError } from './aigc-error.js';

const NAME = 'AI_NoContentGeneratedError';

/**
 * The provider answered but returned no image, audio or transcript.
 *
 * @example
 * ```ts
 * try {
 *   await transcribe({ model: openai.transcription('whisper-1'), audio });
 * } catch (error) {
 *   if (NoContentGeneratedError.isInstance(error)) console.error(`${error.provider} returned nothing`);
 * }
 * ```
 */
export class NoContentGeneratedError extends AigcError {
  override readonly name = NAME;
  /** The provider, e.g. `openai.image`. */
  readonly provider: string | undefined;

  /** `message` says what was missing. */
  constructor(options: { message: string; provider?: string; cause?: unknown }) {
    super(options.message, { cause: options.cause });
    this.provider = options.provider;
  }

  /** True for a `NoContentGeneratedError` from any copy of aigc. */
  static override isInstance(value: unknown): value is NoContentGeneratedError {
    return AigcError.hasName(value, NAME);
  }
}
