import { AigcError } from './aigc-error.js';

const NAME = 'AI_UnsupportedFunctionalityError';

/**
 * The model or provider cannot do what was asked (e.g. image input on a text-only model).
 *
 * @example
 * ```ts
 * try {
 *   await generateObject({ model, schema, prompt: 'A title' });
 * } catch (error) {
 *   if (UnsupportedFunctionalityError.isInstance(error)) console.error(error.functionality);
 * }
 * ```
 */
export class UnsupportedFunctionalityError extends AigcError {
  override readonly name = NAME;
  /** What was asked for, e.g. `image input`. */
  readonly functionality: string;

  /** Names the functionality and who lacks it. */
  constructor(options: { functionality: string; provider?: string; message?: string }) {
    super(options.message ?? `${options.provider ?? 'This model'} does not support ${options.functionality}.`);
    this.functionality = options.functionality;
  }

  /** True for an `UnsupportedFunctionalityError` from any copy of aigc. */
  static override isInstance(value: unknown): value is UnsupportedFunctionalityError {
    return AigcError.hasName(value, NAME);
  }
}
